/**
 * The reviewer's coverage report: plan model + analysis + profile → Report (build.ts) → an HTML
 * page (renderHtml.ts) or Markdown (renderMarkdown.ts); two Reports → ReportDiff (compare.ts) →
 * HTML or Markdown. Pure: no I/O. The analysis must have run in the report's language (finding
 * messages come from it); the renderers switch to that language themselves.
 */
export type * from './model';
export { anchorId, buildReport, findingKey, isoDay, type ReportInput } from './build';
export { compareReports, hasChanges, type ReportDiff } from './compare';
export { contentSecurityPolicy, type PageOptions } from './page';
export { renderReportHtml, localeOf } from './renderHtml';
export { renderReportMarkdown } from './renderMarkdown';
export { renderCompareHtml } from './renderCompareHtml';
export { renderCompareMarkdown } from './renderCompareMarkdown';
