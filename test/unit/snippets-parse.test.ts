/** One team-library `.code-snippets` file → snippets and problems with file, line and field. */
import { describe, expect, test } from 'vitest';
import { forMarkdown, parseSnippetFile } from '../../server/src/snippets/parse';
import { parseJsonc } from '../../server/src/snippets/jsonc';

const FILE = '/team/snippets/targets.code-snippets';

describe('parseSnippetFile', () => {
  test('a VS Code snippet file with comments and a trailing comma', () => {
    const text = [
      '{', //                                                   0
      '  // Place your team snippets here.', //                 1
      '  "Park targets": {', //                                 2
      '    "prefix": ["park-targets", "yq-mb"],', //            3
      '    "body": ["到${1:2025}年，园区单位产值能耗下降${2:13.5}%。", "$0"],', // 4
      '    "description": "园区主要目标",', //                   5
      '    "scope": "markdown,plaintext",', //                  6
      '  },', //                                                7
      '  /* block comment */', //                               8
      '  "Table": { "prefix": "tbl", "body": "| 指标 | 目标 |" },', // 9
      '}', //                                                   10
    ].join('\n');
    expect(parseSnippetFile(text, FILE, 'snippets')).toEqual({
      snippets: [
        {
          name: 'Park targets',
          prefixes: ['park-targets', 'yq-mb'],
          body: '到${1:2025}年，园区单位产值能耗下降${2:13.5}%。\n$0',
          description: '园区主要目标',
          library: 'snippets',
          file: FILE,
          line: 2,
        },
        { name: 'Table', prefixes: ['tbl'], body: '| 指标 | 目标 |', description: undefined, library: 'snippets', file: FILE, line: 9 },
      ],
      problems: [],
    });
  });

  test('bad JSON: the problem is at the line of the error and the intact snippets still load', () => {
    const text = [
      '{', //                                                   0
      '  "One": { "prefix": "one", "body": "1" },', //          1
      '  "Two": { "prefix": "two" "body": "2" },', //           2  (missing comma inside)
      '  "Three": { "prefix": "three", "body": "3" }', //       3
      '}', //                                                   4
    ].join('\n');
    const { snippets, problems } = parseSnippetFile(text, FILE, 'lib');
    expect(problems).toEqual([{ file: FILE, line: 2, character: 27, field: '', message: 'Invalid JSON: a comma is expected.' }]);
    expect(snippets.map((s) => s.name)).toEqual(['One', 'Three']);
  });

  test('a missing comma between entries damages neither entry', () => {
    const text = '{\n  "One": { "prefix": "one", "body": "1" }\n  "Two": { "prefix": "two", "body": "2" }\n}\n';
    const { snippets, problems } = parseSnippetFile(text, FILE, 'lib');
    expect(problems.map((p) => [p.line, p.character, p.message])).toEqual([[2, 2, 'Invalid JSON: a comma is expected.']]);
    expect(snippets.map((s) => s.name)).toEqual(['One', 'Two']);
  });

  test('an unclosed file is reported at its end', () => {
    const text = '{\n  "One": { "prefix": "one", "body": "1" },\n';
    const { snippets, problems } = parseSnippetFile(text, FILE, 'lib');
    expect(problems.map((p) => [p.line, p.message])).toEqual([[2, 'Invalid JSON: a property name in double quotes is expected.']]);
    expect(snippets.map((s) => s.name)).toEqual(['One']);
  });

  test('bad entries are reported at the offending field and left out; the others stay', () => {
    const text = [
      '{', //                                                        0
      '  "No prefix": { "body": "x" },', //                          1
      '  "Numeric prefix": {', //                                    2
      '    "prefix": 42,', //                                        3
      '    "body": "y"', //                                          4
      '  },', //                                                     5
      '  "Typo": { "prefix": "t", "body": "z", "descripton": "d" },', // 6
      '  "Not an object": "just text",', //                          7
      '  "Bad line": { "prefix": "b", "body": ["a", 2] },', //       8
      '  "Good": { "prefix": "good", "body": "ok" }', //             9
      '}',
    ].join('\n');
    const { snippets, problems } = parseSnippetFile(text, FILE, 'lib');
    expect(problems.map((p) => [p.line, p.character, p.field, p.message])).toEqual([
      [1, 15, 'No prefix/prefix', 'Snippet "No prefix": Missing required field "prefix".'],
      [3, 14, 'Numeric prefix/prefix', 'Snippet "Numeric prefix": prefix must be a string or a list.'],
      [6, 40, 'Typo/descripton', 'Snippet "Typo": Unknown field "descripton".'],
      [7, 19, 'Not an object', 'Snippet "Not an object" must be an object with a prefix and a body.'],
      [8, 45, 'Bad line/body/1', 'Snippet "Bad line": body/1 must be a string.'],
    ]);
    expect(snippets.map((s) => s.name)).toEqual(['Good']);
  });

  test('an empty prefix is a problem', () => {
    const { snippets, problems } = parseSnippetFile('{ "E": { "prefix": "", "body": "x" } }', FILE, 'lib');
    expect(snippets).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual(['Snippet "E": prefix must not be empty.']);
  });

  test('a name defined twice: reported at the second, which wins (as in VS Code)', () => {
    const text = '{\n  "Same": { "prefix": "a", "body": "first" },\n  "Same": { "prefix": "a", "body": "second" }\n}';
    const { snippets, problems } = parseSnippetFile(text, FILE, 'lib');
    expect(problems).toEqual([
      { file: FILE, line: 2, character: 2, field: 'Same', message: 'Snippet "Same" is defined twice in this file; the later definition is used.' },
    ]);
    expect(snippets.map((s) => s.body)).toEqual(['second']);
  });

  test('snippets scoped to other languages are left out without a problem', () => {
    const text = '{ "Py": { "prefix": "p", "body": "x", "scope": "python" }, "Md": { "prefix": "m", "body": "y", "scope": "python, markdown" } }';
    const { snippets, problems } = parseSnippetFile(text, FILE, 'lib');
    expect(problems).toEqual([]);
    expect(snippets.map((s) => s.name)).toEqual(['Md']);
    expect([forMarkdown(undefined), forMarkdown(''), forMarkdown('Markdown'), forMarkdown('json')]).toEqual([true, true, true, false]);
  });

  test('an empty or comment-only file is fine; a file that is not an object is not', () => {
    expect(parseSnippetFile('', FILE, 'lib')).toEqual({ snippets: [], problems: [] });
    expect(parseSnippetFile('// nothing yet\n', FILE, 'lib')).toEqual({ snippets: [], problems: [] });
    expect(parseSnippetFile('{}', FILE, 'lib')).toEqual({ snippets: [], problems: [] });
    expect(parseSnippetFile('\n[1, 2]', FILE, 'lib').problems).toEqual([
      { file: FILE, line: 1, character: 0, field: '', message: 'A snippet file must hold an object whose keys are snippet names.' },
    ]);
  });

  test('$schema is allowed at the top', () => {
    const text = '{ "$schema": "../schemas/snippets.schema.json", "A": { "prefix": "a", "body": "x" } }';
    expect(parseSnippetFile(text, FILE, 'lib').snippets.map((s) => s.name)).toEqual(['A']);
  });

  test('positions count CRLF line ends once', () => {
    const text = '{\r\n  "A": { "prefix": 1, "body": "x" }\r\n}';
    expect(parseSnippetFile(text, FILE, 'lib').problems.map((p) => [p.line, p.character])).toEqual([[1, 19]]);
    expect(parseJsonc('{\r\n\r\n  x', FILE).problems.map((p) => [p.line, p.character])).toEqual([[2, 2]]);
  });
});
