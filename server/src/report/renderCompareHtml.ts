/** ReportDiff → one self-contained HTML page: what changed between two rounds of a draft. */
import { t, withLocale } from '../l10n';
import { hasChanges, type IndicatorValue, type MeasureChange, type ReportDiff, type RoundInfo } from './compare';
import { html, type Html } from './html';
import { ICON, SEVERITY_ICON, TONE, lineLabel, percent, quantity, severityLabel, statusLabel } from './labels';
import type { ReportFinding } from './model';
import { page, type PageOptions } from './page';
import { badge, localeOf } from './renderHtml';

function points(d: ReportDiff): string {
  const delta = Math.round(d.new.score * 100) - Math.round(d.old.score * 100);
  return delta === 0 ? t('no change') : t('{0} percentage points', delta > 0 ? `+${delta}` : String(delta));
}

function roundLine(label: string, r: RoundInfo): Html {
  return html`<div><dt>${label}</dt><dd>${r.file ? html`<code>${r.file}</code> · ` : ''}${r.title} · ${percent(r.score)}</dd></div>`;
}

function measureList(id: string, title: string, list: MeasureChange[]): Html {
  if (list.length === 0) return html``;
  return html`<section id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h">${title} (${list.length})</h3>
<ul class="changes">
${list.map(
  (c) =>
    html`<li>${badge(c.from)}<span class="sr-only"> ${t('becomes')} </span><span class="arrow" aria-hidden="true">→</span>${badge(c.to)} <strong><span class="num">${c.number}</span>${c.title}</strong> <span class="num">${c.areaTitle} · <code>${c.area}/${c.measure}</code></span>${
      c.at ? html` <span class="loc">${lineLabel(c.at.line)}</span>` : ''
    }</li>`,
)}
</ul>
</section>`;
}

function values(list: IndicatorValue[]): Html {
  if (list.length === 0) return html`<span class="none">${t('not stated')}</span>`;
  return html`${list.map((v, i) => html`${i ? ', ' : ''}${quantity(v.value, v.unit)} <span class="badge tone-${TONE[v.status]}"><span class="icon" aria-hidden="true">${ICON[v.status]}</span> ${statusLabel(v.status)}</span>`)}`;
}

function findingList(id: string, title: string, list: ReportFinding[], lineWord: (line: number) => string): Html {
  if (list.length === 0) return html``;
  return html`<section id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h">${title} (${list.length})</h3>
<table class="grid findings">
<thead><tr><th scope="col" class="line">${t('Line')}</th><th scope="col" class="sev">${t('Severity')}</th><th scope="col">${t('Message')}</th><th scope="col" class="rule">${t('Rule')}</th></tr></thead>
<tbody>
${list.map(
  (f) => html`<tr><td class="line"><span class="loc">${lineWord(f.at.line)}</span></td><td class="sev sev-${f.severity}"><span class="icon" aria-hidden="true">${SEVERITY_ICON[f.severity]}</span> ${severityLabel(f.severity)}</td><td>${f.message}</td><td class="rule"><code>${f.rule}</code></td></tr>`,
)}
</tbody>
</table>
</section>`;
}

