/**
 * Coverage of every area and measure, from headings and body evidence together.
 *
 * A measure is covered by a non-empty section whose heading names it, by an explicit
 * `planlint covers` annotation, or by body text that is clearly about it (see `bodyCovers`).
 * Preamble text (形势, 总体要求, 指导思想, 工作原则, 主要目标, text before the first chapter) only
 * ever makes a measure or area `mentioned`.
 */
import type { Level, ProfileArea } from '../profile/types';
import { readerOf } from '../document/text';
import type { PlanModel, Range } from '../document/types';
import type { AreaCoverage, AreaStatus, Evidence, MeasureCoverage, MeasureStatus } from './types';
import { aligned } from './values';
import type { BlockInfo, PlanView } from './view';

/** `planlint covers AREA[/MEASURE]` annotations, resolved. */
export interface CoversAnnotation {
  area: string;
  measure?: string;
  range: Range;
  section: number;
  text: string;
}

const MAX_EVIDENCE = 6;

function lineText(model: PlanModel, line: number): string {
  const text = readerOf(model);
  const start = model.lineStarts[line] ?? 0;
  const end = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1] : text.length;
  const t = text.slice(start, end).trim();
  return t.length > 120 ? `${t.slice(0, 119)}…` : t;
}

/** Evidence for a block: the line of the first term found (aligned text), else the block's first line. */
function blockEvidence(model: PlanModel, info: BlockInfo, terms: string[], kind: Evidence['kind'] = 'body'): Evidence {
  const b = info.block;
  let line = b.range.start.line;
  const al = aligned(b.text);
  for (const term of terms) {
    const at = al.indexOf(term);
    if (at >= 0) {
      const before = b.text.slice(0, at);
      line = b.range.start.line + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
      break;
    }
  }
  const range: Range =
    line === b.range.start.line
      ? { start: b.range.start, end: line === b.range.end.line ? b.range.end : { line, character: lineText(model, line).length } }
      : { start: { line, character: 0 }, end: { line, character: lineText(model, line).length } };
  return { kind, line, range, text: lineText(model, line), terms, section: b.section };
}

function headingEvidence(model: PlanModel, section: number, terms: string[]): Evidence {
  const h = model.sections[section].heading;
  return { kind: 'heading', line: h.range.start.line, range: h.range, text: lineText(model, h.range.start.line), terms, section };
}

function applies(levels: Level[] | undefined, level: Level | undefined): boolean {
  return !level || !levels || levels.length === 0 || levels.includes(level);
}

/** Nearest section (self or ancestor) satisfying `pick`. */
function nearest(view: PlanView, section: number, pick: (i: number) => boolean): number {
  for (let s = section; s >= 0; s = view.model.sections[s].parent) if (pick(s)) return s;
  return -1;
}

function count(info: BlockInfo, measure: string): number {
  return info.measureTerms.get(measure)?.size ?? 0;
}

function topCount(info: BlockInfo, except?: string): number {
  let n = 0;
  for (const [m, set] of info.measureTerms) if (m !== except) n = Math.max(n, set.size);
  return n;
}

/**
 * Does body block `info` (outside the preamble) cover `measure`?
 * - inside another measure's section: only a paragraph clearly about this one too (≥ 2 distinct
 *   terms and more than the section's own measure has — a heading deleted, its text kept), or a
 *   merged paragraph with nearly as much on it and a clause of its own;
 * - in a chapter of the measure's area (no sub-section heading): one term, if no other measure
 *   dominates the paragraph, or two terms;
 * - elsewhere: ≥ 2 distinct terms and no other measure with more in the paragraph.
 */
function bodyCovers(view: PlanView, info: BlockInfo, measure: string): boolean {
  const d = count(info, measure);
  if (d === 0) return false;
  const s = info.block.section;
  const owner = s < 0 ? -1 : nearest(view, s, (i) => view.sections[i].headMeasures.size > 0);
  if (owner >= 0 || info.leadMeasures.size > 0) {
    const own = info.leadMeasures.size > 0 ? info.leadMeasures : view.sections[owner].headMeasures;
    if (own.has(measure)) return true;
    let ownMax = 0;
    for (const m of own) ownMax = Math.max(ownMax, count(info, m));
    if (d < 2) return false;
    if (d > ownMax) return true; // the paragraph is about this measure (its heading was lost)
    // a merged paragraph: nearly as much on this measure as on the section's own, with a clause of its own
    // (not the 钢铁、水泥、焦化 of an air paragraph, nor the 地热、生物质能 of a buildings one)
    return d * 4 >= ownMax * 3 && info.clauses.some((c) => (c.get(measure)?.size ?? 0) > Math.max(0, ...[...own].map((m) => c.get(m)?.size ?? 0)));
  }
  const area = s < 0 ? undefined : view.sections[s].area;
  if (area !== undefined && area === view.measureArea.get(measure)) {
    if (d >= 2 || d >= topCount(info, measure)) return true;
    // a paragraph running through several measures of its chapter: a clause of its own will do
    return info.clauses.some((c) => {
      const n = c.get(measure)?.size ?? 0;
      return n > 0 && [...c].every(([m, set]) => m === measure || set.size <= n);
    });
  }
  return d >= 2 && d >= topCount(info, measure);
}

