/** Report → one self-contained HTML page (summary, areas × measures matrix, targets, findings, evidence). */
import { t, withLocale } from '../l10n';
import { html, type Html } from './html';
import { ICON, SEVERITY_ICON, TONE, lineLabel, levelLabel, nationalQuantity, percent, quantity, severityCount, severityLabel, statusLabel, type Status } from './labels';
import type { Location, Report, ReportArea, ReportMeasure, ReportTarget } from './model';
import { page, type PageOptions } from './page';

export type { PageOptions } from './page';

export function localeOf(lang: Report['lang']): string {
  return lang === 'zh' ? 'zh-cn' : 'en';
}

/** A line reference; in the webview it is a link that moves the editor there. */
export function loc(at: Location | undefined, interactive: boolean, label = at ? lineLabel(at.line) : ''): Html {
  if (!at) return html``;
  return interactive
    ? html`<span class="loc" data-line="${at.line}" data-character="${at.character}" role="link" tabindex="0" title="${t('Go to {0}', lineLabel(at.line))}">${label}</span>`
    : html`<span class="loc" data-line="${at.line}" data-character="${at.character}">${label}</span>`;
}

export function badge(status: Status, extra = ''): Html {
  return html`<span class="badge tone-${TONE[status]}"><span class="icon" aria-hidden="true">${ICON[status]}</span> ${statusLabel(status)}${extra}</span>`;
}

function chip(status: Status, n: number): Html {
  return html`<span class="chip tone-${TONE[status]}"><span class="icon" aria-hidden="true">${ICON[status]}</span> ${n} ${statusLabel(status)}</span>`;
}

