/**
 * Hostile config, profile and snippet-library files: every one becomes a clear problem on that file,
 * never an exception (which left every draft under the config unchecked) or a crash; include globs
 * whose matching could run away, or that reach outside their folder, are reported and left out.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandPaths } from '../../server/src/cli/files';
import { loadConfigFile, parseConfig } from '../../server/src/config/load';
import { setLocale } from '../../server/src/l10n';
import { loadProfileFile, parseProfile } from '../../server/src/profile';
import { MAX_DATA_FILE_BYTES, MAX_NESTING, nestingDepth } from '../../server/src/shared/dataFile';
import { checkIncludePatterns, includePatternProblem, MAX_INCLUDE_PATTERNS } from '../../server/src/shared/globs';
import { parseSnippetFile } from '../../server/src/snippets/parse';
import { LibraryStore } from '../../server/src/snippets/store';

setLocale('en');
const tmp = mkdtempSync(join(tmpdir(), 'planlint-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
].join('\n');
const DEEP_FLOW = '['.repeat(100_000) + ']'.repeat(100_000);
const DEEP_OBJECT = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
const DEEP_BLOCK = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1';

const parsers = {
  'config (YAML)': (text: string) => parseConfig(text, '/w/.planlintrc.yaml').problems,
  'config (JSON)': (text: string) => parseConfig(text, '/w/.planlintrc.json').problems,
  profile: (text: string) => parseProfile(text, '/w/team.planlint-profile.yaml').problems,
  'snippet library': (text: string) => parseSnippetFile(text, '/w/team.code-snippets', 'team').problems,
};

describe.each(Object.entries(parsers))('a hostile %s file', (_kind, parse) => {
  it('nested 100 000 brackets deep: one clear problem, no stack overflow', () => {
    for (const text of [DEEP_FLOW, DEEP_OBJECT]) {
      expect(parse(text).map((p) => p.message)).toEqual([`The file is nested too deeply to read (more than ${MAX_NESTING} levels).`]);
    }
  });

  it('malformed or of the wrong types: problems at a place in the file, no exception', () => {
    for (const text of ['{ "profile": ', '{"profile": 42, "severity": "loud", "include": "x", "level": ["city"]}', '\u0000\u0001\uFFFF', '- - - -']) {
      const problems = parse(text);
      expect(problems.length, JSON.stringify(text)).toBeGreaterThan(0);
      for (const p of problems) {
        expect(p.message.length).toBeGreaterThan(0);
        expect(p.line).toBe(0);
        expect(p.character).toBeLessThanOrEqual(text.length);
      }
    }
    expect(() => parse('')).not.toThrow();
  });
});

describe('a config of the wrong types', () => {
  it('names each wrong field', () => {
    const text = '{"profile": 42, "severity": "loud", "include": "x", "level": ["city"]}';
    for (const file of ['/w/.planlintrc.json', '/w/.planlintrc.yaml']) {
      expect(parseConfig(text, file).problems.map((p) => [p.field, p.message])).toEqual([
        ['profile', 'profile must be a string.'],
        ['severity', 'severity must be a mapping (key: value).'],
        ['include', 'include must be a list.'],
        ['level', 'level must be a string.'],
        ['level', 'level must be one of: province, city, county, park, enterprise.'],
      ]);
    }
  });
});

describe('YAML resource exhaustion', () => {
  it('an alias bomb is refused with a message (config and profile)', () => {
    for (const problems of [parsers['config (YAML)'](BOMB), parsers.profile(BOMB)]) {
      expect(problems.map((p) => p.message)).toEqual(['The file expands too many YAML aliases (more than 100); PlanLint does not read it.']);
    }
  });

  it('deep block nesting is refused before parsing', () => {
    expect(nestingDepth(DEEP_BLOCK)).toBeGreaterThan(MAX_NESTING);
    expect(parsers['config (YAML)'](DEEP_BLOCK).map((p) => p.message)).toEqual([`The file is nested too deeply to read (more than ${MAX_NESTING} levels).`]);
  });

  it('ordinary files are far from the nesting limit', () => {
    const builtin = readFileSync(resolve(__dirname, '../../server/src/profile/national-2022.yaml'), 'utf8');
    expect(nestingDepth(builtin)).toBeLessThan(12);
    expect(nestingDepth('a: "[[[[[[" # {{{{{{\nb: [1, [2, [3]]]\n')).toBe(4);
  });
});

describe('an enormous file', () => {
  it('is reported by size, not read (config, profile, snippet library)', () => {
    const big = 'x'.repeat(MAX_DATA_FILE_BYTES + 10);
    const config = join(tmp, '.planlintrc.json');
    writeFileSync(config, `{"include": ["${big}"]}`);
    expect(loadConfigFile(config).problems.map((p) => p.message)).toEqual(['The file is larger than 4 MB (4.0 MB); PlanLint does not read it.']);
    const profile = join(tmp, 'big.planlint-profile.yaml');
    writeFileSync(profile, `id: big\n# ${big}\n`);
    expect(loadProfileFile(profile).problems.map((p) => p.message)).toEqual(['The file is larger than 4 MB (4.0 MB); PlanLint does not read it.']);
    writeFileSync(join(tmp, 'big.code-snippets'), `{"a": {"prefix": "a", "body": "${big}"}}`);
    const store = new LibraryStore();
    const loaded = store.load([{ name: 'lib', folder: tmp }]);
    const problems = loaded.problems.flatMap((p) => p.problems.map((x) => x.message));
    expect(problems.some((m) => /larger than 1 MB/.test(m))).toBe(true);
  });
});

describe('symbolic links on the command line', () => {
  it('neither a folder nor a glob argument is followed through a link (to a folder outside, to itself)', async () => {
    const dir = join(tmp, 'links');
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'drafts', 'plan.md'), '# 某市减污降碳协同增效实施方案\n');
    symlinkSync(resolve(__dirname, '../../examples'), join(dir, 'outside'));
    symlinkSync('.', join(dir, 'loop'));
    for (const arg of ['**/*.md', '.']) {
      const { inputs } = await expandPaths([arg], dir);
      expect(inputs.map((i) => i.path)).toEqual([join(dir, 'drafts', 'plan.md')]);
    }
  });
});

