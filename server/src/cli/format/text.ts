/** Person-readable output: `file:line:col  severity  message  rule`, then a coverage line per file and a total. */
import type { Severity } from '../../analysis/types';
import { t } from '../../l10n';
import { severityLabel, statusLabel } from '../../report/labels';
import { countBySeverity, type RunReport } from '../report';
import { summarize } from '../summary';

const COLOURS: Record<Severity | 'dim' | 'bold', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  information: [36, 39],
  hint: [90, 39],
  dim: [2, 22],
  bold: [1, 22],
};

export function formatText(run: RunReport, color: boolean): string {
  const paint = (style: keyof typeof COLOURS, s: string) =>
    color ? `\x1b[${COLOURS[style][0]}m${s}\x1b[${COLOURS[style][1]}m` : s;
  const lines: string[] = [];
  for (const file of run.files) {
    for (const f of file.result.findings) {
      const where = `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}  ${paint(f.severity, severityLabel(f.severity))}  ${f.message}  ${paint('dim', f.rule)}`);
    }
    lines.push(paint('bold', coverageLine(file.path, summarize(file))));
    lines.push('');
  }
  const c = countBySeverity(run.files);
  lines.push(
    t(
      '{0} files checked: {1} errors, {2} warnings, {3} information, {4} hints',
      run.files.length,
      c.error,
      c.warning,
      c.information,
      c.hint,
    ),
  );
  return lines.join('\n') + '\n';
}

export function coverageLine(path: string, s: ReturnType<typeof summarize>): string {
  const targets = s.targets.map((tg) => `${tg.year} ${statusLabel(tg.status)}`).join(', ');
  return [
    `${path}: ${t('coverage {0}', s.score.toFixed(2))}`,
    t('{0}/{1} task areas', s.taskAreas.covered, s.taskAreas.total),
    t('{0}/{1} measures', s.measures.covered, s.measures.total),
    t('targets {0}', targets || '-'),
  ].join(' · ');
}
