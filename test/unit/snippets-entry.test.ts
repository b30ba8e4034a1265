/** "Save selection as team snippet": the new entry merges into the library file, never clobbering it. */
import { applyEdits } from 'jsonc-parser/lib/esm/main.js';
import { describe, expect, test } from 'vitest';
import { addSnippetEdits, formattingOf, prefixProblem, snippetBody } from '../../server/src/snippets/entry';
import { parseSnippetFile } from '../../server/src/snippets/parse';

const FILE = '/lib/team.code-snippets';

function add(text: string, prefix: string, description: string, selection: string): { text: string; name: string } {
  const r = addSnippetEdits(text, { prefix, description, text: selection });
  if ('error' in r) throw new Error(r.error);
  return { text: applyEdits(text, r.edits), name: r.name };
}

/** What VS Code inserts for a snippet body without tab stops: escapes undone. */
const expand = (body: string) => body.replace(/\\([\\$}])/g, '$1');

describe('addSnippetEdits', () => {
  test('merges into a file with comments, keeping them and every other entry', () => {
    const before = ['{', '  // 省厅统一表述', '  "Existing": {', '    "prefix": "old",', '    "body": ["keep me"]', '  }', '}', ''].join('\n');
    const { text, name } = add(before, 'mb-2025', '2025年目标', '到2025年，单位GDP二氧化碳排放下降18%。');
    expect(name).toBe('2025年目标');
    expect(text).toContain('  // 省厅统一表述\n  "Existing": {\n    "prefix": "old",\n    "body": ["keep me"]\n  }');
    const parsed = parseSnippetFile(text, FILE, 'lib');
    expect(parsed.problems).toEqual([]);
    expect(parsed.snippets.map((s) => [s.name, s.prefixes, s.body, s.description])).toEqual([
      ['Existing', ['old'], 'keep me', undefined],
      ['2025年目标', ['mb-2025'], '到2025年，单位GDP二氧化碳排放下降18%。', '2025年目标'],
    ]);
  });

  test('an empty (or missing) file becomes a valid snippet file; the name falls back to the prefix', () => {
    const { text, name } = add('', 'tbl', '', '| 指标 | 2025年 |\n|---|---|');
    expect(name).toBe('tbl');
    expect(text).toBe('{\n  "tbl": {\n    "prefix": "tbl",\n    "body": [\n      "| 指标 | 2025年 |",\n      "|---|---|"\n    ]\n  }\n}\n');
    expect(parseSnippetFile(text, FILE, 'lib').snippets.map((s) => s.body)).toEqual(['| 指标 | 2025年 |\n|---|---|']);
  });

  test('a taken name gets a number; the existing entry is untouched', () => {
    const before = '{\n  "Targets": { "prefix": "a", "body": "x" },\n  "Targets (2)": { "prefix": "b", "body": "y" }\n}\n';
    const { text, name } = add(before, 'c', 'Targets', 'z');
    expect(name).toBe('Targets (3)');
    expect(parseSnippetFile(text, FILE, 'lib').snippets.map((s) => `${s.name}=${s.body}`)).toEqual(['Targets=x', 'Targets (2)=y', 'Targets (3)=z']);
  });

  test('text with $ and backslashes is escaped, so it is inserted as it was selected', () => {
    const selection = 'Cost: $5 per t\\CO2 ${not a tab stop}\r\nsecond line';
    const { text } = add('{}', 'cost', '', selection);
    const [s] = parseSnippetFile(text, FILE, 'lib').snippets;
    expect(s.body).toBe('Cost: \\$5 per t\\\\CO2 \\${not a tab stop}\nsecond line');
    expect(expand(s.body)).toBe(selection.replace('\r\n', '\n'));
    expect(snippetBody('a$b')).toEqual(['a\\$b']);
  });

  test('keeps the file’s tab indentation and CRLF line ends', () => {
    const before = '{\r\n\t"A": {\r\n\t\t"prefix": "a",\r\n\t\t"body": "x"\r\n\t}\r\n}\r\n';
    expect(formattingOf(before)).toEqual({ insertSpaces: false, tabSize: 1, eol: '\r\n' });
    const { text } = add(before, 'b', '', 'y');
    expect(text.startsWith(before.slice(0, before.indexOf('\r\n}')))).toBe(true);
    expect(text).toContain('\r\n\t"b": {\r\n\t\t"prefix": "b",');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('a file with bad JSON or a non-object top level is refused, never overwritten', () => {
    expect(addSnippetEdits('{ "A": { "prefix": "a" "body": "x" } }', { prefix: 'b', description: '', text: 'y' })).toEqual({ error: 'invalid-json' });
    expect(addSnippetEdits('[]', { prefix: 'b', description: '', text: 'y' })).toEqual({ error: 'not-object' });
  });

  test('prefixes are one word', () => {
    expect([prefixProblem(''), prefixProblem('  '), prefixProblem('mb 2025'), prefixProblem(' mb-2025 ')]).toEqual(['empty', 'empty', 'spaces', undefined]);
  });
});
