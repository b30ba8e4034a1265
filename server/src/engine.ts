/**
 * The one call the CLI and the language server share: text -> plan model -> analysis, with the
 * document's front matter (profile, level, ignore) and the config (level, severity, ignore) applied.
 */
import { type Analyzer, analyze, isPlanDocument } from './analysis';
import { readControls } from './analysis/controls';
import { DEFAULT_SEVERITY, type AnalysisResult, type Finding } from './analysis/types';
import type { PlanlintConfig } from './config/types';
import { parsePlan } from './document';
import type { PlanModel } from './document/types';
import { t } from './l10n';
import type { Profile } from './profile/types';

export interface CheckOptions {
  profile: Profile;
  config: PlanlintConfig;
  path?: string;
  /** Loads the profile a front matter names (`planlint: { profile: ./park.yaml }`); undefined when it cannot. */
  resolveProfile?: (ref: string) => Profile | undefined;
  /** The path matched the config's `include` globs. */
  includeMatched?: boolean;
  /** The model of `text` when the caller already has it (the server updates it incrementally). */
  model?: PlanModel;
  /** The document's analyzer, which redoes only what changed since its last analysis (the server keeps one per document). */
  analyzer?: Analyzer;
}

export interface CheckResult {
  model: PlanModel;
  result: AnalysisResult;
  isPlan: boolean;
  /** The profile the analysis used: the front matter's when it names one that loads, else `opts.profile`. */
  profile: Profile;
}

export function checkText(text: string, opts: CheckOptions): CheckResult {
  const model = opts.model ?? parsePlan(text);
  let profile = opts.profile;
  const extra: Finding[] = [];
  const ref = readControls(model, profile).profile;
  if (ref && ref !== profile.id && ref !== profile.source) {
    let other: Profile | undefined;
    try {
      other = opts.resolveProfile?.(ref);
    } catch {
      other = undefined;
    }
    if (other) profile = other;
    else {
      const range = model.frontMatter?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      extra.push({
        rule: 'config-error',
        severity: DEFAULT_SEVERITY['config-error'],
        message: t('The profile “{0}” named in the front matter could not be loaded; using {1}.', ref, profile.id),
        range,
        data: { detail: ref },
      });
    }
  }
  const { config } = opts;
  const options = { level: config.level, severity: config.severity, ignore: config.ignore };
  const result = opts.analyzer ? opts.analyzer.analyze(model, profile, options) : analyze(model, profile, options);
  const sev = config.severity?.['config-error'];
  if (sev !== 'off') for (const f of extra) result.findings.unshift(sev ? { ...f, severity: sev } : f);
  const isPlan = isPlanDocument(model, profile, { includeMatched: opts.includeMatched });
  return { model, result, isPlan, profile };
}
