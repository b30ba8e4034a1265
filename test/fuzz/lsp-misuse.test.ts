/**
 * Fuzz tier, LSP misuse generated: random sequences of what a careless or broken client sends to
 * the built server: opens of open documents, changes to closed ones, skipped, repeated and stale
 * versions, ranges before the start, past the end and reversed, whole-text replacements, requests
 * at impossible positions, commands whose edits never come back, and malformed messages of every
 * JSON shape. Each request settles (a result or a JSON-RPC error) within its budget, every range in
 * a result lies inside the text the client has at that point, and after each sequence every open
 * document is diagnosed exactly like the same text opened fresh. The hand-written cases are in
 * test/protocol/misuse.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoverageRequest } from '../../server/src/protocol';
import { LIBRARY_REPORTS, TestServer } from '../protocol/harness';
import { hostileArbitraries, seedDrafts } from './arbitraries';
import { lineLengths, rangeProblems } from './invariants';
import { budgetMs, fuzzSettings, logResult, saveCase } from './watchdog';

type Pos = { line: number; character: number };
/** A place in the text: a fraction of its length (resolved against the text at that moment), or a raw position no client should send. */
type Place = { at: number } | { raw: Pos };
type Change = { range?: { start: Place; end: Place }; text: string };
type Version = 'next' | 'same' | 'stale' | { skip: number };
const REQUESTS = ['hover', 'codeAction', 'codeLens', 'symbols', 'folding', 'completion', 'coverage', 'insertMissing', 'fixAll'] as const;
const METHODS = [
  'textDocument/hover', 'textDocument/codeAction', 'textDocument/codeLens', 'textDocument/documentSymbol', 'textDocument/foldingRange',
  'textDocument/completion', 'workspace/executeCommand', 'planlint/coverage', 'planlint/report', 'planlint/profile', 'planlint/snippetEntry',
  'textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeWatchedFiles',
  'workspace/didChangeConfiguration', '$/cancelRequest', 'planlint/nope',
] as const;
type Op =
  | { op: 'open'; doc: number; seed: number }
  | { op: 'change'; doc: number; version: Version; changes: Change[] }
  | { op: 'close'; doc: number }
  | { op: 'request'; doc: number; kind: (typeof REQUESTS)[number]; at: Place }
  | { op: 'malformed'; method: (typeof METHODS)[number]; params: unknown; notify: boolean };

const DOCS = 3;
const seeds = seedDrafts().filter((s) => s.text.length < 40_000);
const { line } = hostileArbitraries(0.3);

const rawPos = fc.record({
  line: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.constantFrom(-1, 2 ** 31 - 1, 1e9)),
  character: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(-1, 2 ** 31 - 1, 1e9)),
});
const place: fc.Arbitrary<Place> = fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ at })) }, { weight: 1, arbitrary: rawPos.map((raw) => ({ raw })) });
const changeText = fc.oneof(fc.constantFrom('', 'x', '\n', '\r\n', '\r', '。', '\uD800', '😀', '\u0000', '## 五、开展模式创新\n\n', '到2030年，'), line);
const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ range: fc.record({ start: place, end: place }), text: changeText }) },
  { weight: 1, arbitrary: fc.record({ text: fc.oneof(changeText, fc.constantFrom(...seeds.map((s) => s.text))) }) },
);
const version: fc.Arbitrary<Version> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('next' as const) },
  { weight: 1, arbitrary: fc.constantFrom('same' as const, 'stale' as const) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 1000 }).map((skip) => ({ skip })) },
);
const doc = fc.integer({ min: 0, max: DOCS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('open' as const), doc, seed: fc.nat(seeds.length - 1) }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('change' as const), doc, version, changes: fc.array(change, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), doc }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('request' as const), doc, kind: fc.constantFrom(...REQUESTS), at: place }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('malformed' as const), method: fc.constantFrom(...METHODS), params: fc.jsonValue({ maxDepth: 3 }), notify: fc.boolean() }) },
);
// most sequences start with documents open, or little but the closed-document paths would be tried
const openFirst = fc.uniqueArray(fc.record({ op: fc.constant('open' as const), doc, seed: fc.nat(seeds.length - 1) }), { selector: (o) => o.doc, minLength: 1, maxLength: DOCS });
const sequence = fc.tuple(openFirst, fc.array(op, { minLength: 4, maxLength: 24, size: 'max' })).map(([opens, ops]): Op[] => [...opens, ...ops]);

