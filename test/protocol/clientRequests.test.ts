/**
 * The requests that spare the VS Code client any server code: `planlint/profile` (the profile that
 * applies: built-in, a folder's custom one, a front matter's) and `planlint/snippetEntry` (the edits
 * that add a team snippet). On a copy of test/fixtures/team-workspace (a province folder on the
 * national profile, a parks folder whose config names a custom profile).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinProfile, loadProfileFile } from '../../server/src/profile';
import type { Profile } from '../../server/src/profile/types';
import { CoverageRequest, type CoverageView, type ProfileInfo, ProfileRequest, SnippetEntryRequest } from '../../server/src/protocol';
import { repoRoot, TestServer } from './harness';

const FIXTURE = resolve(repoRoot, 'test/fixtures/team-workspace');
const PARK_PROFILE = 'parks/profiles/park.planlint-profile.yaml';
let ws: string;
let server: TestServer;
const uri = (rel: string) => pathToFileURL(join(ws, rel)).toString();

beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'planlint-requests-'));
  cpSync(FIXTURE, ws, { recursive: true });
  server = await TestServer.start({ locale: 'en', workspaceFolders: [join(ws, 'province'), join(ws, 'parks')] });
});
afterAll(async () => {
  await server.stop();
  rmSync(ws, { recursive: true, force: true });
});

/** What the request must say about a profile: its loaded data, areas → measures, in the protocol's shape. */
function expected(p: Profile): ProfileInfo {
  return {
    id: p.id,
    title: { ...p.title },
    source: p.source,
    areas: p.areas.map((a) => ({
      id: a.id,
      number: a.number,
      kind: a.kind,
      title: { ...a.title },
      mark: a.mark,
      measures: a.measures.map((m) => ({
        id: m.id,
        number: m.number,
        title: { ...m.title },
        short: { ...m.short },
        mark: m.mark,
        ...(m.wording ? { wording: { ...m.wording } } : {}),
        evidence: { zh: [...m.evidence.zh], en: [...m.evidence.en] },
      })),
    })),
  };
}

describe('planlint/profile', () => {
  it('without a document: the built-in profile, every measure with both titles, short name, mark, wording and evidence', async () => {
    const info = await server.connection.sendRequest(ProfileRequest, {});
    expect(info).toEqual(expected(loadBuiltinProfile()));
    expect(info.areas.flatMap((a) => a.measures)).toHaveLength(26);
    const transport = info.areas.find((a) => a.id === 'key-areas')!.measures.find((m) => m.id === 'transport')!;
    expect(transport).toMatchObject({ number: '（九）', short: { zh: '交通运输', en: 'Transport' }, mark: 'V', wording: { mark: 'V' } });
    expect(transport.wording!.zh).toContain('公转铁');
  });

  it('for a draft in the province folder: the built-in profile', async () => {
    const info = await server.connection.sendRequest(ProfileRequest, { uri: uri('province/drafts/province-plan.zh.md') });
    expect(info.id).toBe('national-2022');
  });

  it('for a draft in the parks folder (not open): the custom profile its config names, short names defaulting to the titles', async () => {
    const info = await server.connection.sendRequest(ProfileRequest, { uri: uri('parks/drafts/lingang-park.zh.md') });
    const park = loadProfileFile(join(ws, PARK_PROFILE)).profile!;
    expect(info).toEqual(expected(park));
    expect(info.id).toBe('industrial-park-2024');
    for (const m of info.areas.flatMap((a) => a.measures)) expect(m.short).toEqual(m.title);
  });

  it('for an open draft whose front matter names a profile: that profile, which the coverage view uses too', async () => {
    const rel = 'province/drafts/front-matter.zh.md';
    const body = readFileSync(join(ws, 'parks/drafts/lingang-park.zh.md'), 'utf8');
    const doc = server.open(uri(rel), `---\nplanlint:\n  profile: ../../${PARK_PROFILE}\n---\n\n${body}`);
    await doc.diagnostics();
    const info = await server.connection.sendRequest(ProfileRequest, { uri: doc.uri });
    expect(info.id).toBe('industrial-park-2024');
    const view = (await server.connection.sendRequest(CoverageRequest, { uri: doc.uri })) as CoverageView;
    expect(view.profile).toBe('industrial-park-2024');
    expect(view.areas.map((a) => a.id)).toEqual(info.areas.map((a) => a.id));
    doc.close();
  });
});

describe('planlint/snippetEntry', () => {
  it('adds an entry to an existing library file, keeping its comments and other entries', async () => {
    const fileText = '{\n  // team phrasing\n  "Old": { "prefix": "old", "body": ["x"] }\n}\n';
    const r = await server.connection.sendRequest(SnippetEntryRequest, { fileText, prefix: 'mb-2025', description: 'Main targets', text: '到2025年，$1 达到 60%' });
    expect('edits' in r && r.name).toBe('Main targets');
    if (!('edits' in r)) return;
    let text = fileText;
    for (const e of [...r.edits].sort((a, b) => b.offset - a.offset)) text = text.slice(0, e.offset) + e.content + text.slice(e.offset + e.length);
    expect(text).toContain('// team phrasing');
    const parsed = JSON.parse(text.replace(/^\s*\/\/.*$/m, '')) as Record<string, { prefix: string; body: string[] }>;
    expect(parsed.Old).toEqual({ prefix: 'old', body: ['x'] });
    expect(parsed['Main targets']).toEqual({ prefix: 'mb-2025', description: 'Main targets', body: ['到2025年，\\$1 达到 60%'] });
  });

  it('refuses a file that is not a snippet object, and a bad prefix', async () => {
    const send = (fileText: string, prefix: string) => server.connection.sendRequest(SnippetEntryRequest, { fileText, prefix, description: '', text: 'x' });
    expect(await send('{ "a": ', 'p')).toEqual({ error: 'invalid-json' });
    expect(await send('[]', 'p')).toEqual({ error: 'not-object' });
    expect(await send('{}', '  ')).toEqual({ error: 'empty-prefix' });
    expect(await send('{}', 'two words')).toEqual({ error: 'spaces-in-prefix' });
  });
});
