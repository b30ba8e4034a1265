/**
 * One `.code-snippets` file of a team library → its snippets and its problems. Pure: text in,
 * data out. Every problem names the file, line and field; a bad entry (or one damaged by a syntax
 * error) is left out and the others are kept, so one mistake never hides a whole library.
 */
import { getNodeValue, type Node } from 'jsonc-parser/lib/esm/main.js';
import schema from '../../../schemas/snippets.schema.json';
import { t } from '../l10n';
import type { FileProblem } from '../profile/types';
import { checkSchema, fieldOf, type ParsedData, type PathSegment, problemAt } from '../shared/dataFile';
import { intact, parseJsonc } from './jsonc';

export interface LibrarySnippet {
  /** The key of the entry in its file. */
  name: string;
  prefixes: string[];
  /** VS Code snippet body (lines joined with \n). */
  body: string;
  description?: string;
  /** Label of the library it comes from. */
  library: string;
  file: string;
  /** 0-based line of its key. */
  line: number;
}

export interface SnippetFileResult {
  snippets: LibrarySnippet[];
  problems: FileProblem[];
}

/** The schema of one entry, with the definitions it refers to. */
const ENTRY_SCHEMA = { ...schema.definitions.snippet, definitions: schema.definitions };

const lines = (v: unknown): string | undefined => (Array.isArray(v) ? v.join('\n') : typeof v === 'string' ? v : undefined);

/** True when a snippet's `scope` lets it into Markdown (no scope means every language). */
export function forMarkdown(scope: string | undefined): boolean {
  return !scope?.trim() || scope.split(',').some((s) => s.trim().toLowerCase() === 'markdown');
}

export function parseSnippetFile(text: string, file: string, library: string): SnippetFileResult {
  const parsed = parseJsonc(text, file);
  const problems = [...parsed.problems];
  const root = parsed.root;
  if (!root) return { snippets: [], problems };
  if (root.type !== 'object') {
    if (!problems.length) problems.push(problemAt(file, parsed.positionAt(root.offset), [], t('A snippet file must hold an object whose keys are snippet names.')));
    return { snippets: [], problems };
  }
  const byName = new Map<string, LibrarySnippet>();
  const seen = new Set<string>();
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string' || !intact(property, parsed.errorOffsets)) continue;
    const name = keyNode.value;
    const at = parsed.positionAt(keyNode.offset);
    if (name === '$schema') continue;
    if (seen.has(name)) {
      // JSON keeps the later value; say so, since the earlier one silently disappears.
      problems.push(problemAt(file, at, [name], t('Snippet "{0}" is defined twice in this file; the later definition is used.', name)));
      byName.delete(name);
    }
    seen.add(name);
    const entryProblems = checkEntry(name, valueNode, parsed, file);
    if (entryProblems.length) {
      problems.push(...entryProblems);
      continue;
    }
    const value = getNodeValue(valueNode!) as { prefix: string | string[]; body: string | string[]; description?: string | string[]; scope?: string };
    if (!forMarkdown(value.scope)) continue;
    byName.set(name, {
      name,
      prefixes: Array.isArray(value.prefix) ? value.prefix : [value.prefix],
      body: lines(value.body)!,
      description: lines(value.description),
      library,
      file,
      line: at.line,
    });
  }
  problems.sort((a, b) => a.line - b.line || a.character - b.character);
  return { snippets: [...byName.values()], problems };
}

function checkEntry(name: string, node: Node | undefined, parsed: ParsedData, file: string): FileProblem[] {
  if (!node || node.type !== 'object') {
    const at = parsed.locate([name], node ? 'value' : 'key');
    return [problemAt(file, at, [name], t('Snippet "{0}" must be an object with a prefix and a body.', name))];
  }
  const entry: ParsedData = {
    data: getNodeValue(node),
    problems: [],
    locate: (path: readonly PathSegment[], at?: 'key' | 'value') => parsed.locate([name, ...path], at),
  };
  return checkSchema(ENTRY_SCHEMA, entry, file).problems.map((p) => ({
    ...p,
    field: p.field ? fieldOf([name, p.field]) : name,
    message: t('Snippet "{0}": {1}', name, p.message),
  }));
}
