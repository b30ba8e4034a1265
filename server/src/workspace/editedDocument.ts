/**
 * An open document whose text after an edit is read through the text before it (document/text.ts)
 * instead of being copied: vscode-languageserver-textdocument builds each version's string from
 * substrings of the previous one, and the first look at a character makes V8 copy the whole string
 * (for a 1 MB draft, a 730 KB allocation per keystroke). Offsets, positions and line starts behave
 * as that library's FullTextDocument (the same code, reading characters through the reader); the
 * string is only made when asked for (`getText()`, cheap: no character is read) and flat when the
 * document settles (`settle()`, between keystrokes) or after many edits read through.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EditedText, type TextReader } from '../document/text';

/** Edits read through before the text is made flat on the spot (a long burst of keystrokes). */
const MAX_DEPTH = 16;

function isEOL(c: number): boolean {
  return c === 13 || c === 10;
}

function lineOffsetsOf(text: string, atLineStart: boolean, offset = 0): number[] {
  const out = atLineStart ? [offset] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isEOL(c)) {
      if (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      out.push(offset + i + 1);
    }
  }
  return out;
}

function wellformed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export class EditedDocument implements TextDocument {
  private reader: TextReader;
  private text: string | undefined;
  private lineOffsets: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.reader = content;
    this.text = content;
  }

  /** How to read the current text without making it a string. */
  get content(): TextReader {
    return this.reader;
  }

  getText(range?: Range): string {
    if (range) return this.substring(this.offsetAt(range.start), this.offsetAt(range.end));
    // built from the readers' pieces: a rope of slices, no character read
    this.text ??= this.reader.slice(0, this.reader.length);
    return this.text;
  }

  get lineCount(): number {
    return this.offsets().length;
  }

  /** Make the text one flat string now (off a keystroke's path) and read it directly from then on. */
  settle(): void {
    if (!(this.reader instanceof EditedText)) return;
    const text = this.getText();
    text.charCodeAt(0);
    this.reader = text;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.reader = this.text = change.text;
        this.lineOffsets = undefined;
        continue;
      }
      const range = wellformed(change.range);
      const startOffset = this.offsetAt(range.start);
      const endOffset = this.offsetAt(range.end);
      if (Number.isInteger(startOffset) && Number.isInteger(endOffset) && startOffset <= endOffset) {
        this.reader = new EditedText(this.reader, startOffset, endOffset, change.text);
        this.text = undefined;
        if ((this.reader as EditedText).depth > MAX_DEPTH) this.settle();
      } else {
        // offsets of no sense (line offsets with holes, as the library leaves them after a range
        // far past the end): the text the library makes of them
        const old = this.getText();
        this.reader = this.text = old.substring(0, startOffset) + change.text + old.substring(endOffset, old.length);
      }
      // the line offsets, as FullTextDocument updates them
      const startLine = Math.max(range.start.line, 0);
      const endLine = Math.max(range.end.line, 0);
      let lineOffsets = this.offsets();
      const added = lineOffsetsOf(change.text, false, startOffset);
      if (endLine - startLine === added.length) {
        for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
      } else if (added.length < 10000) {
        lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
      } else {
        this.lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
      }
      const diff = change.text.length - (endOffset - startOffset);
      if (diff !== 0) for (let i = startLine + 1 + added.length; i < lineOffsets.length; i++) lineOffsets[i] += diff;
    }
    this.version = version;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.reader.length), 0);
    const lineOffsets = this.offsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEOL(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.offsets();
    if (position.line >= lineOffsets.length) return this.reader.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.reader.length;
    return this.beforeEOL(Math.min(lineOffset + position.character, next), lineOffset);
  }

  /** As String.prototype.substring: ends in either order, NaN as 0, an undefined end as the length, clamped. */
  private substring(a: number, b: number | undefined): string {
    const n = this.reader.length;
    const clamp = (x: number | undefined) => (x === undefined ? n : Math.max(0, Math.min(Number.isNaN(x) ? 0 : Math.trunc(x), n)));
    const s = clamp(a);
    const e = clamp(b);
    return this.reader.slice(Math.min(s, e), Math.max(s, e));
  }

  private beforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.reader.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private offsets(): number[] {
    this.lineOffsets ??= lineOffsetsOf(this.getText(), true);
    return this.lineOffsets;
  }
}
