/**
 * Which snippet-library folders apply to a document: those its config file names (relative to the
 * config file, and only inside the workspace) and those of the `planlint.snippetLibraries` setting
 * (relative to the workspace folder, or absolute / `~`; these may lie anywhere, since in Restricted
 * Mode VS Code only passes the user's own value). Mistakes in the config file are problems on it.
 */
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { isInside } from '../config/load';
import { t } from '../l10n';
import type { FileProblem } from '../profile/types';
import { type Position, problemAt } from '../shared/dataFile';

export interface LibraryRef {
  /** Absolute folder. */
  folder: string;
  /** Label shown with its snippets (the folder name, or the path as written when two share a name). */
  name: string;
  /** The config-file item that named it; absent when it comes from the settings. */
  origin?: { file: string } & Position;
}

export interface LibraryRefInput {
  /** The document's config file with its `snippetLibraries` and where each item is. */
  config?: { file: string; entries: readonly string[]; positions?: readonly Position[] };
  /** `planlint.snippetLibraries` from the editor settings. */
  settings?: readonly string[];
  /** Where relative settings entries resolve from (the document's workspace folder). */
  settingsBase?: string;
  /** Workspace folders: a config file may only name folders inside one of them (its own folder when there are none). */
  roots: readonly string[];
  /** False in Restricted Mode: settings entries inside the workspace are then ignored too. */
  trusted: boolean;
}

export interface LibraryRefResult {
  refs: LibraryRef[];
  /** Problems to report on the config file. */
  problems: FileProblem[];
  /** Settings entries left out, and why (there is no file to report them on). */
  notes: string[];
}

/** Most files a library may hold: a library is a handful of files, not a source tree. */
export const MAX_LIBRARY_FILES = 200;
const SKIPPED = /(^|[\\/])(node_modules|\.git)([\\/]|$)/;

/** The `.code-snippets` files of a library folder and its subfolders, sorted; undefined when it is not a folder. */
export function snippetFiles(folder: string): string[] | undefined {
  try {
    if (!statSync(folder).isDirectory()) return undefined;
    const names = readdirSync(folder, { recursive: true, encoding: 'utf8' });
    return names
      .filter((n) => n.endsWith('.code-snippets') && !SKIPPED.test(n))
      .map((n) => join(folder, n))
      .filter((p) => isFileSafe(p))
      .sort()
      .slice(0, MAX_LIBRARY_FILES);
  } catch {
    return undefined;
  }
}

function isFileSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function expandHome(entry: string): string {
  return entry === '~' || entry.startsWith('~/') || entry.startsWith('~\\') ? join(homedir(), entry.slice(1)) : entry;
}

export function libraryRefs(input: LibraryRefInput): LibraryRefResult {
  const problems: FileProblem[] = [];
  const notes: string[] = [];
  const found: { folder: string; written: string; origin?: LibraryRef['origin'] }[] = [];

  if (input.config && input.trusted) {
    const { file, entries, positions } = input.config;
    const roots = input.roots.length ? input.roots : [dirname(file)];
    entries.forEach((entry, i) => {
      const at = positions?.[i] ?? { line: 0, character: 0 };
      const folder = resolve(dirname(file), entry);
      const report = (message: string) => problems.push(problemAt(file, at, ['snippetLibraries', i], message));
      if (!roots.some((root) => isInside(folder, root))) {
        return report(t('Snippet library "{0}" is outside the workspace; a config file may only name folders inside it (use the planlint.snippetLibraries user setting for others).', entry));
      }
      const files = snippetFiles(folder);
      if (!files) return report(t('Snippet library "{0}" is not a folder ({1}).', entry, folder));
      if (!files.length) return report(t('Snippet library "{0}" holds no .code-snippets files.', entry));
      found.push({ folder, written: entry, origin: { file, ...at } });
    });
  }

  for (const entry of input.settings ?? []) {
    const expanded = expandHome(entry.trim());
    if (!expanded) continue;
    if (!isAbsolute(expanded) && !input.settingsBase) {
      notes.push(t('The planlint.snippetLibraries entry "{0}" is relative, but the file is in no workspace folder.', entry));
      continue;
    }
    const folder = resolve(input.settingsBase ?? '', expanded);
    if (!input.trusted && input.roots.some((root) => isInside(folder, root))) {
      notes.push(t('The snippet library "{0}" is inside the workspace, which is not trusted: it is not loaded.', entry));
      continue;
    }
    if (!snippetFiles(folder)) {
      notes.push(t('The planlint.snippetLibraries entry "{0}" is not a folder ({1}).', entry, folder));
      continue;
    }
    found.push({ folder, written: entry });
  }

  const refs: LibraryRef[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    if (seen.has(f.folder)) continue;
    seen.add(f.folder);
    refs.push({ folder: f.folder, name: basename(f.folder), ...(f.origin ? { origin: f.origin } : {}) });
  }
  // Two libraries with the same folder name: label them with the path as written instead.
  const count = new Map<string, number>();
  for (const ref of refs) count.set(ref.name, (count.get(ref.name) ?? 0) + 1);
  for (const ref of refs) {
    if (count.get(ref.name)! < 2) continue;
    const written = found.find((f) => f.folder === ref.folder)!.written;
    ref.name = written.replace(/^\.[\\/]/, '').replace(/[\\/]+$/, '');
  }
  return { refs, problems, notes };
}
