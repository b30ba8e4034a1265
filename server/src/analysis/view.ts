/**
 * The plan model seen through the profile: which text is preamble, which sections speak for which
 * area or measure (from their headings, or from their sub-sections), and the term hits of every block.
 */
import type { Block, PlanModel, Position, Range } from '../document/types';
import { normalize } from '../document/normalize';
import { offsetAt, positionAt } from '../document/positions';
import type { Profile } from '../profile/types';
import { matcherFor, type TermHit, type TermOwner } from './match';

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
  index: number;
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
}

export interface PlanView {
  model: PlanModel;
  profile: Profile;
  sections: SectionInfo[];
  /** Blocks that count (notice text before the title and the title itself are left out). */
  blocks: BlockInfo[];
  measureArea: Map<string, string>;
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

const normMemo = new Map<string, string>();
/** normalize(), remembered: leads and items recur unchanged from one keystroke to the next. */
function norm(text: string): string {
  let n = normMemo.get(text);
  if (n === undefined) {
    if (normMemo.size >= 20000) normMemo.clear();
    normMemo.set(text, (n = normalize(text)));
  }
  return n;
}

/** A line starting an item: 1. / 1、 / （1） / 1） (Markdown sees “1.强化…” without a space as plain text). */
const ITEM_LINE = /\r?\n[ \t]*(?=(?:\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[)）]|\d{1,2}[)）]))/g;

/** A paragraph holding several numbered items, one per line, is split into one block per item. */
function segments(model: PlanModel, block: Block): Block[] {
  if (block.kind !== 'paragraph' || !/[\r\n]/.test(block.text)) return [block];
  const cuts = [0, ...[...block.text.matchAll(ITEM_LINE)].map((m) => m.index + m[0].length)];
  if (cuts.length < 2) return [block];
  const base = offsetAt(model, block.range.start);
  if (model.text.slice(base, base + block.text.length) !== block.text) return [block];
  return cuts.map((start, k) => {
    const end = k + 1 < cuts.length ? cuts[k + 1] : block.text.length;
    const text = block.text.slice(start, end).trimEnd();
    return {
      ...block,
      text,
      norm: norm(text),
      range: { start: positionAt(model, base + start), end: positionAt(model, base + start + text.length) },
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

const leadMemo = new Map<string, string | undefined>();

/** LEAD's title of a text, remembered per text (a regex run per block and analysis otherwise). */
function leadOf(text: string): string | undefined {
  if (leadMemo.has(text)) return leadMemo.get(text);
  if (leadMemo.size >= 20000) leadMemo.clear();
  const lead = LEAD.exec(text)?.[1];
  leadMemo.set(text, lead);
  return lead;
}

/** Shared by every block without a lead (read only). */
const NO_MEASURES: Set<string> = new Set();

/** BlockInfo per Block object (the document layer reuses the objects of unchanged blocks). */
const infoMemo = new WeakMap<Block, { info: BlockInfo; area: string | undefined; profile: Profile }>();

/** segments() per Block object: the split of a multi-line paragraph depends only on the block. */
const segmentMemo = new WeakMap<Block, Block[]>();

export function buildView(model: PlanModel, profile: Profile): PlanView {
  const matcher = matcherFor(profile);
  const measureArea = new Map<string, string>();
  for (const a of profile.areas) for (const m of a.measures) measureArea.set(m.id, a.id);

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
  for (const b of model.blocks) {
    if (b.section < 0 || b.norm.trim() === '') continue;
    for (let s = b.section; s >= 0 && !sections[s].hasContent; s = model.sections[s].parent) sections[s].hasContent = true;
  }

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

  // --- blocks
  const title = model.title;
  const blocks: BlockInfo[] = [];
  model.blocks.forEach((whole, index) => {
    if (whole.kind === 'code') return;
    if (title) {
      if (sameRange(whole.range, title.range)) return; // a flat draft's title line
      if (whole.section < 0 && before(whole.range.start, title.range.start)) return; // the notice before the title
    }
    let parts = segmentMemo.get(whole);
    if (!parts) segmentMemo.set(whole, (parts = segments(model, whole)));
    for (const block of parts) addBlock(block, index);
  });

  function addBlock(block: Block, index: number): void {
    const preamble = block.section < 0 || sections[block.section].preamble;
    const area = block.section >= 0 ? sections[block.section].area : undefined;
    // an unchanged block (the model reuses its object) in an unchanged place keeps its info
    const known = infoMemo.get(block);
    if (known && known.profile === profile && known.info.index === index && known.info.preamble === preamble && known.area === area) {
      blocks.push(known.info);
      return;
    }
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
    const info: BlockInfo = { block, index, preamble, hits, indicatorHits, measureTerms, areaTerms, leadMeasures, clauses };
    infoMemo.set(block, { info, area, profile });
    blocks.push(info);
  }


  return { model, profile, sections, blocks, measureArea };
}
