/**
 * The plan model seen through the profile: which text is preamble, which sections speak for which
 * area or measure (from their headings, or from their sub-sections), and the term hits of every block.
 */
import type { Block, PlanModel, Position, Range } from '../document/types';
import { normalize } from '../document/normalize';
import { offsetAt, positionAt } from '../document/positions';
import { indexOf } from '../document/text';
import type { Profile } from '../profile/types';
import { matcherFor, type TermHit, type TermOwner } from './match';
import { perText } from './memo';
import { replaceRange } from './splice';
import { headingYearOf } from './targets';

export interface SectionInfo {
  /** A preamble section (形势, 总体要求, 指导思想, 工作原则, 主要目标) or inside one. */
  preamble: boolean;
  /** Holds the targets (主要目标, Targets). */
  targets: boolean;
  /** Measures named by the heading itself (after narrowing to the enclosing chapter's area). */
  headMeasures: Set<string>;
  /** Heading terms per measure, for evidence. */
  headTerms: Map<string, string[]>;
  /** Areas named by the heading's area aliases. */
  headAreas: Set<string>;
  /** The area this section speaks for: its own heading, its measures, or the majority of its sub-sections. */
  area?: string;
  /** The outermost section of its area: named by its heading, or by most of its sub-sections. */
  chapter: boolean;
  /** The section or one of its descendants holds text. */
  hasContent: boolean;
}

export interface BlockInfo {
  block: Block;
  /** Preamble text: before the first chapter, or in a preamble section. */
  preamble: boolean;
  /** Coverage hits (aliases and evidence of areas and measures). */
  hits: readonly TermHit[];
  /** Indicator term hits. */
  indicatorHits: readonly TermHit[];
  /** Distinct terms per measure id in this block. */
  measureTerms: Map<string, Set<string>>;
  /** Distinct area alias / evidence terms per area id. */
  areaTerms: Map<string, Set<string>>;
  /**
   * Measures named by the block's lead title, as a heading would (“1. 推进工业领域协同增效。…”,
   * “**Transport.** …”): numbered list items and bold leads are sections in all but name.
   */
  leadMeasures: Set<string>;
  /** Distinct measure terms per clause (split at 。；;), for paragraphs that run through several measures. */
  clauses: Array<Map<string, Set<string>>>;
  /** The measures the block speaks of: its terms' and its lead's. */
  speaks: readonly string[];
}

/**
 * Which blocks changed from the view this one was updated from: blocks [lo, hiNew) of this model
 * replace blocks [lo, hiOld) of that one, the others are the same Block objects (shifted by
 * hiNew - hiOld after the change). `context`: every section kept its preamble, area, targets and
 * heading year, and the title stayed, so what unchanged blocks derive from them stays too.
 */
export interface ViewChange {
  context: boolean;
  lo: number;
  hiOld: number;
  hiNew: number;
  /** The sections' infos are those of the previous view, unchanged (hasContent too). */
  sections: boolean;
  /** The measures the changed blocks (before and after the change) speak of. */
  measures: ReadonlySet<string>;
  /** The lines the changed blocks span, before and after the change (first > last when none). */
  firstLine: number;
  lastLine: number;
}

export interface PlanView {
  model: PlanModel;
  profile: Profile;
  sections: SectionInfo[];
  measureArea: Map<string, string>;
  /** Per model block: the infos that count (a paragraph of numbered lines has one per item; code, the title line and the notice before it have none). */
  perBlock: ReadonlyArray<readonly BlockInfo[]>;
  /** Measure id → indices of the blocks some info of which speaks of it, ascending. */
  byMeasure: Map<string, number[]>;
  /** Area id → indices of the blocks with terms of the area, ascending. */
  byArea: Map<string, number[]>;
  /** Measure id → the non-preamble sections whose headings name it, ascending. */
  headSections: Map<string, number[]>;
  /** Area id → the non-preamble sections that are chapters of the area, ascending. */
  chapters: Map<string, number[]>;
  /** Per section: the year its heading or the nearest ancestor's names (“（一）2025年目标”), for targets. */
  sectionYear: Array<number | undefined>;
  /** Non-empty blocks directly in each section. */
  contentCount: number[];
  /** What changed since the view passed to buildView as `prev` (everything when there was none). */
  change: ViewChange;
}

