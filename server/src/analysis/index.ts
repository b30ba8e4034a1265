/** The analysis layer: plan model + profile + options -> coverage (with evidence) and findings. Pure; no editor. */
import type { PlanModel } from '../document/types';
import { uiLang } from '../l10n';
import type { Profile } from '../profile/types';
import { readControls } from './controls';
import { applyControls } from './controls';
import { computeCoverage, type CoverageMemo } from './coverage';
import { coverageFindings, numberingFindings, targetFindings } from './findings';
import { matcherFor } from './match';
import type { AnalysisOptions, AnalysisResult, Coverage, Finding } from './types';
import { findTargets, type TargetsState } from './targets';
import { buildView, type PlanView } from './view';

export type * from './types';
export { readControls, applyControls, parseRuleSpec } from './controls';
export { findValues, aligned } from './values';
export { findYearMarkers, TARGET_YEARS } from './targets';

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}

/** What an analysis keeps so that the next one, of the model updated after an edit, redoes only what the edit touched. */
interface State {
  view: PlanView;
  coverage: CoverageMemo;
  targets: TargetsState;
  /** numberingFindings of the model's section tree (the same while its Heading objects are), in a UI language. */
  numbering: { model: PlanModel; lang: string; findings: Finding[] };
}

/**
 * Analyses the successive models of one document: each analysis starts from the previous one's
 * state and looks again only at the blocks that changed (the document layer reuses the Block and
 * Heading objects of everything else), so a keystroke costs what it touched, not the whole draft.
 * The results equal analyze() of the same model (a property test applies random edit sequences).
 */
export class Analyzer {
  private state?: State;

  analyze(model: PlanModel, profile: Profile, options: AnalysisOptions = {}): AnalysisResult {
    const prev = this.state;
    this.state = undefined; // the previous state is updated in place: never reuse it after a failure
    const controls = readControls(model, profile);
    const level = controls.level ?? options.level;
    const view = buildView(model, profile, prev?.view);
    const { areas, score, memo } = computeCoverage({ view, level, covers: controls.covers }, prev?.coverage);
    const coverage: Coverage = { score, areas, targets: [] };
    const targets = findTargets(view, view.change.context ? prev?.targets : undefined);
    coverage.targets = targets.targets;
    const lang = uiLang();
    const numbering = prev && prev.numbering.lang === lang && sameHeadings(prev.numbering.model, model) ? prev.numbering.findings : numberingFindings(model);
    const raw = [...coverageFindings(view, coverage), ...targetFindings(view, coverage, profile), ...numbering];
    const findings = applyControls(raw, controls, options).sort(byPosition);
    this.state = { view, coverage: memo, targets: targets.state, numbering: { model, lang, findings: numbering } };
    return { profile: profile.id, language: model.language, level, coverage, findings };
  }
}

/** The same sections with the same Heading objects (numbering findings read only those). */
function sameHeadings(a: PlanModel, b: PlanModel): boolean {
  if (a === b) return true;
  if (a.sections.length !== b.sections.length || a.roots.length !== b.roots.length) return false;
  for (let i = 0; i < a.sections.length; i++) {
    if (a.sections[i].heading !== b.sections[i].heading || a.sections[i].parent !== b.sections[i].parent) return false;
  }
  for (let i = 0; i < a.roots.length; i++) if (a.roots[i] !== b.roots[i]) return false;
  return true;
}

/**
 * Analyse a plan. Front matter `planlint.level` / `ignore` are read here; `options.level` (config)
 * is used when the front matter gives none.
 */
export function analyze(model: PlanModel, profile: Profile, options: AnalysisOptions = {}): AnalysisResult {
  return new Analyzer().analyze(model, profile, options);
}

/** Is this Markdown file a plan? Front matter `planlint`, a matching include glob, or text naming the Plan. */
export function isPlanDocument(model: PlanModel, profile: Profile, opts: { includeMatched?: boolean } = {}): boolean {
  if (opts.includeMatched) return true;
  const fm = model.frontMatter?.data;
  if (fm && typeof fm === 'object' && 'planlint' in fm) return true;
  const matcher = matcherFor(profile);
  const named = (norm: string) => matcher.scan(norm).some((h) => h.owners.some((o) => o.kind === 'plan-marker'));
  if (model.title && named(model.title.text.toLowerCase())) return true;
  return model.sections.some((s) => named(s.heading.norm)) || model.blocks.some((b) => named(b.norm));
}
