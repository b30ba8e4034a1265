/** Markdown text -> PlanModel. One pass over the top-level mdast children; each child yields units independently. */
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { assemble } from './assemble';
import { extractTopLevel } from './extract';
import { lineStarts, type LineIndex } from './positions';
import type { PlanModel } from './types';
import type { Unit } from './units';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Top-level mdast children of `text`, each with its source offsets (the unit of a later incremental re-parse). */
export function parseTopLevel(text: string): RootContent[] {
  return (processor.parse(text) as Root).children;
}

/** Units of the given top-level nodes; a node that fails to extract is skipped rather than failing the document. */
export function unitsOf(text: string, nodes: RootContent[]): Unit[] {
  const units: Unit[] = [];
  for (const n of nodes) {
    const mark = units.length;
    try {
      extractTopLevel(text, n, units);
    } catch {
      units.length = mark;
    }
  }
  return units;
}

export function dominantEol(text: string): PlanModel['eol'] {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Line-based model for text the Markdown parser could not handle: every non-blank line a paragraph. */
function fallbackUnits(text: string, index: LineIndex): Unit[] {
  const units: Unit[] = [];
  const starts = index.lineStarts;
  for (let l = 0; l < starts.length; l++) {
    let e = l + 1 < starts.length ? starts[l + 1] : text.length;
    while (e > starts[l] && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
    const line = text.slice(starts[l], e);
    if (line.trim() !== '') units.push({ type: 'block', kind: 'paragraph', start: starts[l], end: e, text: line.trim() });
  }
  return units;
}

/** Dozens of nested containers on one line: micromark is quadratic (and recursive) in nesting depth, so skip it. */
const PATHOLOGICAL_NESTING = /^[ \t]*(?:(?:>[ \t]*)|(?:[-*+]|\d{1,9}[.)])[ \t]+){48}/m;

/** Parse a Markdown plan. Never throws: on any failure it degrades to a line-based model. */
export function parsePlan(text: string): PlanModel {
  const t = typeof text === 'string' ? text : String(text ?? '');
  const index: LineIndex = { text: t, lineStarts: lineStarts(t) };
  const eol = dominantEol(t);
  try {
    if (PATHOLOGICAL_NESTING.test(t)) throw new Error('nesting too deep');
    return assemble(t, unitsOf(t, parseTopLevel(t)), index, eol);
  } catch {
    try {
      return assemble(t, fallbackUnits(t, index), index, eol);
    } catch {
      return { text: t, language: 'en', sections: [], roots: [], blocks: [], comments: [], lineStarts: index.lineStarts, eol };
    }
  }
}
