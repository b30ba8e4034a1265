/**
 * `planlint report FILE` and `planlint report --compare OLD NEW`: the reviewer's page, as HTML
 * (default) or Markdown, on stdout or in the -o file. The page is in the draft's language (the new
 * draft's, when comparing) unless --locale says otherwise. Exit 0 when the page was written, 2 when
 * the run failed (one line on stderr); findings do not change the exit code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkText, type CheckResult } from '../engine';
import { t, uiLang, withLocale } from '../l10n';
import type { Profile } from '../profile/types';
import {
  buildReport,
  compareReports,
  isoDay,
  localeOf,
  renderCompareHtml,
  renderCompareMarkdown,
  renderReportHtml,
  renderReportMarkdown,
  type Report,
  type ReportLang,
} from '../report';
import type { ReportOptions } from './args';
import { version } from './help';
import { readText } from './read';
import { displayPath } from './report';
import { Settings } from './settings';

interface Draft {
  abs: string;
  path: string;
  text: string;
  profile: Profile;
  config: Parameters<typeof checkText>[1]['config'];
  included: boolean;
}

/** The day on the page: SOURCE_DATE_EPOCH (reproducible builds) or today. */
export function reportDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000).toISOString().slice(0, 10);
  return isoDay(new Date());
}

class ReportError extends Error {}

function load(options: ReportOptions, settings: Settings, cwd: string): Draft[] {
  return options.paths.map((p) => {
    const abs = resolve(cwd, p);
    const path = displayPath(abs, cwd);
    const read = readText(abs);
    if ('error' in read) throw new ReportError(t('cannot read {0}: {1}', path, read.error));
    const fileSettings = settings.forFile(abs);
    if ('error' in fileSettings) throw new ReportError(fileSettings.error);
    return { abs, path, text: read.text, profile: fileSettings.profile, config: fileSettings.config, included: fileSettings.included };
  });
}

function analyse(d: Draft, options: ReportOptions, settings: Settings): CheckResult {
  return checkText(d.text, {
    profile: d.profile,
    config: d.config,
    path: d.abs,
    includeMatched: d.included,
    resolveProfile: options.profile ? () => d.profile : (ref: string) => settings.resolveProfile(ref, dirname(d.abs)),
  });
}

function reportOf(d: Draft, checked: CheckResult, lang: ReportLang, date: string, settings: Settings): Report {
  const id = checked.result.profile;
  const profile = id === d.profile.id ? d.profile : (settings.profileById(id) ?? d.profile);
  return buildReport({ model: checked.model, result: checked.result, profile, lang, date, file: d.path, isPlan: checked.isPlan || d.included });
}

function render(options: ReportOptions, settings: Settings, drafts: Draft[]): string {
  let checked = drafts.map((d) => analyse(d, options, settings));
  const lang: ReportLang = options.locale ? (options.locale === 'zh-cn' ? 'zh' : 'en') : checked[checked.length - 1].model.language;
  // finding messages come from the analysis: run it again in the page's language when that differs
  if (lang !== uiLang()) checked = withLocale(localeOf(lang), () => drafts.map((d) => analyse(d, options, settings)));
  const date = reportDate();
  const generator = `PlanLint ${version()}`;
  const reports = drafts.map((d, i) => reportOf(d, checked[i], lang, date, settings));
  if (options.compare) {
    const diff = compareReports(reports[0], reports[1]);
    return options.format === 'md' ? renderCompareMarkdown(diff, generator) : renderCompareHtml(diff, { generator });
  }
  return options.format === 'md' ? renderReportMarkdown(reports[0], generator) : renderReportHtml(reports[0], { generator });
}

/** Runs the command; returns the exit code. Throws SetupError (from Settings) on an invalid --config / --profile. */
export async function runReport(options: ReportOptions, cwd: string): Promise<number> {
  const settings = new Settings({ ...options, format: 'text', color: false }, cwd);
  let page: string;
  try {
    page = render(options, settings, load(options, settings, cwd));
  } catch (e) {
    if (!(e instanceof ReportError)) throw e;
    process.stderr.write(`planlint: ${e.message}\n`);
    return 2;
  }
  if (options.output) {
    const out = resolve(cwd, options.output);
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, page);
    } catch (e) {
      process.stderr.write(`planlint: ${t('cannot write {0}: {1}', options.output, (e as NodeJS.ErrnoException).code ?? (e as Error).message)}\n`);
      return 2;
    }
    return 0;
  }
  await new Promise<void>((done) => process.stdout.write(page, () => done()));
  return 0;
}
