/**
 * Incremental re-parse: the model of an edited text from the model of the text before the edit.
 * Only the pieces (runs of top-level blocks, see chunks.ts) around the edit are parsed again,
 * widened until the parse confirms a boundary past the edit that was a boundary before it too;
 * the other pieces are reused as they are (their units carry their normalised text). The section
 * tree, positions and block indices are then rebuilt from the units, which is cheap.
 *
 * The result equals parsePlan(newText); test/unit/incremental.test.ts checks that on random edits.
 */
import { chunkFrom, frontMatterEnd, hasDefinitions, type Piece } from './chunks';
import { eolCounts, eolOf, keepState, modelFromPieces, parsePlan, parseStateOf, PATHOLOGICAL_NESTING } from './parse';
import { spliceModel } from './splice';
import { lineOf, offsetAt, type LineIndex } from './positions';
import { edited, indexOf, readerOf, setReader, type TextReader } from './text';
import type { PlanModel, Range } from './types';

/** An LSP TextDocumentContentChangeEvent (ranged or whole-text). */
export interface TextChange {
  range?: Range;
  text: string;
}

/** Where two texts differ: [start, oldEnd) in the old text became [start, newEnd) in the new one. */
export interface EditRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** The text now in [start, newEnd), when known: the new text is then read through the old one, never copied whole. */
  insert?: string;
}

const STEP = 1024;

/** The differing region, found by comparing slices (native compares, no per-character loop over the text). */
export function diffRegion(a: string, b: string): EditRegion {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p + STEP <= n && a.slice(p, p + STEP) === b.slice(p, p + STEP)) p += STEP;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  const max = n - p; // the suffix may not overlap the prefix
  let s = 0;
  while (s + STEP <= max && a.slice(a.length - s - STEP, a.length - s) === b.slice(b.length - s - STEP, b.length - s)) s += STEP;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/** Two successive regions (`a` on text 0 → 1, `b` on text 1 → 2) as one region on text 0 → 2. */
export function composeRegions(a: EditRegion, b: EditRegion): EditRegion {
  const mid = Math.max(a.newEnd, b.oldEnd); // in text 1: past both edits
  return { start: Math.min(a.start, b.start), oldEnd: mid - (a.newEnd - a.oldEnd), newEnd: mid + (b.newEnd - b.oldEnd) };
}

function isRegion(x: readonly TextChange[] | EditRegion): x is EditRegion {
  return typeof (x as EditRegion).start === 'number';
}

/**
 * The region of the change events (or the region the caller recorded), when it fits the texts'
 * lengths: the caller must pass the changes that really led from prev.text to `next` (no
 * comparison of the texts, which would copy the new one whole).
 */
function regionOfChange(prev: PlanModel, changes: readonly TextChange[] | EditRegion | undefined, next: string): EditRegion | undefined {
  if (!changes) return undefined;
  let r: EditRegion;
  if (isRegion(changes)) r = changes;
  else {
    if (changes.length !== 1 || !changes[0].range) return undefined;
    const c = changes[0];
    const a = offsetAt(indexOf(prev), c.range!.start);
    const b = offsetAt(indexOf(prev), c.range!.end);
    r = { start: Math.min(a, b), oldEnd: Math.max(a, b), newEnd: Math.min(a, b) + c.text.length, insert: c.text };
  }
  const n = prev.text.length;
  if (!(r.start >= 0 && r.start <= r.oldEnd && r.oldEnd <= n && r.start <= r.newEnd && r.newEnd <= next.length)) return undefined;
  if (next.length - n !== r.newEnd - r.oldEnd) return undefined;
  if (r.insert !== undefined && r.insert.length !== r.newEnd - r.start) return undefined;
  return r;
}

/** Start of the line holding offset `i`. */
function lineStartIn(t: TextReader, i: number): number {
  let j = Math.min(i, t.length);
  while (j > 0) {
    const c = t.charCodeAt(j - 1);
    if (c === 10 || c === 13) break;
    j--;
  }
  return j;
}

/** Start of the line after the one holding `i` (t.length at the end). */
function nextLineStartIn(t: TextReader, i: number): number {
  const n = t.length;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return t.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    i++;
  }
  return n;
}

