/**
 * Config discovery and merging end to end, on real temporary folders: the editor's Resolver
 * (nested configs, multi-root, settings below the file, bad files, trust, paths outside the
 * workspace) and the CLI's Settings finding the same file.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Settings } from '../../server/src/cli/settings';
import { loadBuiltinProfile } from '../../server/src/profile';
import { Resolver } from '../../server/src/workspace/resolve';
import { readSettings } from '../../server/src/workspace/settings';
import { tempTree } from '../support/tempTree';

const tree = tempTree('planlint-resolve-');
const { write, at } = tree;

/** A small valid custom profile: one task area with a park-only measure. */
const PARK_PROFILE = [
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
  '        levels: [park]',
].join('\n');


describe('Resolver: which config applies', () => {
  test('nested configs: the one nearest the document wins, whole (no merging of config files)', () => {
    write('ws/.planlintrc.yaml', 'level: province\nseverity: { numbering: off }\n');
    const inner = write('ws/cities/nantong/.planlintrc.json', '{ "level": "city" }');
    const resolver = new Resolver(() => [at('ws')]);
    const deep = resolver.resolve(at('ws/cities/nantong/drafts/2024/plan.md'), readSettings({}));
    expect(deep.configFile).toBe(inner);
    expect(deep.config).toEqual({ profile: 'national-2022', level: 'city' });
    const outer = resolver.resolve(at('ws/cities/sanming/plan.md'), readSettings({}));
    expect(outer.configFile).toBe(at('ws/.planlintrc.yaml'));
    expect(outer.config).toEqual({ profile: 'national-2022', level: 'province', severity: { numbering: 'off' } });
  });

  test('multi-root: the innermost workspace folder bounds the walk, so an outer folder’s config does not leak in', () => {
    write('repo/.planlintrc.json', '{ "level": "province" }');
    const resolver = new Resolver(() => [at('repo'), at('repo/parks/lingang'), at('other')]);
    expect(resolver.resolve(at('repo/parks/lingang/plan.md'), readSettings({})).configFile).toBeUndefined();
    expect(resolver.resolve(at('repo/parks/other/plan.md'), readSettings({})).configFile).toBe(at('repo/.planlintrc.json'));
    write('other/.planlintrc.yaml', 'level: park\n');
    expect(resolver.resolve(at('other/x/plan.md'), readSettings({})).config.level).toBe('park');
  });

  test('precedence: config file, then planlint.* settings, then defaults; severity merges rule by rule', () => {
    write('ws/.planlintrc.yaml', 'level: county\nseverity:\n  area-missing: error\n');
    const settings = readSettings({ level: 'city', severity: { numbering: 'off', 'area-missing': 'hint' } });
    const r = new Resolver(() => [at('ws')]).resolve(at('ws/plan.md'), settings);
    expect(r.config).toEqual({ profile: 'national-2022', level: 'county', severity: { numbering: 'off', 'area-missing': 'error' } });
    const none = new Resolver(() => [at('bare')]).resolve(at('bare/plan.md'), settings);
    expect(none.config).toEqual({ profile: 'national-2022', level: 'city', severity: { numbering: 'off', 'area-missing': 'hint' } });
    expect(new Resolver(() => [at('bare')]).resolve(at('bare/plan.md'), readSettings({})).config).toEqual({ profile: 'national-2022' });
  });

  test('a bad config file: problems on it with their lines, the valid rest applies', () => {
    const config = write('ws/.planlintrc.json', '{\n  "level": "village",\n  "severity": { "numbering": "off" },\n  "snippetLibrary": ["lib"]\n}\n');
    const r = new Resolver(() => [at('ws')]).resolve(at('ws/plan.md'), readSettings({ level: 'city' }));
    expect(r.config).toEqual({ profile: 'national-2022', level: 'city', severity: { numbering: 'off' } });
    expect(r.problems).toEqual([
      {
        file: config,
        problems: [
          { file: config, line: 1, character: 11, field: 'level', message: 'level must be one of: province, city, county, park, enterprise.' },
          { file: config, line: 3, character: 2, field: 'snippetLibrary', message: 'Unknown field "snippetLibrary".' },
        ],
      },
    ]);
  });

  test('a config that is not even JSON: one problem at its line, defaults and settings apply', () => {
    const config = write('ws/.planlintrc.json', '{\n  "level": "city"\n  "profile": "x"\n}\n');
    const r = new Resolver(() => [at('ws')]).resolve(at('ws/plan.md'), readSettings({}));
    expect(r.config).toEqual({ profile: 'national-2022' });
    expect(r.problems.map((p) => p.problems.map((x) => [x.file, x.line]))).toEqual([[[config, 2]]]);
  });

  test('a custom profile relative to the config; a broken one falls back to the built-in with problems on the profile file', () => {
    write('ws/profiles/park.yaml', PARK_PROFILE);
    write('ws/.planlintrc.yaml', 'profile: ./profiles/park.yaml\nlevel: park\n');
    const resolver = new Resolver(() => [at('ws')]);
    const r = resolver.resolve(at('ws/drafts/plan.md'), readSettings({}));
    expect(r.profile).toMatchObject({ id: 'park-2024', source: at('ws/profiles/park.yaml') });
    expect(r.problems).toEqual([]);
    expect(resolver.isProfileFile(at('ws/profiles/park.yaml'))).toBe(true);
    expect(resolver.isProfileFile(at('ws/.planlintrc.yaml'))).toBe(false);

    const broken = write('ws/profiles/park.yaml', PARK_PROFILE.replace('kind: task', 'kind: chapter'));
    resolver.clear();
    const again = resolver.resolve(at('ws/drafts/plan.md'), readSettings({}));
    expect(again.profile).toBe(loadBuiltinProfile());
    expect(again.problems.map((p) => p.problems.map((x) => [x.file, x.line, x.field]))).toEqual([[[broken, 5, 'areas/0/kind']]]);
  });

  test('a profile or library path in a config file must stay inside the workspace (reported at its key); from settings it may not', () => {
    write('outside/park.yaml', PARK_PROFILE);
    write('outside/lib/a.code-snippets', '{}');
    const config = write('ws/.planlintrc.yaml', 'profile: ../outside/park.yaml\nsnippetLibraries:\n  - ../outside/lib\n');
    const resolver = new Resolver(() => [at('ws')]);
    const r = resolver.resolve(at('ws/plan.md'), readSettings({}));
    expect(r.profile).toBe(loadBuiltinProfile());
    expect(r.libraries).toEqual([]);
    expect(r.problems.flatMap((p) => p.problems).map((x) => [x.file, x.line, x.character, x.field])).toEqual([
      [config, 0, 0, 'profile'],
      [config, 2, 4, 'snippetLibraries/0'],
    ]);
    expect(r.problems.flatMap((p) => p.problems)[0].message).toBe(
      'Profile "../outside/park.yaml" is outside the workspace; a config file may only name files inside it (use the planlint.profile user setting for others).',
    );

    rmSync(config);
    resolver.clear();
    const fromSettings = resolver.resolve(at('ws/plan.md'), readSettings({ profile: at('outside/park.yaml'), snippetLibraries: [at('outside/lib')] }));
    expect(fromSettings.profile.id).toBe('park-2024');
    expect(fromSettings.libraries.map((l) => l.folder)).toEqual([at('outside/lib')]);
    expect(fromSettings.problems).toEqual([]);
  });

  test('a front-matter profile outside the workspace is not loaded', () => {
    write('outside/park.yaml', PARK_PROFILE);
    write('ws/park.yaml', PARK_PROFILE);
    const resolver = new Resolver(() => [at('ws')]);
    expect(resolver.profileRef('../outside/park.yaml', at('ws/drafts'))).toBeUndefined();
    expect(resolver.profileRef('../park.yaml', at('ws/drafts'))?.id).toBe('park-2024');
  });

  test('untrusted workspace: no config file, no custom profile, no workspace libraries; the user settings still apply', () => {
    write('ws/park.yaml', PARK_PROFILE);
    write('ws/lib/a.code-snippets', '{}');
    write('ws/.planlintrc.yaml', 'profile: ./park.yaml\nlevel: park\nsnippetLibraries: [lib]\n');
    const resolver = new Resolver(() => [at('ws')], () => false);
    const r = resolver.resolve(at('ws/plan.md'), readSettings({ level: 'city', profile: './park.yaml', snippetLibraries: ['lib'] }));
    expect(r.configFile).toBeUndefined();
    expect(r.profile).toBe(loadBuiltinProfile());
    expect(r.config.level).toBe('city');
    expect(r.libraries).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(resolver.profileRef('./park.yaml', at('ws'))).toBeUndefined();
  });

  test('libraries: from the config file (relative to it) and from the settings (relative to the folder)', () => {
    write('ws/team/lib/a.code-snippets', '{}');
    write('ws/mine/b.code-snippets', '{}');
    write('ws/team/.planlintrc.yaml', 'snippetLibraries: [lib, missing]\n');
    const r = new Resolver(() => [at('ws')]).resolve(at('ws/team/plan.md'), readSettings({ snippetLibraries: ['mine'] }));
    expect(r.libraries.map((l) => [l.name, l.folder])).toEqual([
      ['lib', at('ws/team/lib')],
      ['mine', at('ws/mine')],
    ]);
    expect(r.problems.flatMap((p) => p.problems).map((x) => [x.line, x.character, x.field])).toEqual([[0, 24, 'snippetLibraries/1']]);
  });
});

