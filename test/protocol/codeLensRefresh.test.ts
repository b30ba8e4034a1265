/**
 * Code lenses follow edits: after the diagnostics of a new version reach the client (pushed, or
 * pulled), a client that declares `workspace.codeLens.refreshSupport` is asked to fetch the lenses
 * again, and they then describe the edited text (the top lens once stayed at "1 areas missing").
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ClientCapabilities,
  type CodeAction,
  CodeActionRequest,
  type CodeLens,
  CodeLensRefreshRequest,
  CodeLensRequest,
  type Diagnostic,
  DocumentDiagnosticRequest,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { CoverageRequest, type CoverageView } from '../../server/src/protocol';
import { editsFor, PULL_CAPABILITIES, PUSH_CAPABILITIES, type TestDocument, TestServer } from './harness';

const withRefresh = (caps: ClientCapabilities): ClientCapabilities => ({ ...caps, workspace: { ...caps.workspace, codeLens: { refreshSupport: true } } });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Starts a server and records, for each workspace/codeLens/refresh, how many publications had arrived before it. */
async function start(capabilities: ClientCapabilities): Promise<{ server: TestServer; refreshes: number[] }> {
  const s = await TestServer.start({ locale: 'en', settings: { debounceMs: 20 }, capabilities });
  const refreshes: number[] = [];
  s.connection.onRequest(CodeLensRefreshRequest.type, () => {
    refreshes.push(s.published.length);
  });
  server = s;
  return { server: s, refreshes };
}

async function lenses(s: TestServer, doc: TestDocument): Promise<CodeLens[]> {
  return ((await s.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: doc.uri } })) ?? []) as CodeLens[];
}

const topTitle = (list: CodeLens[]) => list.find((l) => l.command?.command === 'planlint.showCoverage')?.command?.title;

async function until<T>(what: string, probe: () => T | undefined | false): Promise<T> {
  for (let i = 0; i < 1500; i++) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no ${what}`);
}

/** Applies the insert that fixes the area-missing finding of gap-zh.md (the model-innovation chapter). */
async function insertMissingChapter(s: TestServer, doc: TestDocument, diagnostics: Diagnostic[]): Promise<number> {
  const d = diagnostics.find((x) => x.code === 'area-missing')!;
  const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: doc.uri },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  })) as CodeAction[];
  const insert = actions.find((a) => a.isPreferred)!;
  return doc.applyEdits(editsFor(insert.edit!, doc.uri).edits);
}

describe('code lens refresh (push diagnostics)', () => {
  it('is requested after the diagnostics of an edit, and the lenses then reflect the edit', async () => {
    const { server: s, refreshes } = await start(withRefresh(PUSH_CAPABILITIES));
    const doc = s.openFixture('gap-zh.md');
    const first = await doc.diagnostics();
    await until('refresh after the first diagnostics', () => refreshes.length >= 1);
    expect(topTitle(await lenses(s, doc))).toMatch(/^PlanLint coverage \d+% · 1 areas missing$/);
    const before = refreshes.length;

    const v2 = await insertMissingChapter(s, doc, first.diagnostics);
    await doc.diagnostics(v2);
    const published = s.published.findIndex((p) => p.uri === doc.uri && p.version === v2);
    // The refresh comes after the new diagnostics were published, not before.
    const after = await until('refresh after the edit', () => refreshes.slice(before).find((n) => n > published));
    expect(after).toBeGreaterThan(published);

    const view = (await s.connection.sendRequest(CoverageRequest, { uri: doc.uri })) as CoverageView;
    expect(view.version).toBe(v2);
    expect(topTitle(await lenses(s, doc))).toBe(`PlanLint coverage ${Math.round(view.score * 100)}% · 0 areas missing`);
    // One refresh per version: asking again changes nothing.
    const count = refreshes.length;
    await lenses(s, doc);
    expect(refreshes.length).toBe(count);
  });

  it('is not requested from a client that does not support it', async () => {
    const { server: s, refreshes } = await start(PUSH_CAPABILITIES);
    const doc = s.openFixture('gap-zh.md');
    const first = await doc.diagnostics();
    const v2 = await insertMissingChapter(s, doc, first.diagnostics);
    await doc.diagnostics(v2);
    // A round trip after the publication: a refresh sent with it would have arrived by now.
    expect(topTitle(await lenses(s, doc))).toMatch(/· 0 areas missing$/);
    expect(refreshes).toEqual([]);
  });
});

describe('code lens refresh (pull diagnostics)', () => {
  it('is requested once the client has pulled the diagnostics of a new version', async () => {
    const { server: s, refreshes } = await start(withRefresh(PULL_CAPABILITIES));
    const doc = s.openFixture('gap-zh.md');
    const pull = async () =>
      ((await s.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: doc.uri } })) as FullDocumentDiagnosticReport).items;
    const first = await pull();
    await until('refresh after the first pull', () => refreshes.length === 1);
    expect(topTitle(await lenses(s, doc))).toMatch(/· 1 areas missing$/);

    await insertMissingChapter(s, doc, first);
    const second = await pull();
    expect(second.some((d) => d.code === 'area-missing')).toBe(false);
    await until('refresh after the pull of the edited version', () => refreshes.length === 2);
    expect(topTitle(await lenses(s, doc))).toMatch(/· 0 areas missing$/);

    // Pulling the same version again asks for no further refresh.
    await pull();
    await lenses(s, doc);
    expect(refreshes.length).toBe(2);
  });
});
