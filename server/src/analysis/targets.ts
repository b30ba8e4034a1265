/**
 * 2025 and 2030 target statements: where they are, whether they state a number, and the indicator
 * values they give, compared with the national ones.
 *
 * A statement starts at a year marker (到2025年, 2025年前/底, “十四五”末, by 2025, by the end of 2030 …)
 * and runs to the next marker or the end of its block; a block ending in “：” carries on into the
 * list items after it. Headings (“（一）2025年目标”) and table columns headed by a year make
 * statements for their text too.
 */
import { offsetAt, positionAt } from '../document/positions';
import { indexOf } from '../document/text';
import type { Block, PlanModel, Range } from '../document/types';
import type { Profile, ProfileIndicator } from '../profile/types';
import { findIndicatorTerms, firstIndicatorIn } from './indicatorTerms';
import { perText } from './memo';
import type { IndicatorValue, TargetStatement } from './types';
import { aligned, convertUnit, findValues, type ParsedValue } from './values';
import type { BlockInfo, PlanView } from './view';
import { replaceRange } from './splice';

export const TARGET_YEARS = [2025, 2030] as const;

export interface YearMarker {
  year: number;
  start: number;
  end: number;
}

const Q = '["“”\'‘’「」『』]?';
const ZH_BY = /(?:到|至|截至|截止到?|在|于)\s*(20\d\d)\s*年(?:底|末)?/g;
/** 2023至2025年 is a period, not a target: a year just before the 至 / 到. */
const PERIOD_BEFORE = /[0-9]\s*年?\s*$/;
const ZH_BEFORE = /(20\d\d)\s*年\s*(?:前|以前|之前|年底|底|末)/g;
const ZH_GOAL = /(20\d\d)\s*年?\s*(?:的)?(?:主要|总体|发展|工作)?(?:目标|指标)/g;
const ZH_PLAN_END = new RegExp(`${Q}(十四五|十五五)${Q}\\s*(?:时期|规划)?\\s*(?:期末|末期|末)`, 'g');
const EN_BY = /\b(?:by|until|till|through|before|in)\s+(?:the\s+end\s+of\s+|end[- ]|the\s+year\s+)?(20\d\d)\b/g;
const EN_GOAL = /\b(20\d\d)\s+(?:targets?|goals?|objectives?)\b|\b(?:targets?|goals?|objectives?)\s+for\s+(20\d\d)\b/g;
const EN_PLAN_END = /\bend\s+of\s+the\s+(14th|15th|fourteenth|fifteenth)\s+five[- ]year\s+plan/g;
/** 2030年前(实现)碳达峰 restates the national peaking goal; it is not the plan's 2030 target. */
const PEAKING_AFTER = /^\s*(?:实现|完成|力争)?\s*(?:碳排放)?\s*(?:碳)?达峰/;
const PEAKING_BEFORE = /peak\w*[^.;]{0,40}$/;

