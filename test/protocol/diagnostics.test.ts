/** Diagnostics from the built server: shape, incremental edits, stale versions, settings changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { ruleDocUrl } from '../../server/src/shared/rules';
import { fixture, TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ locale: 'en', settings: { debounceMs: 20 } });
});
afterAll(async () => {
  await server.stop();
});

/** (rule, area, measure, year) of the coverage findings, sorted, for exact comparison. */
function coverageKeys(diagnostics: Diagnostic[]): string[] {
  const rules = ['area-missing', 'area-mentioned-only', 'measure-missing', 'closing-chapter-missing', 'target-missing'];
  return diagnostics
    .filter((d) => rules.includes(String(d.code)))
    .map((d) => {
      const data = d.data as { area?: string; measure?: string; year?: number };
      return [d.code, data.area ?? '', data.measure ?? '', data.year ?? ''].join(' ');
    })
    .sort();
}

describe('diagnostics of a draft with gaps', () => {
  it('reports exactly the missing area, measure and target, each with code, link, source and data', async () => {
    const doc = server.openFixture('gap-zh.md');
    const { diagnostics, version } = await doc.diagnostics();
    expect(version).toBe(1);
    expect(coverageKeys(diagnostics)).toEqual([
      'area-missing model-innovation  ',
      'measure-missing key-areas agriculture ',
      'target-missing   2030',
    ]);
    for (const d of diagnostics) {
      expect(d.source).toBe('planlint');
      expect(d.codeDescription?.href).toBe(ruleDocUrl(String(d.code)));
      expect(d.data).toMatchObject({ rule: d.code, version: 1 });
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.severity).toBeGreaterThanOrEqual(1);
    }
    const area = diagnostics.find((d) => d.code === 'area-missing')!;
    expect(area.severity).toBe(2); // warning
    doc.close();
  });
});

describe('incremental edits', () => {
  it('re-diagnoses after an incremental insert, the same as a fresh open of the same text', async () => {
    const doc = server.openFixture('gap-zh.md');
    await doc.diagnostics();
    // Insert the agriculture measure after the urban-rural one (line of "### （四）推进生态建设协同增效").
    const line = doc.text.split('\n').indexOf('### （四）推进生态建设协同增效');
    expect(line).toBeGreaterThan(0);
    doc.change(
      { start: { line, character: 0 }, end: { line, character: 0 } },
      '### （四）推进农业领域协同增效\n\n推行化肥农药减量增效，加强畜禽养殖粪污资源化利用，推进秸秆综合利用。\n\n',
    );
    // And fix its number by replacing one character of the next heading: （四） → （五）.
    doc.change({ start: { line: line + 4, character: 5 }, end: { line: line + 4, character: 6 } }, '五');
    const after = await doc.diagnostics(3);
    expect(coverageKeys(after.diagnostics)).toEqual(['area-missing model-innovation  ', 'target-missing   2030']);
    const fresh = server.open(fixture('gap-zh.md').uri.replace('gap-zh.md', 'virtual-copy.md'), doc.text);
    const freshDiagnostics = (await fresh.diagnostics()).diagnostics;
    const strip = (ds: Diagnostic[]) => ds.map((d) => ({ ...d, data: { ...(d.data as object), version: 0 } }));
    expect(strip(after.diagnostics)).toEqual(strip(freshDiagnostics));
    doc.close();
    fresh.close();
  });

  it('never lets a stale version overwrite a newer one', async () => {
    const doc = server.openFixture('gap-zh.md');
    await doc.diagnostics();
    const line = doc.text.split('\n').findIndex((l) => l.startsWith('到2025年'));
    // Type a 2030 target sentence character by character, each a separate version.
    const sentence = '到2030年，减污降碳协同能力显著提升。';
    doc.change({ start: { line, character: 0 }, end: { line, character: 0 } }, '\n\n');
    for (let i = 0; i < sentence.length; i++) {
      doc.change({ start: { line, character: i } , end: { line, character: i } }, sentence[i]);
    }
    const latest = doc.version;
    const last = await doc.diagnostics(latest);
    expect(coverageKeys(last.diagnostics)).toEqual(['area-missing model-innovation  ', 'measure-missing key-areas agriculture ']);
    // Round trip so that anything already queued has arrived, then check the order of publications.
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 0, character: 0 } });
    const versioned = doc.published().filter((p) => p.version !== undefined);
    const versions = versioned.map((p) => p.version!);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(versions[versions.length - 1]).toBe(latest);
    for (const p of versioned) {
      for (const d of p.diagnostics) expect((d.data as { version: number }).version).toBe(p.version);
    }
    doc.close();
  });
});

describe('settings', () => {
  it('re-analyses open documents when the planlint settings change', async () => {
    const doc = server.openFixture('gap-zh.md');
    await doc.diagnostics();
    const next = server.nextDiagnostics(doc.uri, (p) => !p.diagnostics.some((d) => d.code === 'area-missing'));
    server.settings = { debounceMs: 20, severity: { 'area-missing': 'off', 'measure-missing': 'error' } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { planlint: server.settings } });
    const published = await next;
    expect(coverageKeys(published.diagnostics)).toEqual(['measure-missing key-areas agriculture ', 'target-missing   2030']);
    expect(published.diagnostics.find((d) => d.code === 'measure-missing')!.severity).toBe(1);
    const disabled = server.nextDiagnostics(doc.uri, (p) => p.diagnostics.length === 0);
    server.settings = { enable: false };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { planlint: server.settings } });
    expect((await disabled).diagnostics).toEqual([]);
    server.settings = { debounceMs: 20 };
    doc.close();
  });
});
