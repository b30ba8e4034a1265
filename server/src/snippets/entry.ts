/**
 * A new entry for a library's `.code-snippets` file, as text edits that keep every other entry,
 * comment and the file's indentation (jsonc-parser `modify`). Pure; the VS Code command applies
 * the edits (client/src/saveSnippet.ts).
 */
import { type Edit, type FormattingOptions, modify, parseTree, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { JSONC_OPTIONS } from './jsonc';

export interface NewSnippet {
  prefix: string;
  /** May be empty: the entry is then named after its prefix. */
  description: string;
  /** The selected text, inserted literally. */
  text: string;
}

export type SnippetEdit =
  | { edits: Edit[]; name: string }
  /** `invalid-json`: the file has syntax errors; `not-object`: its top level is not an object. Never overwritten. */
  | { error: 'invalid-json' | 'not-object' };

/** Snippet body lines for literal text: `$` and `\` escaped so that nothing becomes a tab stop. */
export function snippetBody(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\\$]/g, (c) => `\\${c}`));
}

/** A prefix is typed in the editor: one word, no spaces. */
export function prefixProblem(prefix: string): 'empty' | 'spaces' | undefined {
  if (!prefix.trim()) return 'empty';
  if (/\s/.test(prefix.trim())) return 'spaces';
  return undefined;
}

/** The file's own indentation and line ends, so the new entry looks like the others. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent?.length || 2, eol };
}

/** The first of `base`, `base (2)`, `base (3)` … not already a key. */
function uniqueName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`)) return `${base} (${i})`;
}

export function addSnippetEdits(fileText: string, snippet: NewSnippet): SnippetEdit {
  const prefix = snippet.prefix.trim();
  const description = snippet.description.trim();
  const value = { prefix, ...(description ? { description } : {}), body: snippetBody(snippet.text) };
  const formatting = formattingOf(fileText);
  if (!fileText.trim()) {
    const name = description || prefix;
    const indent = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
    const body = JSON.stringify({ [name]: value }, null, indent).replace(/\n/g, formatting.eol ?? '\n');
    return { edits: [{ offset: 0, length: fileText.length, content: body + (formatting.eol ?? '\n') }], name };
  }
  const errors: ParseError[] = [];
  const root = parseTree(fileText, errors, JSONC_OPTIONS);
  if (errors.length || !root) return { error: 'invalid-json' };
  if (root.type !== 'object') return { error: 'not-object' };
  const taken = new Set((root.children ?? []).map((p) => String(p.children?.[0]?.value)));
  const name = uniqueName(description || prefix, taken);
  return { edits: modify(fileText, [name], value, { formattingOptions: formatting }), name };
}