/** Year markers in aligned text, earliest first, overlaps removed. */
export function findYearMarkers(text: string): YearMarker[] {
  const found: YearMarker[] = [];
  const add = (year: number, start: number, end: number) => {
    if (Number.isFinite(year)) found.push({ year, start, end });
  };
  for (const m of text.matchAll(ZH_BY)) {
    if (PERIOD_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    add(Number(m[1]), m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(ZH_BEFORE)) {
    const end = m.index + m[0].length;
    if (/前$/.test(m[0]) && PEAKING_AFTER.test(text.slice(end, end + 12))) continue;
    add(Number(m[1]), m.index, end);
  }
  for (const m of text.matchAll(ZH_GOAL)) add(Number(m[1]), m.index, m.index + m[0].length);
  for (const m of text.matchAll(ZH_PLAN_END)) add(m[1] === '十四五' ? 2025 : 2030, m.index, m.index + m[0].length);
  for (const m of text.matchAll(EN_BY)) {
    if (/^before/.test(m[0]) && PEAKING_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    add(Number(m[1]), m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(EN_GOAL)) add(Number(m[1] ?? m[2]), m.index, m.index + m[0].length);
  for (const m of text.matchAll(EN_PLAN_END)) add(/14|fourteenth/.test(m[1]) ? 2025 : 2030, m.index, m.index + m[0].length);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: YearMarker[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}

/** One stretch of text stating a year's targets. */
interface Statement {
  year: number;
  block: Block;
  /** Offsets in the block's text. */
  start: number;
  end: number;
  /** The statement sits in a targets section (主要目标). */
  inTargets: boolean;
  quantified: boolean;
  values: Array<{ indicator: ProfileIndicator; value: ParsedValue; block: Block }>;
  /** Only values: a sentence with no year (“大宗固废综合利用率达到55%”) is no target statement of its own. */
  loose?: boolean;
}

/** Document range of [start, end) in the block's text, or the block's range when offsets cannot be mapped. */
function blockRange(model: PlanModel, block: Block, start: number, end: number): Range {
  const index = indexOf(model);
  const base = offsetAt(index, block.range.start);
  if (index.text.slice(base, base + block.text.length) !== block.text) return block.range;
  return { start: positionAt(index, base + start), end: positionAt(index, base + end) };
}

/** Where sentences end (a match never covers the start of another: its second character is a space). */
const SENTENCE_ENDS = /[。；;！!？?]|\.(?:\s|$)/g;

/** Indicator values in statement text [start, end) of aligned block text `al`. */
function readIndicators(profile: Profile, al: string, start: number, end: number, year: number) {
  const span = al.slice(start, end);
  const occurrences = findIndicatorTerms(profile, span);
  if (occurrences.length === 0) return [];
  occurrences.sort((a, b) => a.start - b.start);
  const values = valuesOf(span);
  const stops = [...span.matchAll(SENTENCE_ENDS)].map((m) => m.index);
  const out: Array<{ indicator: ProfileIndicator; value: ParsedValue }> = [];
  // occurrences, values and sentence ends are sorted by start: each look-up is a binary search, so
  // that a sentence repeating indicator terms thousands of times is not read in quadratic time
  occurrences.forEach((occ, k) => {
    const next = lowerBound(occurrences, occ.end, k + 1, (o) => o.start);
    const stop = lowerBound(stops, occ.end, 0, (x) => x);
    let limit = stop < stops.length ? stops[stop] : span.length;
    if (next < occurrences.length) limit = Math.min(limit, occurrences[next].start);
    const ind = pickIndicator(profile, profile.indicators[occ.indicator].id, year);
    let v: ParsedValue | undefined;
    for (let i = lowerBound(values, occ.end, 0, (x) => x.start); i < values.length && values[i].start < limit && !v; i++) {
      if (convertUnit(values[i].value, values[i].unit, ind.unit) !== undefined) v = values[i];
    }
    if (v) out.push({ indicator: ind, value: { ...v, start: v.start + start, end: v.end + start } });
  });
  return out;
}

/** The first index from `from` on whose key is at least `at` (`list` sorted by key). */
function lowerBound<T>(list: readonly T[], at: number, from: number, key: (x: T) => number): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The profile entry for indicator `id` in `year` (ids repeat across years), else its first entry. */
function pickIndicator(profile: Profile, id: string, year: number): ProfileIndicator {
  const same = profile.indicators.filter((i) => i.id === id);
  return same.find((i) => i.year === year) ?? same[0];
}

const valuesOf: (text: string) => readonly ParsedValue[] = perText(findValues);
const markersOf: (al: string) => readonly YearMarker[] = perText(findYearMarkers);

/** The year a heading names (“（一）2025年目标”, “### By 2030”) when it names exactly one target year. */
export function headingYearOf(text: string): number | undefined {
  const ms = markersOf(aligned(text)).filter((m) => (TARGET_YEARS as readonly number[]).includes(m.year));
  return ms.length === 1 ? ms[0].year : undefined;
}

/** A “到2025年：” lead-in continuing into the list items after it. */
type Carry = { year: number; section: number } | undefined;

function sameCarry(a: Carry, b: Carry): boolean {
  return a === b || (a !== undefined && b !== undefined && a.year === b.year && a.section === b.section);
}

/** The statements of one block's infos, given the carry coming in, and the carry going out. */
interface ProseRec {
  carryIn: Carry;
  statements: readonly Statement[];
  carryOut: Carry;
}

const NO_STATEMENTS: readonly Statement[] = [];
const NO_REC: ProseRec = { carryIn: undefined, statements: NO_STATEMENTS, carryOut: undefined };

/** Statements from the prose and list items of one block (its infos; table cells are left to tableStatements). */
function proseRec(view: PlanView, infos: readonly BlockInfo[], carryIn: Carry): ProseRec {
  if (infos.length === 0 || infos[0].block.kind === 'tableCell') return carryIn === undefined ? NO_REC : { carryIn, statements: NO_STATEMENTS, carryOut: carryIn };
  const { profile, sections } = view;
  const out: Statement[] = [];
  let carry = carryIn;
  for (const info of infos) {
    const b = info.block;
    if (b.kind === 'tableCell') continue;
    const al = aligned(b.text);
    const markers = markersOf(al);
    const inTargets = b.section >= 0 && sections[b.section].targets;
    const make = (year: number, start: number, end: number): Statement => {
      const values = valuesOf(al.slice(start, end));
      return {
        year,
        block: b,
        start,
        end,
        inTargets,
        quantified: values.length > 0,
        values: readIndicators(profile, al, start, end, year).map((v) => ({ ...v, block: b })),
      };
    };
    if (markers.length === 0) {
      if (carry && b.kind === 'listItem' && b.section === carry.section) {
        out.push(make(carry.year, 0, al.length));
        continue;
      }
      carry = undefined;
      // heading years: “（一）2025年目标” / “### By 2030” make their section's unmarked text a statement
      const hy = b.section >= 0 ? view.sectionYear[b.section] : undefined;
      if (hy !== undefined) out.push(make(hy, 0, al.length));
      else if (info.indicatorHits.length > 0 && (!info.preamble || inTargets)) out.push(...looseValues(view, info.block, al, inTargets));
      continue;
    }
    carry = undefined;
    markers.forEach((m, k) => {
      const end = k + 1 < markers.length ? markers[k + 1].start : al.length;
      out.push(make(m.year, m.start, end));
      if (k === markers.length - 1 && /[：:]\s*$/.test(al)) carry = { year: m.year, section: b.section };
    });
  }
  if (out.length === 0 && carryIn === undefined && carry === undefined) return NO_REC;
  return { carryIn, statements: out.length ? out : NO_STATEMENTS, carryOut: carry };
}

/**
 * The prose records of every block. After an edit (`prev` and an unchanged context) only the
 * changed blocks are read again, and the blocks after them while the carry coming in differs.
 */
function proseRecs(view: PlanView, prev: ProseRec[] | undefined): { recs: ProseRec[]; changed: boolean } {
  const { perBlock, change } = view;
  if (!prev || !change.context) {
    const recs = new Array<ProseRec>(perBlock.length);
    let carry: Carry;
    for (let k = 0; k < perBlock.length; k++) {
      recs[k] = proseRec(view, perBlock[k], carry);
      carry = recs[k].carryOut;
    }
    return { recs, changed: true };
  }
  const { lo, hiOld, hiNew } = change;
  // the statements change when a replaced block had some, or a block read again has some now
  let changed = false;
  for (let k = lo; k < hiOld; k++) if (prev[k].statements.length > 0) changed = true;
  const recs = replaceRange(prev, lo, hiOld, new Array<ProseRec>(hiNew - lo).fill(NO_REC));
  let carry = lo > 0 ? recs[lo - 1].carryOut : undefined;
  for (let k = lo; k < recs.length; k++) {
    if (k >= hiNew && sameCarry(recs[k].carryIn, carry)) break;
    if (k >= hiNew && recs[k].statements.length > 0) changed = true;
    recs[k] = proseRec(view, perBlock[k], carry);
    if (recs[k].statements.length > 0) changed = true;
    carry = recs[k].carryOut;
  }
  return { recs, changed };
}

/** Past or present, not a target: “十三五”期间…达到52%, 目前, 现状, 截至. */
const NOT_TARGET = /十三五|十二五|目前|现状|已经|已达|截至|截止|as of|currently|so far|in 20[01]\d/;

/**
 * Indicator values in sentences that name no year, with a target verb (达到, 不低于, 以上, 左右):
 * read for the indicator's own year, so that a weak value is flagged wherever it is stated.
 */
function looseValues(view: PlanView, block: Block, al: string, inTargets: boolean): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  for (const m of [...al.matchAll(/[。；;!?！？]|$/g)]) {
    const end = m.index + m[0].length;
    const sentence = al.slice(start, end);
    if (!/20\d\d|十四五|十五五/.test(sentence) && !NOT_TARGET.test(sentence)) {
      for (const v of readIndicators(view.profile, al, start, end, NaN)) {
        const entries = view.profile.indicators.filter((i) => i.id === v.indicator.id);
        if (entries.length !== 1 || !v.value.qualifier) continue;
        out.push({ year: v.indicator.year, block, start, end, inTargets, quantified: true, values: [{ ...v, block }], loose: true });
      }
    }
    start = end;
    if (end >= al.length) break;
  }
  return out;
}

/** A table's cells (in document order, by block) and the statements of its year columns. */
interface TableRec {
  id: number;
  /** Indices of the blocks of its first and last cell. */
  first: number;
  last: number;
  cells: readonly BlockInfo[];
  statements: readonly Statement[];
}

/** Statements from a table whose header row has year columns (2025年 / 2025 / 2025年目标值). */
function tableStatements(profile: Profile, tableCells: readonly BlockInfo[]): Statement[] {
  const out: Statement[] = [];
  const yearCols = new Map<number, number>();
  let unitHint = '';
  for (const c of tableCells) {
    if (c.block.table!.row !== 0) continue;
    const al = aligned(c.block.text);
    const years = [...al.matchAll(/(20[2-4]\d)/g)].map((m) => Number(m[1]));
    if (years.length === 1 && !/[-—–~～至]/.test(al)) yearCols.set(c.block.table!.column, years[0]);
    const u = /[（(]\s*(%|万吨|吨)\s*[）)]/.exec(al);
    if (u) unitHint = u[1];
  }
  if (yearCols.size === 0) return out;
  const rows = new Map<number, BlockInfo[]>();
  for (const c of tableCells) {
    const r = c.block.table!.row;
    if (r === 0) continue;
    if (!rows.has(r)) rows.set(r, []);
    rows.get(r)!.push(c);
  }
  for (const rowCells of rows.values()) {
    const label = rowCells.filter((c) => !yearCols.has(c.block.table!.column)).map((c) => c.block.text).join(' | ');
    const labelAl = aligned(label);
    const rowUnit = /[（(]\s*([^（()）]{1,12})\s*[）)]/.exec(labelAl)?.[1] ?? (/%/.test(labelAl) ? '%' : unitHint);
    for (const c of rowCells) {
      const year = yearCols.get(c.block.table!.column);
      if (year === undefined) continue;
      const al = aligned(c.block.text);
      const withUnit = valuesOf(al);
      const bare = /(?<![\d.])(\d+(?:\.\d+)?)/.exec(al);
      const quantified = withUnit.length > 0 || bare !== null;
      const st: Statement = { year, block: c.block, start: 0, end: al.length, inTargets: true, quantified, values: [] };
      // the row's label names the indicator; the cell holds its value
      const named = readLabelIndicator(profile, labelAl, year);
      if (named) {
        let v: ParsedValue | undefined = withUnit.find((x) => convertUnit(x.value, x.unit, named.unit) !== undefined);
        if (!v && bare && withUnit.length === 0) {
          const unit = rowUnit && convertUnit(1, rowUnit, named.unit) !== undefined ? rowUnit : named.unit;
          const after = al.slice(bare.index + bare[0].length);
          const q = /^\s*(以上|及以上)/.test(after) ? 'at-least' : /^\s*(左右|上下)/.test(after) ? 'about' : undefined;
          v = { value: Number(bare[1]), unit, start: bare.index, end: bare.index + bare[0].length, qualifier: q };
        }
        if (v) st.values.push({ indicator: named, value: v, block: c.block });
      }
      out.push(st);
    }
  }
  return out;
}

/** The tables of blocks [from, to), in order of their first cell; a table's statements are reused while its cells are the same. */
function groupTables(view: PlanView, from: number, to: number, known: Map<number, TableRec>): TableRec[] {
  const byId = new Map<number, { first: number; last: number; cells: BlockInfo[] }>();
  for (let k = from; k < to; k++) {
    for (const info of view.perBlock[k]) {
      const t = info.block.table;
      if (!t) continue;
      const g = byId.get(t.id);
      if (g) {
        g.cells.push(info);
        g.last = k;
      } else byId.set(t.id, { first: k, last: k, cells: [info] });
    }
  }
  const out: TableRec[] = [];
  for (const [id, g] of byId) {
    const was = known.get(id);
    const same = was && was.cells.length === g.cells.length && was.cells.every((c, i) => c === g.cells[i]);
    out.push({ id, first: g.first, last: g.last, cells: g.cells, statements: same ? was.statements : tableStatements(view.profile, g.cells) });
  }
  return out;
}

/**
 * The tables of the view. After an edit, the tables the changed blocks touch are grouped again
 * (a table's cells are consecutive blocks), the others kept (moved by the change in block count).
 */
function tableRecs(view: PlanView, prev: TableRec[] | undefined): { tables: TableRec[]; changed: boolean } {
  const { change, perBlock } = view;
  const known = new Map((prev ?? []).map((t) => [t.id, t]));
  if (!prev || !change.context) return { tables: groupTables(view, 0, perBlock.length, known), changed: true };
  const { lo, hiOld, hiNew } = change;
  const d = hiNew - hiOld;
  // old tables: wholly before the change, wholly after it (moved), or touched (grouped again)
  const before: TableRec[] = [];
  const after: TableRec[] = [];
  const touched: TableRec[] = [];
  let from = lo;
  let to = hiNew;
  for (const t of prev) {
    if (t.last < lo) before.push(t);
    else if (t.first >= hiOld) after.push(d === 0 ? t : { ...t, first: t.first + d, last: t.last + d });
    else {
      touched.push(t);
      from = Math.min(from, t.first);
      if (t.last >= hiOld) to = Math.max(to, t.last + d + 1);
    }
  }
  const grouped = groupTables(view, from, to, known);
  // a table's cells are parsed together, so they change together; should a regrouped table go on
  // into a kept one all the same, group everything again
  const joins = (x: TableRec | undefined, y: TableRec | undefined) => x !== undefined && y !== undefined && x.id === y.id;
  if (joins(before.at(-1), grouped[0]) || joins(grouped.at(-1), after[0])) return { tables: groupTables(view, 0, perBlock.length, known), changed: true };
  const was = touched.flatMap((t) => t.statements);
  const now = grouped.flatMap((t) => t.statements);
  const changed = was.length !== now.length || was.some((st, k) => st !== now[k]);
  return { tables: [...before, ...grouped, ...after], changed };
}

function readLabelIndicator(profile: Profile, labelAl: string, year: number): ProfileIndicator | undefined {
  const first = firstIndicatorIn(profile, labelAl);
  return first === undefined ? undefined : pickIndicator(profile, profile.indicators[first].id, year);
}

function verdict(ind: ProfileIndicator, v: ParsedValue): IndicatorValue['verdict'] {
  const raw = ind.comparison === 'at-most' ? (v.high ?? v.value) : v.value;
  const value = convertUnit(raw, v.unit, ind.unit);
  if (value === undefined) return undefined;
  const eps = 1e-9;
  if (Math.abs(value - ind.value) < eps) return 'meets';
  const weaker = ind.comparison === 'at-most' ? value > ind.value : value < ind.value;
  return weaker ? 'below' : 'above';
}

/** IndicatorValue per statement value (its block, and so its range, stays while the value is reused). */
const valueMemo2 = new WeakMap<object, IndicatorValue>();

function indicatorValue(model: PlanModel, year: number, v: Statement['values'][number]): IndicatorValue {
  const known = valueMemo2.get(v);
  if (known) return known;
  const { indicator, value, block } = v;
  const range = blockRange(model, block, value.start, value.end);
  const iv: IndicatorValue = { id: indicator.id, value: value.value, unit: value.unit, line: range.start.line, range };
  if (indicator.enabled && indicator.year === year) {
    iv.national = { value: indicator.value, comparison: indicator.comparison };
    iv.verdict = verdict(indicator, value);
  }
  valueMemo2.set(v, iv);
  return iv;
}

/** What findTargets keeps for the next analysis of an edited model. */
export interface TargetsState {
  prose: ProseRec[];
  tables: TableRec[];
  /** The targets these statements made (kept while the statements are the same). */
  targets: TargetStatement[];
}

/**
 * The targets of every year in TARGET_YEARS. With `prev` (the state of the analysis the view was
 * updated from) only what the changed blocks touch is read again; `prev` must not be used afterwards.
 */
export function findTargets(view: PlanView, prev?: TargetsState): { targets: TargetStatement[]; state: TargetsState } {
  const { model } = view;
  const prose = proseRecs(view, prev?.prose);
  const tables = tableRecs(view, prev?.tables);
  // the same statements (of the same, unmoved blocks) make the same targets
  if (prev && !prose.changed && !tables.changed) return { targets: prev.targets, state: { prose: prose.recs, tables: tables.tables, targets: prev.targets } };
  const all: Statement[] = [];
  for (const r of prose.recs) for (const st of r.statements) all.push(st);
  for (const t of tables.tables) for (const st of t.statements) all.push(st);
  const targets = TARGET_YEARS.map((year) => {
    const withValues = all.filter((s) => s.year === year);
    const mine = withValues.filter((s) => !s.loose);
    const indicators: IndicatorValue[] = withValues.flatMap((s) => s.values.map((v) => indicatorValue(model, year, v)));
    if (mine.length === 0) return { year, status: 'missing', indicators } satisfies TargetStatement;
    const lead = mine.find((s) => s.inTargets && s.quantified) ?? mine.find((s) => s.inTargets) ?? mine.find((s) => s.quantified) ?? mine[0];
    const range = blockRange(model, lead.block, lead.start, lead.end);
    const text = lead.block.text.slice(lead.start, lead.end).trim();
    return {
      year,
      status: mine.some((s) => s.quantified) ? 'quantified' : 'qualitative',
      line: range.start.line,
      range,
      text: text.length > 200 ? `${text.slice(0, 199)}…` : text,
      indicators,
    } satisfies TargetStatement;
  });
  return { targets, state: { prose: prose.recs, tables: tables.tables, targets } };
}
