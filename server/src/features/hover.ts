/** Hover: on a section heading, the national area / measure it maps to with wording and evidence; on a target value, the national value. */
import { type Hover, MarkupKind, type Position, type ServerCapabilities } from 'vscode-languageserver';
import type { Evidence, IndicatorValue } from '../analysis/types';
import type { Range } from '../document/types';
import { t, uiLang } from '../l10n';
import type { ProfileArea, ProfileMeasure } from '../profile/types';
import type { DocAnalysis } from '../workspace/types';
import { indicatorTitle } from '../profile/names';

export function hoverCapabilities(): ServerCapabilities {
  return { hoverProvider: true };
}

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

const MAX_EVIDENCE = 5;

function evidenceLines(evidence: Evidence[]): string[] {
  if (!evidence.length) return [];
  const rows = evidence.slice(0, MAX_EVIDENCE).map((e) => {
    const terms = e.terms.length ? ` — ${e.terms.map((x) => `\`${x}\``).join(', ')}` : '';
    return `- ${t('line {0}', String(e.line + 1))}: ${e.text}${terms}`;
  });
  if (evidence.length > MAX_EVIDENCE) rows.push(`- ${t('… and {0} more', String(evidence.length - MAX_EVIDENCE))}`);
  return [`**${t('Evidence that counts')}**`, '', ...rows];
}

function wording(w: ProfileMeasure['wording']): string[] {
  const lang = uiLang();
  const text = w?.[lang] ?? w?.zh ?? w?.en;
  if (!text) return [];
  return [`**${t('National wording')}**`, '', ...text.split('\n').map((l) => `> ${l}`)];
}

function status(s: string): string {
  const names: Record<string, string> = {
    covered: t('covered'),
    partial: t('partly covered'),
    mentioned: t('mentioned only'),
    missing: t('missing'),
  };
  return names[s] ?? s;
}

function headingHover(a: DocAnalysis, section: number): string[] | undefined {
  const lang = uiLang();
  const areaCov = a.result.coverage.areas.find((x) => x.section === section);
  if (areaCov) {
    const area = a.profile.areas.find((x) => x.id === areaCov.id) as ProfileArea;
    const covered = areaCov.measures.filter((m) => m.required && m.status === 'covered').length;
    const total = areaCov.measures.filter((m) => m.required).length;
    return [
      `**${t('National area')}** ${area.number}${area.title[lang]} · \`${area.id}\``,
      '',
      `${status(areaCov.status)} · ${t('{0}/{1} measures', String(covered), String(total))}`,
      '',
      ...evidenceLines(areaCov.evidence),
    ];
  }
  for (const areaCov2 of a.result.coverage.areas) {
    const m = areaCov2.measures.find((x) => x.section === section);
    if (!m) continue;
    const area = a.profile.areas.find((x) => x.id === areaCov2.id)!;
    const measure = area.measures.find((x) => x.id === m.id)!;
    return [
      `**${t('National measure')}** ${measure.number}${measure.title[lang]} · \`${area.id}/${measure.id}\``,
      '',
      `${t('National area')} ${area.number}${area.title[lang]} · ${status(m.status)}`,
      '',
      ...wording(measure.wording),
      '',
      ...evidenceLines(m.evidence),
    ];
  }
  return undefined;
}

function comparisonText(c: 'at-least' | 'about' | 'at-most'): string {
  return c === 'at-least' ? t('at least') : c === 'at-most' ? t('at most') : t('about');
}

function valueHover(a: DocAnalysis, v: IndicatorValue, year: number): string[] {
  const indicator = a.profile.indicators.find((i) => i.id === v.id && i.year === year) ?? a.profile.indicators.find((i) => i.id === v.id);
  const lang = uiLang();
  const name = indicatorTitle(indicator, v.id, lang);
  const lines = [`**${t('Indicator')}** ${name} · \`${v.id}\` (${year})`, '', `${t('This draft')}: ${v.value}${v.unit}`];
  if (v.national) {
    lines.push(`${t('National')}: ${comparisonText(v.national.comparison)} ${v.national.value}${v.unit}`);
    const verdict = { meets: t('meets the national value'), below: t('weaker than the national value'), above: t('more ambitious than the national value') };
    if (v.verdict) lines.push('', `**${verdict[v.verdict]}**`);
  } else if (indicator) {
    lines.push(`${t('National')}: ${comparisonText(indicator.comparison)} ${indicator.value}${indicator.unit} (${t('not compared')})`);
  }
  const note = indicator?.note?.[lang];
  if (note) lines.push('', note);
  return lines;
}

export function hover(a: DocAnalysis, pos: Position): Hover | null {
  if (!a.isPlan) return null;
  for (const target of a.result.coverage.targets) {
    const v = target.indicators.find((i) => contains(i.range, pos));
    if (v) return { contents: { kind: MarkupKind.Markdown, value: valueHover(a, v, target.year).join('\n\n').replace(/\n{3,}/g, '\n\n') }, range: v.range };
  }
  const section = a.model.sections.find((s) => contains(s.heading.range, pos));
  if (!section) return null;
  const lines = headingHover(a, section.index);
  if (!lines) return null;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() }, range: section.heading.range };
}
