/**
 * LSP misuse against the built server: requests for documents never opened, skipped and stale
 * versions, edits with ranges outside the document, malformed params, cancellation mid-analysis.
 * Each gets a proper error or an empty result, and the server goes on serving.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  LogMessageNotification,
  MessageType,
  type PublishDiagnosticsParams,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoverageRequest } from '../../server/src/protocol';
import { fixture, LIBRARY_REPORTS, repoRoot, TestServer } from './harness';

let server: TestServer;
/** Errors the server logged itself (it logs the internal errors it catches and goes on). */
const logged: string[] = [];
beforeAll(async () => {
  server = await TestServer.start({ locale: 'en', settings: { debounceMs: 10 } });
  server.connection.onNotification(LogMessageNotification.type, (m) => {
    if (m.type === MessageType.Error && !LIBRARY_REPORTS.test(m.message)) logged.push(m.message);
  });
});
afterAll(async () => {
  await server.stop();
});

/** A request that must settle (result or error) within `ms`: a hang fails the test. */
async function settle<T>(p: Promise<T>, ms = 20_000): Promise<{ result?: T; error?: ResponseError<unknown> | Error }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  try {
    return { result: await Promise.race([p, timeout]) };
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('no answer within')) throw e;
    return { error: e as Error };
  } finally {
    clearTimeout(timer);
  }
}

/** Comparable form of a publication's diagnostics. */
const keys = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

/** The server still works: a fresh plan gets its diagnostics and a hover answers. */
async function stillServing(tag: string): Promise<void> {
  const f = fixture('gap-zh.md');
  const doc = server.open(`file:///misuse/alive-${tag}.md`, f.text);
  const p = await doc.diagnostics();
  expect(p.diagnostics.some((d) => d.code === 'area-missing')).toBe(true);
  const hover = await settle(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: doc.uri }, position: { line: 0, character: 2 } }));
  expect(hover.error).toBeUndefined();
  doc.close();
  expect(server.process.exitCode).toBeNull();
}

describe('requests for a document that was never opened', () => {
  const textDocument = { uri: 'file:///misuse/never-opened.md' };
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  it('answers each with an empty result', async () => {
    const c = server.connection;
    expect((await settle(c.sendRequest(HoverRequest.type, { textDocument, position: range.start }))).result).toBeNull();
    expect((await settle(c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }))).result).toEqual([]);
    expect((await settle(c.sendRequest(CodeLensRequest.type, { textDocument }))).result).toEqual([]);
    expect((await settle(c.sendRequest(DocumentSymbolRequest.type, { textDocument }))).result).toEqual([]);
    expect((await settle(c.sendRequest(FoldingRangeRequest.type, { textDocument }))).result).toEqual([]);
    expect((await settle(c.sendRequest(CompletionRequest.type, { textDocument, position: range.start }))).result).toEqual([]);
    expect((await settle(c.sendRequest(CoverageRequest, { uri: textDocument.uri }))).result).toBeNull();
    for (const command of ['planlint.insertMissing', 'planlint.fixAll']) {
      expect((await settle(c.sendRequest(ExecuteCommandRequest.type, { command, arguments: [{ uri: textDocument.uri }] }))).result).toBe(false);
    }
    await stillServing('unknown');
  });

  it('ignores changes and closes of it', async () => {
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: textDocument.uri, version: 2 },
      contentChanges: [{ range, text: '# 减污降碳' }],
    });
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument });
    await stillServing('unknown-change');
    expect(server.publishedFor(textDocument.uri).every((p) => p.diagnostics.length === 0)).toBe(true);
  });
});

/** Send one change event as is (no local bookkeeping) and return the text a conforming client would have. */
function sendChange(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): void {
  void server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: changes as never,
  });
}

/** What the server's document store makes of the same events (the library's reference behaviour). */
function reference(text: string, events: { version: number; changes: Parameters<typeof sendChange>[2] }[]): TextDocument {
  let doc = TextDocument.create('file:///r.md', 'markdown', 1, text);
  for (const e of events) doc = TextDocument.update(doc, e.changes as never, e.version);
  return doc;
}

