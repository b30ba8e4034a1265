/** Findings from coverage, targets and numbering, with the rule ids and default severities of the design. */
import type { Numbering, NumberingStyle, PlanModel, Range } from '../document/types';
import { t, uiLang } from '../l10n';
import { indicatorTitle } from '../profile/names';
import type { Profile, ProfileArea, ProfileIndicator } from '../profile/types';
import { DEFAULT_SEVERITY, type AreaCoverage, type Coverage, type Finding, type FindingData, type RuleId } from './types';
import type { PlanView } from './view';

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function finding(rule: RuleId, message: string, range: Range, data: FindingData): Finding {
  return { rule, severity: DEFAULT_SEVERITY[rule], message, range, data };
}

function titleRange(model: PlanModel): Range {
  return model.title?.range ?? ZERO;
}

function headingRange(model: PlanModel, section: number | undefined): Range | undefined {
  return section === undefined || section < 0 ? undefined : model.sections[section]?.heading.range;
}

function areaTitle(a: ProfileArea): string {
  return a.title[uiLang()] || a.title.zh || a.id;
}

export function coverageFindings(view: PlanView, coverage: Coverage): Finding[] {
  const { model, profile } = view;
  const out: Finding[] = [];
  for (const ac of coverage.areas) {
    const area = profile.areas.find((a) => a.id === ac.id)!;
    if (!ac.required) continue;
    const name = areaTitle(area);
    if (area.kind === 'closing') {
      if (ac.status === 'missing') {
        out.push(finding('closing-chapter-missing', t('Closing chapter “{0}” ({1}) is missing from this draft.', name, area.id), titleRange(model), { area: area.id }));
        continue;
      }
      if (ac.status === 'mentioned') {
        out.push(
          finding('closing-chapter-missing', t('Closing chapter “{0}” ({1}) is only mentioned in passing; the draft has no chapter for it.', name, area.id), ac.evidence[0]?.range ?? titleRange(model), { area: area.id }),
        );
        continue;
      }
    } else if (ac.status === 'missing') {
      out.push(finding('area-missing', t('Task area “{0}” ({1}) has no section or substantive text in this draft.', name, area.id), titleRange(model), { area: area.id }));
      continue;
    } else if (ac.status === 'mentioned') {
      out.push(
        finding('area-mentioned-only', t('Task area “{0}” ({1}) is only mentioned in passing; the draft has no section or substantive text for it.', name, area.id), ac.evidence[0]?.range ?? titleRange(model), {
          area: area.id,
        }),
      );
      continue;
    }
    out.push(...measureFindings(view, area, ac));
  }
  return out;
}

function measureFindings(view: PlanView, area: ProfileArea, ac: AreaCoverage): Finding[] {
  const { model } = view;
  const out: Finding[] = [];
  // no chapter: the chapter holding the first covered measure (保障措施 holding 加强组织领导)
  const covered = ac.measures.find((m) => m.status === 'covered' && m.section !== undefined)?.section;
  const holder = covered === undefined ? undefined : model.sections[covered].parent >= 0 ? model.sections[covered].parent : covered;
  const range = headingRange(model, ac.section) ?? headingRange(model, holder) ?? ac.evidence[0]?.range ?? titleRange(model);
  for (const mc of ac.measures) {
    if (!mc.required || mc.status === 'covered') continue;
    const m = area.measures.find((x) => x.id === mc.id)!;
    const name = m.title[uiLang()] || m.title.zh || m.id;
    const message =
      mc.status === 'mentioned'
        ? t('Measure “{0}” ({1}) of “{2}” is only mentioned in passing, not covered.', name, m.id, areaTitle(area))
        : t('Measure “{0}” ({1}) of “{2}” is not covered in this draft.', name, m.id, areaTitle(area));
    out.push(finding('measure-missing', message, range, { area: area.id, measure: m.id }));
  }
  return out;
}

