/**
 * Team workflows against the built server, on a copy of test/fixtures/team-workspace (two
 * workspace folders: a provincial office and a consultancy serving parks): completion from two
 * snippet libraries, live reload of libraries and config, a custom profile with levels, problems
 * on the library / config file, paths outside the workspace, and Restricted Mode.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CompletionItem,
  type CompletionList,
  CompletionItemKind,
  CompletionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol/node';
import { SnippetLibrariesRequest } from '../../server/src/protocol';
import { repoRoot, type TestDocument, TestServer } from './harness';

const FIXTURE = resolve(repoRoot, 'test/fixtures/team-workspace');
let ws: string;
const p = (rel: string) => join(ws, rel);
const uri = (rel: string) => pathToFileURL(p(rel)).toString();

function openFile(server: TestServer, rel: string): TestDocument {
  return server.open(uri(rel), readFileSync(p(rel), 'utf8'));
}

/** Completion on the document's last (empty) line, where snippets are offered. */
async function completeAtEnd(server: TestServer, doc: TestDocument): Promise<CompletionItem[]> {
  const line = doc.text.split('\n').length - 1;
  const r = (await server.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri: doc.uri },
    position: { line, character: 0 },
  })) as CompletionItem[] | CompletionList | null;
  return Array.isArray(r) ? r : (r?.items ?? []);
}

/** Library snippets only, as "prefix [library]". */
const libraryItems = (items: CompletionItem[]) =>
  items.filter((i) => i.labelDetails?.description && i.labelDetails.description !== 'PlanLint').map((i) => `${i.label} [${i.labelDetails!.description}]`).sort();

/** The ids a finding is about: area/measure, year, indicator. */
function ids(data: unknown): string {
  const d = (data ?? {}) as { area?: string; measure?: string; year?: number; indicator?: string };
  return [d.area && (d.measure ? `${d.area}/${d.measure}` : d.area), d.year, d.indicator].filter(Boolean).join(' ');
}

function changed(server: TestServer, rel: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
  return server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(rel), type }] });
}

beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'planlint-team-'));
  cpSync(FIXTURE, ws, { recursive: true });
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