function eolCountsIn(t: TextReader, from: number, to: number): { crlf: number; lf: number } {
  return from >= to ? { crlf: 0, lf: 0 } : eolCounts(t.slice(Math.max(0, from - 1), to), from > 0 ? 1 : 0);
}

/** Front matter of the new text: it can only have changed when the edit is in it, or the text starts with `---`. */
function frontMatterAfter(src: TextReader, oldEnd: number, r: EditRegion): number {
  if (oldEnd > 0 && r.start >= oldEnd) return oldEnd;
  if (oldEnd === 0 && !/^\uFEFF?---/.test(src.slice(0, 4))) return 0;
  return frontMatterEnd(typeof src === 'string' ? src : src.slice(0));
}

/**
 * chunkFrom over the new text from `from`, reading only a stretch of it: the chunks of a slice cut
 * at a line start are those of the whole text as long as the chunking stops (at a boundary the
 * old parse knew) before the cut, for what a line ends as depends on it and the lines before;
 * else a longer slice is tried.
 */
function chunkStretch(src: TextReader, from: number, opts: { frontMatter: number; minEnd: number; stop: (b: number) => boolean }): Piece[] {
  for (let width = 16_384; ; width *= 4) {
    const cut = from + width >= src.length ? src.length : nextLineStartIn(src, from + width);
    const local = src.slice(from, cut);
    const steps = chunkFrom(local, 0, {
      groupSize: EDIT_GROUP,
      frontMatter: from === 0 ? opts.frontMatter : 0,
      minEnd: Math.max(0, opts.minEnd - from),
      stop: (b) => opts.stop(b + from),
      whole: false,
    });
    let res = steps.next();
    while (!res.done) res = steps.next();
    const pieces = res.value;
    const end = pieces.length ? pieces[pieces.length - 1].end : 0;
    if (cut === src.length || end < local.length) return pieces.map((p) => ({ start: p.start + from, end: p.end + from, units: p.units }));
  }
}

/** Line starts of the new text from those of the old one: only the edited lines are scanned. */
export function updateLineStarts(old: number[], next: TextReader, r: EditRegion): { starts: number[]; from: number; until: number } {
  const delta = r.newEnd - r.oldEnd;
  const L = lineOf(old, Math.max(0, r.start - 1)); // a \r just before the edit may pair with an inserted \n
  const from = old[L];
  const until = Math.min(next.length + 1, r.newEnd + 2); // new starts below this are rescanned
  const mid: number[] = [];
  for (let i = from; i < until - 1 && i < next.length; i++) {
    const c = next.charCodeAt(i);
    if (c === 13) {
      if (next.charCodeAt(i + 1) === 10) {
        if (i + 2 < until) mid.push(i + 2);
        i++;
        continue;
      }
      mid.push(i + 1);
    } else if (c === 10) mid.push(i + 1);
  }
  // the old starts that move to `until` or later are kept (moved); those before were rescanned
  let k = L + 1;
  let hi = old.length;
  while (k < hi) {
    const m = (k + hi) >> 1;
    if (old[m] + delta < until) k = m + 1;
    else hi = m;
  }
  // a copy of the old table (native), the rescanned lines put in, the rest moved in place
  let starts: number[];
  if (mid.length === k - (L + 1)) {
    starts = old.slice();
    for (let m = 0; m < mid.length; m++) starts[L + 1 + m] = mid[m];
  } else starts = old.slice(0, L + 1).concat(mid, old.slice(k));
  if (delta !== 0) for (let m = L + 1 + mid.length; m < starts.length; m++) starts[m] += delta;
  return { starts, from, until };
}

