/**
 * What must hold for any text, however hostile: the analysis and every LSP feature computed from it
 * return without throwing, every range and line they report lies inside the document, document
 * symbols nest as editors require, and each quick-fix insert keeps every byte of the draft.
 */
import type { TextDocumentEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/analysis/types';
import { checkText } from '../../server/src/engine';
import { codeActions } from '../../server/src/features/codeActions';
import { codeLenses } from '../../server/src/features/codeLens';
import { completions } from '../../server/src/features/completion';
import { coverageView } from '../../server/src/features/coverage';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { builtinSnippets } from '../../server/src/features/snippets/sources';
import { documentSymbols } from '../../server/src/features/symbols';
import { fixAllInserts, type FixInput, insertFor, toTextEdits, type TextEditLike } from '../../server/src/fixes';
import { loadBuiltinProfile } from '../../server/src/profile';
import type { Profile } from '../../server/src/profile/types';
import type { DocAnalysis } from '../../server/src/workspace/types';

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}

let builtin: Profile | undefined;
export const profile = (): Profile => (builtin ??= loadBuiltinProfile());

/** Line lengths (without terminators) as an LSP client sees them: \r\n, \r and \n end lines. */
export function lineLengths(text: string): number[] {
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
  const out: number[] = [];
  for (let l = 0; l < doc.lineCount; l++) {
    const s = doc.offsetAt({ line: l, character: 0 });
    const e = l + 1 < doc.lineCount ? doc.offsetAt({ line: l + 1, character: 0 }) : text.length;
    out.push(text.slice(s, e).replace(/\r\n$|\r$|\n$/, '').length);
  }
  return out;
}

function isPos(v: unknown): v is Pos {
  return !!v && typeof v === 'object' && typeof (v as Pos).line === 'number' && typeof (v as Pos).character === 'number';
}

function isRange(v: unknown): v is Rng {
  return !!v && typeof v === 'object' && isPos((v as Rng).start) && isPos((v as Rng).end);
}

const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Every Range, and every number under a key named `line` / `startLine` / `endLine`, found anywhere in `value`. */
export function rangeProblems(value: unknown, lengths: number[], where: string): string[] {
  const problems: string[] = [];
  const seen = new Set<unknown>();
  const posOk = (p: Pos) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  const walk = (v: unknown, path: string) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (isRange(v)) {
      if (!posOk(v.start) || !posOk(v.end) || before(v.end, v.start)) {
        problems.push(`${where}${path}: range ${JSON.stringify(v)} outside the document (${lengths.length} lines; line lengths ${lengths[v.start.line]}/${lengths[v.end.line]})`);
      }
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'line' || k === 'startLine' || k === 'endLine') && typeof x === 'number') {
        if (!Number.isInteger(x) || x < 0 || x >= lengths.length) problems.push(`${where}${path}.${k} = ${x} outside 0..${lengths.length - 1}`);
      } else if (k !== 'lineStarts' && k !== 'text' && k !== 'norm') {
        walk(x, `${path}.${k}`);
      }
    }
  };
  walk(value, '');
  return problems;
}

