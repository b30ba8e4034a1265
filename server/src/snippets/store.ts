/**
 * Team snippet libraries as completion sources. Each call re-lists the library folders and
 * re-reads a file only when its mtime, ctime or size changed (or a watcher said so), so edits to
 * a library show up in the next completion with or without file watching.
 */
import { readFileSync, statSync } from 'node:fs';
import type { SnippetEntry, SnippetSource } from '../features/snippets/sources';
import { t } from '../l10n';
import { MAX_NESTING, problemAt } from '../shared/dataFile';
import type { FileProblems } from '../workspace/types';
import { type LibrarySnippet, parseSnippetFile, type SnippetFileResult } from './parse';
import { type LibraryRef, snippetFiles } from './refs';

/** Larger files are reported, not read: a snippet file is a few kilobytes. */
export const MAX_SNIPPET_FILE_BYTES = 1024 * 1024;

export interface LoadedLibrary {
  ref: LibraryRef;
  /** Its `.code-snippets` files (absolute paths). */
  files: string[];
  snippets: LibrarySnippet[];
}

export interface LoadResult {
  libraries: LoadedLibrary[];
  /** One entry per library file, with an empty list when the file is fine (so fixed files get cleared). */
  problems: FileProblems[];
}

interface CachedFile {
  stamp: string;
  library: string;
  result: SnippetFileResult;
}

export class LibraryStore {
  private files = new Map<string, CachedFile>();

  /** Forget a file (a watcher reported a change), or everything. */
  invalidate(file?: string): void {
    if (file === undefined) this.files.clear();
    else this.files.delete(file);
  }

  load(refs: readonly LibraryRef[]): LoadResult {
    const libraries: LoadedLibrary[] = [];
    const problems: FileProblems[] = [];
    for (const ref of refs) {
      const files = snippetFiles(ref.folder) ?? [];
      const snippets: LibrarySnippet[] = [];
      for (const file of files) {
        const result = this.read(file, ref.name);
        snippets.push(...result.snippets);
        problems.push({ file, problems: result.problems });
      }
      libraries.push({ ref, files, snippets });
    }
    return { libraries, problems };
  }

  private read(file: string, library: string): SnippetFileResult {
    let stamp: string;
    let size: number;
    try {
      const st = statSync(file);
      stamp = `${st.mtimeMs}:${st.ctimeMs}:${st.size}`;
      size = st.size;
    } catch {
      return { snippets: [], problems: [] }; // gone since the folder was listed
    }
    const cached = this.files.get(file);
    if (cached && cached.stamp === stamp && cached.library === library) return cached.result;
    let result: SnippetFileResult;
    if (size > MAX_SNIPPET_FILE_BYTES) {
      const message = t('The file is larger than {0} MB; PlanLint does not read it as a snippet library file.', MAX_SNIPPET_FILE_BYTES / 1024 / 1024);
      result = { snippets: [], problems: [problemAt(file, { line: 0, character: 0 }, [], message)] };
    } else {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        return { snippets: [], problems: [problemAt(file, { line: 0, character: 0 }, [], t('Cannot read the file: {0}', reason))] };
      }
      try {
        result = parseSnippetFile(text, file, library);
      } catch (e) {
        // e.g. nesting so deep that the JSON parser runs out of stack
        const reason = e instanceof RangeError ? t('The file is nested too deeply to read (more than {0} levels).', MAX_NESTING) : t('Cannot read the file: {0}', e instanceof Error ? e.message : String(e));
        result = { snippets: [], problems: [problemAt(file, { line: 0, character: 0 }, [], reason)] };
      }
    }
    this.files.set(file, { stamp, library, result });
    return result;
  }
}

/** The language of a snippet's text, for sorting snippets of the draft's language first. */
function langOf(body: string): 'zh' | 'en' {
  return /[\u4e00-\u9fff]/.test(body) ? 'zh' : 'en';
}

/** A loaded library as a completion source labelled with the library's name. */
export function librarySource(library: LoadedLibrary): SnippetSource {
  const entries: SnippetEntry[] = library.snippets.map((s) => ({
    name: s.name,
    prefixes: s.prefixes,
    body: s.body,
    description: s.description,
    source: library.ref.name,
    lang: langOf(s.body),
  }));
  return { id: `library:${library.ref.folder}`, entries: () => entries };
}