/** Diagnostics the server publishes for `text` opened fresh under another uri. */
async function freshDiagnostics(tag: string, text: string): Promise<string[]> {
  const doc = server.open(`file:///misuse/fresh-${tag}.md`, text);
  const p = await doc.diagnostics();
  doc.close();
  return keys(p.diagnostics);
}

function inside(text: string, p: PublishDiagnosticsParams): boolean {
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
  return p.diagnostics.every((d) => {
    const s = doc.offsetAt(d.range.start);
    const back = doc.positionAt(s);
    return d.range.start.line < doc.lineCount && d.range.end.line < doc.lineCount && back.line === d.range.start.line && doc.positionAt(doc.offsetAt(d.range.end)).character === d.range.end.character;
  });
}

describe('versions and ranges a client should not send', () => {
  const base = fixture('gap-zh.md').text;

  for (const [index, [name, events]] of ([
    ['skipped versions (1 → 5 → 9)', [
      { version: 5, changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<!-- 草稿 -->\n' }] },
      { version: 9, changes: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '补充一句。\n' }] },
    ]],
    ['a stale version after a newer one (1 → 7 → 3)', [
      { version: 7, changes: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '## 五、开展模式创新\n\n推进区域协同创新。\n\n' }] },
      { version: 3, changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, text: '' }] },
    ]],
    ['ranges past the end, before the start and reversed', [
      { version: 2, changes: [{ range: { start: { line: 99_999, character: 0 }, end: { line: 99_999, character: 5 } }, text: '\n## 七、加强组织实施\n\n加强组织领导。\n' }] },
      { version: 3, changes: [{ range: { start: { line: -4, character: -9 }, end: { line: -1, character: 0 } }, text: '前言。\n' }] },
      { version: 4, changes: [{ range: { start: { line: 5, character: 9_999 }, end: { line: 2, character: 1 } }, text: '' }] },
      { version: 5, changes: [{ range: { start: { line: 1, character: 1_000_000 }, end: { line: 1, character: 1_000_000 } }, text: '，续' }] },
    ]],
    ['several changes in one event, a whole-text replacement among them', [
      { version: 2, changes: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' },
        { text: base.replace('## 二、', '## 二、强化') },
        { range: { start: { line: 4, character: 0 }, end: { line: 400, character: 0 } }, text: '' },
      ] },
    ]],
  ] as const).entries()) {
    it(`${name}: keeps the text a conforming document store keeps, and diagnoses it like a fresh open`, async () => {
      const uri = `file:///misuse/versions-${index}.md`;
      const doc = server.open(uri, base);
      await doc.diagnostics();
      const evs = events as unknown as { version: number; changes: Parameters<typeof sendChange>[2] }[];
      for (const e of evs) sendChange(uri, e.version, e.changes);
      const expected = reference(base, evs);
      const last = evs[evs.length - 1].version;
      const got = await server.waitForDiagnostics(uri, (p) => p.version === last, 0);
      expect(inside(expected.getText(), got)).toBe(true);
      expect(keys(got.diagnostics)).toEqual(await freshDiagnostics(`v${index}`, expected.getText()));
      doc.close();
    });
  }
});

describe('a document opened again without a close', () => {
  it('is analysed anew, even at the same version (found by the generated misuse property)', async () => {
    const uri = 'file:///misuse/reopened.md';
    const first = fixture('gap-zh.md').text;
    const second = '# 某市实施方案\n\n## 一、总体要求\n\n正文。\n';
    const doc = server.open(uri, first);
    await doc.diagnostics();
    const again = server.open(uri, second);
    const symbols = (await settle(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }))).result as { name: string; range: { end: { line: number } } }[];
    expect(symbols.map((s) => s.name)).toEqual(['一、总体要求']);
    expect(symbols.every((s) => s.range.end.line < second.split('\n').length)).toBe(true);
    // one more change so the publication to wait for is of the second text only
    const v = again.change({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '');
    const published = await again.diagnostics(v);
    expect(inside(second, published)).toBe(true);
    expect(keys(published.diagnostics)).toEqual(await freshDiagnostics('reopened', second));
    again.close();
  });
});