/** Apply LSP edits with the same line model as the server's documents. */
export function applyEdits(text: string, edits: TextEditLike[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

/** The original text is what remains after taking each inserted span out again. */
export function keepsEveryByte(before: string, after: string, edits: TextEditLike[]): boolean {
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, before);
  const spans = edits
    .map((e, i) => ({ at: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), len: e.newText.length, i }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  if (spans.some((s) => s.end !== s.at)) return false; // not an insert
  // Removing the spans left to right: each starts at its original offset in what is left.
  let rest = after;
  for (const s of spans) {
    if (rest.slice(s.at, s.at + s.len) !== edits[s.i].newText) return false;
    rest = rest.slice(0, s.at) + rest.slice(s.at + s.len);
  }
  return rest === before;
}

/** The edits only add lines: none of their line ends merges with one of the text (a \n after a bare \r). */
export function keepsEveryLine(before: string, after: string, edits: TextEditLike[]): boolean {
  const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;
  return breaks(after) === breaks(before) + edits.reduce((n, e) => n + breaks(e.newText), 0);
}

export function analysisOf(text: string, version = 1, p: Profile = profile()): DocAnalysis {
  const checked = checkText(text, { profile: p, config: {}, path: undefined });
  return { uri: 'file:///fuzz/draft.md', version, model: checked.model, result: checked.result, isPlan: checked.isPlan || true, profile: p, config: {} };
}

export interface FeatureCounts {
  findings: number;
  actions: number;
  inserts: number;
}

/**
 * Runs the analysis and every feature on `text` (under `p`, the built-in profile by default);
 * throws with a list of violations. `isPlan` is forced so that plan-only features run on any text.
 */
export function checkEverything(text: string, p: Profile = profile()): FeatureCounts {
  const lengths = lineLengths(text);
  const a = analysisOf(text, 1, p);
  const problems: string[] = [];
  problems.push(...rangeProblems(a.result, lengths, 'result'));
  const { model } = a;
  problems.push(
    ...rangeProblems(
      { sections: model.sections, blocks: model.blocks, comments: model.comments, title: model.title, frontMatter: model.frontMatter && { range: model.frontMatter.range } },
      lengths,
      'model',
    ),
  );
  if (model.lineStarts.length !== lengths.length) problems.push(`model has ${model.lineStarts.length} lines, the editor ${lengths.length}`);
  if (model.text !== text) problems.push('model.text differs from the text');

  problems.push(...rangeProblems(diagnosticsOf(a), lengths, 'diagnostics'));
  problems.push(...rangeProblems(codeLenses(a), lengths, 'codeLens'));
  problems.push(...rangeProblems(foldingRanges(a), lengths, 'folding'));
  problems.push(...rangeProblems(coverageView(a), lengths, 'coverage'));
  for (const f of foldingRanges(a)) if (f.endLine < f.startLine) problems.push(`folding ${f.startLine} > ${f.endLine}`);

  const symbols = documentSymbols(a);
  problems.push(...rangeProblems(symbols, lengths, 'symbols'));
  const within = (inner: Rng, outer: Rng) => !before(inner.start, outer.start) && !before(outer.end, inner.end);
  const walkSymbols = (list: typeof symbols, parent?: Rng) => {
    for (const s of list) {
      if (!within(s.selectionRange, s.range)) problems.push(`symbol "${s.name}": selectionRange ${JSON.stringify(s.selectionRange)} not inside range ${JSON.stringify(s.range)}`);
      if (parent && !within(s.range, parent)) problems.push(`symbol "${s.name}": range not inside its parent's`);
      walkSymbols(s.children ?? [], s.range);
    }
  };
  walkSymbols(symbols);

  let actions = 0;
  const positions: Pos[] = [{ line: 0, character: 0 }, { line: lengths.length - 1, character: lengths[lengths.length - 1] }];
  const diagnostics = diagnosticsOf(a);
  // every finding's actions are computed; the edits of the first ones are applied (each costs a copy of the text)
  const APPLIED = 100;
  for (const [k, f] of a.result.findings.entries()) {
    positions.push(f.range.start);
    const diagnostic = diagnostics.find((d) => d.code === f.rule);
    const list = codeActions(a, { textDocument: { uri: a.uri }, range: f.range, context: { diagnostics: diagnostic ? [diagnostic] : [] } });
    actions += list.length;
    problems.push(...rangeProblems(list, lengths, `codeActions(${f.rule})`));
    for (const action of k < APPLIED ? list : []) {
      const edits = ((action.edit?.documentChanges ?? []) as TextDocumentEdit[]).flatMap((c) => c.edits as TextEditLike[]);
      const after = applyEdits(text, edits);
      if (!keepsEveryByte(text, after, edits) || !keepsEveryLine(text, after, edits)) problems.push(`code action "${action.title}" does not only insert lines`);
    }
  }
  for (const s of model.sections.slice(0, 20)) positions.push(s.heading.range.start, s.heading.range.end);
  for (const p of positions) {
    problems.push(...rangeProblems(hover(a, p), lengths, `hover@${p.line}:${p.character}`));
    problems.push(...rangeProblems(completions(a, { textDocument: { uri: a.uri }, position: p }, [builtinSnippets]), lengths, `completion@${p.line}:${p.character}`));
  }

  const input: FixInput = { model, result: a.result, profile: a.profile };
  let inserts = 0;
  const all = [...a.result.findings.slice(0, APPLIED).map((f) => ({ f, edits: toTextEdits(model, insertFor(input, f)) })), { f: undefined, edits: toTextEdits(model, fixAllInserts(input)) }];
  for (const { f, edits } of all) {
    if (!edits.length) continue;
    inserts++;
    problems.push(...rangeProblems(edits, lengths, `insert(${f?.rule ?? 'fix-all'})`));
    const after = applyEdits(text, edits);
    if (!keepsEveryByte(text, after, edits)) problems.push(`insert for ${f?.rule ?? 'fix-all'} ${JSON.stringify(f?.data ?? {})} does not keep the original text`);
    if (!keepsEveryLine(text, after, edits)) problems.push(`insert for ${f?.rule ?? 'fix-all'} ${JSON.stringify(f?.data ?? {})} joins lines of the original text`);
  }

  if (problems.length) throw new Error(`${problems.length} violation(s):\n${problems.slice(0, 12).join('\n')}`);
  return { findings: a.result.findings.length, actions, inserts };
}

/** Same rule and data: the identity of a finding across versions of a text. */
export const sameFinding = (a: Finding, b: Finding) => a.rule === b.rule && JSON.stringify(a.data) === JSON.stringify(b.data);

export const SKELETON_RULES = ['area-missing', 'area-mentioned-only', 'closing-chapter-missing', 'measure-missing', 'target-missing'];
