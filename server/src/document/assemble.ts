/**
 * Pieces of units (offset-based, document order) -> PlanModel: title, section tree, blocks,
 * comments, positions. Runs on every edit over the whole document, so per-unit work (normalising,
 * counting scripts, parsing front matter) is kept on the unit and done once.
 */
import type { Piece } from './chunks';
import { parseFrontMatter } from './frontmatter';
import { normalize } from './normalize';
import { styleRank } from './numbering';
import { lineCursor, positionCursor, type LineIndex } from './positions';
import type { Block, Heading, HtmlComment, PlanModel, Range, Section } from './types';
import type { BlockUnit, HeadingUnit, Unit, UnitCache } from './units';

const PLAN_WORD = /方案|计划|规划|意见|行动|办法|plan\b|programme|program\b|strategy/i;
const NOTICE_WORD = /通知|印发|《|》/;

/** Does an open section `top` contain the new heading `h`? */
function contains(top: HeadingUnit, h: HeadingUnit): boolean {
  const rt = styleRank(top.numbering.style);
  const rh = styleRank(h.numbering.style);
  const bothNumbered = rt < 5 && rh < 5;
  if (top.depth > 0 && h.depth > 0) {
    if (top.depth !== h.depth) return top.depth < h.depth;
    return bothNumbered && rt < rh; // same Markdown level, numbering says nested (## 一、 / ## （一）)
  }
  if (h.depth === 0 && top.depth > 0) return rt === 5 || rt < rh; // promoted under a Markdown heading
  if (h.depth === 0) return rt < rh; // promoted under promoted
  return bothNumbered && rt < rh; // a Markdown heading under a promoted one
}

/** The heading unit that is the document title, if any (index into units). */
function findTitle(units: Unit[]): { unit: number; text: string } | undefined {
  const pre: number[] = []; // unnumbered headings before the first numbered one
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.type !== 'heading') continue;
    if (u.numbering.style !== 'none') break;
    pre.push(i);
  }
  const heading = (i: number) => units[i] as HeadingUnit;
  const names = (t: string) => PLAN_WORD.test(normalize(t)) && !NOTICE_WORD.test(t);
  const named = pre.find((i) => names(heading(i).text));
  const first1 = pre.find((i) => heading(i).depth === 1);
  const pick = named ?? first1;
  if (pick !== undefined) return { unit: pick, text: heading(pick).text };
  if (pre.length > 0 || units.some((u) => u.type === 'heading' && !u.promoted)) return undefined;
  // flat draft: a short one-line paragraph naming the plan, before the first section
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.type === 'heading') break;
    if (u.type !== 'block' || u.kind !== 'paragraph') continue;
    const t = u.text.trim();
    if (t.length <= 80 && !/[\r\n]/.test(t) && !/[。.;；]$/.test(t) && names(t)) return { unit: i, text: t };
  }
  return undefined;
}

function counted(text: string, norm: string): UnitCache {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return { norm, han, latin };
}

export function headingCache(u: HeadingUnit): UnitCache {
  return (u.cache ??= counted(u.text, normalize(u.text)));
}

export function blockCache(u: BlockUnit): UnitCache {
  if (u.cache) return u.cache;
  const norm = normalize(u.kind === 'code' ? u.text : u.text.replace(/<!--[\s\S]*?-->/g, ' '));
  return (u.cache = u.kind === 'code' ? { norm, han: 0, latin: 0 } : counted(u.text, norm));
}

/**
 * Where a model's parts come from, by piece, so that an edit that keeps the structure can be
 * spliced into the model (splice.ts) instead of assembling the whole document again.
 */
export interface Layout {
  /** Per piece k (and one past the last): units, block units, comment units and sections before piece k. */
  units: number[];
  blocks: number[];
  comments: number[];
  sections: number[];
  /** Per piece: the section its first unit is in (the innermost one open where the piece starts, -1 for none). */
  current: number[];
  /** Offset where each section ends. */
  sectionEnds: number[];
  /** Han and Latin letters of the headings and blocks (the language guess). */
  han: number;
  latin: number;
  /** Index of the first numbered heading unit, which the title search does not pass (Infinity without one). */
  titleZone: number;
}

export function assemble(text: string, pieces: Piece[], index: LineIndex, eol: PlanModel['eol']): PlanModel {
  return assembleWithLayout(text, pieces, index, eol).model;
}