describe('a version number used again for another text', () => {
  it('is analysed anew (1 → 0 → 1: the second 1 is not the first; found by the generated misuse property)', async () => {
    const uri = 'file:///misuse/version-again.md';
    const first = fixture('gap-zh.md').text;
    const doc = server.open(uri, first);
    await doc.diagnostics();
    sendChange(uri, 0, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    sendChange(uri, 1, [{ text: '# 某市实施方案\n\n## 一、总体要求\n\n正文。\n' }]);
    const second = reference(first, [{ version: 1, changes: [{ text: '# 某市实施方案\n\n## 一、总体要求\n\n正文。\n' }] }]).getText();
    const symbols = (await settle(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }))).result as { name: string }[];
    expect(symbols.map((s) => s.name)).toEqual(['一、总体要求']);
    sendChange(uri, 50, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    const published = await server.waitForDiagnostics(uri, (p) => p.version === 50, 0);
    expect(inside(second, published)).toBe(true);
    expect(keys(published.diagnostics)).toEqual(await freshDiagnostics('version-again', second));
    doc.close();
  });
});

describe('positions outside the document', () => {
  it('completion answers nothing before the start or below the end, and reads a column past the end as the end', async () => {
    const f = fixture('gap-zh.md');
    const doc = server.open('file:///misuse/positions.md', f.text);
    await doc.diagnostics();
    const lines = f.text.split(/\r\n|\r|\n/);
    const blank = lines.findIndex((l, i) => i > 0 && l === '' && lines[i - 1] === '');
    const at = blank >= 0 ? blank : lines.length - 1;
    const ask = async (position: { line: number; character: number }) =>
      ((await settle(server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc.uri }, position }))).result ?? []) as { textEdit?: { range: unknown } }[];
    for (const position of [{ line: -1, character: 0 }, { line: 0, character: -3 }, { line: lines.length + 5, character: 0 }, { line: 2 ** 31 - 1, character: 5 }]) {
      expect(await ask(position), JSON.stringify(position)).toEqual([]);
    }
    const atEnd = await ask({ line: at, character: lines[at].length });
    const pastEnd = await ask({ line: at, character: 1e9 });
    expect(atEnd.length).toBeGreaterThan(0);
    expect(pastEnd.map((i) => i.textEdit?.range)).toEqual(atEnd.map((i) => i.textEdit?.range));
    doc.close();
  });
});

