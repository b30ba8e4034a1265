/**
 * Config and profile for each file: --config, else the config found by walking up from the file to
 * its project root (the nearest folder with `.git`, as an editor's workspace folder would be);
 * --profile > front matter > config > national-2022. Snippet libraries the config names are
 * validated as in the editor; their problems are reported without stopping the check.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { type ConfigResult, findConfigFile, loadConfigFile, mergeConfig, resolveProfileRef } from '../config/load';
import { DEFAULT_CONFIG, type PlanlintConfig } from '../config/types';
import { t } from '../l10n';
import type { FileProblem, Profile } from '../profile/types';
import { libraryRefs } from '../snippets/refs';
import { LibraryStore } from '../snippets/store';
import type { CheckOptions } from './args';
import { displayPath } from './report';

export class SetupError extends Error {}

interface LoadedConfig {
  file?: string;
  config: PlanlintConfig;
  /** Absolute paths matched by the config's `include` globs. */
  included: Set<string>;
  error?: string;
  /** Where the config names its profile (a profile outside the project is reported there). */
  profileAt?: { file: string; line?: number; character?: number };
}

/** The nearest folder at or above `dir` holding `.git` (a repository or submodule root). */
export function projectRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

const NO_CONFIG: LoadedConfig = { config: {}, included: new Set() };

export type FileSettings = { config: PlanlintConfig; profile: Profile; included: boolean } | { error: string };

export class Settings {
  private readonly configs = new Map<string, LoadedConfig>();
  /** The config file that applies in each folder (null: none). */
  private readonly configFiles = new Map<string, string | null>();
  private readonly profiles = new Map<string, { profile?: Profile; error?: string }>();
  private readonly explicitConfig?: LoadedConfig;
  private readonly explicitProfile?: Profile;
  private readonly libraryProblems = new Map<string, FileProblem>();

  constructor(
    private readonly options: CheckOptions,
    private readonly cwd: string,
  ) {
    if (options.config) {
      this.explicitConfig = this.loadConfig(options.config);
      if (this.explicitConfig.error) throw new SetupError(this.explicitConfig.error);
    }
    if (options.profile) {
      const r = this.profileFor(options.profile, cwd);
      if (!r.profile) throw new SetupError(r.error ?? options.profile);
      this.explicitProfile = r.profile;
    }
  }

  forFile(absPath: string): FileSettings {
    let loaded = this.explicitConfig;
    if (!loaded) {
      const dir = dirname(absPath);
      // drafts share folders: look for the folder's config (a walk up to the project root) once
      let file = this.configFiles.get(dir);
      if (file === undefined) this.configFiles.set(dir, (file = findConfigFile(dir, projectRoot(dir)) ?? null));
      loaded = file ? this.loadConfig(file) : NO_CONFIG;
    }
    if (loaded.error) return { error: loaded.error };
    const config = mergeConfig(DEFAULT_CONFIG, loaded.config, this.options.level ? { level: this.options.level } : {});
    let profile = this.explicitProfile;
    if (!profile) {
      const base = loaded.file ? dirname(loaded.file) : this.cwd;
      // A config file may only name a profile inside its project, as in the editor's workspace.
      const roots = loaded.file && loaded.config.profile ? [projectRoot(base) ?? base] : undefined;
      const r = this.profileFor(config.profile ?? DEFAULT_CONFIG.profile!, base, roots, loaded.profileAt);
      if (!r.profile) return { error: r.error ?? String(config.profile) };
      profile = r.profile;
    }
    return { config, profile, included: loaded.included.has(absPath) };
  }

  /** Resolves a front-matter `profile` reference (relative paths against the draft's folder). */
  resolveProfile(ref: string, baseDir: string): Profile | undefined {
    const root = projectRoot(baseDir);
    return this.profileFor(ref, baseDir, root ? [root] : undefined).profile;
  }

  profileById(id: string): Profile | undefined {
    for (const r of this.profiles.values()) if (r.profile?.id === id) return r.profile;
    return undefined;
  }

  /** One line per problem of the snippet libraries the configs name (reported, but the files are still checked). */
  libraryFailures(): string[] {
    return [...this.libraryProblems.values()].map((p) => t('invalid snippet library {0}', this.problemText(p.file, [p])));
  }

  defaultProfileId(): string {
    return this.explicitProfile?.id ?? DEFAULT_CONFIG.profile!;
  }

  private loadConfig(file: string): LoadedConfig {
    const cached = this.configs.get(file);
    if (cached) return cached;
    const { config, problems, libraryPositions, keyPositions } = loadConfigFile(file);
    const loaded: LoadedConfig = { file, config: config ?? {}, included: new Set() };
    if (problems.length || !config) {
      loaded.error = t('invalid config {0}', this.problemText(file, problems));
    } else if (config.include?.length) {
      loaded.included = new Set(globSync(config.include, { cwd: dirname(file), absolute: true, followSymbolicLinks: false }));
    }
    if (config?.profile) loaded.profileAt = { file, ...keyPositions.profile };
    if (config?.snippetLibraries?.length && !loaded.error) this.checkLibraries(file, config.snippetLibraries, libraryPositions);
    this.configs.set(file, loaded);
    return loaded;
  }

  private checkLibraries(file: string, entries: string[], positions: ConfigResult['libraryPositions']): void {
    const root = projectRoot(dirname(file)) ?? dirname(file);
    const refs = libraryRefs({ config: { file, entries, positions }, roots: [root], trusted: true });
    const fileProblems = new LibraryStore().load(refs.refs).problems.flatMap((p) => p.problems);
    for (const p of [...refs.problems, ...fileProblems]) this.libraryProblems.set(`${p.file}\0${p.line}\0${p.character}\0${p.message}`, p);
  }

  private profileFor(
    ref: string,
    baseDir: string,
    roots?: string[],
    origin?: LoadedConfig['profileAt'],
  ): { profile?: Profile; error?: string } {
    const key = `${baseDir}\0${ref}\0${roots?.join('\0') ?? ''}\0${origin?.file ?? ''}`;
    let r = this.profiles.get(key);
    if (!r) {
      const { profile, problems } = resolveProfileRef(ref, baseDir, origin, roots);
      r = !problems.length ? { profile } : { error: t('invalid profile {0}', this.problemText(ref, problems)) };
      this.profiles.set(key, r);
    }
    return r;
  }

  private problemText(file: string, problems: FileProblem[]): string {
    const p = problems[0];
    if (!p) return displayPath(file, this.cwd);
    const where = `${displayPath(p.file || file, this.cwd)}:${p.line + 1}:${p.character + 1}`;
    return `${where}: ${p.field ? p.field + ': ' : ''}${p.message}`;
  }
}
