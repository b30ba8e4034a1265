// Shared by the report tests: analyse a draft the way `planlint report` does and build its report.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/config/types';
import { checkText, type CheckResult } from '../../server/src/engine';
import { withLocale } from '../../server/src/l10n';
import { loadBuiltinProfile } from '../../server/src/profile';
import { buildReport, localeOf, type Report, type ReportLang } from '../../server/src/report';

export const repoRoot = resolve(__dirname, '../..');
export const profile = loadBuiltinProfile();

export interface Analysed {
  text: string;
  checked: CheckResult;
  report: Report;
}

/** Analyses `text` in the page's language (the draft's unless `lang` is given) and builds its report. */
export function analyseText(text: string, file: string, lang?: ReportLang, date = '2024-05-06'): Analysed {
  const first = checkText(text, { profile, config: DEFAULT_CONFIG, path: file });
  const pageLang = lang ?? first.model.language;
  const checked = withLocale(localeOf(pageLang), () => checkText(text, { profile, config: DEFAULT_CONFIG, path: file }));
  const report = buildReport({ model: checked.model, result: checked.result, profile, lang: pageLang, date, file, isPlan: checked.isPlan });
  return { text, checked, report };
}

export function analyseFile(rel: string, lang?: ReportLang): Analysed {
  return analyseText(readFileSync(resolve(repoRoot, rel), 'utf8'), rel, lang);
}

export const percent = (score: number) => `${Math.round(score * 100)}%`;
