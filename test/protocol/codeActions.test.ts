/**
 * Every code action applied to the text and re-checked: the finding goes, the original text is
 * intact apart from the insert, and the fix is not offered again (so it cannot insert twice).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CodeAction,
  CodeActionRequest,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { editsFor, insertOnly, onlyInserted, TestServer, type TestDocument } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ locale: 'en', settings: { debounceMs: 20 } });
});
afterAll(async () => {
  await server.stop();
});

const sameFinding = (a: Diagnostic, b: Diagnostic) => a.code === b.code && JSON.stringify({ ...(a.data as object), version: 0 }) === JSON.stringify({ ...(b.data as object), version: 0 });

async function actionsFor(doc: TestDocument, d: Diagnostic | undefined, only?: string[]): Promise<CodeAction[]> {
  const range = d?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const result = await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: doc.uri },
    range,
    context: { diagnostics: d ? [d] : [], only },
  });
  return (result ?? []) as CodeAction[];
}

/** Apply a versioned edit to the document; check it inserts only and keeps the original; return the new diagnostics. */
async function applyAndRecheck(doc: TestDocument, edit: WorkspaceEdit): Promise<Diagnostic[]> {
  const { version, edits } = editsFor(edit, doc.uri);
  expect(version).toBe(doc.version);
  expect(edits.length).toBeGreaterThan(0);
  expect(insertOnly(edits)).toBe(true);
  const before = doc.text;
  const v = doc.applyEdits(edits);
  expect(onlyInserted(before, doc.text, edits)).toBe(true);
  return (await doc.diagnostics(v)).diagnostics;
}

async function find(doc: TestDocument, code: string, data: Record<string, unknown> = {}): Promise<Diagnostic> {
  const { diagnostics } = await doc.diagnostics();
  const d = diagnostics.find((x) => x.code === code && Object.entries(data).every(([k, v]) => (x.data as Record<string, unknown>)[k] === v));
  expect(d, `${code} ${JSON.stringify(data)} in ${JSON.stringify(diagnostics.map((x) => [x.code, x.data]))}`).toBeDefined();
  return d!;
}

/** Run the preferred quick fix of a finding, check the result, and that it is not offered again. */
async function fixOnce(doc: TestDocument, d: Diagnostic): Promise<string> {
  const actions = await actionsFor(doc, d, ['quickfix']);
  const preferred = actions.filter((a) => a.isPreferred);
  expect(preferred).toHaveLength(1);
  const action = preferred[0];
  expect(action.kind).toBe('quickfix');
  expect(action.diagnostics?.map((x) => x.code)).toEqual([d.code]);
  const inserted = editsFor(action.edit!, doc.uri).edits.map((e) => e.newText).join('');
  const after = await applyAndRecheck(doc, action.edit!);
  expect(after.some((x) => sameFinding(x, d))).toBe(false);
  // Asking again on the same place: the insert is not offered any more.
  const again = await actionsFor(doc, { ...d, data: { ...(d.data as object), version: doc.version } });
  expect(again.filter((a) => a.title === action.title)).toEqual([]);
  return inserted;
}

