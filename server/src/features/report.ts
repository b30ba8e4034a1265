/** `planlint/report`: the reviewer's coverage report of a document, as the page the webview shows or the file export saves. */
import { uiLang, withLocale } from '../l10n';
import type { ReportParams, ReportResult } from '../protocol';
import { buildReport, isoDay, localeOf, renderReportHtml } from '../report';
import type { DocAnalysis } from '../workspace/types';

/** The draft's file name, as the page shows it (no folders: an exported page should not reveal local paths). */
function fileName(uri: string): string | undefined {
  const last = uri.split(/[?#]/)[0].split('/').pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * The page is in the draft's language. Finding messages come from the analysis, which ran in the
 * UI language: when the two differ, `reanalyse` runs it again (in the draft's language).
 */
export function reportPage(a: DocAnalysis, params: ReportParams, reanalyse: () => DocAnalysis, now = new Date()): ReportResult {
  const lang = a.model.language;
  const analysis = lang === uiLang() ? a : withLocale(localeOf(lang), reanalyse);
  const webview = params.target === 'webview';
  const report = buildReport({
    model: analysis.model,
    result: analysis.result,
    profile: analysis.profile,
    lang,
    date: isoDay(now),
    file: fileName(a.uri),
    source: webview ? { uri: a.uri, version: a.version } : undefined,
    isPlan: analysis.isPlan,
  });
  const html = renderReportHtml(report, { webview: webview ? { nonce: params.nonce ?? '', cspSource: params.cspSource } : undefined });
  return { uri: a.uri, version: a.version, isPlan: analysis.isPlan, language: lang, title: report.title, score: report.score, html };
}
