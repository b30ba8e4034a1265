/**
 * An edit that keeps the section tree, spliced into the previous model. When the re-parsed pieces
 * hold the same headings (depth, numbering style and kind) and tables as before, below the part
 * where the title is looked for, and the edit adds or removes no line, every section keeps its
 * index and parent: the model is the previous one with the edited blocks, headings and comments
 * replaced, the sections around them given their new block lists and ends, and — when the number
 * of blocks changed — the block indices after them moved. No pass over the units of the whole
 * document. Anything else is assembled again (assemble.ts); the property tests compare both with
 * a fresh parse.
 */
import { blockCache, headingCache, languageOf, type Layout } from './assemble';
import type { Piece } from './chunks';
import { lineCursor, positionCursor, type LineIndex } from './positions';
import type { Block, Heading, HtmlComment, PlanModel, Range, Section } from './types';
import type { BlockUnit, HeadingUnit, Unit } from './units';

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

/** The same headings, as far as the section tree goes. */
function sameHeadings(a: Unit[], b: Unit[]): boolean {
  const x = a.filter((u): u is HeadingUnit => u.type === 'heading');
  const y = b.filter((u): u is HeadingUnit => u.type === 'heading');
  return x.length === y.length && x.every((h, k) => h.depth === y[k].depth && h.promoted === y[k].promoted && h.numbering.style === y[k].numbering.style);
}

