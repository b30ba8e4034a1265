/**
 * Chunked parsing: the text is parsed in groups of top-level blocks and cut into pieces at block
 * boundaries that the parse itself confirms, so that
 * - a cold parse never hands micromark one huge input (its list and event handling is superlinear:
 *   a 1 MB draft parses several times faster in ~4 KB groups than whole), and
 * - an edit re-parses only the pieces around it (see incremental.ts).
 *
 * A *candidate* is a line start where a new top-level block may begin: a line starting at column 0
 * after a blank line, or a bullet item with text at column 0. A candidate inside a group is a real
 * boundary when no top-level node of the group's parse spans it (for a list: no list item), which
 * makes the units of [a, b) and [b, c) parsed alone equal to those of [a, c) parsed together:
 * every construct open before b is closed by line b, and a standalone parse from b starts in the
 * state the full parse is in at b. Two constructs look further ahead and are handled globally:
 * front matter (the first group always reaches past its closing fence) and link / footnote
 * definitions (a document with `]:` anywhere is parsed in one group: references resolve document-wide).
 */
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import type { Extension } from 'micromark-util-types';
import { eventNodes } from './events';
import { extractTopLevel, plainText } from './extract';
import type { Unit } from './units';

/**
 * GFM's tree transforms (finding www. / e-mail literals in every text node to wrap them in links)
 * cost about a fifth of a parse and change no unit: a link's text is the literal as written. Drop them.
 */
function withoutTreeTransforms(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: unknown[] };
  const strip = (e: unknown): unknown => {
    if (Array.isArray(e)) return e.map(strip);
    if (!e || typeof e !== 'object' || !('transforms' in e)) return e;
    const { transforms: _dropped, ...rest } = e as Record<string, unknown>;
    return rest;
  };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(strip);
}

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(withoutTreeTransforms);
/**
 * Everything else. Front matter exists only at the very start: later groups must not see `---` on
 * their first line as one. And an unclosed opening `---` is no front matter: the extension's
 * failed attempt there leaves micromark unable to recognise any list in the rest of the text.
 */
const body = unified().use(remarkParse).use(remarkGfm).use(withoutTreeTransforms);

/** A run of top-level blocks. Unit offsets are relative to `start`. */
export interface Piece {
  start: number;
  end: number;
  units: Unit[];
}

/** Group size of a cold parse: large enough to amortise the parser's setup, small enough to stay linear. */
export const COLD_GROUP = 4096;

/** Copy a slice so that it does not keep the (possibly huge) string it was cut from alive. */
export function detach(s: string): string {
  return s.length < 16 ? s : (' ' + s).slice(1);
}

/** Start of the line after the one holding `i` (text.length at the end). */
export function nextLineStart(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    i++;
  }
  return n;
}

