/**
 * Config and profile for each document: the config file found by walking up from the document to
 * its workspace folder (innermost folder wins), then `planlint.*` settings, then defaults.
 */
import { dirname, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { checkIncludePatterns, rejectedPatternMessage } from '../shared/globs';
import { type ConfigResult, findConfigFile, innermostFolder, isInside, loadConfigFile, mergeConfig, resolveProfileRef } from '../config/load';
import { DEFAULT_CONFIG, type PlanlintConfig } from '../config/types';
import { isBuiltinProfileId } from '../profile';
import type { FileProblem, Profile } from '../profile/types';
import { type LibraryRef, libraryRefs } from '../snippets/refs';
import type { ClientSettings } from './settings';
import type { FileProblems } from './types';

export interface Resolution {
  config: PlanlintConfig;
  profile: Profile;
  configFile?: string;
  /** Matched by an `include` glob of the config file or the settings. */
  included: boolean;
  /** Problems of the config file and of the profile file it names (published on those files). */
  problems: FileProblems[];
  /** Where relative profile references of this document resolve from. */
  baseDir?: string;
  /** Team snippet libraries (config file, then settings); their problems are among `problems`. */
  libraries: LibraryRef[];
  /** Settings entries that were left out, and why (for the server log). */
  notes: string[];
}

interface LoadedConfig {
  config: PlanlintConfig;
  problems: FileProblem[];
  keyPositions: ConfigResult['keyPositions'];
  libraryPositions?: ConfigResult['libraryPositions'];
}

export class Resolver {
  private configs = new Map<string, LoadedConfig>();
  private profiles = new Map<string, { profile: Profile; problems: FileProblem[] }>();
  private globs = new Map<string, Set<string>>();
  /** resolve() per settings object and file: the walk up for a config file stats every folder on the way. */
  private resolved = new WeakMap<ClientSettings, Map<string, Resolution>>();

  /**
   * @param trusted false in an untrusted workspace (VS Code Restricted Mode): no workspace config
   *   files or profile files, only the built-in profile and the user's settings.
   */
  constructor(
    private readonly folders: () => string[],
    private readonly trusted: () => boolean = () => true,
  ) {}

  /** Forget cached config / profile files and glob results (a watched file changed). */
  clear(): void {
    this.configs.clear();
    this.profiles.clear();
    this.globs.clear();
    this.resolved = new WeakMap();
  }

  /** Innermost workspace folder holding the file. */
  folderOf(file: string): string | undefined {
    return innermostFolder(file, this.folders());
  }

  /** The document's config and profile; remembered until clear() (a watched file or the settings changed). */
  resolve(file: string | undefined, settings: ClientSettings): Resolution {
    let byFile = this.resolved.get(settings);
    if (!byFile) this.resolved.set(settings, (byFile = new Map()));
    const key = file ?? '';
    let r = byFile.get(key);
    if (!r) byFile.set(key, (r = this.resolveNow(file, settings)));
    // callers add the problems of profiles they load on the way (front matter): a list of their own
    return { ...r, problems: [...r.problems] };
  }

  private resolveNow(file: string | undefined, settings: ClientSettings): Resolution {
    const folder = file ? this.folderOf(file) : undefined;
    const problems: FileProblems[] = [];
    const trusted = this.trusted();
    const configFile = file && trusted ? findConfigFile(dirname(file), folder) : undefined;
    let fromFile: PlanlintConfig = {};
    let origin: { file: string; line?: number; character?: number } | undefined;
    let loaded: LoadedConfig | undefined;
    if (configFile) {
      loaded = this.loadConfig(configFile);
      if (loaded.problems.length) problems.push({ file: configFile, problems: loaded.problems });
      fromFile = loaded.config;
      if (fromFile.profile) origin = { file: configFile, ...loaded.keyPositions.profile };
    }
    const fromSettings: PlanlintConfig = {
      ...(settings.profile ? { profile: settings.profile } : {}),
      ...(settings.level ? { level: settings.level } : {}),
      ...(settings.severity ? { severity: settings.severity } : {}),
    };
    const config = mergeConfig(DEFAULT_CONFIG, fromSettings, fromFile);
    // A profile path is relative to the file that named it.
    const profileBase = fromFile.profile && configFile ? dirname(configFile) : (folder ?? (file ? dirname(file) : process.cwd()));
    let ref = config.profile ?? DEFAULT_CONFIG.profile!;
    if (!trusted && !isBuiltinProfileId(ref)) ref = DEFAULT_CONFIG.profile!;
    // A profile named by a workspace file must stay inside the workspace; one from the settings may be anywhere.
    const roots = fromFile.profile && configFile ? this.roots(configFile) : undefined;
    const { profile, problems: profileProblems } = this.profileFor(ref, profileBase, origin, roots);
    for (const p of profileProblems) problems.push({ file: p.file, problems: [p] });
    let included = false;
    const notes: string[] = [];
    if (file) {
      if (configFile && fromFile.include?.length) included ||= this.matches(dirname(configFile), fromFile.include, file);
      if (settings.include.length) {
        const { usable, rejected } = checkIncludePatterns(settings.include);
        for (const r of rejected) notes.push(rejectedPatternMessage(r.pattern, r.reason));
        if (usable.length) included ||= this.matches(folder ?? dirname(file), usable, file);
      }
    }
    const libs = libraryRefs({
      config: configFile && fromFile.snippetLibraries?.length
        ? { file: configFile, entries: fromFile.snippetLibraries, positions: loaded?.libraryPositions }
        : undefined,
      settings: settings.snippetLibraries,
      settingsBase: folder,
      roots: this.folders(),
      trusted,
    });
    if (configFile && libs.problems.length) problems.push({ file: configFile, problems: libs.problems });
    return { config, profile, configFile, included, problems, baseDir: file ? dirname(file) : folder, libraries: libs.refs, notes: [...notes, ...libs.notes] };
  }

  /** True for a profile file this resolver has read (so a change to it must re-check the documents). */
  isProfileFile(path: string): boolean {
    const target = resolve(path);
    for (const r of this.profiles.values()) {
      if (r.profile.source === target || r.problems.some((p) => p.file === target)) return true;
    }
    return false;
  }

  /** The folders a workspace file's references must stay in: the workspace folders, or the file's own folder without any. */
  private roots(file: string): string[] {
    const folders = this.folders();
    return folders.length ? folders : [dirname(file)];
  }

  /**
   * Resolve a profile reference (front matter `profile:`), relative to `baseDir`; undefined when it
   * cannot be used. Problems of a broken profile file in the workspace go to `sink` (to be published on it).
   */
  profileRef(ref: string, baseDir: string, sink?: FileProblems[]): Profile | undefined {
    if (!this.trusted() && !isBuiltinProfileId(ref)) return undefined;
    const folders = this.folders();
    const r = this.profileFor(ref, baseDir, undefined, folders.length ? folders : undefined);
    if (!r.problems.length) return r.profile;
    for (const p of r.problems) if (folders.some((f) => isInside(p.file, f))) sink?.push({ file: p.file, problems: [p] });
    return undefined;
  }

  private loadConfig(file: string): LoadedConfig {
    let loaded = this.configs.get(file);
    if (!loaded) {
      const r = loadConfigFile(file);
      loaded = { config: r.config ?? {}, problems: r.problems, keyPositions: r.keyPositions, libraryPositions: r.libraryPositions };
      this.configs.set(file, loaded);
    }
    return loaded;
  }

  private profileFor(
    ref: string,
    baseDir: string,
    origin?: { file: string; line?: number; character?: number },
    roots?: string[],
  ): { profile: Profile; problems: FileProblem[] } {
    const key = `${baseDir}\0${ref}\0${origin?.file ?? ''}\0${roots?.join('\0') ?? ''}`;
    let r = this.profiles.get(key);
    if (!r) {
      // A broken or missing profile falls back to the built-in one; its problems are reported on the file.
      r = resolveProfileRef(ref, baseDir, origin, roots);
      this.profiles.set(key, r);
    }
    return r;
  }

  private matches(base: string, patterns: string[], file: string): boolean {
    const key = `${base}\0${patterns.join('\0')}`;
    let set = this.globs.get(key);
    if (!set) {
      // no symbolic links: one pointing at / would make the walk cover the whole disk
      set = new Set(globSync(patterns, { cwd: base, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] }).map((p) => resolve(p)));
      this.globs.set(key, set);
    }
    return set.has(resolve(file));
  }
}