describe('a trusted multi-root workspace', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({ workspaceFolders: [p('province'), p('parks')], settings: { debounceMs: 20 } });
  });
  afterAll(() => server.stop());

  it('offers the snippets of the document’s libraries, both of two sharing a prefix, each labelled', async () => {
    const park = openFile(server, 'parks/drafts/lingang-park.zh.md');
    await park.diagnostics();
    const items = await completeAtEnd(server, park);
    expect(libraryItems(items)).toEqual(['mb-2025 [consultancy]', 'mb-2025 [park-common]', 'xhh-gz [park-common]']);
    const consultancy = items.find((i) => i.labelDetails?.description === 'consultancy')!;
    expect(consultancy).toMatchObject({
      detail: 'consultancy: 2025 targets (consultancy wording)',
      insertTextFormat: 2,
      textEdit: { newText: '到2025年，园区单位工业增加值能耗下降${1:15}%，一般工业固体废物综合利用率达到${2:92}%。' },
    });

    const province = openFile(server, 'province/drafts/province-plan.zh.md');
    await province.diagnostics();
    expect(libraryItems(await completeAtEnd(server, province))).toEqual(['mb-2025 [team-snippets]', 'qy-xt [team-snippets]']);
    province.close();
    park.close();
  });

  it('lists the libraries of a document for the save-as-snippet command', async () => {
    const libs = await server.connection.sendRequest(SnippetLibrariesRequest, { uri: uri('parks/drafts/lingang-park.zh.md') });
    expect(libs).toEqual([
      { name: 'consultancy', folder: p('parks/snippets/consultancy'), files: [p('parks/snippets/consultancy/phrasing.code-snippets')] },
      { name: 'park-common', folder: p('parks/snippets/park-common'), files: [p('parks/snippets/park-common/targets.code-snippets')] },
    ]);
  });

  it('an edit to a library shows up in the next completion, without any file event', async () => {
    const file = p('parks/snippets/park-common/targets.code-snippets');
    const before = readFileSync(file, 'utf8');
    const park = openFile(server, 'parks/drafts/lingang-park.zh.md');
    await park.diagnostics();
    expect(libraryItems(await completeAtEnd(server, park))).toContain('xhh-gz [park-common]');
    writeFileSync(file, before.replace('"xhh-gz"', '"xunhuan-gaizao"'));
    expect(libraryItems(await completeAtEnd(server, park))).toEqual(['mb-2025 [consultancy]', 'mb-2025 [park-common]', 'xunhuan-gaizao [park-common]']);
    writeFileSync(file, before);
    park.close();
  });

  it('a bad library file gets config-error diagnostics at its lines; the other snippets keep working; fixed, they clear', async () => {
    const rel = 'parks/snippets/consultancy/phrasing.code-snippets';
    const good = readFileSync(p(rel), 'utf8');
    const park = openFile(server, 'parks/drafts/lingang-park.zh.md');
    await park.diagnostics();
    const bad = [
      '{', //                                                  0
      '  "Fine": { "prefix": "fine", "body": "ok" },', //      1
      '  "No body": { "prefix": "nobody" },', //               2
      '  "Broken": { "prefix": "br" "body": "x" }', //         3
      '}',
    ].join('\n');
    const published = server.nextDiagnostics(uri(rel), (d) => d.diagnostics.length > 0);
    writeFileSync(p(rel), bad);
    await changed(server, rel);
    const { diagnostics } = await published;
    expect(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code, d.severity, d.message])).toEqual([
      [2, 13, 'config-error', 1, 'Snippet "No body": Missing required field "body". (No body/body)'],
      [3, 29, 'config-error', 1, 'Invalid JSON: a comma is expected.'],
    ]);
    expect(libraryItems(await completeAtEnd(server, park))).toEqual(['fine [consultancy]', 'mb-2025 [park-common]', 'xhh-gz [park-common]']);

    const cleared = server.nextDiagnostics(uri(rel), (d) => d.diagnostics.length === 0);
    writeFileSync(p(rel), good);
    // No event this time: the next completion re-reads the file and clears its problems.
    expect(libraryItems(await completeAtEnd(server, park))).toContain('mb-2025 [consultancy]');
    expect((await cleared).diagnostics).toEqual([]);
    park.close();
  });

  it('the custom profile and level apply; the front matter can select another level; config changes apply live', async () => {
    const rel = 'parks/drafts/lingang-park.zh.md';
    const park = openFile(server, rel);
    const first = await park.diagnostics();
    const summary = (ds: typeof first.diagnostics) => ds.map((d) => `${d.code} ${ids(d.data)}`).sort();
    // Park level: the enterprise chapter is not required; the framework has no 2030 target.
    expect(summary(first.diagnostics)).toEqual([
      'measure-missing co-control/solid-waste',
      'target-below-national co-control/solid-waste 2025 industrial-solid-waste-utilisation',
    ]);

    const version = park.change({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '---\nplanlint:\n  level: enterprise\n---\n');
    const enterprise = await park.diagnostics(version);
    expect(summary(enterprise.diagnostics)).toContain('area-missing enterprises');
    park.close();

    // The config's level changes on disk: re-checked without a restart.
    const config = p('parks/.planlintrc.json');
    const original = readFileSync(config, 'utf8');
    const reopened = openFile(server, rel);
    await reopened.diagnostics();
    const next = server.nextDiagnostics(reopened.uri, (d) => d.diagnostics.some((x) => x.code === 'area-missing'));
    writeFileSync(config, original.replace('"level": "park"', '"level": "enterprise"'));
    await changed(server, 'parks/.planlintrc.json');
    expect(summary((await next).diagnostics)).toContain('area-missing enterprises');

    // The profile file changes: re-checked too (the server knows it read that file).
    const profile = p('parks/profiles/park.planlint-profile.yaml');
    const profileText = readFileSync(profile, 'utf8');
    const renamed = server.nextDiagnostics(reopened.uri, (d) => d.diagnostics.some((x) => (x.data as { area?: string })?.area === 'companies'));
    writeFileSync(profile, profileText.replace('- id: enterprises', '- id: companies'));
    await changed(server, 'parks/profiles/park.planlint-profile.yaml');
    expect(summary((await renamed).diagnostics)).toContain('area-missing companies');

    writeFileSync(profile, profileText);
    writeFileSync(config, original);
    const restored = server.nextDiagnostics(reopened.uri, (d) => !d.diagnostics.some((x) => x.code === 'area-missing'));
    await changed(server, 'parks/.planlintrc.json');
    await restored;
    reopened.close();
  });

  it('a broken profile named in the front matter: problems on the profile file, a config-error on the draft', async () => {
    const broken = p('parks/profiles/broken.planlint-profile.yaml');
    const text = readFileSync(p('parks/profiles/park.planlint-profile.yaml'), 'utf8');
    const kindLine = text.split('\n').findIndex((l) => l.includes('kind: task'));
    writeFileSync(broken, text.replace('kind: task', 'kind: chapter'));
    const onProfile = server.nextDiagnostics(pathToFileURL(broken).toString(), (d) => d.diagnostics.length > 0);
    const draft = server.open(uri('parks/drafts/fm.md'), '---\nplanlint:\n  profile: ../profiles/broken.planlint-profile.yaml\n---\n# 园区减污降碳协同增效实施方案\n');
    const { diagnostics } = await draft.diagnostics();
    expect(diagnostics.filter((d) => d.code === 'config-error').map((d) => [d.range.start.line, d.message])).toEqual([
      [0, 'The profile “../profiles/broken.planlint-profile.yaml” named in the front matter could not be loaded; using industrial-park-2024.'],
    ]);
    const problems = (await onProfile).diagnostics;
    expect(problems.map((d) => [d.range.start.line, d.code])).toEqual([[kindLine, 'config-error']]);
    expect(problems[0].message).toMatch(/^areas\/0\/kind must be one of: task, closing\./);
    draft.close();
    rmSync(broken);
  });

  it('profile and library paths outside the workspace are config errors on the config file, at their lines', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'planlint-outside-'));
    cpSync(p('parks/profiles'), join(outside, 'profiles'), { recursive: true });
    cpSync(p('parks/snippets'), join(outside, 'snippets'), { recursive: true });
    const config = p('province/.planlintrc.yaml');
    const original = readFileSync(config, 'utf8');
    const province = openFile(server, 'province/drafts/province-plan.zh.md');
    await province.diagnostics();
    const published = server.nextDiagnostics(uri('province/.planlintrc.yaml'), (d) => d.diagnostics.length === 2);
    writeFileSync(
      config,
      [`profile: ${join(outside, 'profiles/park.planlint-profile.yaml')}`, 'snippetLibraries:', '  - team-snippets', `  - ${join(outside, 'snippets/consultancy')}`, ''].join('\n'),
    );
    await changed(server, 'province/.planlintrc.yaml');
    const { diagnostics } = await published;
    expect(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code])).toEqual([
      [0, 0, 'config-error'],
      [3, 4, 'config-error'],
    ]);
    expect(diagnostics[0].message).toMatch(/^Profile ".*park\.planlint-profile\.yaml" is outside the workspace/);
    expect(diagnostics[1].message).toMatch(/^Snippet library ".*consultancy" is outside the workspace/);
    // Neither applies: the national profile checks the draft, and only the team library is offered.
    const after = await province.diagnostics();
    expect(after.diagnostics.some((d) => (d.data as { area?: string })?.area === 'model-innovation')).toBe(true);
    expect(libraryItems(await completeAtEnd(server, province))).toEqual(['mb-2025 [team-snippets]', 'qy-xt [team-snippets]']);

    writeFileSync(config, original);
    await changed(server, 'province/.planlintrc.yaml');
    province.close();
    rmSync(outside, { recursive: true, force: true });
  });
});