/** End of the content of the line starting at `ls` (before its terminator). */
function lineEnd(text: string, ls: number): number {
  let i = ls;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Start of the line holding offset `i`. */
export function lineStartOf(text: string, i: number): number {
  let j = Math.min(i, text.length);
  while (j > 0) {
    const c = text.charCodeAt(j - 1);
    if (c === 10 || c === 13) break;
    j--;
  }
  return j;
}

function isBlank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

const THEMATIC = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** A bullet item with text at column 0 (not a thematic break like `- - -`). */
function isBulletLine(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  if (c !== 45 && c !== 42 && c !== 43) return false; // - * +
  const d = text.charCodeAt(s + 1);
  if (d !== 32 && d !== 9) return false;
  if (isBlank(text, s + 2, e)) return false;
  return !THEMATIC.test(text.slice(s, e));
}

/** Could a top-level block begin at line start `ls`? `prevBlank`: the line before is blank. */
function isCandidate(text: string, ls: number, le: number, prevBlank: boolean): boolean {
  if (le === ls) return false;
  const c = text.charCodeAt(ls);
  if (c === 32 || c === 9) return false;
  if (prevBlank) return !isBlank(text, ls, le);
  return isBulletLine(text, ls, le);
}

/** Is the line before line start `ls` blank (true at the start of the text)? */
function prevLineBlank(text: string, ls: number): boolean {
  if (ls <= 0) return true;
  let e = ls - 1; // the previous line's terminator
  if (text.charCodeAt(e) === 10 && e > 0 && text.charCodeAt(e - 1) === 13) e--;
  return isBlank(text, lineStartOf(text, e), e);
}

/** Candidates p with from < p < to (from is a line start). */
export function candidatesIn(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let prevBlank = prevLineBlank(text, from);
  let ls = from;
  while (ls < to) {
    const le = lineEnd(text, ls);
    if (ls > from && isCandidate(text, ls, le, prevBlank)) out.push(ls);
    prevBlank = isBlank(text, ls, le);
    const next = nextLineStart(text, le);
    if (next === ls) break;
    ls = next;
  }
  return out;
}

/** The first candidate at or after `from` (text.length when none). */
export function nextCandidate(text: string, from: number): number {
  let ls = lineStartOf(text, from);
  if (ls > 0 && text.charCodeAt(ls) === 10 && text.charCodeAt(ls - 1) === 13) ls++; // inside a \r\n
  if (ls < from) ls = nextLineStart(text, ls);
  let prevBlank = prevLineBlank(text, ls);
  const n = text.length;
  while (ls < n) {
    const le = lineEnd(text, ls);
    if (ls > 0 && isCandidate(text, ls, le, prevBlank)) return ls;
    prevBlank = isBlank(text, ls, le);
    ls = nextLineStart(text, le);
  }
  return n;
}

const FM_OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const FM_CLOSE = /^---[ \t]*$/;

/**
 * Where front matter ends (start of the line after its closing fence), or 0 without front matter.
 * Mirrors micromark-extension-frontmatter: `---` on the first line, closed by the next `---` line.
 */
export function frontMatterEnd(text: string): number {
  const open = FM_OPEN.exec(text);
  if (!open) return 0;
  let ls = open[0].length;
  const n = text.length;
  while (ls < n) {
    const le = lineEnd(text, ls);
    if (le - ls >= 3 && FM_CLOSE.test(text.slice(ls, le))) return nextLineStart(text, le);
    const next = nextLineStart(text, le);
    if (next === ls) break;
    ls = next;
  }
  return 0;
}

/** Text in which references may resolve across blocks: parse it whole. */
export function hasDefinitions(text: string): boolean {
  return text.includes(']:');
}

/** Characters handed to micromark so far: an operation count for tests of the chunking's cost. */
export const parseVolume = { chars: 0, groups: 0 };

/** The micromark extensions a processor parses with (remark-gfm's and remark-frontmatter's). */
function extensionsOf(processor: Processor<Root>): Extension[] {
  return (processor.freeze().data() as { micromarkExtensions?: Extension[] }).micromarkExtensions ?? [];
}
const withFrontMatterExtensions = extensionsOf(withFrontMatter);
const bodyExtensions = extensionsOf(body);

/** A heading's plain text from mdast, for headings with markup (undefined: not a heading on its own). */
function headingText(source: string): string | undefined {
  const first = (body.parse(source) as Root).children[0];
  return first?.type === 'heading' ? plainText(first) : undefined;
}

/** Top-level nodes of a group: from micromark's events where they say enough (events.ts), else mdast. */
function parseNodes(g: string, frontMatter: boolean, how: 'events' | 'mdast' = 'events'): RootContent[] {
  parseVolume.chars += g.length;
  parseVolume.groups++;
  const nodes = how === 'events' ? eventNodes(g, frontMatter ? withFrontMatterExtensions : bodyExtensions, headingText) : undefined;
  return nodes ?? ((frontMatter ? withFrontMatter : body).parse(g) as Root).children;
}

/**
 * What a group's parse gives chunking and extraction, from events or from mdast (the two must be
 * equal: test/unit/document-events.test.ts): top-level nodes' types and offsets, list items'
 * offsets, and the units.
 */
export function parsedBy(how: 'events' | 'mdast', g: string, frontMatter: boolean): { nodes: unknown[]; units: Unit[] } {
  const top = parseNodes(g, frontMatter, how);
  const units: Unit[] = [];
  for (const n of top) extractNode(g, n, units);
  const at = (n: RootContent) => [n.position?.start.offset, n.position?.end.offset];
  const nodes = top.map((n) => [n.type, ...at(n), n.type === 'list' ? n.children.map(at) : []]);
  return { nodes, units };
}

/** Units of one node; a node that fails to extract is skipped rather than failing the document. */
function extractNode(g: string, n: RootContent, units: Unit[]): void {
  const mark = units.length;
  try {
    extractTopLevel(g, n, units);
  } catch {
    units.length = mark;
  }
}

/**
 * Make a unit's offsets relative to its piece, and give it its own copies of its strings: a slice
 * keeps the whole group it was cut from alive, and the analysis remembers results by block text
 * across documents (a server that opened and closed many drafts kept every one's text).
 */
function settle(u: Unit, by: number): void {
  u.start -= by;
  u.end -= by;
  if (u.type === 'frontMatter') {
    u.contentStart -= by;
    u.raw = detach(u.raw);
  } else if (u.type === 'heading') {
    u.text = detach(u.text);
    u.raw = detach(u.raw);
  } else if (u.type !== 'other') {
    u.text = detach(u.text);
    if (u.type === 'block' && u.table) u.table.key -= by;
  }
}

export interface GroupResult {
  /** Pieces of [a, limit), limit being the last confirmed boundary (or c when the group reaches the end). */
  pieces: Piece[];
  /** Where the next group starts; equals a when no candidate inside the group was confirmed. */
  limit: number;
}

/**
 * Parse text[a, c) as one group (a is a confirmed boundary) and cut it at the candidates the parse
 * confirms. When c < text.length the last piece is left out (its end is not confirmed yet): the
 * next group starts at the last confirmed boundary.
 */
export function parseGroup(text: string, a: number, c: number, candidates: number[], frontMatter: boolean): GroupResult {
  const atEnd = c >= text.length;
  const g = detach(text.slice(a, c));
  const nodes = parseNodes(g, a === 0 && frontMatter);
  // confirmed boundaries (relative): candidates no node (or list item) spans
  const confirmed: number[] = [];
  let k = 0;
  for (const p of candidates) {
    if (p <= a || p >= c) continue;
    const r = p - a;
    while (k < nodes.length && (nodes[k].position?.end.offset ?? 0) <= r) k++;
    const n = nodes[k];
    const ns = n?.position?.start.offset ?? Infinity;
    if (!n || ns >= r) {
      confirmed.push(r);
      continue;
    }
    if (n.type === 'list' && n.children.every((it) => (it.position?.start.offset ?? 0) >= r || (it.position?.end.offset ?? 0) <= r)) confirmed.push(r);
  }
  if (!atEnd && confirmed.length === 0) return { pieces: [], limit: a };
  const limitRel = atEnd ? c - a : confirmed[confirmed.length - 1];
  const cuts = atEnd ? confirmed : confirmed.slice(0, -1);
  // pieces [0, cut1), [cut1, cut2) … [cutLast, limitRel)
  const bounds = [0, ...cuts, limitRel];
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) pieces.push({ start: a + bounds[i], end: a + bounds[i + 1], units: [] });
  let pi = 0;
  const pieceOf = (rel: number): Piece | undefined => {
    while (pi + 1 < bounds.length - 1 && rel >= bounds[pi + 1]) pi++;
    return rel < limitRel ? pieces[pi] : undefined;
  };
  for (const n of nodes) {
    const ns = n.position?.start.offset;
    if (ns === undefined) continue;
    if (ns >= limitRel) break;
    const ne = n.position?.end.offset ?? ns;
    const crosses = ne > limitRel || cuts.some((b) => b > ns && b < ne);
    if (n.type === 'list' && crosses) {
      for (const item of n.children) {
        const is = item.position?.start.offset;
        if (is === undefined || is >= limitRel) continue;
        const piece = pieceOf(is);
        if (piece) extractNode(g, { ...n, children: [item] }, piece.units);
      }
    } else {
      const piece = pieceOf(ns);
      if (piece) extractNode(g, n, piece.units);
    }
  }
  for (const p of pieces) {
    const by = p.start - a;
    for (const u of p.units) settle(u, by);
  }
  return { pieces, limit: a + limitRel };
}