const isCoverage = (o: TermOwner) =>
  o.kind === 'area-alias' || o.kind === 'area-evidence' || o.kind === 'measure-alias' || o.kind === 'measure-evidence';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Single ASCII words among area aliases ("support", "implementation") are heading words, too common in English prose. */
function bodyAreaTerm(term: string): boolean {
  return !/^[a-z-]+$/.test(term);
}

const norm = perText(normalize);

/** A line starting an item: 1. / 1、 / （1） / 1） (Markdown sees “1.强化…” without a space as plain text). */
const ITEM_LINE = /\r?\n[ \t]*(?=(?:\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[)）]|\d{1,2}[)）]))/g;

/** A paragraph holding several numbered items, one per line, is split into one block per item. */
function segments(model: PlanModel, block: Block): Block[] {
  if (block.kind !== 'paragraph' || !/[\r\n]/.test(block.text)) return [block];
  const cuts = [0, ...[...block.text.matchAll(ITEM_LINE)].map((m) => m.index + m[0].length)];
  if (cuts.length < 2) return [block];
  const index = indexOf(model);
  const base = offsetAt(index, block.range.start);
  if (index.text.slice(base, base + block.text.length) !== block.text) return [block];
  return cuts.map((start, k) => {
    const end = k + 1 < cuts.length ? cuts[k + 1] : block.text.length;
    const text = block.text.slice(start, end).trimEnd();
    return {
      ...block,
      text,
      norm: norm(text),
      range: { start: positionAt(index, base + start), end: positionAt(index, base + start + text.length) },
    };
  });
}

/** A short title (no comma) at the start of a paragraph or list item, ended by 。：； or a full stop, maybe bold and numbered. */
const LEAD =
  /^\s*(?:[*_]{2})?\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．]|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）])?\s*(?:[*_]{2})?([^。：:；;！!？?，,\n*]{2,40}?)(?:[*_]{2})?\s*(?:[。：:；;]|\.(?=\s))(?=\s*\S)/;

/** What a block's text alone says: its hits, terms per measure and area, per-clause measure terms. */
interface BlockTerms {
  hits: readonly TermHit[];
  indicatorHits: readonly TermHit[];
  measureTerms: Map<string, Set<string>>;
  areaTerms: Map<string, Set<string>>;
  clauses: Array<Map<string, Set<string>>>;
}

/**
 * Keyed by the matcher's (memoised) hits of a normalised text, so that re-analysis after an edit
 * derives them only for changed blocks. Callers only read the maps and sets.
 */
const termsMemo = new WeakMap<readonly TermHit[], BlockTerms>();

function blockTerms(all: readonly TermHit[], normText: string): BlockTerms {
  const known = termsMemo.get(all);
  if (known) return known;
  const hits = all.filter((h) => h.owners.some(isCoverage));
  const indicatorHits = all.filter((h) => h.owners.some((o) => o.kind === 'indicator'));
  const measureTerms = new Map<string, Set<string>>();
  const areaTerms = new Map<string, Set<string>>();
  for (const h of hits) {
    for (const o of h.owners) {
      // measure aliases are heading words (科技, 企业, 生态保护): in prose only evidence terms count
      if (o.kind === 'measure-evidence') {
        let set = measureTerms.get(o.measure);
        if (!set) measureTerms.set(o.measure, (set = new Set()));
        set.add(h.term);
      } else if ((o.kind === 'area-alias' && bodyAreaTerm(h.term)) || o.kind === 'area-evidence') {
        let set = areaTerms.get(o.area);
        if (!set) areaTerms.set(o.area, (set = new Set()));
        set.add(h.term);
      }
    }
  }
  const clauses: Array<Map<string, Set<string>>> = [];
  const stops = [...normText.matchAll(/[。；;!?！？]/g)].map((m) => m.index);
  for (const h of hits) {
    let k = 0;
    while (k < stops.length && stops[k] < h.start) k++;
    for (const o of h.owners) {
      if (o.kind !== 'measure-evidence') continue;
      const clause = (clauses[k] ??= new Map());
      let set = clause.get(o.measure);
      if (!set) clause.set(o.measure, (set = new Set()));
      set.add(h.term);
    }
  }
  const terms: BlockTerms = { hits, indicatorHits, measureTerms, areaTerms, clauses: clauses.filter(Boolean) };
  termsMemo.set(all, terms);
  return terms;
}

/** LEAD's title of a text. */
const leadOf = perText((text): string | undefined => LEAD.exec(text)?.[1]);