export interface CoverageInput {
  view: PlanView;
  level?: Level;
  covers: CoversAnnotation[];
}

/** What computeCoverage keeps for the analysis of the next version: each measure's coverage and what it depended on. */
export interface CoverageMemo {
  level: Level | undefined;
  covers: CoversAnnotation[];
  lines: number;
  measures: Map<string, MeasureCoverage>;
}

function sameCovers(a: CoversAnnotation[], b: CoversAnnotation[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    const r = x.range;
    const q = y.range;
    return (
      x.area === y.area &&
      x.measure === y.measure &&
      x.section === y.section &&
      x.text === y.text &&
      r.start.line === q.start.line &&
      r.start.character === q.start.character &&
      r.end.line === q.end.line &&
      r.end.character === q.end.character
    );
  });
}

/**
 * Coverage of every area and measure. With `memo` (of the analysis the view was updated from), a
 * measure keeps its coverage when nothing it depends on changed: the sections, the annotations,
 * the level, the blocks that speak of it and the lines of its evidence.
 */
export function computeCoverage({ view, level, covers }: CoverageInput, memo?: CoverageMemo): { areas: AreaCoverage[]; score: number; memo: CoverageMemo } {
  const { profile, change } = view;
  const lines = view.model.lineStarts.length;
  const reuse = memo && memo.level === level && memo.lines === lines && change.context && change.sections && sameCovers(memo.covers, covers) ? memo.measures : undefined;
  const outside = (e: Evidence) => e.range.end.line < change.firstLine || e.range.start.line > change.lastLine;
  const kept = new Map<string, MeasureCoverage>();
  const areas: AreaCoverage[] = [];
  let required = 0;
  let gained = 0;
  for (const area of profile.areas) {
    const areaRequired = applies(area.levels, level);
    const measures: MeasureCoverage[] = [];
    for (const m of area.measures) {
      let mc = reuse?.get(m.id);
      if (!mc || change.measures.has(m.id) || !mc.evidence.every(outside)) {
        mc = measureCoverage(view, area, m.id, covers);
        mc.required = areaRequired && applies(m.levels, level);
      }
      kept.set(m.id, mc);
      measures.push(mc);
      if (mc.required) {
        required++;
        gained += mc.status === 'covered' ? 1 : mc.status === 'mentioned' ? 0.5 : 0;
      }
    }
    areas.push(areaCoverage(view, area, measures, covers, areaRequired));
  }
  const score = required === 0 ? 1 : Math.round((gained / required) * 100) / 100;
  return { areas, score, memo: { level, covers, lines, measures: kept } };
}

const NONE: readonly number[] = [];

function measureCoverage(view: PlanView, area: ProfileArea, measure: string, covers: CoversAnnotation[]): MeasureCoverage {
  const { model, sections } = view;
  const evidence: Evidence[] = [];
  let status: MeasureStatus = 'missing';
  let section: number | undefined;
  const push = (e: Evidence) => {
    if (evidence.length < MAX_EVIDENCE && !evidence.some((x) => x.line === e.line && x.kind === e.kind)) evidence.push(e);
  };

  for (const c of covers) {
    if (c.area === area.id && c.measure === measure) {
      status = 'covered';
      if (c.section >= 0) section ??= c.section;
      push({ kind: 'annotation', line: c.range.start.line, range: c.range, text: c.text, terms: [], section: c.section });
    }
  }
  // headings: a non-preamble section naming the measure, with something in it
  for (const i of view.headSections.get(measure) ?? NONE) {
    const info = sections[i];
    const terms = info.headTerms.get(measure) ?? [];
    if (info.hasContent) {
      status = 'covered';
      section ??= i;
      push(headingEvidence(model, i, terms));
    } else if (status === 'missing') {
      status = 'mentioned';
      push(headingEvidence(model, i, terms));
    }
  }
  // body: the blocks that speak of the measure (its terms, or a lead naming it), in document order
  let mentionedAt: Evidence | undefined;
  speaking: for (const k of view.byMeasure.get(measure) ?? NONE) {
    for (const info of view.perBlock[k]) {
      // covered with a full evidence list: no later block can change the outcome
      if (status === 'covered' && evidence.length >= MAX_EVIDENCE) break speaking;
      const terms = info.measureTerms.get(measure) ?? (info.leadMeasures.has(measure) ? new Set<string>() : undefined);
      if (!terms) continue;
      if (!info.preamble && bodyCovers(view, info, measure)) {
        if (status !== 'covered') section ??= info.block.section >= 0 ? info.block.section : undefined;
        status = 'covered';
        // (evidence is kept for the first few places only: do not build it once the list is full)
        if (evidence.length < MAX_EVIDENCE) push(blockEvidence(model, info, [...terms]));
      } else if (!mentionedAt && (info.preamble || passing(view, info, measure))) {
        mentionedAt = blockEvidence(model, info, [...terms]);
      }
    }
  }
  if (status === 'missing' && mentionedAt) {
    status = 'mentioned';
    push(mentionedAt);
  }
  // the mention is the evidence of a mentioned measure; a covered one keeps only covering evidence
  return { id: measure, status, evidence, section, required: true };
}