describe('malformed params', () => {
  const c = () => server.connection;
  it('answers malformed requests with an error or an empty result', async () => {
    const bad: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: 'here' }],
      ['textDocument/hover', null],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///misuse/alive.md' } }],
      ['textDocument/codeLens', { textDocument: null }],
      ['textDocument/documentSymbol', []],
      ['textDocument/completion', { textDocument: { uri: '::not a uri::' }, position: { line: 'one', character: {} } }],
      ['workspace/executeCommand', { command: 'planlint.insertMissing', arguments: [42] }],
      ['workspace/executeCommand', { command: 'planlint.fixAll', arguments: 'not an array' }],
      ['workspace/executeCommand', { command: 'planlint.nope', arguments: [{ uri: {} }] }],
      ['planlint/coverage', null],
      ['planlint/coverage', { uri: ['a'] }],
      ['planlint/report', { uri: 'file:///nowhere.md', format: 'exe' }],
      ['planlint/profile', { uri: 7 }],
      ['planlint/snippetEntry', { nonsense: true }],
      ['planlint/no-such-request', {}],
    ];
    const f = fixture('gap-zh.md');
    const alive = server.open('file:///misuse/alive.md', f.text);
    await alive.diagnostics();
    for (const [method, params] of bad) {
      const r = await settle(c().sendRequest(method, params));
      // either a JSON-RPC error or a result; never a hang
      expect(r.error === undefined || r.error instanceof ResponseError, `${method} ${JSON.stringify(params)}: ${String(r.error)}`).toBe(true);
    }
    alive.close();
    await stillServing('malformed-requests');
  });

  it('survives malformed notifications', async () => {
    const notes: [string, unknown][] = [
      ['textDocument/didOpen', {}],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///misuse/no-text.md', languageId: 'markdown', version: 1 } }],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///misuse/number-text.md', languageId: 'markdown', version: 1, text: 12345 } }],
      ['textDocument/didChange', { textDocument: { uri: 'file:///misuse/alive2.md', version: 2 }, contentChanges: null }],
      ['textDocument/didChange', { textDocument: { uri: 'file:///misuse/alive2.md', version: 3 }, contentChanges: [{ range: 'x', text: 1 }] }],
      ['textDocument/didChange', { textDocument: { uri: 'file:///misuse/alive2.md' } }],
      ['textDocument/didClose', {}],
      ['textDocument/didSave', { textDocument: { uri: 'file:///misuse/alive2.md' } }],
      ['workspace/didChangeConfiguration', { settings: { planlint: { severity: 'loud', include: [1, null], debounceMs: 'fast', enable: 'yes' } } }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 42, type: 'changed' }, null] }],
      ['workspace/didChangeWatchedFiles', null],
      ['workspace/didChangeConfiguration', null],
      ['$/setTrace', { value: 'louder' }],
      ['planlint/unknownNotification', { x: 1 }],
    ];
    const f = fixture('gap-zh.md');
    const alive = server.open('file:///misuse/alive2.md', f.text);
    await alive.diagnostics();
    for (const [method, params] of notes) await c().sendNotification(method, params);
    // the well-formed document is still served after the broken events
    const hover = await settle(c().sendRequest(HoverRequest.type, { textDocument: { uri: alive.uri }, position: { line: 0, character: 1 } }));
    expect(hover.error).toBeUndefined();
    alive.close();
    await stillServing('malformed-notifications');
    // the server's own handlers took what they could, without failing
    expect(logged).toEqual([]);
  });
});

describe('cancellation mid-analysis', () => {
  it('settles cancelled requests on a large draft and keeps serving', async () => {
    const draft = readFileSync(resolve(repoRoot, 'test/fixtures/drafts/complete-zh.md'), 'utf8');
    let big = '';
    for (let i = 0; big.length < 600_000; i++) big += draft.replace(/。/g, `（${i}）。`) + '\n\n';
    const uri = 'file:///misuse/cancel-big.md';
    void server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: big } });
    const requests = [CodeLensRequest.type, DocumentSymbolRequest.type, FoldingRangeRequest.type].map((type) => {
      const source = new CancellationTokenSource();
      const p = settle(server.connection.sendRequest(type as typeof CodeLensRequest.type, { textDocument: { uri } }, source.token), 120_000);
      setTimeout(() => source.cancel(), 5);
      return p;
    });
    // an edit lands while the first analysis may still run, then the edited version is asked for and cancelled too
    void server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<!-- 修订 -->\n' }],
    });
    const source = new CancellationTokenSource();
    const coverage = settle(server.connection.sendRequest(CoverageRequest, { uri }, source.token), 120_000);
    source.cancel();
    for (const r of [...(await Promise.all(requests)), await coverage]) {
      // the result, or the LSP's RequestCancelled (-32800)
      if (r.error) expect((r.error as ResponseError<unknown>).code).toBe(-32800);
    }
    const published = await server.waitForDiagnostics(uri, (p) => p.version === 2, 0);
    expect(published.diagnostics.every((d) => d.range.start.line >= 0)).toBe(true);
    void server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await stillServing('cancel');
  }, 180_000);
});
