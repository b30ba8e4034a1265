/** Config discovery, loading, merging and the profile reference, on real temporary folders. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { RULE_IDS } from '../analysis/types';
import { loadBuiltinProfile } from '../profile';
import schema from '../../../schemas/config.schema.json';
import { findConfigFile, innermostFolder, loadConfigFile, mergeConfig, parseConfig, resolveProfileRef } from './load';
import { DEFAULT_CONFIG } from './types';

let root: string;

function write(rel: string, text: string): string {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'planlint-config-'));
});

describe('findConfigFile', () => {
  test('walks up from the document folder; the innermost config wins', () => {
    const outer = write('ws/.planlintrc.json', '{}');
    const inner = write('ws/city/.planlintrc.yaml', 'level: city\n');
    mkdirSync(join(root, 'ws/city/drafts/2024'), { recursive: true });
    mkdirSync(join(root, 'ws/province'), { recursive: true });
    expect(findConfigFile(join(root, 'ws/city/drafts/2024'), join(root, 'ws'))).toBe(inner);
    expect(findConfigFile(join(root, 'ws/city'), join(root, 'ws'))).toBe(inner);
    expect(findConfigFile(join(root, 'ws/province'), join(root, 'ws'))).toBe(outer);
  });

  test('in one folder, the names are tried in order', () => {
    write('ws/planlint.config.json', '{}');
    write('ws/.planlintrc.yml', '');
    expect(findConfigFile(join(root, 'ws'))).toBe(join(root, 'ws/.planlintrc.yml'));
    write('ws/.planlintrc.yaml', '');
    expect(findConfigFile(join(root, 'ws'))).toBe(join(root, 'ws/.planlintrc.yaml'));
    write('ws/.planlintrc.json', '{}');
    expect(findConfigFile(join(root, 'ws'))).toBe(join(root, 'ws/.planlintrc.json'));
  });

  test('stops at the workspace folder, but without one walks on up', () => {
    const above = write('.planlintrc.json', '{}');
    mkdirSync(join(root, 'ws/docs'), { recursive: true });
    expect(findConfigFile(join(root, 'ws/docs'), join(root, 'ws'))).toBeUndefined();
    expect(findConfigFile(join(root, 'ws/docs'))).toBe(above);
  });

  test('a folder named like a config file is not a config', () => {
    mkdirSync(join(root, 'ws/.planlintrc.json'), { recursive: true });
    const real = write('ws/planlint.config.json', '{}');
    expect(findConfigFile(join(root, 'ws'), join(root, 'ws'))).toBe(real);
  });

  test('multi-root: the innermost workspace folder holding the document', () => {
    const folders = [join(root, 'repo'), join(root, 'repo/cities/nantong'), join(root, 'other')];
    expect(innermostFolder(join(root, 'repo/cities/nantong/plan.md'), folders)).toBe(join(root, 'repo/cities/nantong'));
    expect(innermostFolder(join(root, 'repo/cities/sanming/plan.md'), folders)).toBe(join(root, 'repo'));
    expect(innermostFolder(join(root, 'repository/plan.md'), folders)).toBeUndefined();
  });
});

describe('loadConfigFile', () => {
  test('a valid JSON config', () => {
    const file = write('.planlintrc.json', JSON.stringify({ profile: 'national-2022', level: 'city', severity: { numbering: 'off' }, include: ['drafts/*.md'] }));
    expect(loadConfigFile(file)).toMatchObject({
      config: { profile: 'national-2022', level: 'city', severity: { numbering: 'off' }, include: ['drafts/*.md'] },
      problems: [],
    });
  });

  test('a valid YAML config; $schema is allowed and dropped', () => {
    const file = write(
      '.planlintrc.yaml',
      ['$schema: ../schemas/config.schema.json', 'profile: ./park.yaml', 'snippetLibraries: [team-snippets]', 'ignore: [numbering, "measure-missing:regional"]'].join('\n'),
    );
    const { config, problems, keyPositions } = loadConfigFile(file);
    expect(problems).toEqual([]);
    expect(config).toEqual({ profile: './park.yaml', snippetLibraries: ['team-snippets'], ignore: ['numbering', 'measure-missing:regional'] });
    expect(keyPositions.profile).toEqual({ line: 1, character: 0 });
  });

  test('an empty file is an empty config', () => {
    expect(loadConfigFile(write('.planlintrc.yaml', '\n'))).toMatchObject({ config: {}, problems: [] });
  });

  test('bad JSON: reported with its line, no config', () => {
    const file = write('.planlintrc.json', '{\n  "level": "city",\n  "include": ["a.md"]\n  "profile": "x"\n}\n');
    const { config, problems } = loadConfigFile(file);
    expect(config).toBeUndefined();
    expect(problems).toEqual([{ file, line: 3, character: 2, field: '', message: 'Syntax error: Missing , between flow map items' }]);
  });

  test('bad YAML: reported with its line, no config', () => {
    const file = write('.planlintrc.yaml', 'level: city\n\tprofile: ./p.yaml\n');
    const { config, problems } = loadConfigFile(file);
    expect(config).toBeUndefined();
    expect(problems).toEqual([{ file, line: 1, character: 0, field: '', message: 'Syntax error: Tabs are not allowed as indentation' }]);
  });

  test('an unknown key is reported at its key, and the rest still applies', () => {
    const file = write('.planlintrc.json', '{\n  "level": "city",\n  "profiles": "./p.yaml",\n  "include": ["drafts/**/*.md"]\n}\n');
    const { config, problems } = loadConfigFile(file);
    expect(problems).toEqual([{ file, line: 2, character: 2, field: 'profiles', message: 'Unknown field "profiles".' }]);
    expect(config).toEqual({ level: 'city', include: ['drafts/**/*.md'] });
  });

  test('bad values are dropped one by one: a wrong severity, an unknown rule, a wrong level, a bad list item', () => {
    const text = [
      'level: town', //                         0
      'severity:', //                           1
      '  numbering: loud', //                   2
      '  area-missing: error', //               3
      '  no-such-rule: hint', //                4
      'include:', //                            5
      '  - drafts/*.md', //                     6
      '  - 42', //                              7
      'ignore: [numbering, "measure-missing:Bad Id"]', // 8
    ].join('\n');
    const file = join(root, '.planlintrc.yaml');
    const { config, problems } = parseConfig(text, file);
    expect(problems.map((p) => [p.line, p.character, p.field])).toEqual([
      [0, 7, 'level'],
      [2, 13, 'severity/numbering'],
      [4, 2, 'severity/no-such-rule'],
      [7, 4, 'include/1'],
      [8, 20, 'ignore/1'],
    ]);
    expect(problems[0].message).toBe('level must be one of: province, city, county, park, enterprise.');
    expect(problems[3].message).toBe('include/1 must be a string.');
    expect(config).toEqual({ severity: { 'area-missing': 'error' }, include: ['drafts/*.md'], ignore: ['numbering'] });
  });

  test('a config that is not a mapping gives no config', () => {
    const { config, problems } = parseConfig('- level: city\n', '/x/.planlintrc.yaml');
    expect(config).toBeUndefined();
    expect(problems).toEqual([{ file: '/x/.planlintrc.yaml', line: 0, character: 0, field: '', message: 'The file must contain a mapping (key: value).' }]);
  });

  test('an unreadable file is a problem', () => {
    const file = join(root, 'missing', '.planlintrc.json');
    const { config, problems } = loadConfigFile(file);
    expect(config).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file, line: 0, character: 0, field: '' })]);
  });

  test('the schema knows every rule id', () => {
    expect(Object.keys(schema.properties.severity.properties)).toEqual([...RULE_IDS]);
  });
});

