/** `--format markdown`: a short summary for a pull-request comment. */
import { t, uiLang } from '../../l10n';
import type { AreaStatus } from '../../analysis/types';
import { countBySeverity, type RunReport } from '../report';
import { summarize } from '../summary';
import { targetStatusLabel } from './text';

function areaStatusLabel(status: AreaStatus): string {
  switch (status) {
    case 'covered':
      return '✅ ' + t('covered');
    case 'partial':
      return '🟡 ' + t('partial');
    case 'mentioned':
      return '🟠 ' + t('mentioned');
    case 'missing':
      return '❌ ' + t('missing');
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdown(run: RunReport): string {
  const out: string[] = [`## ${t('PlanLint coverage')}`, ''];
  for (const file of run.files) {
    const s = summarize(file);
    const c = countBySeverity([file]);
    out.push(`### \`${file.path}\``, '');
    out.push(
      t('Coverage **{0}** · {1}/{2} task areas · {3}/{4} measures', s.score.toFixed(2), s.taskAreas.covered, s.taskAreas.total, s.measures.covered, s.measures.total),
      '',
    );
    out.push(`| ${t('Area')} | ${t('Status')} | ${t('Measures covered')} |`, '|---|---|---|');
    for (const area of file.result.coverage.areas) {
      const title = file.profile.areas.find((a) => a.id === area.id)?.title[uiLang()] ?? area.id;
      const covered = area.measures.filter((m) => m.status === 'covered').length;
      out.push(`| ${cell(title)} | ${areaStatusLabel(area.status)} | ${covered}/${area.measures.length} |`);
    }
    out.push('');
    const targets = s.targets.map((tg) => `${tg.year} ${targetStatusLabel(tg.status)}`).join(' · ') || '-';
    out.push(`${t('Targets')}: ${targets}`, '');
    out.push(t('Findings: {0} errors, {1} warnings, {2} information, {3} hints', c.error, c.warning, c.information, c.hint), '');
  }
  if (run.failures.length) {
    out.push(`**${t('Files that could not be checked')}**`, '', ...run.failures.map((f) => `- ${cell(f)}`), '');
  }
  return out.join('\n');
}
