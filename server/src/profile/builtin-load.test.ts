/**
 * Loading the built-in profile cheaply: it is read without the schema check (which its text must
 * pass here), the bundles carry it as JSON converted at build time, and a CLI check worker takes
 * the copy the main thread parsed instead of parsing it again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import national2022 from './national-2022.yaml';
import { parseProfile, parseProfileData } from './parse';

async function freshProfileLayer() {
  vi.resetModules();
  return import('./index');
}

describe('the built-in profile, read without the schema check', () => {
  test('passes the schema check, and reads the same with it', async () => {
    const checked = parseProfile(national2022, 'builtin:national-2022');
    expect(checked.problems).toEqual([]);
    const { loadBuiltinProfile } = await freshProfileLayer();
    expect(loadBuiltinProfile()).toEqual(checked.profile);
  });

  test('the schema check is what is skipped: the same text with a wrong field fails it', () => {
    const broken = national2022.replace(/^version: .*$/m, 'version: "two"');
    expect(broken).not.toBe(national2022);
    expect(parseProfile(broken, 'x.yaml').problems.length).toBeGreaterThan(0);
    expect(parseProfile(broken, 'x.yaml', { trusted: true }).problems).toEqual([]);
  });
});

describe('the built-in profile as the bundles carry it (JSON, converted by scripts/build.mjs)', () => {
  test('reads to the same profile as the YAML', () => {
    const fromYaml = parseProfile(national2022, 'builtin:national-2022');
    const fromJson = parseProfileData(JSON.parse(JSON.stringify(parseYaml(national2022))), 'builtin:national-2022');
    expect(fromJson.problems).toEqual([]);
    expect(fromJson.profile).toEqual(fromYaml.profile);
  });

  test('a broken reference is still found (without a position)', () => {
    const data = parseYaml(national2022) as { indicators: { measure: string }[] };
    data.indicators[0].measure = 'no-such-measure';
    const { profile, problems } = parseProfileData(data, 'builtin:national-2022');
    expect(profile).toBeUndefined();
    expect(problems.map((p) => p.message).join(' ')).toMatch(/no-such-measure/);
  });

  test('the built bundles hold the JSON, not the YAML', () => {
    for (const bundle of ['dist/cli/cli.js', 'dist/server/server.js', 'dist/server/largeDocWorker.js']) {
      const file = resolve(__dirname, '../../..', bundle);
      expect(existsSync(file), `${bundle} (npm run build)`).toBe(true);
      const code = readFileSync(file, 'utf8');
      expect(code, bundle).toMatch(/\\?"id\\?":\\?"national-2022\\?"/);
    }
  });
});

describe('primeBuiltinProfile', () => {
  test('a parsed copy of the built-in is used as is', async () => {
    const { profile } = parseProfile(national2022, 'builtin:national-2022');
    const { loadBuiltinProfile, primeBuiltinProfile } = await freshProfileLayer();
    primeBuiltinProfile(profile!);
    expect(loadBuiltinProfile()).toBe(profile);
    expect(Object.isFrozen(profile)).toBe(true);
  });

  test('anything else is ignored', async () => {
    const { profile } = parseProfile(national2022, '/tmp/custom.yaml');
    const { loadBuiltinProfile, primeBuiltinProfile } = await freshProfileLayer();
    primeBuiltinProfile(profile!);
    const loaded = loadBuiltinProfile();
    expect(loaded).not.toBe(profile);
    expect(loaded.source).toBe('builtin:national-2022');
  });
});
