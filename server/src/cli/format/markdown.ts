/**
 * `--format markdown`: a short summary for a pull-request comment. Per file: the score line, a
 * table of areas, the targets and the finding counts, then the findings themselves folded in a
 * <details> block (at most MAX_FINDINGS per file). Text from drafts and profiles is made inert.
 */
import type { AreaStatus, Finding, Severity, TargetStatus } from '../../analysis/types';
import { t, uiLang } from '../../l10n';
import { severityLabel, statusLabel } from '../../report/labels';
import { mdCode, mdText } from '../../report/mdText';
import { countBySeverity, type FileReport, type RunReport } from '../report';
import { summarize } from '../summary';

const MAX_FINDINGS = 50;

const AREA_ICON: Record<AreaStatus, string> = { covered: '✅', partial: '🟡', mentioned: '🟠', missing: '❌' };
const TARGET_ICON: Record<TargetStatus, string> = { quantified: '✅', qualitative: '🟡', missing: '❌' };
const SEVERITY_ICON: Record<Severity, string> = { error: '⛔', warning: '⚠️', information: 'ℹ️', hint: '💡' };

function findingsBlock(findings: Finding[]): string[] {
  if (findings.length === 0) return [];
  const shown = [...findings].sort((a, b) => a.range.start.line - b.range.start.line).slice(0, MAX_FINDINGS);
  const out = [
    '<details>',
    `<summary>${t('Findings ({0})', findings.length)}</summary>`,
    '',
    `| ${t('Line')} | ${t('Severity')} | ${t('Rule')} | ${t('Message')} |`,
    '|---:|---|---|---|',
    ...shown.map((f) => `| ${f.range.start.line + 1} | ${SEVERITY_ICON[f.severity]} ${severityLabel(f.severity)} | ${mdCode(f.rule, true)} | ${mdText(f.message)} |`),
  ];
  if (findings.length > shown.length) out.push('', t('… and {0} more (see planlint check).', findings.length - shown.length));
  out.push('', '</details>', '');
  return out;
}

function fileSection(file: FileReport): string[] {
  const s = summarize(file);
  const c = countBySeverity([file]);
  const out = [`### ${mdCode(file.path)}`, ''];
  out.push(
    t('Coverage **{0}** · {1}/{2} task areas · {3}/{4} measures', s.score.toFixed(2), s.taskAreas.covered, s.taskAreas.total, s.measures.covered, s.measures.total),
    '',
  );
  out.push(`| ${t('Area')} | ${t('Status')} | ${t('Measures covered')} |`, '|---|---|---|');
  for (const area of file.result.coverage.areas) {
    const title = file.profile.areas.find((a) => a.id === area.id)?.title[uiLang()] ?? area.id;
    const required = area.measures.filter((m) => m.required);
    const covered = required.filter((m) => m.status === 'covered').length;
    out.push(`| ${mdText(title)} | ${AREA_ICON[area.status]} ${statusLabel(area.status)} | ${covered}/${required.length} |`);
  }
  out.push('');
  const targets = s.targets.map((tg) => `${TARGET_ICON[tg.status]} ${tg.year} ${statusLabel(tg.status)}`).join(' · ') || '-';
  out.push(t('{0}: {1}', t('Targets'), targets), '');
  out.push(t('Findings: {0} errors, {1} warnings, {2} information, {3} hints', c.error, c.warning, c.information, c.hint), '');
  out.push(...findingsBlock(file.result.findings));
  return out;
}

export function formatMarkdown(run: RunReport): string {
  const out: string[] = [`## ${t('PlanLint coverage')}`, ''];
  if (run.files.length === 0 && run.failures.length === 0) out.push(t('No plan files found.'), '');
  for (const file of run.files) out.push(...fileSection(file));
  if (run.failures.length) {
    out.push(`**${t('Files that could not be checked')}**`, '', ...run.failures.map((f) => `- ${mdText(f)}`), '');
  }
  return out.join('\n');
}
