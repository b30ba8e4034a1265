/**
 * The built server under load and faults, with its test hooks (PLANLINT_TEST_HOOKS=1, --expose-gc):
 * a failing background task is logged, not fatal; a 10 MB document is handled in degraded mode
 * (a notice at once, its findings from a worker thread, other documents served meanwhile); many
 * documents opened and closed leave no tables or heap behind.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeLensRequest,
  DidSaveTextDocumentNotification,
  HoverRequest,
  LogMessageNotification,
  type LogMessageParams,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { RULE_IDS } from '../../server/src/analysis/types';
import { fixture, repoRoot, type TestDocument, TestServer } from './harness';

interface ServerState {
  pid: number;
  heapUsed: number;
  documents: number;
  entries: number;
  models: number;
  analyzers: number;
  editLogs: number;
  largeResults: number;
  epochs: number;
  lensVersions: number;
  settings: number;
  opening: number;
}

let server: TestServer;
const logs: LogMessageParams[] = [];
beforeAll(async () => {
  server = await TestServer.start({
    locale: 'en',
    settings: { debounceMs: 10 },
    env: { PLANLINT_TEST_HOOKS: '1' },
    execArgv: ['--expose-gc', '--max-old-space-size=2048'],
  });
  server.connection.onNotification(LogMessageNotification.type, (p) => logs.push(p));
});
afterAll(async () => {
  await server.stop();
});

const state = () => server.connection.sendRequest<ServerState>('planlint/_test/state');

describe('a failing background task', () => {
  it('is logged and the server goes on serving', async () => {
    expect(await server.connection.sendRequest('planlint/_test/rejectInBackground', 'boom in the background')).toBe(true);
    const doc = server.openFixture('gap-zh.md');
    expect((await doc.diagnostics()).diagnostics.length).toBeGreaterThan(0);
    expect(logs.some((l) => l.message.includes('caught an internal error') && l.message.includes('boom in the background'))).toBe(true);
    expect(server.process.exitCode).toBeNull();
    doc.close();
  });
});

describe('console output', () => {
  it('of the server or a library goes to the log, never into the protocol stream (stdio)', async () => {
    expect(await server.connection.sendRequest('planlint/_test/console', 'MARK-7')).toBe(true);
    const doc = server.openFixture('gap-zh.md');
    expect((await doc.diagnostics()).diagnostics.length).toBeGreaterThan(0);
    for (const kind of ['log', 'info', 'warn', 'error', 'dir', 'table', 'count']) {
      expect(logs.some((l) => l.message.includes(`MARK-7 ${kind}`)), kind).toBe(true);
    }
    expect(server.process.exitCode).toBeNull();
    doc.close();
  });
});

/** A plan of about `size` characters: the fixture drafts again and again, each copy a little different. */
function bigPlan(size: number): string {
  const draft = readFileSync(resolve(repoRoot, 'test/fixtures/drafts/gaps-zh.md'), 'utf8');
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const part = draft.replace(/。/g, `（附${i}）。`);
    parts.push(part);
    n += part.length + 2;
  }
  return parts.join('\n\n');
}