describe('skeleton inserts (Chinese draft)', () => {
  it('area-missing: inserts the chapter after 优化环境治理, numbered 五、, with its measures', async () => {
    const doc = server.openFixture('gap-zh.md');
    const inserted = await fixOnce(doc, await find(doc, 'area-missing', { area: 'model-innovation' }));
    const lines = doc.text.split('\n');
    const at = lines.indexOf('## 五、开展模式创新');
    expect(at).toBeGreaterThan(lines.indexOf('## 四、优化环境治理'));
    expect(at).toBeLessThan(lines.indexOf('## 五、强化支撑保障'));
    expect(lines.slice(at, at + 6)).toEqual(['## 五、开展模式创新', '', '### （一）开展区域减污降碳协同创新', '', '〔待补充：开展区域减污降碳协同创新的具体措施〕', '']);
    expect(inserted.match(/^### /gm)).toHaveLength(4);
    doc.close();
  });

  it('measure-missing: inserts the agriculture section after the urban-rural one', async () => {
    const doc = server.openFixture('gap-zh.md');
    await fixOnce(doc, await find(doc, 'measure-missing', { area: 'key-areas', measure: 'agriculture' }));
    const lines = doc.text.split('\n');
    const at = lines.indexOf('### （四）推进农业领域协同增效');
    expect(at).toBeGreaterThan(lines.indexOf('### （三）推进城乡建设协同增效'));
    expect(lines.slice(at, at + 4)).toEqual(['### （四）推进农业领域协同增效', '', '〔待补充：推进农业领域协同增效的具体措施〕', '']);
    expect(lines[at + 4]).toBe('### （四）推进生态建设协同增效');
    doc.close();
  });

  it('target-missing: inserts a 2030 sentence after the 2025 one', async () => {
    const doc = server.openFixture('gap-zh.md');
    await fixOnce(doc, await find(doc, 'target-missing', { year: 2030 }));
    const lines = doc.text.split('\n');
    const y2025 = lines.findIndex((l) => l.startsWith('到2025年'));
    expect(lines.slice(y2025 + 1, y2025 + 4)).toEqual(['', '到2030年，〔待补充：2030年主要目标及量化指标〕。', '']);
    doc.close();
  });

  it('disable for this file / next line: inserts the comment and the finding goes', async () => {
    const doc = server.openFixture('gap-zh.md');
    const d = await find(doc, 'measure-missing', { measure: 'agriculture' });
    const actions = await actionsFor(doc, d, ['quickfix']);
    const file = actions.find((a) => a.title === 'Disable measure-missing:key-areas/agriculture for this file (with a reason)')!;
    const nextLine = actions.find((a) => a.title === 'Disable measure-missing:key-areas/agriculture for the next line (with a reason)')!;
    expect(file.diagnostics?.[0].code).toBe('measure-missing');
    expect(editsFor(file.edit!, doc.uri).edits.map((e) => e.newText)).toEqual(['<!-- planlint-disable measure-missing:key-areas/agriculture -- 〔待补充：原因〕 -->\n']);
    expect(editsFor(nextLine.edit!, doc.uri).edits[0].range.start).toEqual({ line: d.range.start.line, character: 0 });
    const after = await applyAndRecheck(doc, file.edit!);
    expect(after.some((x) => sameFinding(x, d))).toBe(false);
    expect(doc.text.split('\n')[0]).toBe('<!-- planlint-disable measure-missing:key-areas/agriculture -- 〔待补充：原因〕 -->');
    doc.close();
  });
});

describe('fix all', () => {
  it('inserts every skeleton at once; on the completed draft it offers nothing', async () => {
    const doc = server.openFixture('gap-zh.md');
    await doc.diagnostics();
    const actions = await actionsFor(doc, undefined, ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.planlint']);
    const after = await applyAndRecheck(doc, actions[0].edit!);
    expect(after.filter((d) => ['area-missing', 'measure-missing', 'target-missing'].includes(String(d.code)))).toEqual([]);
    expect(doc.text).toContain('## 五、开展模式创新');
    expect(doc.text).toContain('### （四）推进农业领域协同增效');
    expect(doc.text).toContain('到2030年，〔待补充：2030年主要目标及量化指标〕。');
    expect(await actionsFor(doc, undefined, ['source.fixAll'])).toEqual([]);
    doc.close();
  });
});

describe('other drafts', () => {
  it('English draft: inserts the chapter of an area only mentioned, with a Roman number and English titles', async () => {
    const doc = server.openFixture('gap-en.md');
    const inserted = await fixOnce(doc, await find(doc, 'area-mentioned-only', { area: 'environmental-governance' }));
    const lines = doc.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('## IV. ') && l !== '## IV. Strengthen Support and Guarantees');
    expect(at).toBeGreaterThan(lines.indexOf('## III. Highlight Key Areas of Synergy'));
    expect(at).toBeLessThan(lines.indexOf('## IV. Strengthen Support and Guarantees'));
    expect(lines[at + 2]).toMatch(/^### \(1\) /);
    expect(inserted).toContain('[To be completed: ');
    expect(inserted).not.toMatch(/[\u4e00-\u9fff]/);
    doc.close();
  });

  it('flat draft: inserts numbered paragraph lines, not Markdown headings', async () => {
    const doc = server.openFixture('flat-zh.md');
    const inserted = await fixOnce(doc, await find(doc, 'area-missing', { area: 'key-areas' }));
    expect(inserted).not.toContain('#');
    const lines = doc.text.split('\n');
    const at = lines.indexOf('三、突出重点领域');
    expect(at).toBeGreaterThan(lines.indexOf('二、加强源头防控'));
    expect(at).toBeLessThan(lines.indexOf('三、优化环境治理'));
    expect(lines[at + 2]).toBe('（一）推进工业领域协同增效。〔待补充：推进工业领域协同增效的具体措施〕');
    doc.close();
  });

  it('target table: the 2030 target goes into the targets section', async () => {
    const doc = server.openFixture('table-zh.md');
    const inserted = await fixOnce(doc, await find(doc, 'target-missing', { year: 2030 }));
    expect(inserted).toContain('2030');
    const lines = doc.text.split('\n');
    const at = lines.findIndex((l) => l.includes('2030'));
    expect(at).toBeGreaterThan(lines.indexOf('### （一）主要目标'));
    expect(at).toBeLessThan(lines.indexOf('## 二、加强源头防控'));
    doc.close();
  });
});

describe('each quick fix names the diagnostic it fixes', () => {
  const quickfixes = (actions: CodeAction[]) => actions.filter((a) => a.kind === 'quickfix');

  it('the diagnostic the client sent, exactly as published', async () => {
    const doc = server.openFixture('gap-zh.md');
    const { diagnostics } = await doc.diagnostics();
    for (const d of diagnostics.filter((x) => ['area-missing', 'measure-missing', 'target-missing'].includes(String(x.code)))) {
      const actions = quickfixes(await actionsFor(doc, d));
      expect(actions.length, String(d.code)).toBeGreaterThanOrEqual(2);
      for (const a of actions) expect(a.diagnostics, `${a.title}`).toEqual([d]);
    }
    doc.close();
  });

  it('without diagnostics from the client: the published diagnostic of the finding in the range', async () => {
    const doc = server.openFixture('gap-zh.md');
    const { diagnostics } = await doc.diagnostics();
    const d = diagnostics.find((x) => x.code === 'target-missing')!;
    const result = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: d.range,
      context: { diagnostics: [], only: ['quickfix'] },
    })) as CodeAction[];
    const forTarget = result.filter((a) => a.diagnostics?.[0]?.code === 'target-missing');
    expect(forTarget.map((a) => a.title)).toContain('Insert a 2030 target');
    for (const a of forTarget) expect(a.diagnostics).toEqual([d]);
    // Every action carries one diagnostic, and it is one that was published.
    for (const a of result) expect(diagnostics).toContainEqual(a.diagnostics![0]);
    doc.close();
  });

  it('several diagnostics sent at once: each action carries its own', async () => {
    const doc = server.openFixture('gap-zh.md');
    const { diagnostics } = await doc.diagnostics();
    const area = await find(doc, 'area-missing', { area: 'model-innovation' });
    const target = await find(doc, 'target-missing', { year: 2030 });
    const result = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: { start: { line: 0, character: 0 }, end: { line: doc.text.split('\n').length, character: 0 } },
      context: { diagnostics: [target, area], only: ['quickfix'] },
    })) as CodeAction[];
    expect(result.find((a) => a.title === 'Insert a 2030 target')!.diagnostics).toEqual([target]);
    expect(result.find((a) => a.isPreferred && a.title.startsWith('Insert the chapter'))!.diagnostics).toEqual([area]);
    expect(new Set(result.map((a) => JSON.stringify(a.diagnostics)))).toEqual(new Set([JSON.stringify([area]), JSON.stringify([target])]));
    expect(diagnostics.length).toBeGreaterThan(2);
    doc.close();
  });

  it('a client that drops `data` gets the fixes too, tied to the diagnostic it sent', async () => {
    const doc = server.openFixture('gap-zh.md');
    const d = await find(doc, 'measure-missing', { measure: 'agriculture' });
    const bare: Diagnostic = { ...d, data: undefined };
    delete bare.data;
    const actions = quickfixes(await actionsFor(doc, bare));
    expect(actions.map((a) => a.title)).toContain('Insert the section “Promote synergy in agriculture”');
    for (const a of actions) expect(a.diagnostics).toEqual([bare]);
    doc.close();
  });

  it('a diagnostic of an earlier version (the text moved since): the fix is for the current text, tied to that diagnostic', async () => {
    const doc = server.openFixture('gap-zh.md');
    const d = await find(doc, 'target-missing', { year: 2030 });
    // A new line at the top moves every finding one line down.
    const v2 = doc.change({ start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '\n');
    const now = (await doc.diagnostics(v2)).diagnostics.find((x) => x.code === 'target-missing')!;
    expect(now.range.start.line).toBe(d.range.start.line + 1);
    const actions = quickfixes(await actionsFor(doc, d));
    const insert = actions.find((a) => a.title === 'Insert a 2030 target')!;
    expect(insert.diagnostics).toEqual([d]);
    expect(editsFor(insert.edit!, doc.uri).version).toBe(v2);
    doc.close();
  });
});