function targetsRange(view: PlanView): Range {
  const i = view.sections.findIndex((s, k) => s.targets && !(view.model.sections[k].parent >= 0 && view.sections[view.model.sections[k].parent].targets));
  return headingRange(view.model, i >= 0 ? i : undefined) ?? titleRange(view.model);
}

function nationalText(ind: ProfileIndicator): string {
  const v = `${ind.value}${ind.unit === '%' ? '%' : ` ${ind.unit}`}`;
  if (ind.comparison === 'about') return t('about {0}', v);
  if (ind.comparison === 'at-most') return t('at most {0}', v);
  return t('at least {0}', v);
}

export function targetFindings(view: PlanView, coverage: Coverage, profile: Profile): Finding[] {
  const out: Finding[] = [];
  // A profile asks for targets only in the years it states (a park framework may stop at 2025).
  const years = new Set(profile.targets.map((target) => target.year));
  for (const ts of coverage.targets) {
    const y = String(ts.year);
    if (!years.has(ts.year)) continue;
    if (ts.status === 'missing') {
      out.push(finding('target-missing', t('No {0} target statement: say what the plan achieves by {0} (e.g. “到{0}年，……”).', y), targetsRange(view), { year: ts.year }));
    } else if (ts.status === 'qualitative') {
      out.push(finding('target-unquantified', t('The {0} targets state no number: give at least one indicator with a value (a unit or %).', y), ts.range ?? targetsRange(view), { year: ts.year }));
    }
    for (const iv of ts.indicators) {
      if (iv.verdict !== 'below') continue;
      const ind = profile.indicators.find((i) => i.id === iv.id && i.year === ts.year)!;
      const value = `${iv.value}${iv.unit === '%' ? '%' : ` ${iv.unit}`}`;
      out.push(
        finding('target-below-national', t('“{0}” ({1}) is {2} for {3}, weaker than the national value of {4}.', indicatorTitle(ind, ind.id, uiLang()), ind.id, value, y, nationalText(ind)), iv.range, {
          indicator: ind.id,
          year: ts.year,
          measure: ind.measure,
          area: view.measureArea.get(ind.measure),
        }),
      );
    }
  }
  return out;
}

const CN = '一二三四五六七八九';
function chineseNumeral(n: number): string {
  if (n <= 0 || n > 99) return String(n);
  if (n < 10) return CN[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens - 1]}十${ones === 0 ? '' : CN[ones - 1]}`;
}

function formatNumber(style: NumberingStyle, value: number, like: Numbering): string {
  const paren = /^\(/.test(like.raw) ? ['(', ')'] : ['（', '）'];
  switch (style) {
    case 'chinese-dun':
      return /^第/.test(like.raw) ? like.raw.replace(/^第[^章部篇]+/, `第${chineseNumeral(value)}`) : `${chineseNumeral(value)}、`;
    case 'chinese-paren':
      return `${paren[0]}${chineseNumeral(value)}${paren[1]}`;
    case 'arabic-paren':
      return `${paren[0]}${value}${paren[1]}`;
    case 'arabic-dot':
      return `${value}.`;
    default:
      return String(value);
  }
}

/** Siblings of one numbering style must count up by one: 一、二、四 or （一）（三） is a finding on the late one. */
export function numberingFindings(model: PlanModel): Finding[] {
  const out: Finding[] = [];
  const groups: number[][] = [model.roots, ...model.sections.map((s) => s.children)];
  for (const group of groups) {
    const last = new Map<NumberingStyle, Numbering>();
    for (const i of group) {
      const n = model.sections[i].heading.numbering;
      if (n.style === 'none') continue;
      const prev = last.get(n.style);
      if (prev && n.value !== prev.value + 1) {
        const expected = formatNumber(n.style, prev.value + 1, prev);
        out.push(finding('numbering', t('Numbering out of sequence: “{0}” follows “{1}”; expected “{2}”.', n.raw, prev.raw, expected), model.sections[i].heading.range, {}));
      }
      last.set(n.style, n);
    }
  }
  return out;
}
