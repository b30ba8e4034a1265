/**
 * Hostile files in the workspace, against the built server: an alias-bomb config, one nested too
 * deep, an enormous one, include globs that would backtrack or reach outside, a profile outside the
 * workspace, a snippet library nested too deep, symbolic links to / and to the folder itself. Each
 * gets a clear config-error on that file; the drafts are still checked with the defaults; every
 * request ends (a hang fails on the test's timeout) and the server keeps serving.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { CheckWorkspaceRequest } from '../../server/src/protocol';
import { fixture, TestServer } from './harness';

const root = mkdtempSync(join(tmpdir(), 'planlint-hostile-ws-'));
const folder = (name: string) => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const plan = fixture('gap-zh.md').text;
const uriOf = (path: string) => pathToFileURL(path).toString();

const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'].join('\n');

const bomb = folder('bomb');
writeFileSync(join(bomb, '.planlintrc.yaml'), BOMB);
const deep = folder('deep');
writeFileSync(join(deep, '.planlintrc.json'), '['.repeat(200_000) + ']'.repeat(200_000));
const huge = folder('huge');
writeFileSync(join(huge, '.planlintrc.json'), `{"level": "city", "include": [${Array.from({ length: 300_000 }, (_, i) => `"drafts/d${i}/*.md"`).join(',')}]}`);
const globs = folder('globs');
writeFileSync(
  join(globs, '.planlintrc.json'),
  JSON.stringify({ include: ['*a*a*a*a*a*a*b.md', '@(a|aa)*@(a|aa)*@(a|aa)*b.md', '../../**/*.md', 'notes/*.md'], profile: '../../../etc/hosts' }, null, 2),
);
// a long file name that the backtracking globs would have chewed on, and a draft the usable glob takes in
const longName = `${'a'.repeat(200)}.md`;
writeFileSync(join(globs, longName), '# 随笔\n\n只是一些笔记。\n');
mkdirSync(join(globs, 'notes'));
writeFileSync(join(globs, 'notes', 'memo.md'), '# 备忘\n\n一、总体要求\n');
const links = folder('links');
symlinkSync('/', join(links, 'root'));
symlinkSync('.', join(links, 'loop'));
writeFileSync(join(links, '.planlintrc.json'), JSON.stringify({ include: ['**/*.md'] }));
const library = folder('library');
mkdirSync(join(library, 'snippets'));
writeFileSync(join(library, 'snippets', 'deep.code-snippets'), '{"a": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
writeFileSync(join(library, 'snippets', 'good.code-snippets'), JSON.stringify({ target: { prefix: 'pl-target', body: ['到2030年，……'] } }));
writeFileSync(join(library, '.planlintrc.json'), JSON.stringify({ snippetLibraries: ['snippets'] }));

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start({ locale: 'en', settings: { debounceMs: 10 }, workspaceFolders: [bomb, deep, huge, globs, links, library] });
});
afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

/** The config-error messages published on a file. */
async function problemsOn(file: string, test: (ds: Diagnostic[]) => boolean = (ds) => ds.length > 0): Promise<string[]> {
  const p = await server.waitForDiagnostics(uriOf(file), (x) => test(x.diagnostics));
  for (const d of p.diagnostics) expect(d).toMatchObject({ code: 'config-error', source: 'planlint', severity: 1 });
  return p.diagnostics.map((d) => d.message);
}

/** A plan in `dir` is still checked (with the defaults). */
async function planChecked(dir: string): Promise<Diagnostic[]> {
  const doc = server.open(uriOf(join(dir, 'plan.md')), plan);
  const { diagnostics } = await doc.diagnostics();
  expect(diagnostics.map((d) => d.code)).toContain('area-missing');
  doc.close();
  return diagnostics;
}

describe('hostile config files', () => {
  it('an alias bomb: a clear problem on the config, the draft checked with the defaults', async () => {
    await planChecked(bomb);
    expect(await problemsOn(join(bomb, '.planlintrc.yaml'))).toEqual(['The file expands too many YAML aliases (more than 100); PlanLint does not read it.']);
  });

  it('a config nested 200 000 deep: a clear problem, no crash', async () => {
    await planChecked(deep);
    expect(await problemsOn(join(deep, '.planlintrc.json'))).toEqual(['The file is nested too deeply to read (more than 256 levels).']);
  });

  it('an enormous config: reported by size, not read', async () => {
    const diagnostics = await planChecked(huge);
    // the level of the unread config does not apply
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(await problemsOn(join(huge, '.planlintrc.json'))).toEqual([expect.stringMatching(/^The file is larger than 4 MB \(\d+\.\d MB\); PlanLint does not read it\.$/)]);
  });

  it('include globs that would backtrack or reach outside, a profile outside the workspace: each reported, the rest applies', async () => {
    await planChecked(globs);
    const messages = await problemsOn(join(globs, '.planlintrc.json'), (ds) => ds.length >= 4);
    expect(messages.sort()).toEqual(
      [
        'The include glob “*a*a*a*a*a*a*b.md” is not used: it has more than 2 wildcards in one path segment (“*a*a*a*a*a*a*b.md”). (include/0)',
        'The include glob “@(a|aa)*@(a|aa)*@(a|aa)*b.md” is not used: extended globs like @(…) or *(…) are not supported. (include/1)',
        'The include glob “../../**/*.md” is not used: it reaches outside its folder (“..”). (include/2)',
        'Profile "../../../etc/hosts" is outside the workspace; a config file may only name files inside it (use the planlint.profile user setting for others). (profile)',
      ].sort(),
    );
    // the long-named note is no plan; the usable glob still makes notes/memo.md one
    const note = server.open(uriOf(join(globs, longName)), '# 随笔\n\n只是一些笔记。\n');
    expect((await note.diagnostics()).diagnostics).toEqual([]);
    note.close();
    const memo = server.open(uriOf(join(globs, 'notes', 'memo.md')), '# 备忘\n\n一、总体要求\n');
    expect((await memo.diagnostics()).diagnostics.map((d) => d.code)).toContain('area-missing');
    memo.close();
  });
});

describe('symbolic links and snippet libraries', () => {
  it('a workspace with links to / and to itself: include globs and the workspace check stay inside', async () => {
    await planChecked(links);
    const result = await server.connection.sendRequest(CheckWorkspaceRequest, {});
    expect(result.cancelled).toBe(false);
    // the workspace's own Markdown files only (none through the links)
    expect(result.files).toBeLessThan(20);
  }, 120_000);

  it('a snippet library file nested too deep: a clear problem on it, the other file still completes', async () => {
    const doc = server.open(uriOf(join(library, 'plan.md')), `${plan}\n`);
    await doc.diagnostics();
    expect(await problemsOn(join(library, 'snippets', 'deep.code-snippets'))).toEqual(['The file is nested too deeply to read (more than 256 levels).']);
    const lines = doc.text.split('\n').length;
    const items = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: doc.uri }, position: { line: lines - 1, character: 0 } });
    const labels = (Array.isArray(items) ? items : (items?.items ?? [])).map((i) => i.label);
    expect(labels).toContain('pl-target');
    doc.close();
    expect(server.process.exitCode).toBeNull();
  });
});
