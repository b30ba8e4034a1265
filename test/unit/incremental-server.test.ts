/**
 * No stale work in the built server: after a burst of edits the diagnostics belong to the latest
 * version and equal those of the same text opened fresh; a huge document being parsed does not hold
 * up a small one opened after it. Ordering only, never timings. Needs `npm run build`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { generateDraft } from '../../bench/generate.mjs';
import { fixtureDir, repoRoot, TestServer } from '../protocol/harness';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const uriOf = (name: string) => pathToFileURL(path.join(fixtureDir, name)).toString();

describe('the server works on the latest version only', () => {
  test('a burst of edits: publications never go back in version, and the last equals a fresh analysis', async () => {
    server = await TestServer.start({ settings: { debounceMs: 0 } });
    const text = readFileSync(path.join(repoRoot, 'examples/city-draft.zh.md'), 'utf8');
    const doc = server.open(uriOf('burst.md'), text);
    await doc.diagnostics(1);
    // type 交通运输 into a heading, delete a list marker, add a chapter: without waiting in between
    const lines = text.split('\n');
    const heading = lines.findIndex((l) => l.startsWith('### （二）'));
    for (const ch of ['交', '通', '运', '输']) doc.change({ start: { line: heading, character: 6 }, end: { line: heading, character: 6 } }, ch);
    const item = lines.findIndex((l) => /^- /.test(l));
    if (item >= 0) doc.change({ start: { line: item, character: 0 }, end: { line: item, character: 2 } }, '');
    const end = { line: lines.length - 1, character: 0 };
    doc.change({ start: end, end }, '\n## 九、加强考核督察\n\n严格考核，强化督察。\n');
    const last = await doc.diagnostics();
    const versions = doc.published().map((p) => p.version ?? 0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[versions.length - 1]).toBe(doc.version);

    const fresh = server.open(uriOf('burst-fresh.md'), doc.text);
    const expected = await fresh.diagnostics(1);
    // the diagnostics' data carries the version they were made for; everything else must match
    const unversioned = (ds: typeof last.diagnostics) => ds.map((d) => ({ ...d, data: { ...(d.data as object), version: undefined } }));
    expect((last.diagnostics[0]?.data as { version?: number } | undefined)?.version).toBe(doc.version);
    expect(unversioned(last.diagnostics)).toEqual(unversioned(expected.diagnostics));
  });

  test('keystrokes one by one (more than are read through before the text is copied), a pause, more: the diagnostics equal a fresh analysis', async () => {
    server = await TestServer.start({ settings: { debounceMs: 0 } });
    const text = readFileSync(path.join(repoRoot, 'examples/city-draft.zh.md'), 'utf8');
    const doc = server.open(uriOf('typing.md'), text);
    await doc.diagnostics(1);
    const lines = text.split('\n');
    const para = lines.findIndex((l) => l.startsWith('实施重点行业'));
    const heading = lines.findIndex((l) => l.startsWith('### （二）'));
    const type = async (line: number, at: number, chars: string) => {
      for (const [k, ch] of [...chars].entries()) {
        doc.change({ start: { line, character: at + k }, end: { line, character: at + k } }, ch);
        await doc.diagnostics();
      }
    };
    await type(para, 4, '加快推动钢铁水泥焦化行业超低排放改造并推进工业园区循环化改造和清洁生产审核');
    await new Promise((r) => setTimeout(r, 300)); // the typing pauses: the text is made one string
    await type(heading, 6, '交通运输');
    doc.change({ start: { line: para, character: 0 }, end: { line: para, character: 2 } }, '');
    const last = await doc.diagnostics();
    const fresh = server.open(uriOf('typing-fresh.md'), doc.text);
    const expected = await fresh.diagnostics(1);
    const unversioned = (ds: typeof last.diagnostics) => ds.map((d) => ({ ...d, data: { ...(d.data as object), version: undefined } }));
    expect(unversioned(last.diagnostics)).toEqual(unversioned(expected.diagnostics));
  }, 120_000);

  test('a huge document being parsed does not hold up a small one opened after it', async () => {
    server = await TestServer.start({ settings: { debounceMs: 0 } });
    const huge = server.open(uriOf('huge.md'), generateDraft(11, 400_000));
    const small = server.open(uriOf('small.md'), readFileSync(path.join(repoRoot, 'test/fixtures/drafts/gaps-zh.md'), 'utf8'));
    const order: string[] = [];
    await Promise.all([huge.diagnostics(1).then(() => order.push('huge')), small.diagnostics(1).then(() => order.push('small'))]);
    expect(order).toEqual(['small', 'huge']);
    expect((await huge.diagnostics(1)).diagnostics.length).toBeGreaterThan(0);
  }, 300_000);
});
