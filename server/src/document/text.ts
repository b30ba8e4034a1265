/**
 * Reading an edited text without copying it. The text of each version is one JS string, and the
 * first look at a character of a freshly edited string makes V8 copy all of it into a new flat
 * string (for a 1 MB draft a 730 KB allocation per keystroke, page faults included). So the model
 * of an edited version reads its text through the previous version's (flat) text and the edit, as
 * `EditedText`; `settleText` makes the real string flat later, off the keystroke's path.
 */
import type { PlanModel } from './types';

/** What the document layer and the analysis read of a text. A string is one. */
export interface TextReader {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
}

/** Edits read through before the text is copied after all (a burst of keystrokes before any settled). */
const MAX_DEPTH = 16;

/** `base` with [start, oldEnd) replaced by `insert`. */
export class EditedText implements TextReader {
  readonly length: number;
  readonly depth: number;
  private readonly insertEnd: number;
  private readonly shift: number;

  constructor(
    readonly base: TextReader,
    readonly start: number,
    readonly oldEnd: number,
    readonly insert: string,
  ) {
    this.length = base.length - (oldEnd - start) + insert.length;
    this.insertEnd = start + insert.length;
    this.shift = oldEnd - this.insertEnd;
    this.depth = base instanceof EditedText ? base.depth + 1 : 1;
  }

  charCodeAt(i: number): number {
    if (i < this.start) return this.base.charCodeAt(i);
    if (i < this.insertEnd) return this.insert.charCodeAt(i - this.start);
    return i < this.length ? this.base.charCodeAt(i + this.shift) : NaN;
  }

  slice(start = 0, end = this.length): string {
    const a = Math.max(0, Math.min(start < 0 ? this.length + start : start, this.length));
    const b = Math.max(a, Math.min(end < 0 ? this.length + end : end, this.length));
    if (b <= this.start) return this.base.slice(a, b);
    if (a >= this.insertEnd) return this.base.slice(a + this.shift, b + this.shift);
    let out = a < this.start ? this.base.slice(a, this.start) : '';
    out += this.insert.slice(Math.max(0, a - this.start), Math.min(this.insert.length, b - this.start));
    if (b > this.insertEnd) out += this.base.slice(this.oldEnd, b + this.shift);
    return out;
  }
}

/** `base` with `edit` applied, read through (or `fallback` itself when too many edits are stacked). */
export function edited(base: TextReader, edit: { start: number; oldEnd: number; insert: string }, fallback: string): TextReader {
  return base instanceof EditedText && base.depth >= MAX_DEPTH ? fallback : new EditedText(base, edit.start, edit.oldEnd, edit.insert);
}

const readers = new WeakMap<PlanModel, TextReader>();

/** How to read a model's text: its string, or — for an edited version not settled yet — through the edit. */
export function readerOf(model: PlanModel): TextReader {
  return readers.get(model) ?? model.text;
}

export function setReader(model: PlanModel, reader: TextReader): void {
  if (reader !== model.text) readers.set(model, reader);
}

/** A line index of the model that reads its text as readerOf does (positions near line ends look at characters). */
export function indexOf(model: PlanModel): { text: TextReader; lineStarts: number[] } {
  const reader = readers.get(model);
  return reader ? { text: reader, lineStarts: model.lineStarts } : model;
}

/** Make the model's text one flat string now (between keystrokes), and read it directly from then on. */
export function settleText(model: PlanModel): void {
  if (!readers.has(model)) return;
  if (typeof model.text === 'string') model.text.charCodeAt(0);
  readers.delete(model);
}
