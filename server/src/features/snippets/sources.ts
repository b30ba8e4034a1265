/**
 * Snippet sources for completion. The built-in snippets are one source; team snippet libraries
 * (config `snippetLibraries`) plug in as further sources with their own label.
 */
import en from '../../../../snippets/planlint.en.code-snippets';
import zh from '../../../../snippets/planlint.zh.code-snippets';

export interface SnippetEntry {
  /** The key of the entry in its file. */
  name: string;
  prefixes: string[];
  /** VS Code snippet body (tab stops allowed). */
  body: string;
  description?: string;
  /** Which source offers it (e.g. "PlanLint" or the library's name). */
  source: string;
  /** Language of the snippet text, when known. */
  lang?: 'zh' | 'en';
}

export interface SnippetSource {
  id: string;
  entries(): SnippetEntry[];
}

/** Entries of a parsed `.code-snippets` object; malformed entries are skipped (libraries report them themselves). */
export function entriesOf(json: unknown, source: string, lang?: 'zh' | 'en'): SnippetEntry[] {
  if (!json || typeof json !== 'object') return [];
  const out: SnippetEntry[] = [];
  for (const [name, raw] of Object.entries(json as Record<string, unknown>)) {
    if (!raw || typeof raw !== 'object') continue;
    const e = raw as { prefix?: unknown; body?: unknown; description?: unknown; scope?: unknown };
    const prefixes = (Array.isArray(e.prefix) ? e.prefix : [e.prefix]).filter((p): p is string => typeof p === 'string' && !!p);
    const body = Array.isArray(e.body) ? e.body.filter((l) => typeof l === 'string').join('\n') : e.body;
    if (!prefixes.length || typeof body !== 'string') continue;
    if (typeof e.scope === 'string' && e.scope && !e.scope.split(',').some((s) => s.trim() === 'markdown')) continue;
    out.push({ name, prefixes, body, description: typeof e.description === 'string' ? e.description : undefined, source, lang });
  }
  return out;
}

export const builtinSnippets: SnippetSource = {
  id: 'builtin',
  entries: () => [...entriesOf(zh, 'PlanLint', 'zh'), ...entriesOf(en, 'PlanLint', 'en')],
};
