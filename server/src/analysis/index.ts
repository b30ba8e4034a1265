/** The analysis layer: plan model + profile + options -> coverage (with evidence) and findings. Pure; no editor. */
import type { PlanModel } from '../document/types';
import type { Profile } from '../profile/types';
import { readControls } from './controls';
import { applyControls } from './controls';
import { computeCoverage } from './coverage';
import { coverageFindings, numberingFindings, targetFindings } from './findings';
import { matcherFor } from './match';
import { findTargets } from './targets';
import type { AnalysisOptions, AnalysisResult, Coverage, Finding } from './types';
import { buildView } from './view';

export type * from './types';
export { readControls, applyControls, parseRuleSpec } from './controls';
export { findValues, aligned } from './values';
export { findYearMarkers, TARGET_YEARS } from './targets';

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}

/**
 * Analyse a plan. Front matter `planlint.level` / `ignore` are read here; `options.level` (config)
 * is used when the front matter gives none.
 */
export function analyze(model: PlanModel, profile: Profile, options: AnalysisOptions = {}): AnalysisResult {
  const controls = readControls(model, profile);
  const level = controls.level ?? options.level;
  const view = buildView(model, profile);
  const { areas, score } = computeCoverage({ view, level, covers: controls.covers });
  const coverage: Coverage = { score, areas, targets: [] };
  coverage.targets = findTargets(view);
  const raw = [...coverageFindings(view, coverage), ...targetFindings(view, coverage, profile), ...numberingFindings(model)];
  const findings = applyControls(raw, controls, options).sort(byPosition);
  return { profile: profile.id, language: model.language, level, coverage, findings };
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
