/** ReportDiff → Markdown: what changed between two rounds of a draft. */
import { t, withLocale } from '../l10n';
import { hasChanges, type IndicatorValue, type MeasureChange, type ReportDiff, type RoundInfo } from './compare';
import { ICON, SEVERITY_ICON, lineLabel, percent, quantity, severityLabel, statusLabel, type Status } from './labels';
import type { ReportFinding } from './model';
import { mdCode, mdText } from './mdText';
import { localeOf } from './renderHtml';

const mark = (s: Status) => `${ICON[s]} ${statusLabel(s)}`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function roundText(r: RoundInfo): string {
  return `${r.file ? `${mdCode(r.file)} · ` : ''}${mdText(r.title)} · ${percent(r.score)}`;
}

function measures(title: string, list: MeasureChange[]): string[] {
  if (list.length === 0) return [];
  return [
    `### ${title} (${list.length})`,
    '',
    ...list.map(
      (c) => `- ${mark(c.from)} → ${mark(c.to)} **${mdText(c.number + c.title)}** (${mdText(c.areaTitle)}, ${mdCode(`${c.area}/${c.measure}`)})${c.at ? ` · ${lineLabel(c.at.line)}` : ''}`,
    ),
    '',
  ];
}

function values(list: IndicatorValue[]): string {
  return list.length ? list.map((v) => `${quantity(v.value, mdText(v.unit))} ${mark(v.status)}`).join(', ') : t('not stated');
}

function findings(title: string, list: ReportFinding[], lineWord: (line: number) => string): string[] {
  if (list.length === 0) return [];
  return [
    `### ${title} (${list.length})`,
    '',
    row([t('Line'), t('Severity'), t('Message'), t('Rule')]),
    row(['---', '---', '---', '---']),
    ...list.map((f) => row([lineWord(f.at.line), `${SEVERITY_ICON[f.severity]} ${severityLabel(f.severity)}`, mdText(f.message), mdCode(f.rule, true)])),
    '',
  ];
}

export function renderCompareMarkdown(d: ReportDiff, generator = 'PlanLint'): string {
  return withLocale(localeOf(d.lang), () => {
    const m = d.measures;
    const delta = Math.round(d.new.score * 100) - Math.round(d.old.score * 100);
    const out = [
      `# ${t('PlanLint: what changed between two rounds')}`,
      '',
      `- ${t('{0}: {1}', t('Before'), roundText(d.old))}`,
      `- ${t('{0}: {1}', t('After'), roundText(d.new))}`,
      `- ${t('{0}: {1}', t('Date'), d.new.date)}`,
      '',
      `## ${t('Summary')}`,
      '',
      `**${t('{0}: {1}', t('overall score, before {0}', percent(d.old.score)), percent(d.new.score))}** (${delta === 0 ? t('no change') : t('{0} percentage points', delta > 0 ? `+${delta}` : String(delta))})`,
      '',
      [
        [t('Measures newly covered'), m.gained.length],
        [t('Measures no longer covered'), m.lost.length],
        [t('Findings fixed'), d.findings.fixed.length],
        [t('New findings'), d.findings.added.length],
        [t('Findings unchanged'), d.findings.unchanged],
      ]
        .map(([label, n]) => t('{0}: {1}', label, n))
        .join(' · '),
      '',
    ];
    if (!hasChanges(d)) out.push(t('No changes in coverage, targets or findings.'), '');
    out.push(`## ${t('Coverage')}`, '');
    if (m.gained.length + m.lost.length + m.other.length === 0) out.push(t('No measure changed status.'), '');
    out.push(...measures(t('Measures newly covered'), m.gained), ...measures(t('Measures no longer covered'), m.lost), ...measures(t('Other measure changes'), m.other));
    if (d.areas.length) {
      out.push(`### ${t('Areas whose status changed')} (${d.areas.length})`, '', row([t('Area'), t('Before'), t('After')]), row(['---', '---', '---']));
      for (const a of d.areas) out.push(row([`${mdText(a.number + a.title)} ${mdCode(a.area, true)}`, mark(a.from), mark(a.to)]));
      out.push('');
    }
    out.push(`## ${t('Targets')}`, '');
    if (d.targets.length + d.indicators.length === 0) out.push(t('No target changed.'), '');
    if (d.targets.length) {
      out.push(row([t('Year'), t('Before'), t('After')]), row(['---', '---', '---']));
      for (const tg of d.targets) out.push(row([String(tg.year), mark(tg.from), mark(tg.to)]));
      out.push('');
    }
    if (d.indicators.length) {
      out.push(row([t('Year'), t('Indicator'), t('Before'), t('After')]), row(['---', '---', '---', '---']));
      for (const i of d.indicators) out.push(row([String(i.year), `${mdText(i.name)} ${mdCode(i.id, true)}`, values(i.from), values(i.to)]));
      out.push('');
    }
    out.push(`## ${t('Findings')}`, '');
    if (d.findings.fixed.length + d.findings.added.length === 0) out.push(t('The same findings as before.'), '');
    out.push(...findings(t('Findings fixed'), d.findings.fixed, (l) => t('old line {0}', l + 1)), ...findings(t('New findings'), d.findings.added, lineLabel));
    out.push('---', '', t('Made by {0} on {1}. Findings are matched by rule and subject (area, measure, year, indicator), not by line.', generator, d.new.date), '');
    return out.join('\n');
  });
}
