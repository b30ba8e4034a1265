/**
 * Loading the built-in profile cheaply: it is read without the schema check (which its text must
 * pass here), and a CLI check worker takes the copy the main thread parsed instead of parsing it again.
 */
import { describe, expect, test, vi } from 'vitest';
import national2022 from './national-2022.yaml';
import { parseProfile } from './parse';

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
