/** Flat drafts: paragraph lines that start with 一、 / （一） / 第一章 become headings (depth 0, promoted). */
import { parseNumbering } from './numbering';
import type { BlockUnit, HeadingUnit } from './units';

const MAX_TITLE = 40;

/** Title length for MAX_TITLE: a Han (or other wide) character counts 1, an ASCII one ½ (English titles run about twice as long). */
function titleWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) < 0x80 ? 0.5 : 1;
  return w;
}
/** Where a short title ends: Chinese sentence / clause stops, or an ASCII stop followed by space or end. */
const TITLE_END = /[。；：！？;:!?]|\.(?=\s|$)/;

/** Lines of text[start, end): [lineStart, lineEnd) pairs, terminators excluded. */
function lines(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push([s, i]);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      s = i + 1;
    }
  }
  out.push([s, end]);
  return out;
}

const LEAD = /^[\s*_]*/; // indentation and emphasis markers before the number (**（一）标题。**正文)
const MARKS = /^[*_\s]+|[*_\s]+$/g;

/** A promoted heading for the line [s, e), or undefined when the line is not a numbered section title. */
function promoteLine(text: string, s: number, e: number): { heading: HeadingUnit; bodyStart: number } | undefined {
  const line = text.slice(s, e);
  const lead = LEAD.exec(line)?.[0].length ?? 0;
  const afterLead = line.slice(lead);
  const { numbering } = parseNumbering(afterLead);
  if (numbering.style !== 'chinese-dun' && numbering.style !== 'chinese-paren') return undefined;
  const prefixEnd = lead + afterLead.indexOf(numbering.raw) + numbering.raw.length;
  const rest = line.slice(prefixEnd);
  const stop = TITLE_END.exec(rest);
  let titleEnd: number; // offset in line, exclusive, of the title
  let headingEnd: number; // offset in line where the heading range ends (after the stop)
  if (stop && titleWidth(rest.slice(0, stop.index)) <= MAX_TITLE) {
    titleEnd = prefixEnd + stop.index;
    headingEnd = titleEnd + 1;
  } else if (titleWidth(rest.trim()) <= MAX_TITLE) {
    titleEnd = headingEnd = line.length;
  } else {
    return undefined; // a long numbered sentence, not a section title
  }
  // closing emphasis right after the title belongs to the heading
  while (headingEnd < line.length && (line[headingEnd] === '*' || line[headingEnd] === '_')) headingEnd++;
  const title = line.slice(prefixEnd, titleEnd).replace(MARKS, '');
  if (title === '') return undefined;
  let bodyStart = headingEnd;
  while (bodyStart < line.length && /[\s*_]/.test(line[bodyStart])) bodyStart++;
  const raw = line.slice(lead, titleEnd).replace(MARKS, '');
  return {
    heading: { type: 'heading', start: s + lead, end: s + headingEnd, depth: 0, raw, text: title, numbering, promoted: true },
    bodyStart: s + bodyStart,
  };
}

/**
 * Split a top-level paragraph [start, end) at numbered title lines.
 * Returns undefined when nothing is promoted (the caller keeps the paragraph whole).
 */
export function promoteParagraph(text: string, start: number, end: number): Array<HeadingUnit | BlockUnit> | undefined {
  const out: Array<HeadingUnit | BlockUnit> = [];
  let bodyStart = start; // start of the pending body text
  let bodyEnd = start;
  let promotedAny = false;
  const flush = () => {
    const t = text.slice(bodyStart, bodyEnd).trim();
    if (t !== '') {
      const lead = text.slice(bodyStart, bodyEnd).search(/\S/);
      const s = bodyStart + Math.max(0, lead);
      const e = s + text.slice(s, bodyEnd).trimEnd().length;
      out.push({ type: 'block', kind: 'paragraph', start: s, end: e, text: text.slice(s, e) });
    }
  };
  for (const [s, e] of lines(text, start, end)) {
    const p = promoteLine(text, s, e);
    if (p) {
      flush();
      promotedAny = true;
      out.push(p.heading);
      bodyStart = p.bodyStart;
      bodyEnd = e;
    } else {
      bodyEnd = e;
    }
  }
  if (!promotedAny) return undefined;
  flush();
  return out;
}
