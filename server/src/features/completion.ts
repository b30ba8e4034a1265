/** Completion in plan files at the start of a line: missing chapter / measure headings (numbered in place) and snippets. */
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionParams,
  InsertTextFormat,
  MarkupKind,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { headingSuggestions } from '../fixes/headings';
import { lineText } from '../fixes/inserts';
import { t } from '../l10n';
import type { DocAnalysis } from '../workspace/types';
import { fixInput } from './codeActions';
import type { SnippetSource } from './snippets/sources';

export function completionCapabilities(): ServerCapabilities {
  return { completionProvider: { resolveProvider: false, triggerCharacters: ['#'] } };
}

/** Only at the start of a line: optional `#` marks and one word being typed. */
const LINE_START = /^\s{0,3}(#{1,6}\s*)?[^\s#]*$/;

export function completions(a: DocAnalysis, params: CompletionParams, sources: SnippetSource[]): CompletionItem[] {
  if (!a.isPlan) return [];
  const { line } = params.position;
  // a place that is not in the document gets nothing; a column past the line's end means its end
  if (!Number.isInteger(line) || line < 0 || line >= a.model.lineStarts.length || !(params.position.character >= 0)) return [];
  const text = lineText(a.model, line);
  const character = Math.min(Math.floor(params.position.character), text.length);
  const position = { line, character };
  const prefix = text.slice(0, character);
  // Typing a new line: nothing after the cursor, and no sentence punctuation before it.
  if (text.slice(character).trim() || !LINE_START.test(prefix) || /[，。；：、,.;:“”]/.test(prefix)) return [];
  const replace = { start: { line, character: 0 }, end: position };
  const items: CompletionItem[] = [];
  for (const h of headingSuggestions(fixInput(a), line)) {
    items.push({
      label: h.title,
      kind: CompletionItemKind.Module,
      detail: h.kind === 'area' ? t('PlanLint: missing chapter') : t('PlanLint: missing measure'),
      filterText: h.text,
      sortText: `0${h.kind === 'measure' ? 0 : 1}${items.length.toString().padStart(3, '0')}`,
      textEdit: { range: replace, newText: h.text },
      data: { area: h.area, measure: h.measure },
    });
  }
  const lang = a.model.language;
  for (const source of sources) {
    for (const s of source.entries()) {
      for (const prefix of s.prefixes) {
        items.push({
          label: prefix,
          kind: CompletionItemKind.Snippet,
          // The source (PlanLint or a team library) beside the label: two libraries may share a prefix.
          labelDetails: { description: s.source },
          detail: `${s.source}: ${s.name}`,
          documentation: { kind: MarkupKind.Markdown, value: [s.description ?? '', '```markdown', s.body, '```'].join('\n') },
          insertTextFormat: InsertTextFormat.Snippet,
          filterText: prefix,
          sortText: `1${s.lang && s.lang !== lang ? 1 : 0}${prefix}`,
          textEdit: { range: replace, newText: s.body },
        });
      }
    }
  }
  return items;
}
