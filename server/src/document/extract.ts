/** One top-level mdast node -> units (headings, blocks, comments, front matter), all with source offsets. */
import type { Nodes, Parent, RootContent } from 'mdast';
import { parseNumbering } from './numbering';
import { promoteParagraph } from './promote';
import type { BlockKind } from './types';
import type { BlockUnit, Unit } from './units';

function startOf(n: Nodes): number | undefined {
  return n.position?.start.offset;
}
function endOf(n: Nodes): number | undefined {
  return n.position?.end.offset;
}

/** Plain text of inline content (escapes resolved, markup and HTML dropped). */
export function plainText(n: Nodes): string {
  if (n.type === 'html') return '';
  if ('value' in n && typeof n.value === 'string') return n.value;
  if ('children' in n) return (n.children as Nodes[]).map(plainText).join('');
  return '';
}

const COMMENT = /<!--([\s\S]*?)-->/g;

/** Every closed `<!-- … -->` in an html node (a node may hold several). */
function comments(text: string, n: Nodes, out: Unit[]): void {
  const s = startOf(n);
  const e = endOf(n);
  if (s === undefined || e === undefined) return;
  const src = text.slice(s, e);
  for (const m of src.matchAll(COMMENT)) {
    const cs = s + (m.index ?? 0);
    out.push({ type: 'comment', start: cs, end: cs + m[0].length, text: m[1].trim() });
  }
}

/** Inline html (comments inside paragraphs, headings, cells). */
function inlineComments(text: string, n: Nodes, out: Unit[]): void {
  if (n.type === 'html') comments(text, n, out);
  else if ('children' in n) for (const c of n.children as Nodes[]) inlineComments(text, c, out);
}

const BLOCKQUOTE_MARKS = /^[ \t]*(?:>[ \t]?)+/gm;

function block(text: string, kind: BlockKind, s: number, e: number, out: Unit[], table?: BlockUnit['table']): void {
  // trim the range to its text
  const raw = text.slice(s, e);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  const start = s + lead;
  const end = start + trimmed.length;
  let t = trimmed;
  if (kind === 'blockquote') t = t.replace(BLOCKQUOTE_MARKS, '');
  if (t === '' && !table) return;
  out.push(table ? { type: 'block', kind, start, end, text: t, table } : { type: 'block', kind, start, end, text: t });
}

/** Block content nested in a container (list item, blockquote, footnote): `kind` says which. */
function nested(text: string, n: RootContent, kind: BlockKind, out: Unit[]): void {
  const s = startOf(n);
  const e = endOf(n);
  if (s === undefined || e === undefined) return;
  switch (n.type) {
    case 'paragraph':
    case 'heading':
      block(text, kind, s, e, out);
      inlineComments(text, n, out);
      return;
    case 'html':
      comments(text, n, out);
      return;
    case 'code':
      block(text, 'code', s, e, out);
      return;
    case 'table':
      table(text, n, out);
      return;
    case 'list':
      for (const item of n.children) listItem(text, item, out);
      return;
    case 'blockquote':
      for (const c of n.children) nested(text, c, 'blockquote', out);
      return;
    default:
      if ('children' in n) for (const c of (n as Parent).children as RootContent[]) nested(text, c, kind, out);
      else out.push({ type: 'other', start: s, end: e });
  }
}

/** A list item's own text (its paragraphs), then its nested lists and other blocks separately. */
function listItem(text: string, item: RootContent, out: Unit[]): void {
  if (item.type !== 'listItem') return nested(text, item, 'listItem', out);
  let runStart: number | undefined;
  let runEnd = 0;
  const inline: Nodes[] = [];
  const flush = () => {
    if (runStart !== undefined) block(text, 'listItem', runStart, runEnd, out);
    for (const n of inline) inlineComments(text, n, out);
    runStart = undefined;
    inline.length = 0;
  };
  for (const c of item.children) {
    const s = startOf(c);
    const e = endOf(c);
    if (s === undefined || e === undefined) continue;
    if (c.type === 'paragraph' || c.type === 'heading') {
      runStart ??= s;
      runEnd = e;
      inline.push(c);
    } else {
      flush();
      nested(text, c, 'listItem', out);
    }
  }
  flush();
}

function table(text: string, n: RootContent, out: Unit[]): void {
  if (n.type !== 'table') return;
  const key = startOf(n) ?? 0;
  n.children.forEach((row, r) => {
    row.children.forEach((cell, c) => {
      const s = startOf(cell);
      const e = endOf(cell);
      if (s === undefined || e === undefined) return;
      // the cell's position includes its pipes; its content is between them
      const first = cell.children.length ? startOf(cell.children[0]) : undefined;
      const last = cell.children.length ? endOf(cell.children[cell.children.length - 1]) : undefined;
      const cs = first ?? s;
      const ce = last ?? cs;
      block(text, 'tableCell', cs, ce, out, { key, row: r, column: c });
      inlineComments(text, cell, out);
    });
  });
}

/** Units of one top-level node, appended to `out`; top-level paragraphs may yield promoted headings (flat drafts). */
export function extractTopLevel(text: string, n: RootContent, out: Unit[]): void {
  const s = startOf(n);
  const e = endOf(n);
  if (s === undefined || e === undefined) return;
  switch (n.type) {
    case 'yaml': {
      const nl = text.slice(s, e).search(/\r\n|\r|\n/);
      const contentStart = nl < 0 ? e : s + nl + (text.startsWith('\r\n', s + nl) ? 2 : 1);
      out.push({ type: 'frontMatter', start: s, end: e, raw: n.value, contentStart });
      return;
    }
    case 'heading': {
      const kids = n.children;
      const rs = kids.length ? startOf(kids[0]) : undefined;
      const re = kids.length ? endOf(kids[kids.length - 1]) : undefined;
      const raw = rs !== undefined && re !== undefined ? text.slice(rs, re).trim() : '';
      const { numbering, rest } = parseNumbering(plainText(n).replace(/\s+/g, ' ').trim());
      const headingText = rest.replace(/[。．.：:；;\s]+$/, '');
      out.push({ type: 'heading', start: s, end: e, depth: n.depth, raw, text: headingText, numbering, promoted: false });
      inlineComments(text, n, out);
      return;
    }
    case 'paragraph': {
      const parts = promoteParagraph(text, s, e);
      if (!parts) {
        block(text, 'paragraph', s, e, out);
        inlineComments(text, n, out);
        return;
      }
      const cs: Unit[] = [];
      inlineComments(text, n, cs);
      // merge comments into document order
      const merged: Unit[] = [...parts, ...cs].sort((a, b) => a.start - b.start);
      out.push(...merged);
      return;
    }
    case 'blockquote':
      for (const c of n.children) nested(text, c, 'blockquote', out);
      return;
    default:
      nested(text, n, 'paragraph', out);
  }
}