/**
 * Chunk text from confirmed boundary `from` on, group by group, and return the pieces.
 * `frontMatter`: where the front matter ends (0: none); the first group reaches past it and past
 * `minEnd`. `stop` is asked at each confirmed boundary whether the rest is known (incremental
 * re-parse). Yields between groups so that a caller can interleave other work (parsePlanSteps).
 */
export function* chunkFrom(
  text: string,
  from: number,
  opts: { groupSize: number; frontMatter: number; minEnd?: number; stop?: (boundary: number) => boolean; whole?: boolean },
): Generator<void, Piece[], void> {
  const out: Piece[] = [];
  const n = text.length;
  let a = from;
  let size = opts.groupSize;
  let past = 0;
  const whole = opts.whole ?? hasDefinitions(text);
  while (a < n) {
    let c = whole ? n : nextCandidate(text, Math.max(a + size, opts.minEnd ?? 0, opts.frontMatter, past));
    // A group never confirms its own end: ending a cold group right after a long block (a huge
    // table) would throw that block's parse away and parse it again in the next group.
    if (!whole && !opts.stop && c < n) c = nextCandidate(text, c + 1);
    if (c <= a) c = n;
    const cands = whole ? [] : candidatesIn(text, a, Math.min(n, c + 1));
    const r = parseGroup(text, a, c, cands, opts.frontMatter > 0);
    if (r.limit === a) {
      // nothing confirmed (a long fence, a huge table or list item): take a bigger group, one that
      // reaches past this c at least (the candidate after a + 2·size may be the same c, parsed again for nothing)
      size *= 2;
      past = c + 1;
      continue;
    }
    // a long unconfirmed tail [limit, c) is parsed again next: let that group reach past c at once
    past = c - r.limit > size ? c + 1 : 0;
    size = opts.groupSize;
    let stopped = false;
    for (const p of r.pieces) {
      if (opts.stop && p.start > from && opts.stop(p.start)) {
        stopped = true;
        break;
      }
      out.push(p);
    }
    if (stopped) return out;
    a = r.limit;
    if (a < n && opts.stop?.(a)) return out;
    if (a < n) yield;
  }
  return out;
}