/** Shared by every block without a lead (read only). */
const NO_MEASURES: Set<string> = new Set();

/** BlockInfo per Block object (the document layer reuses the objects of unchanged blocks). */
const infoMemo = new WeakMap<Block, { info: BlockInfo; preamble: boolean; area: string | undefined; profile: Profile }>();

/** segments() per Block object: the split of a multi-line paragraph depends only on the block. */
const segmentMemo = new WeakMap<Block, Block[]>();

const measureAreas = new WeakMap<Profile, Map<string, string>>();

function measureAreaOf(profile: Profile): Map<string, string> {
  let m = measureAreas.get(profile);
  if (!m) {
    m = new Map();
    for (const a of profile.areas) for (const x of a.measures) m.set(x.id, a.id);
    measureAreas.set(profile, m);
  }
  return m;
}

/** What the sections say through the profile, and the indices derived from it. */
interface SectionPart {
  sections: SectionInfo[];
  headSections: Map<string, number[]>;
  chapters: Map<string, number[]>;
  sectionYear: Array<number | undefined>;
  contentCount: number[];
}

function hasText(norm: string): boolean {
  return /\S/.test(norm);
}

function sectionPart(model: PlanModel, profile: Profile, measureArea: Map<string, string>): SectionPart {
  const matcher = matcherFor(profile);
  // --- sections: heading hits, preamble, own attribution
  const sections: SectionInfo[] = model.sections.map(() => ({
    preamble: false,
    targets: false,
    headMeasures: new Set<string>(),
    headTerms: new Map<string, string[]>(),
    headAreas: new Set<string>(),
    chapter: false,
    hasContent: false,
  }));
  const headHits = model.sections.map((s) => matcher.scan(s.heading.norm));
  model.sections.forEach((s, i) => {
    const info = sections[i];
    let preambleWord = false;
    let targetWord = false;
    let areaWord = false;
    for (const h of headHits[i]) {
      for (const o of h.owners) {
        if (o.kind === 'preamble-heading') preambleWord = true;
        else if (o.kind === 'target-heading') targetWord = true;
        else if (o.kind === 'area-alias') {
          info.headAreas.add(o.area);
          areaWord = true;
        } else if (o.kind === 'measure-alias' || o.kind === 'measure-evidence') {
          const terms = info.headTerms.get(o.measure) ?? [];
          if (!terms.includes(h.term)) terms.push(h.term);
          info.headTerms.set(o.measure, terms);
        }
      }
    }
    const parentInfo = s.parent >= 0 ? sections[s.parent] : undefined;
    const named = areaWord || info.headTerms.size > 0;
    info.targets = targetWord && !named;
    info.preamble = (parentInfo?.preamble ?? false) || ((preambleWord || targetWord) && !named);
    if (parentInfo?.targets) info.targets = true;
  });

  // --- content: a section has content when it or a descendant holds a non-empty block
  const contentCount = new Array<number>(sections.length).fill(0);
  for (const b of model.blocks) if (b.section >= 0 && hasText(b.norm)) contentCount[b.section]++;
  markContent(model, sections, contentCount);

  // --- area attribution, outside in: a chapter's area narrows its sub-sections' measures
  const chapterArea = (i: number): string | undefined => {
    const info = sections[i];
    if (info.headAreas.size === 1) return [...info.headAreas][0];
    return undefined;
  };
  /** The area most sub-sections' headings name, when at least half of them name it. */
  const childrenArea = (i: number): { best?: string; counts: Map<string, number> } => {
    const counts = new Map<string, number>();
    const kids = model.sections[i].children;
    for (const c of kids) {
      for (const a of new Set([...sections[c].headTerms.keys()].map((m) => measureArea.get(m)!))) counts.set(a, (counts.get(a) ?? 0) + 1);
    }
    let best: string | undefined;
    let bestN = 0;
    for (const [a, n] of counts) if (n > bestN) [best, bestN] = [a, n];
    return { best: best && bestN * 2 >= kids.length ? best : undefined, counts };
  };
  const attribute = (i: number, inherited: string | undefined) => {
    const s = model.sections[i];
    const info = sections[i];
    let own = chapterArea(i);
    // 保障措施 holding only 组织领导 / 宣传教育 / 考核督察 is the organisation chapter, whatever its name says
    if (own && s.children.length >= 2) {
      const { best, counts } = childrenArea(i);
      if (best && best !== own && !counts.has(own)) own = best;
    }
    // an area heading opens that area only where no other area is open, or as a chapter with
    // sub-sections: （八）推进工业领域污染治理 inside 突出重点领域 stays a key-areas section
    const opens = own !== undefined && (inherited === undefined || inherited === own || s.children.length > 0);
    const context = opens ? own : inherited;
    // narrow heading measures to the enclosing area when the heading also names measures of it
    let measures = [...info.headTerms.keys()];
    if (context && measures.some((m) => measureArea.get(m) === context)) {
      measures = measures.filter((m) => measureArea.get(m) === context);
    }
    // an area chapter with sub-sections speaks for the area; its heading's measure words are incidental
    const isAreaChapter = opens && s.children.length > 0;
    if (!isAreaChapter && !info.preamble) for (const m of measures) info.headMeasures.add(m);
    if (!info.preamble) {
      const measureAreas = new Set([...info.headMeasures].map((m) => measureArea.get(m)!));
      info.area = isAreaChapter ? own : ((measureAreas.size === 1 ? [...measureAreas][0] : undefined) ?? context);
      info.chapter = opens && inherited === undefined && info.area === own;
    }
    for (const c of s.children) attribute(c, info.preamble ? undefined : (info.area ?? inherited));
  };
  for (const r of model.roots) attribute(r, undefined);

  // renamed chapters (三、推动绿色低碳转型): the area most of their sub-sections speak for
  const inferFromChildren = (i: number, enclosed: boolean): string | undefined => {
    const s = model.sections[i];
    const info = sections[i];
    for (const c of s.children) inferFromChildren(c, enclosed || info.area !== undefined);
    if (info.preamble || info.area !== undefined || s.children.length === 0) return info.area;
    const counts = new Map<string, number>();
    for (const c of s.children) {
      for (const m of sections[c].headMeasures) counts.set(measureArea.get(m)!, (counts.get(measureArea.get(m)!) ?? 0) + 1);
    }
    let best: string | undefined;
    let bestN = 0;
    for (const [a, n] of counts) if (n > bestN) [best, bestN] = [a, n];
    if (best && bestN * 2 >= s.children.length) {
      info.area = best;
      info.chapter = !enclosed;
      const spread = (j: number) => {
        for (const c of model.sections[j].children) {
          if (!sections[c].area) sections[c].area = best;
          spread(c);
        }
      };
      spread(i);
    }
    return info.area;
  };
  for (const r of model.roots) inferFromChildren(r, false);

  // --- indices: the sections naming each measure, the chapters of each area, heading years
  const headSections = new Map<string, number[]>();
  const chapters = new Map<string, number[]>();
  sections.forEach((info, i) => {
    if (info.preamble) return;
    for (const m of info.headMeasures) (headSections.get(m) ?? headSections.set(m, []).get(m)!).push(i);
    if (info.chapter && info.area !== undefined) (chapters.get(info.area) ?? chapters.set(info.area, []).get(info.area)!).push(i);
  });
  const sectionYear: Array<number | undefined> = [];
  model.sections.forEach((s, i) => (sectionYear[i] = headingYearOf(s.heading.text) ?? (s.parent >= 0 ? sectionYear[s.parent] : undefined)));
  return { sections, headSections, chapters, sectionYear, contentCount };
}