function header(r: Report): Html {
  const item = (label: string, value: Html | string) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<header>
<p class="kicker">${t('PlanLint coverage report')}</p>
<h1>${r.title}</h1>
<dl class="meta">
${item(t('Profile'), html`${r.profile.title} <code>${r.profile.id}</code>`)}
${r.file ? item(t('File'), html`<code>${r.file}</code>`) : ''}
${r.level ? item(t('Level'), levelLabel(r.level)) : ''}
${item(t('Date'), html`<time datetime="${r.date}">${r.date}</time>`)}
</dl>
</header>
${r.isPlan ? '' : html`<p class="notice" role="note">${t('This document does not read as a plan of this profile (it neither names the Plan nor has planlint front matter); the analysis below is shown anyway.')}</p>`}`;
}

function summary(r: Report): Html {
  const c = r.counts;
  const measuresTotal = c.measures.covered + c.measures.mentioned + c.measures.missing;
  const areasTotal = c.areas.covered + c.areas.partial + c.areas.mentioned + c.areas.missing;
  return html`<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">${t('Summary')}</h2>
<div class="summary">
<div class="score"><span class="score-value">${percent(r.score)}</span><span class="score-label">${t('overall score')}</span><meter min="0" max="1" low="0.6" high="0.85" optimum="1" value="${r.score}">${percent(r.score)}</meter></div>
<table class="counts">
<tr><th scope="row">${t('Task areas')}</th><td>${t('{0} of {1} covered', c.taskAreas.covered, c.taskAreas.total)}</td></tr>
<tr><th scope="row">${t('Areas ({0})', areasTotal)}</th><td>${(['covered', 'partial', 'mentioned', 'missing'] as const).map((s) => chip(s, c.areas[s]))}</td></tr>
<tr><th scope="row">${t('Measures ({0})', measuresTotal)}</th><td>${(['covered', 'mentioned', 'missing'] as const).map((s) => chip(s, c.measures[s]))}</td></tr>
<tr><th scope="row">${t('Targets')}</th><td>${r.targets.map((tg) => html`<a class="chip tone-${TONE[tg.status]}" href="#${tg.anchor}"><span class="icon" aria-hidden="true">${ICON[tg.status]}</span> ${tg.year} ${statusLabel(tg.status)}</a>`)}</td></tr>
<tr><th scope="row">${t('Findings')}</th><td>${(['error', 'warning', 'information', 'hint'] as const).map(
    (s) => html`<span class="chip sev-${s}"><span class="icon" aria-hidden="true">${SEVERITY_ICON[s]}</span> ${severityCount(s, c.findings[s])}</span>`,
  )}</td></tr>
</table>
</div>
<p class="legend">${t('Legend:')} ${(['covered', 'partial', 'mentioned', 'missing'] as const).map((s) => html`${badge(s)} `)}</p>
</section>`;
}

function notRequired(required: boolean): string {
  return required ? '' : ` · ${t('not required')}`;
}

function matrixCell(m: ReportMeasure): Html {
  return html`<td class="cell tone-${TONE[m.status]}${m.required ? '' : ' not-required'}"><a href="#${m.anchor}"><span class="icon" aria-hidden="true">${ICON[m.status]}</span> <span class="num">${m.number}</span>${m.title}</a><span class="st">${statusLabel(m.status)}${notRequired(m.required)}</span></td>`;
}

function matrix(r: Report): Html {
  const width = Math.max(1, ...r.areas.map((a) => a.measures.length));
  const row = (a: ReportArea) => {
    const pad = width - a.measures.length;
    return html`<tr id="row-${a.anchor}">
<th scope="row" class="tone-${TONE[a.status]}${a.required ? '' : ' not-required'}"><a href="#${a.anchor}"><span class="icon" aria-hidden="true">${ICON[a.status]}</span> <span class="num">${a.number}</span>${a.title}</a><span class="st">${statusLabel(a.status)}${notRequired(a.required)}</span></th>
${a.measures.map(matrixCell)}${pad > 0 ? html`<td class="empty" colspan="${pad}"></td>` : ''}
<td class="count">${a.covered}/${a.total}</td>
</tr>`;
  };
  return html`<section id="matrix" aria-labelledby="matrix-h">
<h2 id="matrix-h">${t('Areas and measures')}</h2>
<table class="grid matrix">
<thead><tr><th scope="col">${t('Area')}</th><th scope="col" colspan="${width}">${t('Measures')}</th><th scope="col" class="count">${t('Covered')}</th></tr></thead>
<tbody>
${r.areas.map(row)}
</tbody>
</table>
</section>`;
}

function targetGroup(tg: ReportTarget, interactive: boolean): Html {
  const head = html`<tr class="year"><th colspan="4" scope="rowgroup">${tg.year} ${badge(tg.status)} ${loc(tg.at, interactive)}${tg.text ? html` <q>${tg.text}</q>` : ''}</th></tr>`;
  const rows = tg.indicators.length
    ? tg.indicators.map(
        (i) => html`<tr>
<td>${i.name} <code class="num">${i.id}</code></td>
<td>${i.local ? html`${quantity(i.local.value, i.local.unit)} ${loc(i.local.at, interactive)}` : html`<span class="none">${t('not stated')}</span>`}</td>
<td>${i.national ? nationalQuantity(i.national) : html`<span class="none">${t('not compared')}</span>`}</td>
<td class="status tone-${TONE[i.status]}"><span class="icon" aria-hidden="true">${ICON[i.status]}</span> ${statusLabel(i.status)}</td>
</tr>`,
      )
    : html`<tr><td colspan="4" class="none">${t('No indicator values stated for {0}.', tg.year)}</td></tr>`;
  return html`<tbody id="${tg.anchor}">
${head}
${rows}
</tbody>`;
}

function targetsSection(r: Report, interactive: boolean): Html {
  return html`<section id="targets" aria-labelledby="targets-h">
<h2 id="targets-h">${t('Targets {0}', r.targets.map((tg) => tg.year).join(' / '))}</h2>
<table class="grid targets">
<thead><tr><th scope="col">${t('Indicator')}</th><th scope="col">${t('Local value')}</th><th scope="col">${t('National value')}</th><th scope="col">${t('Status')}</th></tr></thead>
${r.targets.map((tg) => targetGroup(tg, interactive))}
</table>
</section>`;
}

function findingsSection(r: Report, interactive: boolean): Html {
  const body = r.findings.length
    ? html`<table class="grid findings">
<thead><tr><th scope="col" class="line">${t('Line')}</th><th scope="col" class="sev">${t('Severity')}</th><th scope="col">${t('Message')}</th><th scope="col" class="rule">${t('Rule')}</th></tr></thead>
<tbody>
${r.findings.map(
  (f) => html`<tr>
<td class="line">${loc(f.at, interactive)}</td>
<td class="sev sev-${f.severity}"><span class="icon" aria-hidden="true">${SEVERITY_ICON[f.severity]}</span> ${severityLabel(f.severity)}</td>
<td>${f.message}${f.about ? html` <a href="#${f.about}">${t('(see)')}</a>` : ''}</td>
<td class="rule"><code>${f.rule}</code></td>
</tr>`,
)}
</tbody>
</table>`
    : html`<p class="none">${t('No findings.')}</p>`;
  return html`<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">${t('Findings ({0})', r.findings.length)}</h2>
${body}
</section>`;
}

function measureEntry(m: ReportMeasure, interactive: boolean): Html {
  const terms = [...new Set(m.evidence.flatMap((e) => e.terms))];
  const more = m.evidenceCount - m.evidence.length;
  return html`<li id="${m.anchor}" class="measure tone-${TONE[m.status]}${m.required ? '' : ' not-required'}">
<div class="mhead">${badge(m.status, notRequired(m.required))} <strong><span class="num">${m.number}</span>${m.title}</strong> <code class="num">${m.id}</code></div>
${
  m.evidence.length
    ? m.evidence.map(
        (e) => html`<blockquote class="excerpt">${loc(e, interactive)} <span class="kind">${e.kind === 'heading' ? t('heading') : e.kind === 'annotation' ? t('annotation') : t('text')}</span> ${e.text}</blockquote>`,
      )
    : html`<p class="none">${t('No evidence in the draft.')}</p>`
}
${terms.length ? html`<p class="terms">${t('Matched terms: {0}', terms.join(t(', ')))}${more > 0 ? ` · ${t('{0} more evidence lines', more)}` : ''}</p>` : ''}
</li>`;
}

function evidenceSection(r: Report, interactive: boolean): Html {
  return html`<section id="evidence" aria-labelledby="evidence-h">
<h2 id="evidence-h">${t('Evidence per measure')}</h2>
${r.areas.map(
  (a) => html`<section class="area-ev" id="${a.anchor}" aria-labelledby="${a.anchor}-h">
<h3 id="${a.anchor}-h"><span class="num">${a.number}</span>${a.title} ${badge(a.status, notRequired(a.required))} <span class="num">${a.covered}/${a.total}</span> ${loc(a.at, interactive)}</h3>
<ol class="measures">
${a.measures.map((m) => measureEntry(m, interactive))}
</ol>
</section>`,
)}
</section>`;
}

/** The report page. Strings are in the report's language whatever the current locale. */
export function renderReportHtml(report: Report, opts: PageOptions = {}): string {
  return withLocale(localeOf(report.lang), () => {
    const interactive = !!opts.webview;
    const body = html`${header(report)}
${summary(report)}
${matrix(report)}
${targetsSection(report, interactive)}
${findingsSection(report, interactive)}
${evidenceSection(report, interactive)}
<footer>${t('Made by {0} on {1}. Lines are those of the draft as analysed; the score counts a measure that is only mentioned as half covered.', opts.generator ?? 'PlanLint', report.date)}</footer>`;
    const attrs = html` data-score="${report.score}"${report.source ? html` data-uri="${report.source.uri}" data-version="${report.source.version}"` : ''}`;
    return page(report.lang, `${report.title} · ${t('PlanLint coverage report')}`, body, opts, attrs);
  });
}