describe('mergeConfig', () => {
  test('later layers win per key; severity merges per rule; undefined does not override', () => {
    const settings = { level: 'province' as const, severity: { numbering: 'off' as const, 'area-missing': 'error' as const }, include: ['a/*.md'] };
    const file = { level: 'city' as const, severity: { numbering: 'warning' as const }, include: ['b/*.md'], profile: undefined };
    expect(mergeConfig(DEFAULT_CONFIG, settings, file)).toEqual({
      profile: 'national-2022',
      level: 'city',
      severity: { numbering: 'warning', 'area-missing': 'error' },
      include: ['b/*.md'],
    });
  });

  test('skips missing layers and does not share arrays or maps with its inputs', () => {
    const layer = { include: ['a.md'], severity: { numbering: 'hint' as const } };
    const merged = mergeConfig(undefined, layer, undefined);
    expect(merged).toEqual(layer);
    merged.include!.push('b.md');
    merged.severity!.numbering = 'off';
    expect(layer).toEqual({ include: ['a.md'], severity: { numbering: 'hint' } });
    expect(mergeConfig()).toEqual({});
  });
});

describe('resolveProfileRef', () => {
  const mini = [
    'id: park-2024',
    'version: 1',
    'title: { zh: 园区, en: Park }',
    'areas:',
    '  - id: energy',
    '    kind: task',
    '    title: { zh: 能源, en: Energy }',
    '    aliases: { zh: [能源] }',
    '    measures:',
    '      - id: pv',
    '        title: { zh: 光伏, en: PV }',
    '        aliases: { zh: [光伏] }',
    '        evidence: { zh: [分布式光伏] }',
  ].join('\n');

  test('a built-in id, or nothing, gives the built-in profile', () => {
    expect(resolveProfileRef('national-2022', root)).toEqual({ profile: loadBuiltinProfile(), problems: [] });
    expect(resolveProfileRef(undefined, root).profile).toBe(loadBuiltinProfile());
  });

  test('a path is resolved against the config folder', () => {
    write('team/profiles/park.yaml', mini);
    const { profile, problems } = resolveProfileRef('./profiles/park.yaml', join(root, 'team'));
    expect(problems).toEqual([]);
    expect(profile).toMatchObject({ id: 'park-2024', source: join(root, 'team/profiles/park.yaml') });
  });

  test('a broken profile file falls back to the built-in, with the problems on that file', () => {
    const file = write('park.yaml', mini.replace('kind: task', 'kind: tasks'));
    const { profile, problems } = resolveProfileRef('park.yaml', root);
    expect(profile).toBe(loadBuiltinProfile());
    expect(problems).toEqual([expect.objectContaining({ file, line: 5, character: 10, field: 'areas/0/kind' })]);
  });

  test('a missing file falls back to the built-in, reported on the config at its profile key', () => {
    const config = write('.planlintrc.yaml', 'level: city\nprofile: ./nope.yaml\n');
    const { config: loaded, keyPositions } = loadConfigFile(config);
    const { profile, problems } = resolveProfileRef(loaded!.profile, root, { file: config, ...keyPositions.profile });
    expect(profile).toBe(loadBuiltinProfile());
    expect(problems).toEqual([
      {
        file: config,
        line: 1,
        character: 0,
        field: 'profile',
        message: 'Profile "./nope.yaml" is neither a built-in profile (national-2022) nor an existing file.',
      },
    ]);
  });
});