export function assembleWithLayout(text: string, pieces: Piece[], index: LineIndex, eol: PlanModel['eol']): { model: PlanModel; layout: Layout } {
  // flatten: units in document order with the offset of their piece
  const units: Unit[] = [];
  const bases: number[] = [];
  const firstUnit: number[] = []; // per piece
  for (const p of pieces) {
    firstUnit.push(units.length);
    for (const u of p.units) {
      units.push(u);
      bases.push(p.start);
    }
  }
  const currentAt: number[] = [];
  const pos = positionCursor(index);
  const range = (s: number, e: number): Range => ({ start: pos(s), end: pos(e) });
  // unchanged blocks and headings (same unit, same place, same section) are reused, not rebuilt
  const cur = lineCursor(index);
  let sl = 0;
  let sc = 0;
  let el = 0;
  let ec = 0;
  const locate = (s: number, e: number) => {
    cur(s);
    sl = cur.line;
    sc = cur.character;
    cur(e);
    el = cur.line;
    ec = cur.character;
  };
  const samePlace = (r: Range) => r.start.line === sl && r.start.character === sc && r.end.line === el && r.end.character === ec;
  const located = (): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
  const title = findTitle(units);
  const sections: Section[] = [];
  const sectionEnds: number[] = [];
  const headingUnits: HeadingUnit[] = [];
  const roots: number[] = [];
  const blocks: Block[] = [];
  const comments: HtmlComment[] = [];
  const tableIds = new Map<number, number>();
  let frontMatter: PlanModel['frontMatter'];
  let titleOut: PlanModel['title'];
  let han = 0;
  let latin = 0;
  const stack: number[] = []; // open sections, outermost first
  let lastEnd = 0;
  const close = (keep: number) => {
    while (stack.length > keep) sectionEnds[stack.pop()!] = lastEnd;
  };
  const current = () => (stack.length ? stack[stack.length - 1] : -1);

  for (let i = 0; i < units.length; i++) {
    while (currentAt.length < pieces.length && firstUnit[currentAt.length] === i) currentAt.push(current());
    const u = units[i];
    const base = bases[i];
    const start = base + u.start;
    const end = base + u.end;
    if (u.type === 'heading' && !(title && title.unit === i)) {
      let keep = stack.length;
      if (u.promoted) {
        // 二、 closes the open 一、 and everything in it, even under an unnumbered sub-heading
        const r = styleRank(u.numbering.style);
        const k = stack.findIndex((s) => styleRank(headingUnits[s].numbering.style) <= 4 && styleRank(headingUnits[s].numbering.style) >= r);
        if (k >= 0) keep = k;
      }
      while (keep > 0 && !contains(headingUnits[stack[keep - 1]], u)) keep--;
      close(keep);
      const idx = sections.length;
      const parent = current();
      const cache = headingCache(u);
      han += cache.han;
      latin += cache.latin;
      locate(start, end);
      let heading = cache.made as Heading | undefined;
      if (!heading || !samePlace(heading.range)) {
        heading = { text: u.text, norm: cache.norm, raw: u.raw, numbering: u.numbering, depth: u.depth, range: located(), promoted: u.promoted };
        cache.made = heading;
      }
      const r = heading.range;
      sections.push({
        index: idx,
        heading,
        level: parent < 0 ? 1 : sections[parent].level + 1,
        parent,
        children: [],
        range: r, // end fixed below
        blocks: [],
      });
      headingUnits.push(u);
      sectionEnds.push(end);
      if (parent < 0) roots.push(idx);
      else sections[parent].children.push(idx);
      stack.push(idx);
    } else if (u.type === 'heading' || (title && title.unit === i)) {
      // the title: not a section; what follows it is preamble until the next heading
      close(0);
      titleOut = { text: title!.text, range: range(start, end) };
      if (u.type === 'block') addBlock(u, base, start, end);
    } else if (u.type === 'block') {
      addBlock(u, base, start, end);
    } else if (u.type === 'comment') {
      comments.push({ text: u.text, range: range(start, end), section: current() });
    } else if (u.type === 'frontMatter' && !frontMatter) {
      // front matter starts the text, so its range and lines never move while the unit lives
      frontMatter = u.parsed ??= parseFrontMatter(u.raw, range(start, end), pos(base + u.contentStart).line);
    }
    lastEnd = Math.max(lastEnd, end);
  }
  while (currentAt.length < pieces.length) currentAt.push(current());
  close(0);
  for (const s of sections) s.range = { start: s.heading.range.start, end: pos(sectionEnds[s.index]) };
  const layout: Layout = { units: [0], blocks: [0], comments: [0], sections: [0], current: currentAt, sectionEnds, han, latin, titleZone: Infinity };
  let nu = 0;
  let nb = 0;
  let nc = 0;
  let ns = 0;
  for (const p of pieces) {
    for (const u of p.units) {
      if (u.type === 'block') nb++;
      else if (u.type === 'comment') nc++;
      else if (u.type === 'heading') {
        if (!(title && title.unit === nu)) ns++;
        if (u.numbering.style !== 'none' && layout.titleZone === Infinity) layout.titleZone = nu;
      }
      nu++;
    }
    layout.units.push(nu);
    layout.blocks.push(nb);
    layout.comments.push(nc);
    layout.sections.push(ns);
  }

  function addBlock(u: BlockUnit, base: number, start: number, end: number): void {
    const section = current();
    const cache = blockCache(u);
    han += cache.han;
    latin += cache.latin;
    let id = -1;
    if (u.table) {
      const key = base + u.table.key;
      id = tableIds.get(key) ?? -1;
      if (id < 0) tableIds.set(key, (id = tableIds.size));
    }
    locate(start, end);
    let b = cache.made as Block | undefined;
    if (!b || b.section !== section || (b.table?.id ?? -1) !== id || !samePlace(b.range)) {
      b = { kind: u.kind, text: u.text, norm: cache.norm, range: located(), section };
      if (u.table) b.table = { id, row: u.table.row, column: u.table.column };
      cache.made = b;
    }
    if (section >= 0) sections[section].blocks.push(blocks.length);
    blocks.push(b);
  }

  const model: PlanModel = {
    text,
    language: languageOf(han, latin),
    title: titleOut,
    frontMatter,
    sections,
    roots,
    blocks,
    comments,
    lineStarts: index.lineStarts,
    eol,
  };
  return { model, layout };
}

export function languageOf(han: number, latin: number): PlanModel['language'] {
  return han > 0 && han > 0.2 * (han + latin) ? 'zh' : 'en';
}