describe('a 10 MB document', () => {
  it('is checked in degraded mode: a notice at once, findings from the worker, other documents served meanwhile', async () => {
    const text = bigPlan(10_000_000);
    const big = server.open('file:///robust/huge-plan.md', text);
    // at once: the notice, nothing else
    const first = await big.diagnostics(1);
    expect(first.diagnostics).toHaveLength(1);
    expect(first.diagnostics[0].severity).toBe(3); // information
    expect(first.diagnostics[0].message).toMatch(/huge-plan\.md is too large for live checking \(10\.\d million characters; the limit is 2\.0 million\)/);
    // another document, opened after the big one, is diagnosed before the big one's check is done
    const small = server.openFixture('gap-en.md');
    const smallDiagnostics = await small.diagnostics();
    expect(smallDiagnostics.diagnostics.some((d) => d.code === 'area-missing')).toBe(true);
    const order = server.published.indexOf(smallDiagnostics);
    // features of the big document answer empty instead of holding the server
    expect(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: big.uri }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: big.uri } })).toEqual([]);
    // then the worker's findings, with the notice kept first
    const checked = await server.waitForDiagnostics(big.uri, (p) => p.version === 1 && p.diagnostics.length > 1);
    expect(server.published.indexOf(checked)).toBeGreaterThan(order);
    expect(checked.diagnostics[0].message).toBe(first.diagnostics[0].message);
    // the same findings as a plan of one copy has (the copies only repeat its sections)
    const one = server.open('file:///robust/one-copy.md', bigPlan(1));
    const oneCodes = new Set((await one.diagnostics()).diagnostics.map((d) => d.code));
    one.close();
    const codes = new Set(checked.diagnostics.slice(1).map((d) => d.code));
    expect(codes.has('area-missing')).toBe(true);
    for (const c of codes) expect(RULE_IDS).toContain(c);
    for (const c of oneCodes) if (c !== 'numbering') expect(codes).toContain(c);
    // an edit drops the now stale findings; saving checks again
    big.change({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '<!-- 修订稿 -->\n');
    const edited = await big.diagnostics(2);
    expect(edited.diagnostics).toHaveLength(1);
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: big.uri } });
    const saved = await server.waitForDiagnostics(big.uri, (p) => p.version === 2 && p.diagnostics.length > 1);
    expect(saved.diagnostics.slice(1).map((d) => d.range.start.line)).toEqual(checked.diagnostics.slice(1).map((d) => d.range.start.line + 1));
    big.close();
    small.close();
    const after = await state();
    expect(after.largeResults).toBe(0);
  }, 300_000);
});

describe('many documents opened and closed', () => {
  /** Open `n` plans (each text distinct), wait for each one's diagnostics, close them all and wait for the clearing. */
  async function round(tag: string, n: number): Promise<void> {
    // about 10 000 characters: four copies of a draft, and a paragraph of its own
    const base = [1, 2, 3, 4].map((k) => fixture('gap-zh.md').text.replace(/。/g, `（${k}）。`)).join('\n\n');
    const docs: TestDocument[] = [];
    for (let i = 0; i < n; i++) docs.push(server.open(`file:///robust/many-${tag}-${i}.md`, `${base}\n\n附注 ${tag}-${i}：本段仅用于测试。\n`));
    await Promise.all(docs.map((d) => d.diagnostics()));
    const cleared = docs.map((d) => server.nextDiagnostics(d.uri, (p: PublishDiagnosticsParams) => p.diagnostics.length === 0));
    for (const d of docs) d.close();
    await Promise.all(cleared);
  }

  it('leaves no per-document state and no heap growth behind', async () => {
    await round('warm', 200);
    const s0 = await state();
    await round('a', 500);
    const s1 = await state();
    await round('b', 500);
    const s2 = await state();
    for (const s of [s1, s2]) {
      const { documents, entries, models, analyzers, editLogs, lensVersions, settings, opening, largeResults, epochs } = s;
      expect({ documents, entries, models, analyzers, editLogs, lensVersions, settings, opening, largeResults, epochs }).toEqual({
        documents: 0,
        entries: 0,
        models: 0,
        analyzers: 0,
        editLogs: 0,
        lensVersions: 0,
        settings: 0,
        opening: 0,
        largeResults: 0,
        epochs: 0,
      });
    }
    if (process.env.PLANLINT_FUZZ_LOG) {
      appendFileSync(process.env.PLANLINT_FUZZ_LOG, `memory\topen/close=1200\theap0=${s0.heapUsed}\theap1=${s1.heapUsed}\theap2=${s2.heapUsed}\n`);
    }
    // 500 documents of ~10 000 characters each, each with a text of its own. The first rounds grow
    // the analysis' bounded memos and their tables; after that, what stays of a document is its
    // memo entries (well under 1 KB). Keeping any document's text (a model, or a memo key sliced
    // from its parse, ~7 KB each) grew the heap by 3 MB a round.
    expect(s1.heapUsed - s0.heapUsed).toBeLessThan(8 << 20);
    expect(s2.heapUsed - s1.heapUsed).toBeLessThan(2 << 20);
  }, 300_000);
});
