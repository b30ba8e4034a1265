/** The profile layer: the built-in national profile and custom profile files, validated. */
import national2022 from './national-2022.yaml';
import { parseProfile, parseProfileData } from './parse';
import type { Profile } from './types';

export { parseProfile, parseProfileData, loadProfileFile, type ProfileResult } from './parse';
export * from './types';
export { indicatorTitle } from './names';

export const BUILTIN_PROFILE_IDS = ['national-2022'] as const;
export type BuiltinProfileId = (typeof BUILTIN_PROFILE_IDS)[number];
export const DEFAULT_PROFILE_ID: BuiltinProfileId = 'national-2022';

const builtinText: Record<BuiltinProfileId, string> = { 'national-2022': national2022 };
const cache = new Map<string, Profile>();

export function isBuiltinProfileId(id: string): id is BuiltinProfileId {
  return (BUILTIN_PROFILE_IDS as readonly string[]).includes(id);
}

/** The built-in profile (parsed once, frozen). Throws on an unknown id or a broken built-in: both are bugs. */
export function loadBuiltinProfile(id: string = DEFAULT_PROFILE_ID): Profile {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!isBuiltinProfileId(id)) throw new Error(`Unknown built-in profile "${id}" (known: ${BUILTIN_PROFILE_IDS.join(', ')})`);
  const source = `builtin:${id}`;
  // the bundles carry it as JSON (scripts/build.mjs), read in a millisecond where the YAML takes ~100;
  // elsewhere (vitest) it is the YAML text, which never starts with `{`
  const text = builtinText[id];
  const { profile, problems } = text.startsWith('{') ? parseProfileData(JSON.parse(text), source) : parseProfile(text, source, { trusted: true });
  if (!profile) {
    const first = problems[0];
    throw new Error(`Built-in profile ${id} is broken: ${first?.line + 1}:${first?.character + 1} ${first?.field} ${first?.message}`);
  }
  const frozen = deepFreeze(profile);
  cache.set(id, frozen);
  return frozen;
}

/**
 * Hand this thread a built-in profile another thread of the same bundle already parsed (a CLI check
 * worker gets it from the main thread: parsing it costs more than checking a typical draft).
 * Anything else is ignored.
 */
export function primeBuiltinProfile(profile: Profile): void {
  if (cache.has(profile.id) || !isBuiltinProfileId(profile.id) || profile.source !== `builtin:${profile.id}`) return;
  cache.set(profile.id, deepFreeze(profile));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
