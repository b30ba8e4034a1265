/**
 * An edit that keeps the model's structure, spliced into the previous model. When the re-parsed
 * pieces hold units of the same types in the same order (headings of the same depth, numbering
 * style and kind, the same table cells), below the part where the title is looked for, and the
 * edit adds or removes no line, then every section keeps its place in the tree and every block its
 * index and section: the model is the previous one with the edited units' blocks, headings and
 * comments replaced and the ends of the sections around them moved, without a pass over the
 * whole document. Anything else is assembled again (assemble.ts); the property tests compare
 * both with a fresh parse.
 */
import { blockCache, headingCache, languageOf, type Layout } from './assemble';
import type { Piece } from './chunks';
import { lineCursor, positionCursor, type LineIndex } from './positions';
import type { Block, Heading, PlanModel, Range, Section } from './types';
import type { Unit } from './units';

function unitsOf(pieces: readonly Piece[], from: number, to: number): { units: Unit[]; bases: number[] } {
  const units: Unit[] = [];
  const bases: number[] = [];
  for (let k = from; k < to; k++) {
    for (const u of pieces[k].units) {
      units.push(u);
      bases.push(pieces[k].start);
    }
  }
  return { units, bases };
}

/** Do the two unit lists make the same structure (see the file comment)? */
function sameShape(a: Unit[], aBases: number[], b: Unit[], bBases: number[]): boolean {
  if (a.length !== b.length) return false;
  let lastA = NaN;
  let lastB = NaN;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.type !== y.type || x.type === 'frontMatter') return false;
    if (x.type === 'heading' && y.type === 'heading') {
      if (x.depth !== y.depth || x.promoted !== y.promoted || x.numbering.style !== y.numbering.style) return false;
    } else if (x.type === 'block' && y.type === 'block') {
      if (!x.table !== !y.table) return false;
      if (x.table && y.table) {
        if (x.table.row !== y.table.row || x.table.column !== y.table.column) return false;
        // cells group into tables the same way
        const ka = aBases[k] + x.table.key;
        const kb = bBases[k] + y.table.key;
        if ((ka !== lastA) !== (kb !== lastB)) return false;
        lastA = ka;
        lastB = kb;
      }
    }
  }
  return true;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The section after `s` and its descendants (sections are in document order), or -1. */
function nextSection(sections: readonly Section[], s: number): number {
  let t = s;
  while (sections[t].children.length > 0) t = sections[t].children[sections[t].children.length - 1];
  return t + 1 < sections.length ? t + 1 : -1;
}

/**
 * The model of `text` when old pieces [i, j) of `prev` were parsed again into `window` (the other
 * pieces are the same units, those after the window `delta` characters later), or undefined when
 * the edit changed the structure.
 */