/** What the client holds for one document: the text as a conforming store keeps it, and the last version sent. */
interface Held {
  doc: TextDocument;
  version: number;
}

function resolvePlace(p: Place, d: TextDocument): Pos {
  if ('raw' in p) return p.raw;
  return d.positionAt(Math.floor(p.at * d.getText().length));
}

const keys = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

let server: TestServer;
/** What the server logged as errors (it logs the internal errors it catches and goes on). */
const logged: string[] = [];
beforeAll(async () => {
  server = await TestServer.start({ locale: 'en', settings: { debounceMs: 0 } });
  server.connection.onNotification(LogMessageNotification.type, (m) => {
    if (m.type !== MessageType.Error || LIBRARY_REPORTS.test(m.message)) return;
    logged.push(m.message);
  });
});
afterAll(async () => {
  await server?.stop();
});

/** A request that must settle within `ms`: the result, or undefined for a JSON-RPC error; anything else fails. */
async function settle(p: Promise<unknown>, ms: number, what: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, hang]);
  } catch (e) {
    if (e instanceof ResponseError) return undefined;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

function request(kind: Op & { op: 'request' }, uri: string, position: Pos): Promise<unknown> {
  const c = server.connection;
  const textDocument = { uri };
  switch (kind.kind) {
    case 'hover':
      return c.sendRequest(HoverRequest.type, { textDocument, position });
    case 'codeAction':
      return c.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } });
    case 'codeLens':
      return c.sendRequest(CodeLensRequest.type, { textDocument });
    case 'symbols':
      return c.sendRequest(DocumentSymbolRequest.type, { textDocument });
    case 'folding':
      return c.sendRequest(FoldingRangeRequest.type, { textDocument });
    case 'completion':
      return c.sendRequest(CompletionRequest.type, { textDocument, position });
    case 'coverage':
      return c.sendRequest(CoverageRequest, { uri });
    case 'insertMissing':
    case 'fixAll':
      // the edits go to the client, which here never applies them: the document must not change
      return c.sendRequest(ExecuteCommandRequest.type, { command: `planlint.${kind.kind}`, arguments: [{ uri }] });
  }
}

let runId = 0;
/** What the sequences came to, so a run that compared nothing cannot pass unnoticed. */
const tally = { messages: 0, changesToOpen: 0, requestsOnOpen: 0, compared: 0, findings: 0 };

