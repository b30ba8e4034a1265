/** A CLI check worker takes the built-in profile the main thread parsed instead of parsing it again. */
import { describe, expect, test, vi } from 'vitest';
import national2022 from './national-2022.yaml';
import { parseProfile } from './parse';

async function freshProfileLayer() {
  vi.resetModules();
  return import('./index');
}

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