/** hasContent from the counts of non-empty blocks directly in each section (children come after their parent). */
function markContent(model: PlanModel, sections: SectionInfo[], contentCount: number[]): void {
  for (let i = sections.length - 1; i >= 0; i--) {
    let has = contentCount[i] > 0;
    if (!has) for (const c of model.sections[i].children) if (sections[c].hasContent) has = true;
    sections[i].hasContent = has;
  }
}

/** The same section tree with the same Heading objects (so the same headings, places and nesting). */
function sameTree(a: PlanModel, b: PlanModel): boolean {
  if (a.sections.length !== b.sections.length || a.roots.length !== b.roots.length) return false;
  for (let i = 0; i < a.sections.length; i++) {
    const x = a.sections[i];
    const y = b.sections[i];
    if (x.heading !== y.heading || x.parent !== y.parent) return false;
  }
  return true;
}

/** Sections that give their blocks the same context (preamble, area, targets, year). */
function sameContext(a: SectionPart, b: SectionPart): boolean {
  if (a.sections.length !== b.sections.length) return false;
  for (let i = 0; i < a.sections.length; i++) {
    const x = a.sections[i];
    const y = b.sections[i];
    if (x.preamble !== y.preamble || x.area !== y.area || x.targets !== y.targets || a.sectionYear[i] !== b.sectionYear[i]) return false;
  }
  return true;
}

