/** Team snippet libraries on real temporary folders: which folders apply, and loading them (reload on change, bad files, duplicates). */
import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { libraryRefs, snippetFiles } from '../../server/src/snippets/refs';
import { LibraryStore, librarySource, MAX_SNIPPET_FILE_BYTES } from '../../server/src/snippets/store';
import { tempTree } from '../support/tempTree';

const tree = tempTree('planlint-lib-');
const { write, at } = tree;
const snippet = (prefix: string, body: string, description = '') => ({ prefix, body, ...(description ? { description } : {}) });
const lib = (entries: Record<string, unknown>) => JSON.stringify(entries, null, 2);


describe('libraryRefs', () => {
  test('config entries resolve against the config file; settings entries against the workspace folder', () => {
    write('ws/team/lib/a.code-snippets', '{}');
    write('ws/personal/b.code-snippets', '{}');
    const config = at('ws/team/.planlintrc.yaml');
    const r = libraryRefs({
      config: { file: config, entries: ['lib'], positions: [{ line: 3, character: 4 }] },
      settings: ['personal'],
      settingsBase: at('ws'),
      roots: [at('ws')],
      trusted: true,
    });
    expect(r).toEqual({
      refs: [
        { folder: at('ws/team/lib'), name: 'lib', origin: { file: config, line: 3, character: 4 } },
        { folder: at('ws/personal'), name: 'personal' },
      ],
      problems: [],
      notes: [],
    });
  });

  test('a config entry outside the workspace, not a folder, or without snippet files is a problem at its item', () => {
    write('outside/x.code-snippets', '{}');
    write('ws/empty/readme.md', '');
    write('ws/file.code-snippets', '{}');
    const config = at('ws/.planlintrc.json');
    const positions = [0, 1, 2, 3].map((i) => ({ line: 2 + i, character: 4 }));
    const r = libraryRefs({
      config: { file: config, entries: ['../outside', 'missing', 'empty', 'file.code-snippets'], positions },
      roots: [at('ws')],
      trusted: true,
    });
    expect(r.refs).toEqual([]);
    expect(r.problems).toEqual([
      {
        file: config,
        line: 2,
        character: 4,
        field: 'snippetLibraries/0',
        message: 'Snippet library "../outside" is outside the workspace; a config file may only name folders inside it (use the planlint.snippetLibraries user setting for others).',
      },
      { file: config, line: 3, character: 4, field: 'snippetLibraries/1', message: `Snippet library "missing" is not a folder (${at('ws/missing')}).` },
      { file: config, line: 4, character: 4, field: 'snippetLibraries/2', message: 'Snippet library "empty" holds no .code-snippets files.' },
      { file: config, line: 5, character: 4, field: 'snippetLibraries/3', message: `Snippet library "file.code-snippets" is not a folder (${at('ws/file.code-snippets')}).` },
    ]);
  });

  test('multi-root: a config may name a library in another workspace folder; without folders only inside its own', () => {
    write('shared/lib/a.code-snippets', '{}');
    const config = at('city/.planlintrc.json');
    const input = { config: { file: config, entries: ['../shared/lib'] }, trusted: true };
    expect(libraryRefs({ ...input, roots: [at('city'), at('shared')] }).refs.map((r) => r.name)).toEqual(['lib']);
    expect(libraryRefs({ ...input, roots: [] }).problems.map((p) => p.field)).toEqual(['snippetLibraries/0']);
  });

  test('settings entries may lie outside the workspace (absolute or ~); a missing one is a note, not a problem', () => {
    write('elsewhere/lib/a.code-snippets', '{}');
    const r = libraryRefs({
      settings: [at('elsewhere/lib'), '~/no-such-planlint-folder-xyz', 'relative'],
      roots: [at('ws')],
      trusted: true,
    });
    expect(r.refs).toEqual([{ folder: at('elsewhere/lib'), name: 'lib' }]);
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([
      `The planlint.snippetLibraries entry "~/no-such-planlint-folder-xyz" is not a folder (${join(homedir(), 'no-such-planlint-folder-xyz')}).`,
      'The planlint.snippetLibraries entry "relative" is relative, but the file is in no workspace folder.',
    ]);
  });

  test('untrusted: the config is ignored, and settings entries inside the workspace too', () => {
    write('ws/lib/a.code-snippets', '{}');
    write('user/lib2/a.code-snippets', '{}');
    const r = libraryRefs({
      config: { file: at('ws/.planlintrc.json'), entries: ['lib'] },
      settings: ['lib', at('user/lib2')],
      settingsBase: at('ws'),
      roots: [at('ws')],
      trusted: false,
    });
    expect(r.refs).toEqual([{ folder: at('user/lib2'), name: 'lib2' }]);
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual(['The snippet library "lib" is inside the workspace, which is not trusted: it is not loaded.']);
  });

  test('two libraries with the same folder name are labelled with their paths; the same folder twice counts once', () => {
    write('ws/province/snippets/a.code-snippets', '{}');
    write('ws/city/snippets/b.code-snippets', '{}');
    const r = libraryRefs({
      config: { file: at('ws/.planlintrc.json'), entries: ['./province/snippets/', 'city/snippets', 'city/snippets'] },
      roots: [at('ws')],
      trusted: true,
    });
    expect(r.refs.map((x) => x.name)).toEqual(['province/snippets', 'city/snippets']);
  });

  test('snippetFiles: recursive, sorted, skipping node_modules and .git', () => {
    write('lib/b.code-snippets', '{}');
    write('lib/sub/a.code-snippets', '{}');
    write('lib/node_modules/x/c.code-snippets', '{}');
    write('lib/.git/d.code-snippets', '{}');
    write('lib/notes.json', '{}');
    expect(snippetFiles(at('lib'))).toEqual([at('lib/b.code-snippets'), at('lib/sub/a.code-snippets')]);
    expect(snippetFiles(at('nope'))).toBeUndefined();
  });
});

