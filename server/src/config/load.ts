/**
 * Config files: discovery (walk up from the document to the workspace folder), loading with
 * schema validation, merging of layers, and resolving the `profile` reference.
 * File-system access stays in the small functions at the top; the rest is pure.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import schema from '../../../schemas/config.schema.json';
import { t } from '../l10n';
import { isBuiltinProfileId, loadBuiltinProfile, loadProfileFile } from '../profile';
import type { FileProblem, Profile } from '../profile/types';
import { checkSchema, parseDataText, problemAt, pruneInvalid, readTextFile, type Position } from '../shared/dataFile';
import { checkIncludePatterns, rejectedPatternMessage } from '../shared/globs';
import { DEFAULT_CONFIG, type PlanlintConfig } from './types';

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ['.planlintrc.json', '.planlintrc.yaml', '.planlintrc.yml', 'planlint.config.json'] as const;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** True when `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The nearest config file, walking up from `startDir`. The walk ends after `stopDir` (the
 * workspace folder) when `startDir` is inside it, else at the filesystem root.
 */
export function findConfigFile(startDir: string, stopDir?: string): string | undefined {
  const stop = stopDir && isInside(startDir, stopDir) ? resolve(stopDir) : undefined;
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}

/** The innermost workspace folder that contains `path` (multi-root workspaces may nest folders). */
export function innermostFolder(path: string, folders: readonly string[]): string | undefined {
  return folders
    .filter((folder) => isInside(path, folder))
    .sort((a, b) => resolve(b).length - resolve(a).length)[0];
}

export interface ConfigResult {
  /** The valid part of the file; undefined when it cannot be read or parsed, or is not a mapping. */
  config?: PlanlintConfig;
  problems: FileProblem[];
  /** Where each top-level key is, for problems that concern a value (e.g. a profile file that fails). */
  keyPositions: Partial<Record<keyof PlanlintConfig, Position>>;
  /** Where each (valid) item of `snippetLibraries` is, in the order of `config.snippetLibraries`. */
  libraryPositions?: Position[];
}

export function loadConfigFile(path: string): ConfigResult {
  const { text, problems } = readTextFile(path);
  return text === undefined ? { problems, keyPositions: {} } : parseConfig(text, path);
}

/** Parses and validates config text. Invalid entries are reported and left out; the rest applies. */
export function parseConfig(text: string, file: string): ConfigResult {
  const parsed = parseDataText(text, file);
  if (parsed.problems.length > 0) return { problems: parsed.problems, keyPositions: {} };
  // An empty file is an empty config.
  if (parsed.data === null || parsed.data === undefined) return { config: {}, problems: [], keyPositions: {} };
  const { problems, invalidPaths } = checkSchema(schema, parsed, file);
  const config = pruneInvalid(parsed.data, invalidPaths) as (PlanlintConfig & { $schema?: string }) | undefined;
  if (!config) return { problems, keyPositions: {} };
  delete config.$schema;
  const rawInclude = (parsed.data as { include?: unknown }).include;
  if (Array.isArray(config.include) && Array.isArray(rawInclude)) {
    // globs whose matching could run away, or that reach outside the folder, are reported and left out
    const { usable, rejected } = checkIncludePatterns(rawInclude);
    for (const r of rejected) {
      problems.push(problemAt(file, parsed.locate(['include', r.index]), ['include', r.index], rejectedPatternMessage(r.pattern, r.reason)));
    }
    config.include = usable;
  }
  const keyPositions: ConfigResult['keyPositions'] = {};
  for (const key of Object.keys(config) as (keyof PlanlintConfig)[]) keyPositions[key] = parsed.locate([key], 'key');
  const libraries = (parsed.data as { snippetLibraries?: unknown }).snippetLibraries;
  const dropped = new Set(invalidPaths.filter((p) => p[0] === 'snippetLibraries').map((p) => p[1]));
  const libraryPositions = Array.isArray(libraries)
    ? libraries.flatMap((_, i) => (dropped.has(i) ? [] : [parsed.locate(['snippetLibraries', i])]))
    : undefined;
  return { config, problems, keyPositions, libraryPositions };
}

/**
 * Merges config layers, lowest precedence first (e.g. defaults, settings, config file): a later
 * layer's key replaces an earlier one; `severity` maps merge rule by rule. Undefined values do not override.
 */
export function mergeConfig(...layers: (Readonly<PlanlintConfig> | undefined)[]): PlanlintConfig {
  const out: PlanlintConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer) as [keyof PlanlintConfig, unknown][]) {
      if (value === undefined) continue;
      if (key === 'severity') out.severity = { ...out.severity, ...(value as PlanlintConfig['severity']) };
      else if (Array.isArray(value)) (out as Record<string, unknown>)[key] = [...value];
      else (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

export interface ProfileRefResult {
  /** Always a usable profile: the referenced one, or the built-in default when it failed. */
  profile: Profile;
  /** Problems of the referenced file (on that file), or of the reference itself (on `origin`). */
  problems: FileProblem[];
}

/**
 * Resolves a config's `profile`: a built-in id, or a file path relative to `configDir`. On any
 * failure it falls back to the default built-in profile and reports why. `origin` (the config
 * file and the position of its `profile` key) is where a missing file is reported.
 */
export function resolveProfileRef(
  ref: string | undefined,
  configDir: string,
  origin?: { file: string } & Partial<Position>,
  /** When given, a profile file must lie inside one of these folders (the workspace). */
  roots?: readonly string[],
): ProfileRefResult {
  const fallback = () => loadBuiltinProfile(DEFAULT_CONFIG.profile);
  if (!ref || isBuiltinProfileId(ref)) return { profile: loadBuiltinProfile(ref || DEFAULT_CONFIG.profile), problems: [] };
  const path = resolve(configDir, ref);
  if (roots && !roots.some((root) => isInside(path, root))) {
    const message = t('Profile "{0}" is outside the workspace; a config file may only name files inside it (use the planlint.profile user setting for others).', ref);
    const at = origin ?? { file: path };
    return {
      profile: fallback(),
      problems: [problemAt(at.file, { line: at.line ?? 0, character: at.character ?? 0 }, ['profile'], message)],
    };
  }
  if (!isFile(path)) {
    const message = t('Profile "{0}" is neither a built-in profile ({1}) nor an existing file.', ref, 'national-2022');
    const at = origin ?? { file: path };
    return {
      profile: fallback(),
      problems: [problemAt(at.file, { line: at.line ?? 0, character: at.character ?? 0 }, ['profile'], message)],
    };
  }
  const { profile, problems } = loadProfileFile(path);
  return profile ? { profile, problems } : { profile: fallback(), problems };
}