describe('CLI: finds the same config file as the editor', () => {
  const cli = () => new Settings({ paths: [], format: 'json', color: false }, tree.root);

  test('nested configs in a repository: the same file and the same merged config as the Resolver', () => {
    mkdirSync(at('repo/.git'), { recursive: true });
    write('repo/profiles/park.yaml', PARK_PROFILE);
    write('repo/.planlintrc.yaml', 'level: province\n');
    write('repo/parks/.planlintrc.json', '{ "profile": "../profiles/park.yaml", "level": "park" }');
    const resolver = new Resolver(() => [at('repo')]);
    for (const doc of ['repo/parks/lingang/plan.md', 'repo/cities/plan.md']) {
      const editor = resolver.resolve(at(doc), readSettings({}));
      const fromCli = cli().forFile(at(doc));
      expect('error' in fromCli).toBe(false);
      if ('error' in fromCli) return;
      expect(fromCli.config).toEqual(editor.config);
      expect(fromCli.profile.id).toBe(editor.profile.id);
    }
  });

  test('the walk stops at the repository root, as the editor stops at the workspace folder', () => {
    write('.planlintrc.json', '{ "level": "enterprise" }');
    mkdirSync(at('repo/.git'), { recursive: true });
    const fromCli = cli().forFile(at('repo/drafts/plan.md'));
    expect(fromCli).toMatchObject({ config: { profile: 'national-2022' } });
    expect('error' in fromCli || fromCli.config.level).toBeFalsy();
    expect(new Resolver(() => [at('repo')]).resolve(at('repo/drafts/plan.md'), readSettings({})).configFile).toBeUndefined();
  });

  test('a config profile outside the repository is refused, as in the editor', () => {
    write('outside/park.yaml', PARK_PROFILE);
    mkdirSync(at('repo/.git'), { recursive: true });
    write('repo/.planlintrc.yaml', 'profile: ../outside/park.yaml\n');
    const fromCli = cli().forFile(at('repo/plan.md'));
    expect(fromCli).toEqual({
      error: expect.stringMatching(/^invalid profile repo\/\.planlintrc\.yaml:1:1: profile: Profile "\.\.\/outside\/park\.yaml" is outside the workspace/),
    });
  });

  test('snippet-library problems are reported, one line each, without stopping the check', () => {
    mkdirSync(at('repo/.git'), { recursive: true });
    write('repo/lib/a.code-snippets', '{\n  "A": { "prefix": "a", "body": 1 }\n}\n');
    write('repo/.planlintrc.yaml', 'snippetLibraries:\n  - lib\n  - nowhere\n');
    const settings = cli();
    expect(settings.forFile(at('repo/plan.md'))).toMatchObject({ config: { snippetLibraries: ['lib', 'nowhere'] } });
    expect(settings.libraryFailures()).toEqual([
      `invalid snippet library repo/.planlintrc.yaml:3:5: snippetLibraries/1: Snippet library "nowhere" is not a folder (${at('repo/nowhere')}).`,
      'invalid snippet library repo/lib/a.code-snippets:2:33: A/body: Snippet "A": body must be a string or a list.',
    ]);
  });
});