describe('LibraryStore', () => {
  const refs = () =>
    libraryRefs({ config: { file: at('.planlintrc.json'), entries: ['province', 'city'] }, roots: [tree.root], trusted: true }).refs;

  test('two libraries with the same prefix: both offered, each labelled with its library', () => {
    write('province/t.code-snippets', lib({ 'Province targets': snippet('mb-2025', '到2025年，全省……', '省级表述') }));
    write('city/t.code-snippets', lib({ 'City targets': snippet('mb-2025', 'By 2025, the city …') }));
    const { libraries, problems } = new LibraryStore().load(refs());
    expect(problems).toEqual([
      { file: at('province/t.code-snippets'), problems: [] },
      { file: at('city/t.code-snippets'), problems: [] },
    ]);
    expect(libraries.flatMap((l) => librarySource(l).entries())).toEqual([
      { name: 'Province targets', prefixes: ['mb-2025'], body: '到2025年，全省……', description: '省级表述', source: 'province', lang: 'zh' },
      { name: 'City targets', prefixes: ['mb-2025'], body: 'By 2025, the city …', description: undefined, source: 'city', lang: 'en' },
    ]);
  });

  test('an edited file is read again on the next load; a new file is picked up', () => {
    const file = write('province/t.code-snippets', lib({ A: snippet('a', 'first') }));
    write('city/t.code-snippets', '{}');
    const store = new LibraryStore();
    expect(store.load(refs()).libraries[0].snippets.map((s) => s.body)).toEqual(['first']);
    writeFileSync(file, lib({ A: snippet('a', 'second, longer') }));
    expect(store.load(refs()).libraries[0].snippets.map((s) => s.body)).toEqual(['second, longer']);
    write('province/u.code-snippets', lib({ B: snippet('b', 'new') }));
    expect(store.load(refs()).libraries[0].snippets.map((s) => s.body)).toEqual(['second, longer', 'new']);
  });

  test('a change the stamp cannot see is read after invalidate() (a watcher event)', () => {
    const file = write('province/t.code-snippets', lib({ A: snippet('a', 'xxxx') }));
    write('city/t.code-snippets', '{}');
    const store = new LibraryStore();
    store.load(refs());
    // Same size, written within the same timestamp granularity on some file systems.
    writeFileSync(file, lib({ A: snippet('a', 'yyyy') }));
    store.invalidate(file);
    expect(store.load(refs()).libraries[0].snippets.map((s) => s.body)).toEqual(['yyyy']);
  });

  test('a bad file: its problems at their lines, the other files and entries keep working; fixed, its problems clear', () => {
    const bad = write('province/bad.code-snippets', '{\n  "Fine": { "prefix": "ok", "body": "ok" },\n  "Broken": { "prefix": "x", "body": 5 }\n}');
    write('province/good.code-snippets', lib({ Good: snippet('good', 'good') }));
    write('city/t.code-snippets', '{ "oops" }');
    const store = new LibraryStore();
    const first = store.load(refs());
    expect(first.problems.map((p) => [p.file.slice(tree.root.length + 1), p.problems.map((x) => `${x.line}:${x.character} ${x.message}`)])).toEqual([
      ['province/bad.code-snippets', ['2:37 Snippet "Broken": body must be a string or a list.']],
      ['province/good.code-snippets', []],
      ['city/t.code-snippets', ['0:9 Invalid JSON: a colon is expected.']],
    ]);
    expect(first.libraries.map((l) => l.snippets.map((s) => s.name))).toEqual([['Fine', 'Good'], []]);
    writeFileSync(bad, '{\n  "Fine": { "prefix": "ok", "body": "ok" },\n  "Broken": { "prefix": "x", "body": "5 fixed" }\n}');
    const second = store.load(refs());
    expect(second.problems[0]).toEqual({ file: bad, problems: [] });
    expect(second.libraries[0].snippets.map((s) => s.name)).toEqual(['Fine', 'Broken', 'Good']);
  });

  test('a file too large to be a snippet file is reported, not read', () => {
    const big = write('province/huge.code-snippets', `{"A": {"prefix": "a", "body": "${'x'.repeat(MAX_SNIPPET_FILE_BYTES)}"}}`);
    write('city/t.code-snippets', '{}');
    const { problems, libraries } = new LibraryStore().load(refs());
    expect(problems[0]).toEqual({
      file: big,
      problems: [{ file: big, line: 0, character: 0, field: '', message: 'The file is larger than 1 MB; PlanLint does not read it as a snippet library file.' }],
    });
    expect(libraries[0].snippets).toEqual([]);
  });
});
