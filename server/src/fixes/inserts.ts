/** Inserts as pure data, and their conversion to text edits that never touch existing text. */
import type { PlanModel, Range, Section } from '../document/types';

/** A block of new lines to insert before line `line` (== line count: at the end). */
export interface Insert {
  line: number;
  lines: string[];
  /** Pad with blank lines so the block stands as its own Markdown block(s). Raw inserts (comments, table rows) are not padded. */
  pad: boolean;
  /** Orders inserts at the same line (lower first). */
  rank: number;
}

export interface TextEditLike {
  range: Range;
  newText: string;
}

export function lineCount(model: PlanModel): number {
  return model.lineStarts.length;
}

export function lineText(model: PlanModel, line: number): string {
  const starts = model.lineStarts;
  if (line < 0 || line >= starts.length) return '';
  const end = line + 1 < starts.length ? starts[line + 1] : model.text.length;
  return model.text.slice(starts[line], end).replace(/\r?\n$|\r$/, '');
}

export function isBlank(model: PlanModel, line: number): boolean {
  return lineText(model, line).trim() === '';
}

/** True when the document's last line is the empty line after a final newline. */
function endsWithNewline(model: PlanModel): boolean {
  return /\n$|\r$/.test(model.text);
}

/** The last non-blank line of a section (including its descendants). */
export function lastContentLine(model: PlanModel, section: Section): number {
  const start = section.heading.range.start.line;
  let last = section.range.end.line;
  if (section.range.end.character === 0 && last > start) last--;
  last = Math.min(last, lineCount(model) - 1);
  while (last > start && isBlank(model, last)) last--;
  return last;
}

/** The line just after a section's content: where something placed after the section goes. */
export function lineAfter(model: PlanModel, section: Section): number {
  return lastContentLine(model, section) + 1;
}

/** Merge inserts at the same line (by rank), then turn each into a text edit. */
export function toTextEdits(model: PlanModel, inserts: Insert[]): TextEditLike[] {
  const byLine = new Map<string, Insert[]>();
  for (const ins of inserts) {
    const key = `${Math.min(ins.line, lineCount(model))}:${ins.pad}`;
    const list = byLine.get(key) ?? [];
    list.push(ins);
    byLine.set(key, list);
  }
  const edits: TextEditLike[] = [];
  for (const group of byLine.values()) {
    group.sort((a, b) => a.rank - b.rank);
    const lines: string[] = [];
    for (const ins of group) {
      if (ins.pad && lines.length) lines.push('');
      lines.push(...ins.lines);
    }
    edits.push(editFor(model, Math.min(group[0].line, lineCount(model)), lines, group[0].pad));
  }
  // Unpadded (raw) inserts before padded ones at the same position keep comments next to their line.
  return edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The terminator of `line` as written: \n, \r\n or a bare \r ('' for the last line). */
function terminatorOf(model: PlanModel, line: number): string {
  const starts = model.lineStarts;
  if (line < 0 || line + 1 >= starts.length) return '';
  const end = starts[line + 1];
  if (model.text.charCodeAt(end - 1) !== 10) return '\r';
  return end - 2 >= starts[line] && model.text.charCodeAt(end - 2) === 13 ? '\r\n' : '\n';
}

/**
 * Line ends of an insert before `line`: those of the line above it. (The document's usual \n after
 * a bare \r would merge with it into one \r\n and swallow a line; a draft may mix all three.)
 */
function eolBefore(model: PlanModel, line: number): string {
  return terminatorOf(model, Math.min(line, lineCount(model) - 1) - 1) || model.eol;
}

function editFor(model: PlanModel, line: number, lines: string[], pad: boolean): TextEditLike {
  const edit = placeEdit(model, line, lines, pad);
  // an insert ending in a bare \r before a \n would turn that pair into one line end
  const at = model.lineStarts[edit.range.start.line] + edit.range.start.character;
  if (edit.newText.endsWith('\r') && model.text.charCodeAt(at) === 10) edit.newText += '\n';
  return edit;
}

function placeEdit(model: PlanModel, line: number, lines: string[], pad: boolean): TextEditLike {
  const eol = eolBefore(model, line);
  const n = lineCount(model);
  const body = lines.join(eol);
  const lastIsTrailingEmpty = endsWithNewline(model) && n > 0;
  // Insert at the very end: after the trailing newline, or after the last line when there is none.
  if (line >= n || (lastIsTrailingEmpty && line >= n - 1)) {
    if (lastIsTrailingEmpty || model.text.length === 0) {
      const at = { line: n - 1, character: 0 };
      const before = pad && n >= 2 && !isBlank(model, n - 2) ? eol : '';
      return { range: { start: at, end: at }, newText: before + body + eol };
    }
    const at = { line: n - 1, character: lineText(model, n - 1).length };
    const before = eol + (pad && !isBlank(model, n - 1) ? eol : '');
    return { range: { start: at, end: at }, newText: before + body + eol };
  }
  const at = { line, character: 0 };
  const before = pad && line > 0 && !isBlank(model, line - 1) ? eol : '';
  const after = pad && !isBlank(model, line) ? eol : '';
  return { range: { start: at, end: at }, newText: before + body + eol + after };
}
