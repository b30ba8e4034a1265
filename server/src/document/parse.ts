/**
 * Markdown text -> PlanModel. The text is parsed in groups of top-level blocks (chunks.ts); each
 * top-level node yields units independently, and the pieces are assembled into the model. The
 * pieces are kept with the model so that updatePlan (incremental.ts) re-parses only what an edit touched.
 */
import { assemble, assembleWithLayout, type Layout } from './assemble';
import { chunkFrom, COLD_GROUP, frontMatterEnd, hasDefinitions, parseGroup, type Piece } from './chunks';
import { lineStarts, type LineIndex } from './positions';
import type { PlanModel } from './types';
import type { Unit } from './units';

export function dominantEol(text: string): PlanModel['eol'] {
  const { crlf, lf } = eolCounts(text);
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
export const PATHOLOGICAL_NESTING = /^[ \t]*(?:(?:>[ \t]*)|(?:[-*+]|\d{1,9}[.)])[ \t]+){48}/m;

/**
 * The text with the container markers of each pathologically nested line blanked out: the same
 * length and lines, so every offset stays valid, and the rest of the draft keeps its structure
 * (one such line used to reduce the whole draft to the line-based model, without headings).
 */
export function maskPathological(text: string): string {
  return text.replace(new RegExp(PATHOLOGICAL_NESTING.source, 'gm'), (m) => m.replace(/[^ \t]/g, ' '));
}

/** What updatePlan needs to reuse a model's parse: its pieces and where its front matter ends. */
export interface ParseState {
  pieces: Piece[];
  frontMatterEnd: number;
  /** The text has `]:` (link or footnote definitions): it was parsed whole. */
  definitions: boolean;
  /** Counts of \r\n and bare \n line ends (dominantEol), kept up to date by edits. */
  crlf: number;
  lf: number;
  /** Where the model's parts come from, by piece (an edit that keeps the structure is spliced in). */
  layout?: Layout;
}

const states = new WeakMap<PlanModel, ParseState>();

/** The parse behind a model, or undefined for a model from the line-based fallback. */
export function parseStateOf(model: PlanModel): ParseState | undefined {
  return states.get(model);
}

export function modelFromPieces(text: string, pieces: Piece[], index: LineIndex, state: Omit<ParseState, 'pieces' | 'layout'>): PlanModel {
  const { model, layout } = assembleWithLayout(text, pieces, index, eolOf(state));
  states.set(model, { ...state, pieces, layout });
  return model;
}

export function eolOf(counts: { crlf: number; lf: number }): PlanModel['eol'] {
  return counts.crlf > counts.lf ? '\r\n' : '\n';
}

/** Remember the parse behind a model made elsewhere (an edit spliced into the previous model). */
export function keepState(model: PlanModel, state: ParseState): PlanModel {
  states.set(model, state);
  return model;
}

export function eolCounts(text: string, from = 0, to = text.length): { crlf: number; lf: number } {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return { crlf, lf };
}

function fallbackModel(t: string, index: LineIndex): PlanModel {
  const eol = dominantEol(t);
  try {
    return assemble(t, [{ start: 0, end: t.length, units: fallbackUnits(t, index) }], index, eol);
  } catch {
    return { text: t, language: 'en', sections: [], roots: [], blocks: [], comments: [], lineStarts: index.lineStarts, eol };
  }
}

/**
 * Parse a Markdown plan step by step: the generator pauses between groups of blocks (a few KB
 * each) so that a caller can interleave other work or give up on a stale version. Never throws:
 * on any failure it degrades to a line-based model.
 */
export function* parsePlanSteps(text: string): Generator<void, PlanModel, void> {
  const t = typeof text === 'string' ? text : String(text ?? '');
  const index: LineIndex = { text: t, lineStarts: lineStarts(t) };
  try {
    if (PATHOLOGICAL_NESTING.test(t)) {
      // parsed masked and kept without a parse state, so that every edit re-parses it whole
      const masked = maskPathological(t);
      const pieces = yield* chunkFrom(masked, 0, { groupSize: COLD_GROUP, frontMatter: frontMatterEnd(masked) });
      return assemble(t, pieces, index, dominantEol(t));
    }
    const fm = frontMatterEnd(t);
    const pieces = yield* chunkFrom(t, 0, { groupSize: COLD_GROUP, frontMatter: fm });
    return modelFromPieces(t, pieces, index, { frontMatterEnd: fm, definitions: hasDefinitions(t), ...eolCounts(t) });
  } catch {
    return fallbackModel(t, index);
  }
}

/** Parse a Markdown plan. Never throws: on any failure it degrades to a line-based model. */
export function parsePlan(text: string): PlanModel {
  const steps = parsePlanSteps(text);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The same model from one parse of the whole text (no chunking): the reference the tests compare with. */
export function parsePlanWhole(text: string): PlanModel {
  const t = typeof text === 'string' ? text : String(text ?? '');
  const index: LineIndex = { text: t, lineStarts: lineStarts(t) };
  try {
    const src = PATHOLOGICAL_NESTING.test(t) ? maskPathological(t) : t;
    const { pieces } = parseGroup(src, 0, src.length, [], frontMatterEnd(src) > 0);
    return assemble(t, pieces, index, dominantEol(t));
  } catch {
    return fallbackModel(t, index);
  }
}

/**
 * parsePlan in time slices: gives the event loop a turn every `sliceMs` of parsing, so that a cold
 * parse of a huge draft does not hold up other documents. Resolves undefined when `cancelled()`
 * turns true between slices (a newer version made this parse pointless).
 */
export async function parsePlanAsync(text: string, opts: { sliceMs?: number; cancelled?: () => boolean } = {}): Promise<PlanModel | undefined> {
  const slice = opts.sliceMs ?? 8;
  const steps = parsePlanSteps(text);
  let since = Date.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (Date.now() - since >= slice) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (opts.cancelled?.()) return undefined;
      since = Date.now();
    }
  }
}