/** The tables' keys (offsets) in order of their first cell. */
function tableKeys(units: Unit[], bases: number[]): number[] {
  const keys: number[] = [];
  units.forEach((u, k) => {
    if (u.type === 'block' && u.table && keys.at(-1) !== bases[k] + u.table.key) keys.push(bases[k] + u.table.key);
  });
  return keys;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
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
 * the edit changed the section tree, the tables, the lines or the title.
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
  if (old.units.some((u) => u.type === 'frontMatter') || now.units.some((u) => u.type === 'frontMatter')) return undefined;
  if (!sameHeadings(old.units, now.units)) return undefined;
  const bi0 = layout.blocks[i];
  const ci0 = layout.comments[i];
  const s0 = layout.sections[i];
  const oldBlocks = layout.blocks[j] - bi0;
  const oldComments = layout.comments[j] - ci0;
  // the window's tables take the ids of the tables it had (the same number of them)
  const keys = tableKeys(now.units, now.bases);
  const ids: number[] = [];
  for (let k = bi0; k < bi0 + oldBlocks; k++) {
    const id = prev.blocks[k].table?.id;
    if (id !== undefined && ids.at(-1) !== id) ids.push(id);
  }
  if (keys.length !== tableKeys(old.units, old.bases).length || ids.length !== keys.length) return undefined;

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

  // the old window's units and their objects; a unit parsed again with the same text at the same
  // place keeps its object (the pieces around an edit are parsed again too), matched from either end
  const oldObject: Array<Block | HtmlComment | undefined> = [];
  {
    let b = bi0;
    let c = ci0;
    for (const u of old.units) oldObject.push(u.type === 'block' ? prev.blocks[b++] : u.type === 'comment' ? prev.comments[c++] : undefined);
  }
  const shift = now.units.length - old.units.length;
  let head = 0;
  while (head < now.units.length && head < old.units.length && now.units[head].type === old.units[head].type) head++;
  const counterpart = (k: number): number => (k < head ? k : k - shift >= head && k - shift < old.units.length && now.units[k].type === old.units[k - shift].type ? k - shift : -1);

  const sections = prev.sections.slice();
  const pos = positionCursor(index);
  const cur = lineCursor(index);
  const located = (s: number, e: number): Range => {
    cur(s);
    const start = { line: cur.line, character: cur.character };
    cur(e);
    return { start, end: { line: cur.line, character: cur.character } };
  };
  const windowBlocks: Block[] = [];
  const windowComments: HtmlComment[] = [];
  const closedAt: number[] = []; // per window section: the furthest end before its heading
  const current: number[] = layout.current.slice(0, i + 1);
  let section = layout.current[i];
  let si = s0;
  let h = 0; // old headings met
  const oldHeadings = old.units.filter((u): u is HeadingUnit => u.type === 'heading');
  let table = -1;
  let lastKey = NaN;
  let k = 0;
  for (let w = 0; w < window.length; w++) {
    if (w > 0) current.push(section);
    for (const u of window[w].units) {
      const start = now.bases[k] + u.start;
      const end = now.bases[k] + u.end;
      if (u.type === 'heading') {
        const o = oldHeadings[h++];
        const was = prev.sections[si];
        const r = located(start, end);
        const same = u.text === o.text && u.raw === o.raw && u.numbering.value === o.numbering.value && u.numbering.raw === o.numbering.raw && sameRange(was.heading.range, r);
        if (same && o.cache) u.cache = o.cache;
        const cache = headingCache(u);
        han += cache.han;
        latin += cache.latin;
        const heading: Heading = same ? was.heading : { text: u.text, norm: cache.norm, raw: u.raw, numbering: u.numbering, depth: u.depth, range: r, promoted: u.promoted };
        cache.made = heading;
        closedAt.push(lastEnd);
        if (!same) sections[si] = { ...was, heading };
        section = si++;
      } else if (u.type === 'block') {
        const r = located(start, end);
        if (u.table && now.bases[k] + u.table.key !== lastKey) {
          lastKey = now.bases[k] + u.table.key;
          table++;
        }
        const id = u.table ? ids[table] : -1;
        const c = counterpart(k);
        const o = c >= 0 ? (old.units[c] as BlockUnit) : undefined;
        const was = c >= 0 ? (oldObject[c] as Block) : undefined;
        const same = !!o && !!was && u.text === o.text && u.kind === o.kind && was.section === section && (was.table?.id ?? -1) === id && sameRange(was.range, r);
        if (same && o.cache) u.cache = o.cache;
        const cache = blockCache(u);
        han += cache.han;
        latin += cache.latin;
        let b = was!;
        if (!same) {
          b = { kind: u.kind, text: u.text, norm: cache.norm, range: r, section };
          if (u.table) b.table = { id, row: u.table.row, column: u.table.column };
        }
        cache.made = b;
        windowBlocks.push(b);
      } else if (u.type === 'comment') {
        const r = { start: pos(start), end: pos(end) };
        const c = counterpart(k);
        const was = c >= 0 ? (oldObject[c] as HtmlComment) : undefined;
        windowComments.push(was && was.text === u.text && was.section === section && sameRange(was.range, r) ? was : { text: u.text, range: r, section });
      }
      lastEnd = Math.max(lastEnd, end);
      k++;
    }
  }
  if (window.length === 0) current.length = i;
  for (let q = j; q < layout.current.length; q++) current.push(layout.current[q]);

  const d = windowBlocks.length - oldBlocks;
  const blocks = d === 0 ? prev.blocks.slice() : prev.blocks.slice(0, bi0).concat(windowBlocks, prev.blocks.slice(bi0 + oldBlocks));
  if (d === 0) for (let q = 0; q < windowBlocks.length; q++) blocks[bi0 + q] = windowBlocks[q];
  const comments =
    windowComments.length === oldComments ? prev.comments.slice() : prev.comments.slice(0, ci0).concat(windowComments, prev.comments.slice(ci0 + oldComments));
  if (windowComments.length === oldComments) for (let q = 0; q < windowComments.length; q++) comments[ci0 + q] = windowComments[q];

  // the blocks directly in the sections from the window's first on: those before the window stay,
  // the window's are new, those after it move by d (a section before the window has none after it,
  // but for the one open where the window starts)
  const lists = new Map<number, number[]>();
  const listOf = (s: number): number[] => {
    let l = lists.get(s);
    if (!l) {
      const was = prev.sections[s].blocks;
      let n = 0;
      while (n < was.length && was[n] < bi0) n++;
      lists.set(s, (l = was.slice(0, n)));
    }
    return l;
  };
  if (layout.current[i] >= 0) listOf(layout.current[i]);
  for (let s = s0; s < (d === 0 ? si : sections.length); s++) listOf(s);
  windowBlocks.forEach((b, q) => {
    if (b.section >= 0) listOf(b.section).push(bi0 + q);
  });
  for (const [s, l] of lists) {
    for (const b of prev.sections[s].blocks) if (b >= bi0 + oldBlocks) l.push(b + d);
    if (!sameList(l, prev.sections[s].blocks)) sections[s] = { ...sections[s], blocks: l };
  }

  // section ends: before the window they stay, after it they move with the text (the lines are
  // the same), in between they are the furthest end when the section closed
  const ends = layout.sectionEnds.slice();
  for (let s = 0; s < ends.length; s++) {
    const e = ends[s];
    let end = prev.sections[s].range.end;
    if (e > oldEnd) ends[s] = e + delta; // (the same position)
    else if (e >= from) {
      const next = nextSection(prev.sections, s);
      if (next >= 0 && next < s0) continue; // closed before the window
      if (next >= s0 && next < si) ends[s] = closedAt[next - s0];
      else if (!firstAfter || (firstAfter.type === 'heading' && next === si)) ends[s] = lastEnd;
      else return undefined; // (units of no length at the window's end: not worth a special case)
      end = pos(ends[s]);
    } else continue;
    const sec = sections[s];
    const start = sec.heading.range.start;
    if (!sameRange(sec.range, { start, end })) sections[s] = { ...sec, range: { start, end } };
  }

  const grow = (counts: number[], kind: Unit['type'] | 'all'): number[] => {
    const out = counts.slice(0, i + 1);
    let n = counts[i];
    for (const p of window) {
      for (const u of p.units) if (kind === 'all' || u.type === kind) n++;
      out.push(n);
    }
    const moved = n - counts[j];
    for (let q = j + 1; q < counts.length; q++) out.push(counts[q] + moved);
    return out;
  };
  // sections: a window heading is never the title (the title search stops before the window)
  const next: Layout = {
    units: grow(layout.units, 'all'),
    blocks: grow(layout.blocks, 'block'),
    comments: grow(layout.comments, 'comment'),
    sections: grow(layout.sections, 'heading'),
    current,
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