/** A passing term outside the preamble counts as a mention unless it sits in another area's or measure's section. */
function passing(view: PlanView, info: BlockInfo, measure: string): boolean {
  const s = info.block.section;
  if (s < 0) return true;
  if (info.leadMeasures.size > 0) return info.leadMeasures.has(measure);
  const owner = nearest(view, s, (i) => view.sections[i].headMeasures.size > 0);
  if (owner >= 0) return view.sections[owner].headMeasures.has(measure);
  const area = view.sections[s].area;
  return area === undefined || area === view.measureArea.get(measure);
}

function areaCoverage(view: PlanView, area: ProfileArea, measures: MeasureCoverage[], covers: CoversAnnotation[], required: boolean): AreaCoverage {
  const { model, sections } = view;
  const evidence: Evidence[] = [];
  let section: number | undefined;
  let chapter = false;

  for (const c of covers) {
    if (c.area === area.id && !c.measure) {
      chapter = true;
      if (c.section >= 0) section ??= c.section;
      evidence.push({ kind: 'annotation', line: c.range.start.line, range: c.range, text: c.text, terms: [], section: c.section });
    }
  }
  // a chapter: a non-preamble section whose heading names the area (or whose sub-sections do), with content
  let emptyChapter: number | undefined;
  for (const i of view.chapters.get(area.id) ?? NONE) {
    const info = sections[i];
    if (info.hasContent) {
      chapter = true;
      section ??= i;
      if (evidence.length < MAX_EVIDENCE) evidence.push(headingEvidence(model, i, headTermsOfArea(view, i, area.id)));
    } else emptyChapter ??= i;
  }

  const req = measures.filter((m) => m.required);
  const covered = req.filter((m) => m.status === 'covered').length;
  let status: AreaStatus;
  if (chapter || (req.length > 0 && covered * 2 >= req.length)) status = 'covered';
  else if (covered > 0) status = 'partial';
  else {
    const mention = emptyChapter !== undefined ? headingEvidence(model, emptyChapter, headTermsOfArea(view, emptyChapter, area.id)) : areaMention(view, area.id);
    const measureMention = measures.find((m) => m.status === 'mentioned');
    if (mention) evidence.push(mention);
    else if (measureMention) evidence.push(measureMention.evidence[0]);
    status = mention || measureMention ? 'mentioned' : 'missing';
  }
  if (status === 'partial' && section === undefined) section = measures.find((m) => m.status === 'covered')?.section;
  return { id: area.id, status, measures, section, evidence, required };
}

function headTermsOfArea(view: PlanView, section: number, area: string): string[] {
  const out: string[] = [];
  const norm = view.model.sections[section].heading.norm;
  for (const a of view.profile.areas) {
    if (a.id !== area) continue;
    for (const t of [...a.aliases.zh, ...a.aliases.en]) if (norm.includes(t)) out.push(t);
  }
  return out;
}

/** First block naming the area itself (its aliases or evidence terms), anywhere in the text. */
function areaMention(view: PlanView, area: string): Evidence | undefined {
  const first = view.byArea.get(area)?.[0];
  if (first === undefined) return undefined;
  for (const info of view.perBlock[first]) {
    const terms = info.areaTerms.get(area);
    if (terms) return blockEvidence(view.model, info, [...terms]);
  }
  return undefined;
}
