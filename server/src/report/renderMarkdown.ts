/** Report → Markdown: the same sections as the HTML page, for a review note or a pull request. */
import { t, withLocale } from '../l10n';
import { ICON, SEVERITY_ICON, lineLabel, levelLabel, nationalQuantity, percent, quantity, severityCount, severityLabel, statusLabel, type Status } from './labels';
import type { Report, ReportMeasure } from './model';
import { mdCode, mdText } from './mdText';
import { localeOf } from './renderHtml';

const mark = (s: Status) => `${ICON[s]} ${statusLabel(s)}`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function summary(r: Report): string[] {
  const c = r.counts;
  const measuresTotal = c.measures.covered + c.measures.mentioned + c.measures.missing;
  const areasTotal = c.areas.covered + c.areas.partial + c.areas.mentioned + c.areas.missing;
  const chips = <S extends Status>(list: readonly S[], counts: Record<S, number>) => list.map((s) => `${ICON[s]} ${counts[s]} ${statusLabel(s)}`).join(' · ');
  return [
    `## ${t('Summary')}`,
    '',
    `**${t('{0}: {1}', t('Overall score'), percent(r.score))}**`,
    '',
    row(['', '']),
    row(['---', '---']),
    row([t('Task areas'), t('{0} of {1} covered', c.taskAreas.covered, c.taskAreas.total)]),
    row([t('Areas ({0})', areasTotal), chips(['covered', 'partial', 'mentioned', 'missing'] as const, c.areas)]),
    row([t('Measures ({0})', measuresTotal), chips(['covered', 'mentioned', 'missing'] as const, c.measures)]),
    row([t('Targets'), r.targets.map((tg) => `${ICON[tg.status]} ${tg.year} ${statusLabel(tg.status)}`).join(' · ')]),
    row([t('Findings'), (['error', 'warning', 'information', 'hint'] as const).map((s) => `${SEVERITY_ICON[s]} ${severityCount(s, c.findings[s])}`).join(' · ')]),
    '',
    `${t('Legend:')} ${(['covered', 'partial', 'mentioned', 'missing'] as const).map(mark).join(' · ')}`,
  ];
}

const notRequired = (required: boolean) => (required ? '' : ` (${t('not required')})`);

function matrix(r: Report): string[] {
  const width = Math.max(1, ...r.areas.map((a) => a.measures.length));
  const out = [`## ${t('Areas and measures')}`, '', row([t('Area'), t('Measures'), ...Array<string>(width - 1).fill(''), t('Covered')]), row(Array<string>(width + 2).fill('---'))];
  for (const a of r.areas) {
    const cells = a.measures.map((m) => `${ICON[m.status]} ${mdText(m.number + m.title)}${notRequired(m.required)}`);
    while (cells.length < width) cells.push('');
    out.push(row([`**${mdText(a.number + a.title)}** · ${mark(a.status)}${notRequired(a.required)}`, ...cells, `${a.covered}/${a.total}`]));
  }
  return out;
}

function targets(r: Report): string[] {
  const out = [
    `## ${t('Targets {0}', r.targets.map((tg) => tg.year).join(' / '))}`,
    '',
    row([t('Year'), t('Indicator'), t('Local value'), t('National value'), t('Status')]),
    row(Array<string>(5).fill('---')),
  ];
  for (const tg of r.targets) {
    const year = `${tg.year} · ${mark(tg.status)}${tg.at ? ` · ${lineLabel(tg.at.line)}` : ''}`;
    if (tg.indicators.length === 0) out.push(row([year, t('No indicator values stated for {0}.', tg.year), '', '', '']));
    tg.indicators.forEach((i, n) =>
      out.push(
        row([
          n === 0 ? year : '',
          `${mdText(i.name)} ${mdCode(i.id, true)}`,
          i.local ? `${quantity(i.local.value, mdText(i.local.unit))} (${lineLabel(i.local.at.line)})` : t('not stated'),
          i.national ? mdText(nationalQuantity(i.national)) : t('not compared'),
          mark(i.status),
        ]),
      ),
    );
  }
  return out;
}

function findings(r: Report): string[] {
  const out = [`## ${t('Findings ({0})', r.findings.length)}`, ''];
  if (r.findings.length === 0) return [...out, t('No findings.')];
  out.push(row([t('Line'), t('Severity'), t('Message'), t('Rule')]), row(['---:', '---', '---', '---']));
  for (const f of r.findings) {
    out.push(row([String(f.at.line + 1), `${SEVERITY_ICON[f.severity]} ${severityLabel(f.severity)}`, mdText(f.message), mdCode(f.rule, true)]));
  }
  return out;
}

function measureItem(m: ReportMeasure): string[] {
  const out = [`- ${ICON[m.status]} **${mdText(m.number + m.title)}** — ${statusLabel(m.status)}${notRequired(m.required)}`];
  if (m.evidence.length === 0) out.push(`  - ${t('No evidence in the draft.')}`);
  for (const e of m.evidence) {
    const kind = e.kind === 'heading' ? t('heading') : e.kind === 'annotation' ? t('annotation') : t('text');
    out.push(`  - ${lineLabel(e.line)} · ${kind} · ${mdText(e.text)}`);
  }
  return out;
}

function evidence(r: Report): string[] {
  const out = [`## ${t('Evidence per measure')}`];
  for (const a of r.areas) {
    const at = a.at ? ` · ${lineLabel(a.at.line)}` : '';
    out.push('', `### ${mdText(a.number + a.title)} — ${mark(a.status)}${notRequired(a.required)} · ${a.covered}/${a.total}${at}`, '');
    for (const m of a.measures) out.push(...measureItem(m));
  }
  return out;
}

export function renderReportMarkdown(report: Report, generator = 'PlanLint'): string {
  return withLocale(localeOf(report.lang), () => {
    const r = report;
    const meta = [
      `**${t('PlanLint coverage report')}**`,
      t('{0}: {1}', t('Profile'), `${mdText(r.profile.title)} (${mdCode(r.profile.id)})`),
      r.file ? t('{0}: {1}', t('File'), mdCode(r.file)) : '',
      r.level ? t('{0}: {1}', t('Level'), levelLabel(r.level)) : '',
      t('{0}: {1}', t('Date'), r.date),
    ].filter(Boolean);
    const lines = [`# ${mdText(r.title)}`, '', meta.join(' · '), ''];
    if (!r.isPlan) {
      lines.push(`> ${t('This document does not read as a plan of this profile (it neither names the Plan nor has planlint front matter); the analysis below is shown anyway.')}`, '');
    }
    lines.push(...summary(r), '', ...matrix(r), '', ...targets(r), '', ...findings(r), '', ...evidence(r), '', '---', '');
    lines.push(t('Made by {0} on {1}. Lines are those of the draft as analysed; the score counts a measure that is only mentioned as half covered.', generator, r.date), '');
    return lines.join('\n');
  });
}
