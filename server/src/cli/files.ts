/** Turns the command line's paths, folders and globs into the list of files to check. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface Input {
  /** Absolute path. */
  path: string;
  /** Named on the command line: always checked, even when it does not look like a plan. */
  explicit: boolean;
}

export interface Expansion {
  inputs: Input[];
  /** Command-line paths that name nothing. */
  missing: string[];
}

const SKIP_DIRS = new Set(['node_modules']);

export async function expandPaths(paths: string[], cwd: string): Promise<Expansion> {
  const seen = new Map<string, Input>();
  const missing: string[] = [];
  const add = (path: string, explicit: boolean) => {
    const prev = seen.get(path);
    if (prev) prev.explicit ||= explicit;
    else seen.set(path, { path, explicit });
  };
  for (const arg of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, arg);
    const stat = statOrUndefined(abs);
    if (stat?.isDirectory()) {
      for (const file of markdownFiles(abs)) add(file, false);
    } else if (stat) {
      add(abs, true);
    } else if (isDynamicPattern(arg)) {
      // no symbolic links, as in the folder walk: one to / would make the glob cover the disk
      const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'], followSymbolicLinks: false });
      for (const file of matches.sort()) add(resolve(file), false);
    } else {
      missing.push(arg);
    }
  }
  return { inputs: [...seen.values()], missing };
}

/** *.md files under a folder, sorted, skipping node_modules and dot-folders. */
function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIP_DIRS.has(entry.name)) out.push(...markdownFiles(full));
    } else if (entry.isFile() && /\.md$/i.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