/** Index of the last piece starting at or before `offset`. */
function pieceAt(pieces: Piece[], offset: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineContentEnd(text: TextReader, ls: number): number {
  let i = ls;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** First group of an incremental re-parse: just past the edit (later groups, if needed, grow). */
const EDIT_GROUP = 256;

/**
 * The model of `newText`, reusing what `prev` parsed. `changes`: the LSP change events that led
 * from prev.text to newText, or the region they edited (composed by the caller over several
 * versions); without them the texts are compared. They must be the real changes: only cheap checks
 * (lengths, the characters around the region) are made, no comparison of the whole texts.
 */
export function updatePlan(prev: PlanModel, changes: readonly TextChange[] | EditRegion | undefined, newText: string): PlanModel {
  const state = parseStateOf(prev);
  if (!state || state.definitions) return parsePlan(newText);
  const known = regionOfChange(prev, changes, newText);
  if (known && known.start === known.oldEnd && known.newEnd === known.start) return prev;
  if (!known && newText === prev.text) return prev;
  const r = known ?? diffRegion(prev.text, newText);
  const delta = r.newEnd - r.oldEnd;
  // the old text and the new one, read through it where the edit is known
  const old = readerOf(prev);
  const src = r.insert !== undefined ? edited(old, { start: r.start, oldEnd: r.oldEnd, insert: r.insert }, newText) : newText;

  // document-wide conditions: a definition or pathological nesting typed in; front matter opened or closed
  const touched = src.slice(lineStartIn(src, r.start), nextLineStartIn(src, r.newEnd));
  if (hasDefinitions(src.slice(Math.max(0, r.start - 1), r.newEnd + 1)) || PATHOLOGICAL_NESTING.test(touched)) return parsePlan(newText);
  const fm = frontMatterAfter(src, state.frontMatterEnd, r);
  const oldFm = state.frontMatterEnd;
  const mappedFm = oldFm === 0 ? 0 : oldFm <= r.start ? oldFm : oldFm + delta;

  // window start: a piece whose first line ends before the edit (so the boundary itself is untouched)
  const pieces = state.pieces;
  let i = pieces.length ? pieceAt(pieces, r.start) : 0;
  while (i > 0 && lineContentEnd(old, pieces[i].start) >= r.start) i--;
  if (fm !== mappedFm) i = 0;
  const from = i < pieces.length ? pieces[i].start : 0;

  // window end: the first old boundary at or after the edit that the new parse confirms too
  let reuseFrom = pieces.length; // index of the first old piece reused after the window
  const stop = (b: number): boolean => {
    if (b < r.newEnd || b < fm) return false;
    const ob = b - delta;
    // what was parsed as front matter is never reused: a line typed above it ends it as front matter
    if (ob < oldFm) return false;
    const j = pieceAt(pieces, ob);
    if (j < pieces.length && pieces[j].start === ob && ob >= r.oldEnd) {
      reuseFrom = j;
      return true;
    }
    return false;
  };
  // the first group reaches one old boundary past the edit, so that boundary can be confirmed
  let firstEnd = r.newEnd;
  let after = pieces.length ? pieceAt(pieces, r.oldEnd) : 0; // the first piece after i starting at or after the edit
  if (after < pieces.length && pieces[after].start < r.oldEnd) after++;
  if (after <= i) after = i + 1;
  if (after < pieces.length) firstEnd = (pieces[after + 1]?.start ?? prev.text.length) + delta;
  const window = chunkStretch(src, from, { frontMatter: fm, minEnd: firstEnd, stop });

  const all = pieces.slice(0, i).concat(window);
  for (let k = reuseFrom; k < pieces.length; k++) {
    const p = pieces[k];
    all.push(delta === 0 ? p : { start: p.start + delta, end: p.end + delta, units: p.units });
  }

  const lines = updateLineStarts(prev.lineStarts, src, r);
  const before = eolCountsIn(old, lines.from, Math.min(old.length, lines.until - delta));
  const now = eolCountsIn(src, lines.from, Math.min(src.length, lines.until));
  const index: LineIndex = { text: src, lineStarts: lines.starts };
  const counts = { frontMatterEnd: fm, definitions: false, crlf: state.crlf - before.crlf + now.crlf, lf: state.lf - before.lf + now.lf };
  // an edit that keeps the structure (typing in a paragraph, a cell, a heading's text) is spliced in
  const spliced = state.layout && spliceModel(prev, state.layout, pieces, i, reuseFrom, window, newText, index, eolOf(counts));
  const model = spliced ? keepState(spliced.model, { ...counts, pieces: all, layout: spliced.layout }) : modelFromPieces(newText, all, index, counts);
  setReader(model, src);
  return model;
}