describe('an untrusted workspace', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start({
      workspaceFolders: [p('province'), p('parks')],
      settings: { debounceMs: 20, level: 'city' },
      initializationOptions: { trusted: false, builtinSnippets: false },
    });
  });
  afterAll(() => server.stop());

  it('uses the built-in profile and the user settings only: no workspace config, profile or libraries', async () => {
    const park = openFile(server, 'parks/drafts/lingang-park.zh.md');
    const { diagnostics } = await park.diagnostics();
    // Checked against national-2022 (with its 2030 target) at the user's level (city: the regional
    // measure is a province one), not against the park framework at the config's park level.
    expect(diagnostics.map((d) => `${d.code} ${ids(d.data)}`)).toEqual([
      'target-missing 2030',
      'measure-missing source-prevention/zoning-control',
      'measure-missing source-prevention/access-management',
      'measure-missing source-prevention/green-lifestyle',
      'measure-missing model-innovation/city',
      'measure-missing model-innovation/enterprise',
      'measure-missing key-areas/transport',
      'measure-missing key-areas/urban-rural-construction',
      'measure-missing key-areas/agriculture',
      'measure-missing key-areas/ecological-construction',
      'measure-missing environmental-governance/soil',
      'measure-missing environmental-governance/solid-waste',
      'measure-missing support-guarantee/technology',
      'measure-missing support-guarantee/laws-standards',
      'measure-missing support-guarantee/management',
      'measure-missing support-guarantee/economic-policy',
      'measure-missing organisation/publicity',
      'measure-missing organisation/international-cooperation',
      'measure-missing organisation/assessment',
    ]);
    // Heading completions only: no library snippets (and the built-in ones were turned off).
    const items = await completeAtEnd(server, park);
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((i) => i.kind === CompletionItemKind.Snippet)).toEqual([]);
    expect(await server.connection.sendRequest(SnippetLibrariesRequest, { uri: park.uri })).toEqual([]);
    // Nothing was read from the workspace's config or library files, so nothing is reported on them.
    expect(server.published.filter((d) => d.uri !== park.uri)).toEqual([]);
    park.close();
  });
});
