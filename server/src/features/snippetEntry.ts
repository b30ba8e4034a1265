/** `planlint/snippetEntry`: the edits that add a snippet to a team library file (the VS Code command applies them). */
import type { SnippetEntryParams, SnippetEntryResult } from '../protocol';
import { addSnippetEdits, prefixProblem } from '../snippets/entry';

export function snippetEntry(params: SnippetEntryParams): SnippetEntryResult {
  const problem = prefixProblem(params.prefix);
  if (problem) return { error: problem === 'empty' ? 'empty-prefix' : 'spaces-in-prefix' };
  const r = addSnippetEdits(params.fileText, { prefix: params.prefix, description: params.description, text: params.text });
  if ('error' in r) return r;
  return { name: r.name, edits: r.edits.map((e) => ({ offset: e.offset, length: e.length, content: e.content })) };
}
