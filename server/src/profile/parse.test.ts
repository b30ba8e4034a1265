/** Custom / broken profiles: every problem names the file, the 0-based line and character, and the field. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProfileFile, parseProfile } from './index';

// Line numbers (0-based) are noted where tests point at them.
const MINI = [
  'id: mini', //                                   0
  'version: 1', //                                 1
  'title: { zh: 迷你, en: Mini }', //              2
  'areas:', //                                     3
  '  - id: one', //                                4
  '    kind: task', //                             5
  '    title: { zh: 一, en: One }', //             6
  '    aliases: { zh: [一章], en: [one] }', //      7
  '    measures:', //                              8
  '      - id: m1', //                             9
  '        title: { zh: 甲, en: A }', //           10
  '        aliases: { zh: [甲] }', //              11
  '        evidence: { zh: [甲乙], en: [Alpha] }', // 12
  'indicators:', //                                13
  '  - id: ind', //                                14
  '    year: 2025', //                             15
  '    value: 60', //                              16
  "    unit: '%'", //                              17
  '    comparison: at-least', //                   18
  '    measure: m1', //                            19
  '    terms: { zh: [指标] }', //                  20
];

function edit(lines: string[], at: number, replacement: string[] | null, deleteCount = 1): string {
  const copy = [...lines];
  copy.splice(at, deleteCount, ...(replacement ?? []));
  return copy.join('\n') + '\n';
}

const FILE = '/ws/profiles/mini.yaml';

describe('parseProfile', () => {
  test('a valid small profile loads, with defaults filled in and terms normalised', () => {
    const { profile, problems } = parseProfile(MINI.join('\n'), FILE);
    expect(problems).toEqual([]);
    expect(profile).toMatchObject({ id: 'mini', version: 1, source: FILE, targets: [] });
    expect(profile!.planMarkers).toEqual({ zh: [], en: [] });
    expect(profile!.areas[0]).toMatchObject({ number: '', mark: 'V', evidence: { zh: [], en: [] } });
    expect(profile!.areas[0].measures[0]).toMatchObject({ mark: 'V', aliases: { zh: ['甲'], en: [] }, evidence: { en: ['alpha'] } });
    expect(profile!.indicators[0]).toMatchObject({ mark: 'V', enabled: true, terms: { zh: ['指标'], en: [] } });
    // No short name: the title stands in; no indicator title: none is made up.
    expect(profile!.areas[0].measures[0].short).toEqual({ zh: '甲', en: 'A' });
    expect(profile!.indicators[0].title).toBeUndefined();
  });

  test('short names of measures and titles of indicators are kept', () => {
    let text = edit(MINI, 10, ['        title: { zh: 甲乙丙, en: Alpha beta }', '        short: { zh: 甲, en: Alpha }']);
    text = edit(text.split('\n'), 15, ['  - id: ind', '    title: { zh: 指标率, en: Indicator rate }']);
    const { profile, problems } = parseProfile(text, FILE);
    expect(problems).toEqual([]);
    expect(profile!.areas[0].measures[0]).toMatchObject({ title: { zh: '甲乙丙', en: 'Alpha beta' }, short: { zh: '甲', en: 'Alpha' } });
    expect(profile!.indicators[0].title).toEqual({ zh: '指标率', en: 'Indicator rate' });
  });

  test('a short name needs both languages', () => {
    const { profile, problems } = parseProfile(edit(MINI, 10, ['        title: { zh: 甲, en: A }', '        short: { zh: 甲 }']), FILE);
    expect(profile).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 11, field: 'areas/0/measures/0/short/en' });
  });

  test('a recalled (R) indicator is off unless enabled explicitly', () => {
    const { profile } = parseProfile(edit(MINI, 20, ['    mark: R', '    terms: { zh: [指标] }']), FILE);
    expect(profile!.indicators[0]).toMatchObject({ mark: 'R', enabled: false });
  });

  test('YAML syntax error: reported at its line, no profile', () => {
    const { profile, problems } = parseProfile(edit(MINI, 5, ['   kind: task']), FILE);
    expect(profile).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 5, character: 0, field: '' });
    expect(problems[0].message).toMatch(/^Syntax error: /);
  });

  test('duplicate YAML key: reported at the second key', () => {
    const { problems } = parseProfile(edit(MINI, 2, ['title: { zh: 迷你, en: Mini }', 'id: again']), FILE);
    expect(problems).toEqual([expect.objectContaining({ line: 3, character: 0, message: 'Syntax error: Map keys must be unique' })]);
  });

  test('missing field: reported on the object that lacks it, naming the field', () => {
    const { profile, problems } = parseProfile(edit(MINI, 12, null), FILE);
    expect(profile).toBeUndefined();
    expect(problems).toEqual([
      { file: FILE, line: 9, character: 8, field: 'areas/0/measures/0/evidence', message: 'Missing required field "evidence".' },
    ]);
  });

  test('wrong type: reported at the value', () => {
    const { problems } = parseProfile(edit(edit(MINI, 16, ['    value: sixty']).split('\n'), 1, ['version: one']), FILE);
    expect(problems).toEqual([
      { file: FILE, line: 1, character: 9, field: 'version', message: 'version must be a whole number.' },
      { file: FILE, line: 16, character: 11, field: 'indicators/0/value', message: 'indicators/0/value must be a number.' },
    ]);
  });

  test('bad enum value and bad id form', () => {
    const { problems } = parseProfile(edit(edit(MINI, 5, ['    kind: chapter']).split('\n'), 9, ['      - id: Measure One']), FILE);
    expect(problems).toEqual([
      { file: FILE, line: 5, character: 10, field: 'areas/0/kind', message: 'areas/0/kind must be one of: task, closing.' },
      {
        file: FILE,
        line: 9,
        character: 12,
        field: 'areas/0/measures/0/id',
        message: 'areas/0/measures/0/id has an invalid form: A stable id: lower-case letters and digits, words joined by hyphens.',
      },
    ]);
  });

  test('unknown field: reported at its key', () => {
    const { problems } = parseProfile(edit(MINI, 6, ['    title: { zh: 一, en: One }', '    colour: red']), FILE);
    expect(problems).toEqual([{ file: FILE, line: 7, character: 4, field: 'areas/0/colour', message: 'Unknown field "colour".' }]);
  });

  test('duplicate measure id: reported at the second id, naming the first line', () => {
    const second = ['      - id: m1', '        title: { zh: 乙, en: B }', '        aliases: { zh: [乙] }', '        evidence: { zh: [乙丙] }'];
    const { profile, problems } = parseProfile(edit(MINI, 13, [...second, 'indicators:']), FILE);
    expect(profile).toBeUndefined();
    expect(problems).toEqual([
      { file: FILE, line: 13, character: 12, field: 'areas/0/measures/1/id', message: 'Duplicate measure id "m1" (first used on line 10).' },
    ]);
  });

  test('an indicator naming an unknown measure', () => {
    const { problems } = parseProfile(edit(MINI, 19, ['    measure: m9']), FILE);
    expect(problems).toEqual([
      { file: FILE, line: 19, character: 13, field: 'indicators/0/measure', message: 'Indicator "ind" names an unknown measure "m9".' },
    ]);
  });

  test('one indicator id may have a value per year, but not two for the same year', () => {
    const again = MINI.slice(14).map((l) => l.replace('2025', '2030'));
    expect(parseProfile([...MINI, ...again].join('\n'), FILE).problems).toEqual([]);
    const same = MINI.slice(14);
    expect(parseProfile([...MINI, ...same].join('\n'), FILE).problems).toEqual([
      expect.objectContaining({ line: 21, character: 8, field: 'indicators/1/id', message: 'Duplicate indicator "ind (2025)" (first used on line 15).' }),
    ]);
  });

  test('several problems are all reported', () => {
    const text = edit(edit(MINI, 19, ['    measure: 7']).split('\n'), 4, ['  - id: one', '    extra: 1']);
    const { problems } = parseProfile(text, FILE);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [5, 'areas/0/extra'],
      [20, 'indicators/0/measure'],
    ]);
  });

  test('JSON profiles: positions come from the JSON text', () => {
    const data = {
      id: 'mini',
      version: 1,
      title: { zh: '迷你', en: 'Mini' },
      areas: [{ id: 'one', kind: 'task', title: { zh: '一', en: 'One' }, aliases: {}, measures: [{ id: 'm1', title: { zh: '甲', en: 'A' }, aliases: {} }] }],
    };
    const text = JSON.stringify(data, null, 2);
    // The measure object starts at its opening brace, the line before its "id".
    const line = text.split('\n').findIndex((l) => l.includes('"id": "m1"')) - 1;
    const { problems } = parseProfile(text, '/ws/p.json');
    expect(line).toBeGreaterThan(10);
    expect(problems).toEqual([
      { file: '/ws/p.json', line, character: 8, field: 'areas/0/measures/0/evidence', message: 'Missing required field "evidence".' },
    ]);
  });

  test('JSON syntax errors YAML would forgive (trailing commas) are still errors in .json files', () => {
    const text = '{\n  "id": "mini",\n  "version": 1,\n}\n';
    expect(parseProfile(text, '/ws/p.json').problems).toEqual([
      { file: '/ws/p.json', line: 3, character: 0, field: '', message: 'Invalid JSON: unexpected "}".' },
    ]);
    const list = '{\n  "id": "mini",\n  "areas": [\n    1,\n    2,\n  ]\n}\n';
    expect(parseProfile(list, '/ws/p.json').problems).toEqual([
      { file: '/ws/p.json', line: 5, character: 2, field: '', message: 'Invalid JSON: unexpected "]".' },
    ]);
  });

  test('an empty file and a non-mapping are reported', () => {
    expect(parseProfile('', FILE).problems).toEqual([
      { file: FILE, line: 0, character: 0, field: '', message: 'The file must contain a mapping (key: value).' },
    ]);
    expect(parseProfile('- a\n- b\n', FILE).problems[0]).toMatchObject({ line: 0, field: '' });
  });
});

describe('loadProfileFile', () => {
  test('reads a file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-profile-'));
    const file = join(dir, 'mini.yaml');
    writeFileSync(file, MINI.join('\n'));
    expect(loadProfileFile(file).profile?.source).toBe(file);
  });

  test('a missing file is a problem, not an exception', () => {
    const file = join(tmpdir(), 'planlint-no-such-dir', 'none.yaml');
    const { profile, problems } = loadProfileFile(file);
    expect(profile).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file, line: 0, character: 0, field: '' })]);
    expect(problems[0].message).toMatch(/^Cannot read the file: .*ENOENT/);
  });
});
