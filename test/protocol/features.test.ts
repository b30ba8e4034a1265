/** Hover, code lens (+ its command), symbols, folding, completion, the coverage request and the workspace check. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeLensRequest,
  type CompletionItem,
  CompletionRequest,
  type DocumentSymbol,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  type MarkupContent,
  WorkDoneProgress,
  type WorkDoneProgressBegin,
} from 'vscode-languageserver-protocol/node';
import { CheckWorkspaceRequest, CoverageRequest, type CoverageView } from '../../server/src/protocol';
import { editsFor, fixture, onlyInserted, repoRoot, TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ locale: 'en', settings: { debounceMs: 20 } });
});
afterAll(async () => {
  await server.stop();
});

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);

describe('hover', () => {
  it('on an area heading: the national area and its evidence', async () => {
    const doc = server.openFixture('gap-zh.md');
    const line = lineOf(doc.text, '## 二、强化源头防控');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line, character: 6 } });
    const value = (hover!.contents as MarkupContent).value;
    expect((hover!.contents as MarkupContent).kind).toBe('markdown');
    expect(value).toContain('**National area**');
    expect(value).toContain('`source-prevention`');
    expect(value).toContain('4/4 measures');
    doc.close();
  });

  it('on a measure heading: the national measure, its wording when known, and evidence lines', async () => {
    const doc = server.openFixture('gap-zh.md');
    const line = lineOf(doc.text, '### （二）推进交通运输协同增效');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line, character: 8 } });
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain('`key-areas/transport`');
    expect(value).toContain('**Evidence that counts**');
    expect(value).toMatch(new RegExp(`line (${line + 1}|${line + 3})`));
    doc.close();
  });

  it('on a target value: the national value and the comparison', async () => {
    const doc = server.openFixture('gap-zh.md');
    const line = doc.text.split('\n').findIndex((l) => l.startsWith('到2025年'));
    const character = doc.text.split('\n')[line].indexOf('62%');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line, character } });
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain('`bulk-solid-waste-utilisation`');
    expect(value).toContain('This draft: 62%');
    expect(value).toContain('National: at least 60%');
    expect(value).toContain('more ambitious than the national value');
    doc.close();
  });

  it('elsewhere: nothing', async () => {
    const doc = server.openFixture('gap-zh.md');
    const line = doc.text.split('\n').findIndex((l) => l.startsWith('落实“三线一单”'));
    expect(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line, character: 3 } })).toBeNull();
    doc.close();
  });
});

describe('code lens', () => {
  it('shows measure counts per area chapter and runs the insert through workspace/applyEdit', async () => {
    const doc = server.openFixture('gap-zh.md');
    await doc.diagnostics();
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: doc.uri } })) ?? [];
    const top = lenses.find((l) => l.command?.command === 'planlint.showCoverage')!;
    expect(top.command!.title).toMatch(/^PlanLint coverage \d+% · 1 areas missing$/);
    expect(top.command!.arguments).toEqual([doc.uri]);
    const keyAreas = lenses.find((l) => l.range.start.line === lineOf(doc.text, '## 三、突出重点领域'))!;
    // Missing measures by their short names (the profile's `short`), not their long national titles.
    expect(keyAreas.command!.title).toBe('4/5 measures · missing: Agriculture');
    expect(keyAreas.command!.command).toBe('planlint.insertMissing');
    expect(keyAreas.command!.arguments).toEqual([{ uri: doc.uri, version: 1, area: 'key-areas' }]);
    const source = lenses.find((l) => l.range.start.line === lineOf(doc.text, '## 二、强化源头防控'))!;
    expect(source.command).toEqual({ title: '4/4 measures', command: '' });

    const applied = await server.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'planlint.insertMissing',
      arguments: keyAreas.command!.arguments,
    });
    expect(applied).toBe(true);
    const edit = server.appliedEdits.at(-1)!.edit;
    const { version, edits } = editsFor(edit, doc.uri);
    expect(version).toBe(1);
    const before = doc.text;
    doc.applyEdits(edits);
    expect(onlyInserted(before, doc.text, edits)).toBe(true);
    expect(doc.text).toContain('### （四）推进农业领域协同增效');
    const after = await doc.diagnostics();
    expect(after.diagnostics.some((d) => d.code === 'measure-missing')).toBe(false);
    doc.close();
  });
});

describe('fix-all command', () => {
  it('planlint.fixAll applies every skeleton insert through workspace/applyEdit', async () => {
    const doc = server.openFixture('gap-zh.md');
    await doc.diagnostics();
    const applied = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'planlint.fixAll', arguments: [{ uri: doc.uri, version: doc.version }] });
    expect(applied).toBe(true);
    const { version, edits } = editsFor(server.appliedEdits.at(-1)!.edit, doc.uri);
    expect(version).toBe(1);
    const before = doc.text;
    doc.applyEdits(edits);
    expect(onlyInserted(before, doc.text, edits)).toBe(true);
    const after = await doc.diagnostics();
    expect(after.diagnostics.filter((d) => ['area-missing', 'measure-missing', 'target-missing'].includes(String(d.code)))).toEqual([]);
    // Nothing left to insert: the command reports that it did nothing.
    expect(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'planlint.fixAll', arguments: [{ uri: doc.uri }] })).toBe(false);
    doc.close();
  });
});

describe('symbols and folding', () => {
  it('outlines the sections, each tagged with its national area / measure', async () => {
    const doc = server.openFixture('gap-zh.md');
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: doc.uri } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual(['一、总体要求', '二、强化源头防控', '三、突出重点领域', '四、优化环境治理', '五、强化支撑保障', '六、加强组织实施']);
    const keyAreas = symbols[2];
    expect(keyAreas.detail).toMatch(/^key-areas · /);
    expect(keyAreas.children!.map((c) => (c.detail ?? '').split(' · ')[0])).toEqual([
      'key-areas/industry',
      'key-areas/transport',
      'key-areas/urban-rural-construction',
      'key-areas/ecological-construction',
    ]);
    for (const s of symbols) {
      expect(s.range.start.line).toBeLessThanOrEqual(s.selectionRange.start.line);
      expect(s.range.end.line).toBeGreaterThanOrEqual(s.selectionRange.end.line);
    }
    doc.close();
  });

  it('folds each section from its heading to its last line', async () => {
    const doc = server.openFixture('gap-zh.md');
    const ranges = (await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: doc.uri } })) ?? [];
    const lines = doc.text.split('\n');
    const chapter = lineOf(doc.text, '## 三、突出重点领域');
    const next = lineOf(doc.text, '## 四、优化环境治理');
    expect(ranges).toContainEqual({ startLine: chapter, endLine: next - 2 });
    expect(ranges.filter((r) => lines[r.startLine].startsWith('#'))).toHaveLength(lines.filter((l) => /^#{2,3} /.test(l)).length);
    doc.close();
  });
});

describe('completion', () => {
  it('offers missing chapters numbered in place, missing measures in the current chapter, and built-in snippets', async () => {
    const doc = server.openFixture('gap-zh.md');
    const line = lineOf(doc.text, '## 四、优化环境治理') - 1; // the blank line before 四、, inside 三、
    const list = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc.uri }, position: { line, character: 0 } })) as CompletionItem[];
    const labels = list.map((i) => i.label);
    expect(labels).toContain('四、开展模式创新');
    expect(labels).toContain('（五）推进农业领域协同增效');
    const chapter = list.find((i) => i.label === '四、开展模式创新')!;
    expect(chapter.textEdit).toEqual({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '## 四、开展模式创新' });
    expect(list.find((i) => i.label === '（五）推进农业领域协同增效')!.textEdit).toMatchObject({ newText: '### （五）推进农业领域协同增效' });
    expect(labels).toContain('planlint-plan');
    const snippet = list.find((i) => i.label === 'planlint-plan')!;
    expect(snippet.insertTextFormat).toBe(2);
    // Not in the middle of a sentence.
    const mid = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc.uri }, position: { line: line - 1, character: 10 } })) as CompletionItem[];
    expect(mid).toEqual([]);
    doc.close();
  });

  it('leaves the built-in snippets to VS Code when the client says so', async () => {
    const other = await TestServer.start({ initializationOptions: { builtinSnippets: false } });
    try {
      const doc = other.openFixture('gap-zh.md');
      // The blank line after the title: a new chapter there would be the first.
      const list = (await other.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc.uri }, position: { line: 1, character: 0 } })) as CompletionItem[];
      expect(list.some((i) => i.kind === 15)).toBe(false);
      expect(list.map((i) => i.label)).toEqual(['一、开展模式创新']);
    } finally {
      await other.stop();
    }
  });
});

describe('coverage request', () => {
  it('agrees with `planlint check --format json` on the same file', async () => {
    const doc = server.openFixture('gap-zh.md');
    const view = (await server.connection.sendRequest(CoverageRequest, { uri: doc.uri })) as CoverageView;
    expect(view.isPlan).toBe(true);
    expect(view.version).toBe(1);
    expect(view.language).toBe('zh');
    expect(view.areas.map((a) => a.id)).toEqual(['source-prevention', 'key-areas', 'environmental-governance', 'model-innovation', 'support-guarantee', 'organisation']);
    const keyAreas = view.areas.find((a) => a.id === 'key-areas')!;
    expect([keyAreas.covered, keyAreas.total]).toEqual([4, 5]);
    expect(keyAreas.measures.find((m) => m.id === 'agriculture')).toMatchObject({ status: 'missing', title: 'Promote synergy in agriculture', short: 'Agriculture' });
    const targets2025 = view.targets.find((x) => x.year === 2025)!;
    expect(targets2025.indicators.map((i) => [i.id, i.title, i.value])).toEqual([['bulk-solid-waste-utilisation', 'Utilisation rate of new bulk solid waste', 62]]);
    expect(keyAreas.measures.find((m) => m.id === 'transport')!.evidence.length).toBeGreaterThan(0);
    expect(view.areas.find((a) => a.id === 'model-innovation')!.status).toBe('missing');

    const cli = resolve(repoRoot, 'dist/cli/cli.js');
    expect(existsSync(cli), 'dist/cli/cli.js missing: run npm run build').toBe(true);
    let out: string;
    try {
      out = execFileSync(process.execPath, [cli, 'check', '--format', 'json', fixture('gap-zh.md').path], { cwd: repoRoot, encoding: 'utf8' });
    } catch (e) {
      out = (e as { stdout: string }).stdout; // exit 1 when findings are at error severity
    }
    const json = JSON.parse(out) as { files: { coverage: { score: number; areas: { id: string; status: string; measures: { id: string; status: string }[] }[] } }[] };
    const cov = json.files[0].coverage;
    expect(view.score).toBe(cov.score);
    expect(view.areas.map((a) => [a.id, a.status, a.measures.map((m) => [m.id, m.status])])).toEqual(
      cov.areas.map((a) => [a.id, a.status, a.measures.map((m) => [m.id, m.status])]),
    );
    doc.close();
  });

  it('says isPlan false for a README', async () => {
    const doc = server.openFixture('README.md');
    const view = (await server.connection.sendRequest(CoverageRequest, { uri: doc.uri })) as CoverageView;
    expect(view.isPlan).toBe(false);
    expect(view.areas).toEqual([]);
    doc.close();
  });
});

describe('workspace check', () => {
  it('publishes diagnostics for every plan file without opening it, with progress', async () => {
    const token = 'check-1';
    const since = server.published.length;
    const progress: string[] = [];
    const sub = server.connection.onProgress(WorkDoneProgress.type, token, (v) => progress.push(v.kind === 'begin' ? `begin:${(v as WorkDoneProgressBegin).title}` : v.kind));
    const result = await server.connection.sendRequest(CheckWorkspaceRequest, { workDoneToken: token });
    sub.dispose();
    expect(result).toMatchObject({ files: 5, plans: 4, cancelled: false });
    expect(progress[0]).toBe('begin:Checking plan files');
    expect(progress.at(-1)).toBe('end');
    const en = await server.waitForDiagnostics(fixture('gap-en.md').uri, () => true, since);
    expect(en.diagnostics.some((d) => d.code === 'area-missing' && (d.data as { area: string }).area === 'model-innovation')).toBe(true);
    const readme = await server.waitForDiagnostics(fixture('README.md').uri, () => true, since);
    expect(readme.diagnostics).toEqual([]);
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
  });
});