describe('include globs', () => {
  it('keeps ordinary globs', () => {
    for (const p of ['drafts/**/*.md', '*.md', 'plans/{city,county}/*-draft.md', '**/[0-9][0-9]*.md', 'a?b*.md']) expect(includePatternProblem(p), p).toBeUndefined();
  });

  it('leaves out globs that could backtrack, reach outside, or are absolute, each with its reason', () => {
    const { usable, rejected } = checkIncludePatterns([
      'ok/*.md',
      '*a*a*a*a*a*a*b',
      '@(a|aa)*@(a|aa)*b',
      '../../**/*.md',
      '/etc/**',
      'C:/drafts/*.md',
      'x'.repeat(300),
    ]);
    expect(usable).toEqual(['ok/*.md']);
    expect(rejected.map((r) => r.reason)).toEqual([
      'it has more than 2 wildcards in one path segment (“*a*a*a*a*a*a*b”)',
      'extended globs like @(…) or *(…) are not supported',
      'it reaches outside its folder (“..”)',
      'it is an absolute path; include globs are relative to the config file or the workspace folder',
      'it is an absolute path; include globs are relative to the config file or the workspace folder',
      'it is longer than 256 characters',
    ]);
  });

  it('uses only the first 64 globs, with one problem for the rest', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `d${i}/*.md`);
    const { usable, rejected } = checkIncludePatterns(many);
    expect(usable).toEqual(many.slice(0, MAX_INCLUDE_PATTERNS));
    expect(rejected).toEqual([{ index: 64, pattern: 'd64/*.md', reason: 'only the first 64 include globs are used (99936 more are left out)' }]);
    const r = parseConfig(JSON.stringify({ include: many }), '/w/.planlintrc.json');
    expect(r.config?.include).toHaveLength(MAX_INCLUDE_PATTERNS);
    expect(r.problems.map((p) => [p.field, p.message])).toEqual([['include/64', 'The include glob “d64/*.md” is not used: only the first 64 include globs are used (99936 more are left out).']]);
  });

  it('a config reports each left-out glob at its place and applies the rest', () => {
    const text = '{\n  "include": [\n    "drafts/*.md",\n    "*a*a*a*a*a*b.md"\n  ],\n  "level": "city"\n}\n';
    const r = parseConfig(text, '/w/.planlintrc.json');
    expect(r.config).toEqual({ include: ['drafts/*.md'], level: 'city' });
    expect(r.problems).toEqual([
      {
        file: '/w/.planlintrc.json',
        line: 3,
        character: 4,
        field: 'include/1',
        message: 'The include glob “*a*a*a*a*a*b.md” is not used: it has more than 2 wildcards in one path segment (“*a*a*a*a*a*b.md”).',
      },
    ]);
  });
});
