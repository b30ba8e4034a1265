/**
 * Where an insert would not take effect: Markdown typed after an unclosed code fence, or after an
 * HTML block (a comment, <![CDATA[, <?, <!DOCTYPE, <pre>…) opened at the start of a line and never
 * ended, is part of that block up to the end of the draft. A skeleton placed there would change
 * nothing the analysis (or a reader) sees.
 */
import { lineOf } from '../document/positions';
import type { PlanModel } from '../document/types';
import { lineCount, lineText } from './inserts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** HTML blocks that run until an end string, not until a blank line (CommonMark 4.6, kinds 1-5). */
const HTML_BLOCKS: { open: RegExp; close: RegExp }[] = [
  { open: /^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/gim, close: /<\/(?:script|pre|style|textarea)>/gi },
  { open: /^ {0,3}<!--/gm, close: /-->/g },
  { open: /^ {0,3}<\?/gm, close: /\?>/g },
  { open: /^ {0,3}<![a-zA-Z]/gm, close: />/g },
  { open: /^ {0,3}<!\[CDATA\[/gm, close: /\]\]>/g },
];

/** Offset of the last match of a global regex (-1 without one). */
function lastMatch(re: RegExp, text: string): number {
  let last = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  return last;
}

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
  // an HTML block (CommonMark kinds 1-5) opened outside code with no end anywhere after it
  const text = model.text;
  for (const { open, close } of HTML_BLOCKS) {
    open.lastIndex = 0;
    let m = open.exec(text);
    if (!m) continue;
    const lastClose = lastMatch(close, text);
    for (; m; m = open.exec(text)) {
      const line = lineOf(model.lineStarts, m.index);
      if (line + 1 >= from) break;
      if (m.index + m[0].length <= lastClose) continue; // an end follows somewhere
      if (codeLines.some(([s, e]) => s <= line && line <= e)) continue;
      from = line + 1;
      break;
    }
  }
  return from;
}