function sameTitle(a: PlanModel, b: PlanModel): boolean {
  if (!a.title || !b.title) return a.title === b.title;
  return a.title.text === b.title.text && sameRange(a.title.range, b.title.range);
}

/** Add `k` to `map[key]` (ascending lists: callers add in block order). */
function push(map: Map<string, number[]>, key: string, k: number): void {
  const list = map.get(key);
  if (list) list.push(k);
  else map.set(key, [k]);
}

/** First index in ascending `list` at or above `x`. */
function lowerBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The plan model seen through the profile. With `prev` (the view of the model this one was updated
 * from, with the same profile), only the blocks that changed are looked at again, and the indices
 * of `prev` are updated in place (`prev` must not be used afterwards).
 */
export function buildView(model: PlanModel, profile: Profile, prev?: PlanView): PlanView {
  const matcher = matcherFor(profile);
  const measureArea = measureAreaOf(profile);
  if (prev && prev.profile !== profile) prev = undefined;

  // --- sections: kept when the tree is the same, else worked out again (and compared)
  let part: SectionPart;
  let context = false;
  let kept = false; // the sections of prev kept: their content counts are updated below
  const old = prev?.model;
  if (prev && old && sameTree(old, model)) {
    kept = true;
    part = { sections: prev.sections, headSections: prev.headSections, chapters: prev.chapters, sectionYear: prev.sectionYear, contentCount: prev.contentCount };
    context = sameTitle(old, model);
  } else {
    part = sectionPart(model, profile, measureArea);
    if (prev && old) context = sameContext(part, prev) && sameTitle(old, model);
  }

  // --- blocks: those between the unchanged head and tail of the list are new
  const blocks = model.blocks;
  let lo = 0;
  let hiOld = 0;
  let hiNew = blocks.length;
  if (context && old) {
    const was = old.blocks;
    const min = Math.min(was.length, blocks.length);
    while (lo < min && was[lo] === blocks[lo]) lo++;
    hiOld = was.length;
    while (hiOld > lo && hiNew > lo && was[hiOld - 1] === blocks[hiNew - 1]) {
      hiOld--;
      hiNew--;
    }
  }
  const title = model.title;
  const infosOf = (whole: Block): readonly BlockInfo[] => {
    if (whole.kind === 'code') return NO_INFOS;
    if (title) {
      if (sameRange(whole.range, title.range)) return NO_INFOS; // a flat draft's title line
      if (whole.section < 0 && before(whole.range.start, title.range.start)) return NO_INFOS; // the notice before the title
    }
    let parts = segmentMemo.get(whole);
    if (!parts) segmentMemo.set(whole, (parts = segments(model, whole)));
    return parts.length === 1 ? [blockInfo(parts[0])] : parts.map(blockInfo);
  };
  const sections = part.sections;
  function blockInfo(block: Block): BlockInfo {
    const preamble = block.section < 0 || sections[block.section].preamble;
    const area = block.section >= 0 ? sections[block.section].area : undefined;
    // an unchanged block (the model reuses its object) in an unchanged place keeps its info
    const known = infoMemo.get(block);
    if (known && known.profile === profile && known.preamble === preamble && known.area === area) return known.info;
    const { hits, indicatorHits, measureTerms, areaTerms, clauses } = blockTerms(matcher.scan(block.norm), block.norm);
    let leadMeasures: Set<string> = NO_MEASURES;
    const lead = block.kind === 'paragraph' || block.kind === 'listItem' ? leadOf(block.text) : undefined;
    if (lead && !preamble) {
      const named = new Set<string>();
      for (const h of matcher.scan(norm(lead))) {
        for (const o of h.owners) if (o.kind === 'measure-alias' || o.kind === 'measure-evidence') named.add(o.measure);
      }
      const inArea = [...named].filter((m) => measureArea.get(m) === area);
      leadMeasures = new Set(inArea.length > 0 ? inArea : named);
    }
    const speaks = [...measureTerms.keys()];
    for (const m of leadMeasures) if (!measureTerms.has(m)) speaks.push(m);
    const info: BlockInfo = { block, preamble, hits, indicatorHits, measureTerms, areaTerms, leadMeasures, clauses, speaks };
    infoMemo.set(block, { info, preamble, area, profile });
    return info;
  }

  let perBlock: Array<readonly BlockInfo[]>;
  const touched = new Set<string>();
  let sectionsSame = false;
  let firstLine = Infinity;
  let lastLine = -Infinity;
  let byMeasure: Map<string, number[]>;
  let byArea: Map<string, number[]>;
  if (context && prev && old) {
    // the changed blocks' infos, spliced in; the indices lose the old blocks' entries and gain the new ones'
    const fresh = blocks.slice(lo, hiNew).map(infosOf);
    for (let k = lo; k < hiOld; k++) for (const info of prev.perBlock[k]) for (const m of info.speaks) touched.add(m);
    for (const infos of fresh) for (const info of infos) for (const m of info.speaks) touched.add(m);
    const span = (b: Block) => {
      firstLine = Math.min(firstLine, b.range.start.line);
      lastLine = Math.max(lastLine, b.range.end.line);
    };
    for (let k = lo; k < hiOld; k++) span(old.blocks[k]);
    for (let k = lo; k < hiNew; k++) span(blocks[k]);
    if (kept) {
      const counts = part.contentCount;
      const deltas = new Map<number, number>();
      for (let k = lo; k < hiOld; k++) {
        const b = old.blocks[k];
        if (b.section >= 0 && hasText(b.norm)) deltas.set(b.section, (deltas.get(b.section) ?? 0) - 1);
      }
      for (let k = lo; k < hiNew; k++) {
        const b = blocks[k];
        if (b.section >= 0 && hasText(b.norm)) deltas.set(b.section, (deltas.get(b.section) ?? 0) + 1);
      }
      let flips = false;
      for (const [section, d] of deltas) {
        const was = counts[section];
        counts[section] = was + d;
        if (was > 0 !== was + d > 0) flips = true;
      }
      if (flips) markContent(model, sections, counts);
      sectionsSame = !flips;
    }
    perBlock = replaceRange(prev.perBlock as Array<readonly BlockInfo[]>, lo, hiOld, fresh);
    byMeasure = prev.byMeasure;
    byArea = prev.byArea;
    const measures = new Map<string, number[]>();
    const areas = new Map<string, number[]>();
    fresh.forEach((infos, j) => {
      const k = lo + j;
      for (const info of infos) {
        for (const m of info.speaks) if (measures.get(m)?.at(-1) !== k) push(measures, m, k);
        for (const a of info.areaTerms.keys()) if (areas.get(a)?.at(-1) !== k) push(areas, a, k);
      }
    });
    spliceIndex(byMeasure, measures, lo, hiOld, hiNew);
    spliceIndex(byArea, areas, lo, hiOld, hiNew);
  } else {
    lo = 0;
    hiOld = old?.blocks.length ?? 0;
    hiNew = blocks.length;
    perBlock = blocks.map(infosOf);
    byMeasure = new Map();
    byArea = new Map();
    perBlock.forEach((infos, k) => {
      for (const info of infos) {
        for (const m of info.speaks) if (byMeasure.get(m)?.at(-1) !== k) push(byMeasure, m, k);
        for (const a of info.areaTerms.keys()) if (byArea.get(a)?.at(-1) !== k) push(byArea, a, k);
      }
    });
  }

  return { model, profile, measureArea, ...part, perBlock, byMeasure, byArea, change: { context, lo, hiOld, hiNew, sections: sectionsSame, measures: touched, firstLine, lastLine } };
}

/** Replace the entries [lo, hiOld) of every list by those of `fresh` ([lo, hiNew)); later entries move by hiNew - hiOld. */
function spliceIndex(index: Map<string, number[]>, fresh: Map<string, number[]>, lo: number, hiOld: number, hiNew: number): void {
  const d = hiNew - hiOld;
  for (const [key, list] of index) {
    const a = lowerBound(list, lo);
    const b = lowerBound(list, hiOld);
    const add = fresh.get(key) ?? NO_INDICES;
    const now = b > a || add.length > 0 ? replaceRange(list, a, b, add) : list;
    if (d !== 0) for (let i = a + add.length; i < now.length; i++) now[i] += d;
    if (now.length === 0) index.delete(key);
    else if (now !== list) index.set(key, now);
  }
  for (const [key, add] of fresh) if (!index.has(key)) index.set(key, add);
}

const NO_INFOS: readonly BlockInfo[] = [];
const NO_INDICES: readonly number[] = [];
