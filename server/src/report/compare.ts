/**
 * What changed between two rounds of a draft: measures newly covered or lost, area status changes,
 * target statements and indicator values that changed, findings fixed or new. Findings are matched
 * by rule + data (see findingKey), never by line, so moving text around changes nothing.
 */
import type { AreaStatus, MeasureStatus, TargetStatus } from '../analysis/types';
import type { IndicatorStatus, Location, Report, ReportFinding, ReportLang } from './model';

export interface MeasureChange {
  area: string;
  areaTitle: string;
  measure: string;
  number: string;
  title: string;
  from: MeasureStatus;
  to: MeasureStatus;
  /** Where the new draft shows it (its first evidence), if anywhere. */
  at?: Location;
}

export interface AreaChange {
  area: string;
  number: string;
  title: string;
  from: AreaStatus;
  to: AreaStatus;
}

export interface TargetChange {
  year: number;
  from: TargetStatus;
  to: TargetStatus;
}

export interface IndicatorValue {
  value: number;
  unit: string;
  status: IndicatorStatus;
}

export interface IndicatorChange {
  year: number;
  id: string;
  name: string;
  /** Values the old draft states (empty: none). */
  from: IndicatorValue[];
  to: IndicatorValue[];
}

export interface RoundInfo {
  title: string;
  file?: string;
  date: string;
  score: number;
}

export interface ReportDiff {
  lang: ReportLang;
  old: RoundInfo;
  new: RoundInfo;
  measures: {
    /** Covered now, not before. */
    gained: MeasureChange[];
    /** Covered before, not now. */
    lost: MeasureChange[];
    /** missing ↔ mentioned. */
    other: MeasureChange[];
  };
  areas: AreaChange[];
  targets: TargetChange[];
  indicators: IndicatorChange[];
  findings: { fixed: ReportFinding[]; added: ReportFinding[]; unchanged: number };
}

function round(r: Report): RoundInfo {
  return { title: r.title, file: r.file, date: r.date, score: r.score };
}

function measureChanges(a: Report, b: Report): ReportDiff['measures'] {
  const out: ReportDiff['measures'] = { gained: [], lost: [], other: [] };
  const before = new Map<string, MeasureStatus>();
  for (const area of a.areas) for (const m of area.measures) before.set(`${area.id}/${m.id}`, m.status);
  const seen = new Set<string>();
  for (const area of b.areas) {
    for (const m of area.measures) {
      const key = `${area.id}/${m.id}`;
      seen.add(key);
      const from = before.get(key) ?? 'missing';
      if (from === m.status) continue;
      const change: MeasureChange = { area: area.id, areaTitle: area.title, measure: m.id, number: m.number, title: m.title, from, to: m.status, at: m.evidence[0] };
      if (m.status === 'covered') out.gained.push(change);
      else if (from === 'covered') out.lost.push(change);
      else out.other.push(change);
    }
  }
  // measures only the old profile knows
  for (const area of a.areas) {
    for (const m of area.measures) {
      if (seen.has(`${area.id}/${m.id}`) || m.status === 'missing') continue;
      const change: MeasureChange = { area: area.id, areaTitle: area.title, measure: m.id, number: m.number, title: m.title, from: m.status, to: 'missing' };
      (m.status === 'covered' ? out.lost : out.other).push(change);
    }
  }
  return out;
}

function areaChanges(a: Report, b: Report): AreaChange[] {
  const before = new Map(a.areas.map((x) => [x.id, x.status]));
  const out: AreaChange[] = [];
  for (const area of b.areas) {
    const from = before.get(area.id) ?? 'missing';
    if (from !== area.status) out.push({ area: area.id, number: area.number, title: area.title, from, to: area.status });
  }
  const now = new Set(b.areas.map((x) => x.id));
  for (const area of a.areas) {
    if (!now.has(area.id) && area.status !== 'missing') out.push({ area: area.id, number: area.number, title: area.title, from: area.status, to: 'missing' });
  }
  return out;
}

function targetChanges(a: Report, b: Report): { targets: TargetChange[]; indicators: IndicatorChange[] } {
  const targets: TargetChange[] = [];
  const indicators: IndicatorChange[] = [];
  const years = [...new Set([...b.targets, ...a.targets].map((tg) => tg.year))].sort((x, y) => x - y);
  for (const year of years) {
    const ta = a.targets.find((tg) => tg.year === year);
    const tb = b.targets.find((tg) => tg.year === year);
    const from = ta?.status ?? 'missing';
    const to = tb?.status ?? 'missing';
    if (from !== to) targets.push({ year, from, to });
    const values = (tg: typeof ta, id: string): IndicatorValue[] =>
      (tg?.indicators ?? []).filter((i) => i.id === id && i.local).map((i) => ({ value: i.local!.value, unit: i.local!.unit, status: i.status }));
    const ids = [...new Set([...(tb?.indicators ?? []), ...(ta?.indicators ?? [])].map((i) => i.id))];
    for (const id of ids) {
      const va = values(ta, id);
      const vb = values(tb, id);
      const sig = (v: IndicatorValue[]) => v.map((x) => `${x.value}${x.unit}:${x.status}`).sort().join(',');
      if (sig(va) === sig(vb)) continue;
      const name = (tb?.indicators ?? []).find((i) => i.id === id)?.name ?? (ta?.indicators ?? []).find((i) => i.id === id)?.name ?? id;
      indicators.push({ year, id, name, from: va, to: vb });
    }
  }
  return { targets, indicators };
}

/** Multiset difference by key: findings of `a` with no counterpart in `b`. */
function unmatched(a: ReportFinding[], b: ReportFinding[]): ReportFinding[] {
  const left = new Map<string, number>();
  for (const f of b) left.set(f.key, (left.get(f.key) ?? 0) + 1);
  const out: ReportFinding[] = [];
  for (const f of a) {
    const n = left.get(f.key) ?? 0;
    if (n > 0) left.set(f.key, n - 1);
    else out.push(f);
  }
  return out;
}

export function compareReports(a: Report, b: Report): ReportDiff {
  const fixed = unmatched(a.findings, b.findings);
  const added = unmatched(b.findings, a.findings);
  return {
    lang: b.lang,
    old: round(a),
    new: round(b),
    measures: measureChanges(a, b),
    areas: areaChanges(a, b),
    ...targetChanges(a, b),
    findings: { fixed, added, unchanged: b.findings.length - added.length },
  };
}

export function hasChanges(d: ReportDiff): boolean {
  const m = d.measures;
  return (
    d.old.score !== d.new.score ||
    m.gained.length + m.lost.length + m.other.length + d.areas.length + d.targets.length + d.indicators.length + d.findings.fixed.length + d.findings.added.length > 0
  );
}
