/** Document symbols: the section outline, each section tagged with the national area / measure it implements. */
import { type DocumentSymbol, type ServerCapabilities, SymbolKind } from 'vscode-languageserver';
import { uiLang } from '../l10n';
import type { DocAnalysis } from '../workspace/types';

export function symbolCapabilities(): ServerCapabilities {
  return { documentSymbolProvider: { label: 'PlanLint' } };
}

/** Section index → "area-id · 标题" / "area/measure · 标题". */
function nationalTags(a: DocAnalysis): Map<number, { detail: string; kind: SymbolKind }> {
  const lang = uiLang();
  const tags = new Map<number, { detail: string; kind: SymbolKind }>();
  for (const cov of a.result.coverage.areas) {
    const area = a.profile.areas.find((x) => x.id === cov.id);
    if (!area) continue;
    if (cov.section !== undefined) tags.set(cov.section, { detail: `${area.id} · ${area.number}${area.title[lang]}`, kind: SymbolKind.Module });
    for (const m of cov.measures) {
      const measure = area.measures.find((x) => x.id === m.id);
      if (m.section === undefined || !measure || tags.has(m.section)) continue;
      tags.set(m.section, { detail: `${area.id}/${measure.id} · ${measure.number}${measure.title[lang]}`, kind: SymbolKind.Function });
    }
  }
  return tags;
}

export function documentSymbols(a: DocAnalysis): DocumentSymbol[] {
  const { sections, roots } = a.model;
  const tags = a.isPlan ? nationalTags(a) : new Map<number, { detail: string; kind: SymbolKind }>();
  const build = (i: number): DocumentSymbol => {
    const s = sections[i];
    const tag = tags.get(i);
    const range = s.range.end.line < s.heading.range.end.line ? s.heading.range : s.range;
    return {
      name: s.heading.raw.trim() || s.heading.text || '—',
      detail: tag?.detail ?? '',
      kind: tag?.kind ?? (s.heading.promoted ? SymbolKind.String : SymbolKind.Namespace),
      range: { start: s.heading.range.start, end: range.end },
      selectionRange: s.heading.range,
      children: s.children.map(build),
    };
  };
  return roots.map(build);
}
