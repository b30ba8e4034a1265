/** Plan model + analysis + profile → the report's data (pure). */
import type { AnalysisResult, Evidence, Finding, FindingData, MeasureCoverage, Severity } from '../analysis/types';
import type { PlanModel } from '../document/types';
import { indicatorTitle } from '../profile/names';
import type { Profile, ProfileIndicator } from '../profile/types';
import type {
  IndicatorStatus,
  Report,
  ReportArea,
  ReportEvidence,
  ReportFinding,
  ReportIndicator,
  ReportLang,
  ReportTarget,
} from './model';

export interface ReportInput {
  model: PlanModel;
  result: AnalysisResult;
  /** The profile the result was computed against. */
  profile: Profile;
  /** Language of the page (the draft's, unless asked otherwise). */
  lang: ReportLang;
  /** yyyy-mm-dd. */
  date: string;
  file?: string;
  source?: { uri: string; version: number };
  isPlan?: boolean;
}

/** Fragment ids built from profile ids (custom profiles may use any characters). */
export function anchorId(prefix: string, ...parts: string[]): string {
  return [prefix, ...parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`))].join('-');
}

function stripHeadingMarks(text: string): string {
  return text.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
}

function evidenceOf(e: Evidence): ReportEvidence {
  return {
    kind: e.kind,
    line: e.line,
    character: e.line === e.range.start.line ? e.range.start.character : 0,
    text: e.kind === 'heading' ? stripHeadingMarks(e.text) : e.text,
    terms: e.terms,
  };
}

/** The line that decided the status, plus the first body excerpt when that line is a heading or an annotation. */
function countingEvidence(mc: MeasureCoverage): ReportEvidence[] {
  const [first] = mc.evidence;
  if (!first) return [];
  const out = [evidenceOf(first)];
  if (first.kind !== 'body') {
    // the text under that heading, else the first body line anywhere
    const body = mc.evidence.find((e) => e.kind === 'body' && e.section === first.section) ?? mc.evidence.find((e) => e.kind === 'body');
    if (body) out.push(evidenceOf(body));
  }
  return out;
}


function targets(result: AnalysisResult, profile: Profile, lang: ReportLang): ReportTarget[] {
  return result.coverage.targets.map((tg) => {
    const indicators: ReportIndicator[] = tg.indicators.map((iv) => {
      const ind = profile.indicators.find((i) => i.id === iv.id && i.year === tg.year) ?? profile.indicators.find((i) => i.id === iv.id);
      const status: IndicatorStatus = iv.verdict ?? 'not-compared';
      return {
        id: iv.id,
        name: indicatorTitle(ind, iv.id, lang),
        local: { value: iv.value, unit: iv.unit, at: { line: iv.range.start.line, character: iv.range.start.character } },
        national: iv.national && ind ? { value: iv.national.value, unit: ind.unit, comparison: iv.national.comparison } : undefined,
        status,
      };
    });
    // national indicators of the year the draft does not state
    for (const ind of profile.indicators) {
      if (!ind.enabled || ind.year !== tg.year || tg.indicators.some((iv) => iv.id === ind.id)) continue;
      indicators.push({
        id: ind.id,
        name: indicatorTitle(ind, ind.id, lang),
        national: { value: ind.value, unit: ind.unit, comparison: ind.comparison },
        status: 'not-stated',
      });
    }
    return {
      year: tg.year,
      status: tg.status,
      anchor: anchorId('target', String(tg.year)),
      at: tg.range ? { line: tg.range.start.line, character: tg.range.start.character } : tg.line !== undefined ? { line: tg.line, character: 0 } : undefined,
      text: tg.text,
      indicators,
    };
  });
}

/** Stable identity of a finding across two versions of a draft: its rule and data; the message when it has no data. */
export function findingKey(f: { rule: string; data: FindingData; message: string }): string {
  const d = f.data;
  const parts = [d.area, d.measure, d.year, d.indicator, d.detail].map((x) => (x === undefined ? '' : String(x)));
  return parts.every((p) => p === '') ? `${f.rule}|${f.message}` : `${f.rule}|${parts.join('|')}`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function findings(list: Finding[], areas: ReportArea[]): ReportFinding[] {
  const about = (d: FindingData): string | undefined => {
    if (d.measure && d.area) return areas.find((a) => a.id === d.area)?.measures.find((m) => m.id === d.measure)?.anchor;
    if (d.area) return areas.find((a) => a.id === d.area)?.anchor;
    if (d.year !== undefined) return anchorId('target', String(d.year));
    return undefined;
  };
  return list
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      at: { line: f.range.start.line, character: f.range.start.character },
      data: { ...f.data },
      about: about(f.data),
      key: findingKey(f),
    }))
    .sort((a, b) => a.at.line - b.at.line || a.at.character - b.at.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function buildReport(input: ReportInput): Report {
  const { model, result, profile, lang } = input;
  const areas: ReportArea[] = result.coverage.areas.map((ac) => {
    const pa = profile.areas.find((a) => a.id === ac.id);
    const measures = ac.measures.map((mc) => {
      const pm = pa?.measures.find((m) => m.id === mc.id);
      return {
        id: mc.id,
        number: pm?.number ?? '',
        title: pm?.title[lang] || pm?.title.zh || mc.id,
        status: mc.status,
        required: mc.required,
        anchor: anchorId('m', ac.id, mc.id),
        evidence: countingEvidence(mc),
        evidenceCount: mc.evidence.length,
      };
    });
    const required = measures.filter((m) => m.required);
    const heading = ac.section !== undefined ? model.sections[ac.section]?.heading.range.start : undefined;
    return {
      id: ac.id,
      number: pa?.number ?? '',
      title: pa?.title[lang] || pa?.title.zh || ac.id,
      kind: pa?.kind ?? 'task',
      status: ac.status,
      required: ac.required,
      anchor: anchorId('a', ac.id),
      at: heading ? { line: heading.line, character: heading.character } : undefined,
      covered: required.filter((m) => m.status === 'covered').length,
      total: required.length,
      measures,
    };
  });

  const counts: Report['counts'] = {
    areas: { covered: 0, partial: 0, mentioned: 0, missing: 0 },
    measures: { covered: 0, mentioned: 0, missing: 0 },
    taskAreas: { covered: 0, total: 0 },
    findings: { error: 0, warning: 0, information: 0, hint: 0 },
  };
  for (const a of areas) {
    if (!a.required) continue;
    counts.areas[a.status]++;
    if (a.kind === 'task') {
      counts.taskAreas.total++;
      if (a.status === 'covered' || a.status === 'partial') counts.taskAreas.covered++;
    }
    for (const m of a.measures) if (m.required) counts.measures[m.status]++;
  }
  for (const f of result.findings) counts.findings[f.severity]++;

  const fileName = input.file?.split(/[\\/]/).pop();
  return {
    lang,
    title: model.title?.text.trim() || fileName || profile.title[lang],
    file: input.file,
    source: input.source,
    date: input.date,
    profile: { id: profile.id, title: profile.title[lang] || profile.title.zh },
    level: result.level,
    isPlan: input.isPlan ?? true,
    score: result.coverage.score,
    counts,
    areas,
    targets: targets(result, profile, lang),
    findings: findings(result.findings, areas),
  };
}

/** yyyy-mm-dd of a date in local time. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
