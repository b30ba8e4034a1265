/** Offset <-> LSP position conversion over a line-start table. Lines end at \r\n, \n or a lone \r. */
import type { Position } from './types';

/** Start offset of every line (always begins with 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export interface LineIndex {
  /** The text, or something that reads it (document/text.ts): positions look at line ends only. */
  text: { readonly length: number; charCodeAt(index: number): number };
  lineStarts: number[];
}

/** Index of the line holding `offset` (binary search). */
export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** End of the line's content (before its terminator). */
function lineContentEnd(index: LineIndex, line: number): number {
  const { text, lineStarts: starts } = index;
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > starts[line] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

/** LSP position (0-based line, UTF-16 character) of a string offset; clamped to the text. */
export function positionAt(index: LineIndex, offset: number): Position {
  const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, index.text.length));
  const line = lineOf(index.lineStarts, o);
  const character = Math.min(o, lineContentEnd(index, line)) - index.lineStarts[line];
  return { line, character };
}

/** String offset of an LSP position; line and character are clamped to the text / line content. */
export function offsetAt(index: LineIndex, pos: Position): number {
  const starts = index.lineStarts;
  if (pos.line < 0) return 0;
  if (pos.line >= starts.length) return index.text.length;
  const start = starts[pos.line];
  return Math.max(start, Math.min(start + Math.max(0, pos.character), lineContentEnd(index, pos.line)));
}

/**
 * positionAt for many offsets in (mostly) increasing order: remembers the last line and walks
 * from there, falling back to the binary search for jumps. Same results as positionAt.
 */
export function positionCursor(index: LineIndex): (offset: number) => Position {
  const at = lineCursor(index);
  return (offset: number) => {
    at(offset);
    return { line: at.line, character: at.character };
  };
}

/** The same without allocating: sets `line` and `character` on the function itself. */
export function lineCursor(index: LineIndex): ((offset: number) => void) & Position {
  const starts = index.lineStarts;
  const n = index.text.length;
  let line = 0;
  const at = (offset: number) => {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, n));
    if (o < starts[line]) line = lineOf(starts, o);
    else {
      let steps = 0;
      while (line + 1 < starts.length && starts[line + 1] <= o) {
        line++;
        if (++steps > 8) {
          line = lineOf(starts, o);
          break;
        }
      }
    }
    at.line = line;
    at.character = Math.min(o, lineContentEnd(index, line)) - starts[line];
  };
  at.line = 0;
  at.character = 0;
  return at;
}
