/**
 * Incremental re-parse: the model of an edited text from the model of the text before the edit.
 * Only the pieces (runs of top-level blocks, see chunks.ts) around the edit are parsed again,
 * widened until the parse confirms a boundary past the edit that was a boundary before it too;
 * the other pieces are reused as they are (their units carry their normalised text). The section
 * tree, positions and block indices are then rebuilt from the units, which is cheap.
 *
 * The result equals parsePlan(newText); test/unit/incremental.test.ts checks that on random edits.
 */
import { chunkFrom, frontMatterEnd, hasDefinitions, lineStartOf, nextLineStart, type Piece } from './chunks';
import { eolCounts, eolOf, keepState, modelFromPieces, parsePlan, parseStateOf, PATHOLOGICAL_NESTING } from './parse';
import { spliceModel } from './splice';
import { lineOf, offsetAt, type LineIndex } from './positions';
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

/** Does the region fit the two texts (lengths, and the characters just around it)? O(1), never a scan. */
function fits(old: string, next: string, r: EditRegion): boolean {
  if (!(r.start >= 0 && r.start <= r.oldEnd && r.oldEnd <= old.length && r.start <= r.newEnd && r.newEnd <= next.length)) return false;
  if (next.length - old.length !== r.newEnd - r.oldEnd) return false;
  if (r.start > 0 && old.charCodeAt(r.start - 1) !== next.charCodeAt(r.start - 1)) return false;
  return r.oldEnd === old.length || old.charCodeAt(r.oldEnd) === next.charCodeAt(r.newEnd);
}

/**
 * The region of the change events (or the region the caller recorded), when it fits the texts
 * (cheap checks: the caller must pass the changes that really led from prev.text to `next`).
 */
function regionOfChange(prev: PlanModel, changes: readonly TextChange[] | EditRegion | undefined, next: string): EditRegion | undefined {
  if (!changes) return undefined;
  if (isRegion(changes)) return fits(prev.text, next, changes) ? changes : undefined;
  if (changes.length !== 1 || !changes[0].range) return undefined;
  const c = changes[0];
  const a = offsetAt(prev, c.range!.start);
  const b = offsetAt(prev, c.range!.end);
  const r = { start: Math.min(a, b), oldEnd: Math.max(a, b), newEnd: Math.min(a, b) + c.text.length };
  return fits(prev.text, next, r) && next.startsWith(c.text, r.start) ? r : undefined;
}

/** Line starts of the new text from those of the old one: only the edited lines are scanned. */
export function updateLineStarts(old: number[], next: string, r: EditRegion): { starts: number[]; from: number; until: number } {
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

function lineContentEnd(text: string, ls: number): number {
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
  const old = prev.text;
  if (newText === old && state) return prev;
  if (!state || state.definitions) return parsePlan(newText);
  const r = regionOfChange(prev, changes, newText) ?? diffRegion(old, newText);
  const delta = r.newEnd - r.oldEnd;

  // document-wide conditions: a definition or pathological nesting typed in; front matter opened or closed
  const touched = newText.slice(lineStartOf(newText, r.start), nextLineStart(newText, r.newEnd));
  if (hasDefinitions(newText.slice(Math.max(0, r.start - 1), r.newEnd + 1)) || PATHOLOGICAL_NESTING.test(touched)) return parsePlan(newText);
  const fm = frontMatterEnd(newText);
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
  if (after < pieces.length) firstEnd = (pieces[after + 1]?.start ?? old.length) + delta;
  const steps = chunkFrom(newText, from, { groupSize: EDIT_GROUP, frontMatter: fm, minEnd: firstEnd, stop, whole: false });
  let res = steps.next();
  while (!res.done) res = steps.next();
  const window = res.value;

  const all = pieces.slice(0, i).concat(window);
  for (let k = reuseFrom; k < pieces.length; k++) {
    const p = pieces[k];
    all.push(delta === 0 ? p : { start: p.start + delta, end: p.end + delta, units: p.units });
  }

  const lines = updateLineStarts(prev.lineStarts, newText, r);
  const before = eolCounts(old, lines.from, Math.min(old.length, lines.until - delta));
  const now = eolCounts(newText, lines.from, Math.min(newText.length, lines.until));
  const index: LineIndex = { text: newText, lineStarts: lines.starts };
  const counts = { frontMatterEnd: fm, definitions: false, crlf: state.crlf - before.crlf + now.crlf, lf: state.lf - before.lf + now.lf };
  // an edit that keeps the structure (typing in a paragraph, a cell, a heading's text) is spliced in
  const spliced = state.layout && spliceModel(prev, state.layout, pieces, i, reuseFrom, window, newText, index, eolOf(counts));
  if (spliced) return keepState(spliced.model, { ...counts, pieces: all, layout: spliced.layout });
  return modelFromPieces(newText, all, index, counts);
}