async function runSequence(ops: Op[]): Promise<void> {
  const run = runId++;
  const uri = (i: number) => `file:///misuse-fuzz/r${run}-d${i}.md`;
  const held = new Map<number, Held>();
  for (const o of ops) {
    tally.messages++;
    if (o.op === 'open') {
      const text = seeds[o.seed].text;
      void server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(o.doc), languageId: 'markdown', version: 1, text } });
      held.set(o.doc, { doc: TextDocument.create(uri(o.doc), 'markdown', 1, text), version: 1 });
    } else if (o.op === 'close') {
      void server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(o.doc) } });
      held.delete(o.doc);
    } else if (o.op === 'change') {
      const h = held.get(o.doc);
      const v = h ? h.version : 1;
      const next = o.version === 'next' ? v + 1 : o.version === 'same' ? v : o.version === 'stale' ? Math.max(0, v - 3) : v + o.version.skip;
      // ranges are placed against the text each change applies to, as a client computes them
      let d = h?.doc ?? TextDocument.create(uri(o.doc), 'markdown', 1, '');
      const changes = o.changes.map((c) => {
        const out = c.range ? { range: { start: resolvePlace(c.range.start, d), end: resolvePlace(c.range.end, d) }, text: c.text } : { text: c.text };
        d = TextDocument.update(d, [out], next);
        return out;
      });
      void server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(o.doc), version: next }, contentChanges: changes });
      if (h) {
        held.set(o.doc, { doc: d, version: next });
        tally.changesToOpen++;
      }
    } else if (o.op === 'request') {
      const h = held.get(o.doc);
      const text = h?.doc.getText() ?? '';
      const position = resolvePlace(o.at, h?.doc ?? TextDocument.create('file:///none.md', 'markdown', 1, ''));
      const result = await settle(request(o, uri(o.doc), position), budgetMs(text.length), `${o.kind} on ${h ? 'an open' : 'a closed'} document`);
      // results carry ranges into the text as the client has it (raw positions only come back clamped)
      if (h) {
        expect(rangeProblems(result, lineLengths(text), `${o.kind}: `)).toEqual([]);
        tally.requestsOnOpen++;
      }
    } else if (o.notify) {
      void server.connection.sendNotification(o.method, o.params);
    } else {
      await settle(server.connection.sendRequest(o.method, o.params), 20_000, `${o.method} ${JSON.stringify(o.params).slice(0, 80)}`);
    }
  }
  // settle: one more change per open document (nothing inserted) with a version no one used, then
  // its diagnostics must be those of the same text opened fresh
  for (const [i, h] of held) {
    const final = h.version + 1_000_000;
    void server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri(i), version: final },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }],
    });
    const text = h.doc.getText();
    const got = (await settle(server.waitForDiagnostics(uri(i), (p) => p.version === final), budgetMs(text.length), `diagnostics of ${uri(i)}`)) as { diagnostics: Diagnostic[] };
    expect(rangeProblems(got.diagnostics, lineLengths(text), uri(i))).toEqual([]);
    const freshUri = `file:///misuse-fuzz/r${run}-fresh${i}.md`;
    const fresh = server.open(freshUri, text);
    const want = await fresh.diagnostics();
    fresh.close();
    if (JSON.stringify(keys(got.diagnostics)) !== JSON.stringify(keys(want.diagnostics))) saveCase('lsp-misuse', `r${run}-d${i}`, text);
    expect(keys(got.diagnostics), `${uri(i)}: diagnosed unlike the same text opened fresh`).toEqual(keys(want.diagnostics));
    void server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(i) } });
    tally.compared++;
    tally.findings += got.diagnostics.length;
  }
  expect(server.process.exitCode, 'the server is still running').toBeNull();
}

describe('fuzz: LSP misuse, generated', () => {
  it('every request settles, every range lies inside, every document ends diagnosed like a fresh open', async () => {
    const { runs, seed } = fuzzSettings(30);
    let failure: string | undefined;
    try {
      await fc.assert(
        fc.asyncProperty(sequence, runSequence),
        { numRuns: runs, seed },
      );
    } catch (e) {
      failure = String(e);
      throw e;
    } finally {
      logResult({ property: 'lsp-misuse', seed, cases: runs, bytes: 0, maxBytes: 0, findings: tally.findings, actions: tally.messages, inserts: 0, failure });
    }
    // not vacuous: documents were edited, asked about and compared
    expect(tally.changesToOpen).toBeGreaterThan(runs);
    expect(tally.requestsOnOpen).toBeGreaterThan(runs / 2);
    expect(tally.compared).toBeGreaterThan(runs / 2);
    console.log(`lsp-misuse: ${runs} sequences, ${JSON.stringify(tally)}`);
    expect(server.stderr.join('')).not.toMatch(/Unhandled|TypeError|RangeError/);
    if (logged.length) console.log(logged.join('\n---\n'));
    expect(logged, 'errors the server logged').toEqual([]);
  }, Math.max(10 * 60_000, (Number(process.env.PLANLINT_FUZZ_RUNS) || 0) * 2000));
});
