/**
 * Where an insert would not take effect: Markdown typed after an unclosed code fence, or after an
 * HTML comment opened at the start of a line and never closed, is part of that block up to the end
 * of the draft. A skeleton placed there would change nothing the analysis (or a reader) sees.
 */
import type { PlanModel } from '../document/types';
import { lineCount, lineText } from './inserts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The first line before which an insert is swallowed by an unclosed block running to the end; Infinity when none. */
export function swallowedFrom(model: PlanModel): number {
  let from = Infinity;
  const lines = lineCount(model);
  let lastContent = lines - 1;
  while (lastContent > 0 && lineText(model, lastContent).trim() === '') lastContent--;
  const codeLines: Array<[number, number]> = [];
  for (const b of model.blocks) {
    if (b.kind !== 'code') continue;
    const { start, end } = b.range;
    codeLines.push([start.line, end.line]);
    const open = FENCE.exec(lineText(model, start.line));
    if (!open || end.line < lastContent) continue;
    const close = new RegExp(`^ {0,3}${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}[ \\t]*$`);
    const closed = end.line > start.line && close.test(lineText(model, end.line));
    if (!closed) from = Math.min(from, start.line + 1);
  }
  // an HTML comment block opened after the last `-->` of the text and outside code
  const text = model.text;
  const lastClose = text.lastIndexOf('-->');
  const opener = /^ {0,3}<!--/gm;
  opener.lastIndex = Math.max(0, lastClose);
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const line = lineOfOffset(model, m.index);
    if (line >= from) break;
    if (codeLines.some(([s, e]) => s <= line && line <= e)) continue;
    from = Math.min(from, line + 1);
    break;
  }
  return from;
}

function lineOfOffset(model: PlanModel, offset: number): number {
  const starts = model.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