export function renderCompareHtml(d: ReportDiff, opts: PageOptions = {}): string {
  return withLocale(localeOf(d.lang), () => {
    const m = d.measures;
    const body = html`<header>
<p class="kicker">${t('PlanLint: what changed between two rounds')}</p>
<h1>${d.new.title}</h1>
<dl class="meta">
${roundLine(t('Before'), d.old)}
${roundLine(t('After'), d.new)}
<div><dt>${t('Date')}</dt><dd><time datetime="${d.new.date}">${d.new.date}</time></dd></div>
</dl>
</header>
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">${t('Summary')}</h2>
<div class="summary">
<div class="score"><span class="score-value">${percent(d.new.score)}</span><span class="score-label">${t('overall score, before {0}', percent(d.old.score))}</span><span class="score-label">${points(d)}</span></div>
<table class="counts">
<tr><th scope="row">${t('Measures newly covered')}</th><td><a class="chip tone-good" href="#gained">${m.gained.length}</a></td></tr>
<tr><th scope="row">${t('Measures no longer covered')}</th><td><a class="chip tone-bad" href="#lost">${m.lost.length}</a></td></tr>
<tr><th scope="row">${t('Findings fixed')}</th><td><a class="chip tone-good" href="#fixed">${d.findings.fixed.length}</a></td></tr>
<tr><th scope="row">${t('New findings')}</th><td><a class="chip tone-bad" href="#added">${d.findings.added.length}</a></td></tr>
<tr><th scope="row">${t('Findings unchanged')}</th><td><span class="chip">${d.findings.unchanged}</span></td></tr>
</table>
</div>
${hasChanges(d) ? '' : html`<p class="none">${t('No changes in coverage, targets or findings.')}</p>`}
</section>
<section id="coverage" aria-labelledby="coverage-h">
<h2 id="coverage-h">${t('Coverage')}</h2>
${m.gained.length + m.lost.length + m.other.length === 0 ? html`<p class="none">${t('No measure changed status.')}</p>` : ''}
${measureList('gained', t('Measures newly covered'), m.gained)}
${measureList('lost', t('Measures no longer covered'), m.lost)}
${measureList('other', t('Other measure changes'), m.other)}
${
  d.areas.length
    ? html`<h3 id="areas-h">${t('Areas whose status changed')} (${d.areas.length})</h3>
<table class="grid" aria-labelledby="areas-h"><thead><tr><th scope="col">${t('Area')}</th><th scope="col">${t('Before')}</th><th scope="col">${t('After')}</th></tr></thead>
<tbody>${d.areas.map((a) => html`<tr><td><span class="num">${a.number}</span>${a.title} <code class="num">${a.area}</code></td><td>${badge(a.from)}</td><td>${badge(a.to)}</td></tr>`)}</tbody></table>`
    : ''
}
</section>
<section id="targets" aria-labelledby="targets-h">
<h2 id="targets-h">${t('Targets')}</h2>
${d.targets.length + d.indicators.length === 0 ? html`<p class="none">${t('No target changed.')}</p>` : ''}
${
  d.targets.length
    ? html`<table class="grid"><thead><tr><th scope="col">${t('Year')}</th><th scope="col">${t('Before')}</th><th scope="col">${t('After')}</th></tr></thead>
<tbody>${d.targets.map((tg) => html`<tr><td>${tg.year}</td><td>${badge(tg.from)}</td><td>${badge(tg.to)}</td></tr>`)}</tbody></table>`
    : ''
}
${
  d.indicators.length
    ? html`<table class="grid"><thead><tr><th scope="col">${t('Year')}</th><th scope="col">${t('Indicator')}</th><th scope="col">${t('Before')}</th><th scope="col">${t('After')}</th></tr></thead>
<tbody>${d.indicators.map((i) => html`<tr><td>${i.year}</td><td>${i.name} <code class="num">${i.id}</code></td><td>${values(i.from)}</td><td>${values(i.to)}</td></tr>`)}</tbody></table>`
    : ''
}
</section>
<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">${t('Findings')}</h2>
${d.findings.fixed.length + d.findings.added.length === 0 ? html`<p class="none">${t('The same findings as before.')}</p>` : ''}
${findingList('fixed', t('Findings fixed'), d.findings.fixed, (l) => t('old line {0}', l + 1))}
${findingList('added', t('New findings'), d.findings.added, lineLabel)}
</section>
<footer>${t('Made by {0} on {1}. Findings are matched by rule and subject (area, measure, year, indicator), not by line.', opts.generator ?? 'PlanLint', d.new.date)}</footer>`;
    return page(d.lang, `${d.new.title} · ${t('PlanLint: what changed between two rounds')}`, body, opts);
  });
}