export function spliceModel(
  prev: PlanModel,
  layout: Layout,
  oldPieces: readonly Piece[],
  i: number,
  j: number,
  window: readonly Piece[],
  text: string,
  index: LineIndex,
  eol: PlanModel['eol'],
): { model: PlanModel; layout: Layout } | undefined {
  if (index.lineStarts.length !== prev.lineStarts.length || i >= oldPieces.length) return undefined;
  if (layout.units[i] <= layout.titleZone) return undefined; // the title may change: assemble again
  const old = unitsOf(oldPieces, i, j);
  const now = unitsOf(window, 0, window.length);
  if (!sameShape(old.units, old.bases, now.units, now.bases)) return undefined;

  const delta = text.length - prev.text.length;
  const from = oldPieces[i].start;
  const oldEnd = j < oldPieces.length ? oldPieces[j].start : prev.text.length;
  let firstAfter: Unit | undefined;
  for (let k = j; k < oldPieces.length && !firstAfter; k++) firstAfter = oldPieces[k].units[0];

  let han = layout.han;
  let latin = layout.latin;
  for (const u of old.units) {
    const c = u.type === 'heading' ? headingCache(u) : u.type === 'block' ? blockCache(u) : undefined;
    if (c) {
      han -= c.han;
      latin -= c.latin;
    }
  }
  // where the sections end is the furthest unit end so far when the next heading comes
  let lastEnd = 0;
  for (let k = i - 1; k >= 0; k--) {
    const p = oldPieces[k];
    if (p.units.length === 0) continue;
    for (const u of p.units) lastEnd = Math.max(lastEnd, p.start + u.end);
    break;
  }

  const blocks = prev.blocks.slice();
  const comments = prev.comments.slice();
  const sections = prev.sections.slice();
  const s0 = layout.sections[i];
  let bi = layout.blocks[i];
  let ci = layout.comments[i];
  let si = s0;
  const pos = positionCursor(index);
  const range = (s: number, e: number): Range => ({ start: pos(s), end: pos(e) });
  const cur = lineCursor(index);
  const located = (s: number, e: number): Range => {
    cur(s);
    const start = { line: cur.line, character: cur.character };
    cur(e);
    return { start, end: { line: cur.line, character: cur.character } };
  };
  const closedAt: number[] = []; // per window section: the furthest end before its heading
  // a unit parsed again with the same text at the same place keeps its Block, Heading or comment
  // object (the pieces around an edit are parsed again too): the analysis sees what really changed
  for (let k = 0; k < now.units.length; k++) {
    const u = now.units[k];
    const o = old.units[k];
    const start = now.bases[k] + u.start;
    const end = now.bases[k] + u.end;
    if (u.type === 'heading' && o.type === 'heading') {
      const was = prev.sections[si];
      const h = was.heading;
      const r = located(start, end);
      const same = u.text === o.text && u.raw === o.raw && u.numbering.value === o.numbering.value && u.numbering.raw === o.numbering.raw && sameRange(h.range, r);
      if (same && o.cache) u.cache = o.cache;
      const cache = headingCache(u);
      han += cache.han;
      latin += cache.latin;
      const heading: Heading = same ? h : { text: u.text, norm: cache.norm, raw: u.raw, numbering: u.numbering, depth: u.depth, range: r, promoted: u.promoted };
      cache.made = heading;
      closedAt.push(lastEnd);
      if (!same) sections[si] = { index: si, heading, level: was.level, parent: was.parent, children: was.children, range: was.range, blocks: was.blocks };
      si++;
    } else if (u.type === 'block' && o.type === 'block') {
      const was = prev.blocks[bi];
      const r = located(start, end);
      const same = u.text === o.text && u.kind === o.kind && sameRange(was.range, r);
      if (same && o.cache) u.cache = o.cache;
      const cache = blockCache(u);
      han += cache.han;
      latin += cache.latin;
      let b = was;
      if (!same) {
        b = { kind: u.kind, text: u.text, norm: cache.norm, range: r, section: was.section };
        if (u.table) b.table = { id: was.table?.id ?? -1, row: u.table.row, column: u.table.column };
      }
      cache.made = b;
      blocks[bi++] = b;
    } else if (u.type === 'comment') {
      const was = prev.comments[ci];
      const r = range(start, end);
      if (u.text !== was.text || !sameRange(r, was.range)) comments[ci] = { text: u.text, range: r, section: was.section };
      ci++;
    }
    lastEnd = Math.max(lastEnd, end);
  }
  const renewed = (s: number) => sections[s] !== prev.sections[s];

  // section ends: before the window they stay, after it they move with the text (the lines are
  // the same), in between they are the furthest end when the section closed
  const ends = layout.sectionEnds.slice();
  for (let s = 0; s < ends.length; s++) {
    const e = ends[s];
    if (e < from) continue;
    if (e > oldEnd) {
      ends[s] = e + delta;
      continue;
    }
    const next = nextSection(prev.sections, s);
    if (next >= 0 && next < s0) continue; // closed before the window
    if (next >= s0 && next < si) ends[s] = closedAt[next - s0];
    else if (!firstAfter || (firstAfter.type === 'heading' && next === si)) ends[s] = lastEnd;
    else return undefined; // (units of no length at the window's end: not worth a special case)
    const end = pos(ends[s]);
    const was = sections[s];
    if (renewed(s)) was.range = { start: was.heading.range.start, end };
    else if (end.line !== was.range.end.line || end.character !== was.range.end.character) {
      sections[s] = { ...was, range: { start: was.range.start, end } };
    }
  }
  // a new heading's section whose end lies outside the window
  for (let s = s0; s < si; s++) {
    const sec = sections[s];
    if (renewed(s) && sec.range === prev.sections[s].range) sec.range = { start: sec.heading.range.start, end: prev.sections[s].range.end };
  }

  const grow = (counts: number[], kind: Unit['type'] | 'all'): number[] => {
    const out = counts.slice(0, i + 1);
    let n = counts[i];
    for (const p of window) {
      for (const u of p.units) if (kind === 'all' || u.type === kind) n++;
      out.push(n);
    }
    for (let k = j + 1; k < counts.length; k++) out.push(counts[k]);
    return out;
  };
  // sections: a window heading is never the title (the title search stops before the window)
  const next: Layout = {
    units: grow(layout.units, 'all'),
    blocks: grow(layout.blocks, 'block'),
    comments: grow(layout.comments, 'comment'),
    sections: grow(layout.sections, 'heading'),
    sectionEnds: ends,
    han,
    latin,
    titleZone: layout.titleZone,
  };
  const model: PlanModel = {
    text,
    language: languageOf(han, latin),
    title: prev.title,
    frontMatter: prev.frontMatter,
    sections,
    roots: prev.roots,
    blocks,
    comments,
    lineStarts: index.lineStarts,
    eol,
  };
  return { model, layout: next };
}
