// The report pages (HTML and Markdown) against the analysis they come from: structure, numbers,
// links, language, CSP, and escaping of hostile draft text.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../server/src/l10n';
import { renderReportHtml, renderReportMarkdown } from '../../server/src/report';
import { analyseFile, analyseText, percent, profile, repoRoot, type Analysed } from './report-support';

beforeEach(() => setLocale('en'));

const STATUS_ICON: Record<string, string> = { covered: '✓', partial: '◐', mentioned: '○', missing: '✗' };
const ZH_STATUS: Record<string, string> = { covered: '已覆盖', partial: '部分覆盖', mentioned: '仅提及', missing: '缺失' };

function load(html: string) {
  return cheerio.load(html);
}

const cases: [string, 'zh' | 'en'][] = [
  ['examples/city-draft.zh.md', 'zh'],
  ['examples/province-draft.en.md', 'en'],
];

describe.each(cases)('the HTML report of %s', (file, lang) => {
  const a: Analysed = analyseFile(file);
  const { result, model } = a.checked;
  const html = renderReportHtml(a.report, { generator: 'PlanLint test' });
  const $ = load(html);

  it('is in the draft’s language, with its title, profile, file and date', () => {
    expect(a.report.lang).toBe(lang);
    expect($('html').attr('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    expect($('h1').text()).toBe(model.title!.text);
    expect($('title').text()).toContain(model.title!.text);
    const meta = $('.meta').text();
    expect(meta).toContain(profile.title[lang]);
    expect(meta).toContain('national-2022');
    expect(meta).toContain(file);
    expect($('.meta time').attr('datetime')).toBe('2024-05-06');
    expect($('#summary-h').text()).toBe(lang === 'zh' ? '概览' : 'Summary');
  });

  it('has the sections in order', () => {
    expect($('main#report > section').map((_, s) => $(s).attr('id')).get()).toEqual(['summary', 'matrix', 'targets', 'findings', 'evidence']);
  });

  it('shows the overall score and the counts of the analysis', () => {
    expect($('.score-value').text()).toBe(percent(result.coverage.score));
    expect(Number($('.score meter').attr('value'))).toBe(result.coverage.score);
    const areas = result.coverage.areas.filter((x) => x.required);
    const measures = areas.flatMap((x) => x.measures.filter((m) => m.required));
    const areaRow = $('.counts tr').eq(1).text();
    for (const s of ['covered', 'partial', 'mentioned', 'missing'] as const) {
      const n = areas.filter((x) => x.status === s).length;
      expect(areaRow).toContain(`${STATUS_ICON[s]} ${n} ${lang === 'zh' ? ZH_STATUS[s] : s}`);
    }
    const measureRow = $('.counts tr').eq(2).text();
    expect(measureRow).toContain(lang === 'zh' ? `措施（${measures.length}）` : `Measures (${measures.length})`);
    for (const s of ['covered', 'mentioned', 'missing'] as const) {
      expect(measureRow).toContain(`${STATUS_ICON[s]} ${measures.filter((m) => m.status === s).length} ${lang === 'zh' ? ZH_STATUS[s] : s}`);
    }
    const findingsRow = $('.counts tr').eq(4).text();
    const warnings = result.findings.filter((f) => f.severity === 'warning').length;
    expect(findingsRow).toContain(lang === 'zh' ? `警告 ${warnings}` : `${warnings} warnings`);
  });

  it('has one matrix row per area and one cell per measure, each with icon, title and status word', () => {
    const rows = $('#matrix tbody tr');
    expect(rows.length).toBe(result.coverage.areas.length);
    result.coverage.areas.forEach((area, i) => {
      const row = rows.eq(i);
      const pa = profile.areas.find((x) => x.id === area.id)!;
      const head = row.find('th[scope=row]');
      expect(head.text()).toContain(pa.title[lang]);
      expect(head.find('.icon').text()).toBe(STATUS_ICON[area.status]);
      expect(head.find('.st').text()).toBe(lang === 'zh' ? ZH_STATUS[area.status] : area.status);
      const cells = row.find('td.cell');
      expect(cells.length).toBe(area.measures.length);
      area.measures.forEach((m, j) => {
        const cell = cells.eq(j);
        expect(cell.text()).toContain(pa.measures[j].title[lang]);
        expect(cell.find('.icon').text()).toBe(STATUS_ICON[m.status]);
        expect(cell.find('.st').text()).toBe(lang === 'zh' ? ZH_STATUS[m.status] : m.status);
        expect(cell.attr('class')).toContain({ covered: 'tone-good', mentioned: 'tone-weak', missing: 'tone-bad' }[m.status]);
        expect(cell.find('a').attr('href')).toBe(`#m-${area.id}-${m.id}`);
      });
      const required = area.measures.filter((m) => m.required);
      expect(row.find('td.count').text()).toBe(`${required.filter((m) => m.status === 'covered').length}/${required.length}`);
    });
  });

  it('lists the targets of 2025 and 2030 with local value, national value and status', () => {
    for (const tg of result.coverage.targets) {
      const group = $(`tbody#target-${tg.year}`);
      expect(group.length).toBe(1);
      expect(group.find('tr.year .badge').text()).toContain(lang === 'zh' ? { quantified: '已量化', qualitative: '定性', missing: '缺失' }[tg.status] : tg.status);
      if (tg.line !== undefined) expect(group.find('tr.year .loc').attr('data-line')).toBe(String(tg.range!.start.line));
      const rows = group.find('tr').not('.year');
      for (const iv of tg.indicators) {
        const row = rows.filter((_, r) => $(r).find('code').text() === iv.id && $(r).find('.loc').attr('data-line') === String(iv.range.start.line));
        expect(row.length, `${tg.year} ${iv.id}`).toBe(1);
        expect(row.find('td').eq(1).text()).toContain(`${iv.value}${iv.unit}`);
        if (iv.national) expect(row.find('td').eq(2).text()).toBe(`${{ 'at-least': '≥', about: '≈', 'at-most': '≤' }[iv.national.comparison]} ${iv.national.value}%`);
      }
      // every enabled national indicator of the year is in the table, stated or not
      for (const ind of profile.indicators.filter((x) => x.enabled && x.year === tg.year)) {
        expect(group.find('code').filter((_, c) => $(c).text() === ind.id).length, ind.id).toBeGreaterThan(0);
      }
    }
  });

  it('lists every finding with its 1-based line, severity, message and rule, in line order', () => {
    const rows = $('#findings tbody tr');
    const sorted = [...result.findings].sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
    expect(rows.length).toBe(result.findings.length);
    sorted.forEach((f, i) => {
      const row = rows.eq(i);
      expect(row.find('.loc').attr('data-line')).toBe(String(f.range.start.line));
      expect(row.find('.loc').text()).toBe(lang === 'zh' ? `第 ${f.range.start.line + 1} 行` : `line ${f.range.start.line + 1}`);
      expect(row.find('td').eq(2).text()).toContain(f.message);
      expect(row.find('.rule').text()).toBe(f.rule);
    });
  });

  it('gives each measure its evidence excerpt with the line it counts from', () => {
    for (const area of result.coverage.areas) {
      for (const m of area.measures) {
        const li = $(`li#m-${area.id}-${m.id}`);
        expect(li.length, m.id).toBe(1);
        const quotes = li.find('blockquote.excerpt');
        if (m.evidence.length === 0) {
          expect(quotes.length).toBe(0);
          expect(li.find('.none').length).toBe(1);
          continue;
        }
        expect(quotes.first().find('.loc').attr('data-line')).toBe(String(m.evidence[0].line));
        expect(quotes.first().text()).toContain(m.evidence[0].text.replace(/^#+\s+/, ''));
        if (m.evidence[0].kind === 'heading' && m.evidence.some((e) => e.kind === 'body')) {
          const second = Number(quotes.eq(1).find('.loc').attr('data-line'));
          expect(m.evidence.filter((e) => e.kind === 'body').map((e) => e.line)).toContain(second);
        }
      }
    }
  });

  it('every internal link has its target and nothing links or loads outside the page', () => {
    const ids = new Set($('[id]').map((_, e) => $(e).attr('id')).get());
    const hrefs = $('a[href]').map((_, e) => $(e).attr('href')!).get();
    expect(hrefs.length).toBeGreaterThan(30);
    for (const h of hrefs) {
      expect(h.startsWith('#'), h).toBe(true);
      expect(ids.has(h.slice(1)), h).toBe(true);
    }
    expect($('[src]').length).toBe(0);
    expect($('link, script, iframe, object, embed, img').length).toBe(0);
    expect(html).not.toMatch(/\burl\(|@import|https?:\/\//);
  });

  it('has a CSP that loads nothing and allows only its own stylesheet, and no inline styles', () => {
    const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content')!;
    const css = $('style').text();
    const hash = createHash('sha256').update(css).digest('base64');
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect($('[style]').length).toBe(0);
    expect(css).toContain('@page { size: A4;');
    expect(css).toContain('@media print');
  });

  it('the webview version carries the nonce, the document version and focusable line links', () => {
    const w = renderReportHtml({ ...a.report, source: { uri: 'file:///x.md', version: 7 } }, { webview: { nonce: 'abcdefghijklmnop0123', cspSource: 'https://self.example' } });
    const $w = load(w);
    expect($w('meta[http-equiv="Content-Security-Policy"]').attr('content')).toBe(
      "default-src 'none'; style-src 'nonce-abcdefghijklmnop0123' https://self.example; script-src 'nonce-abcdefghijklmnop0123'; img-src data:; base-uri 'none'; form-action 'none'",
    );
    expect($w('script').length).toBe(1);
    expect($w('script').attr('nonce')).toBe('abcdefghijklmnop0123');
    expect($w('style').attr('nonce')).toBe('abcdefghijklmnop0123');
    expect($w('#report').attr('data-version')).toBe('7');
    expect($w('#report').attr('data-uri')).toBe('file:///x.md');
    const locs = $w('.loc[data-line]');
    expect(locs.length).toBeGreaterThan(result.findings.length);
    locs.each((_, e) => {
      expect($w(e).attr('role')).toBe('link');
      expect($w(e).attr('tabindex')).toBe('0');
    });
    expect(() => renderReportHtml(a.report, { webview: { nonce: "x' 'unsafe-inline" } })).toThrow(/nonce/);
  });
});

describe('the example facts show on the page', () => {
  it('city (zh): model innovation missing, 2030 target missing, 2025 solid-waste value meets the national one', () => {
    const $ = load(renderReportHtml(analyseFile('examples/city-draft.zh.md').report));
    expect($('#row-a-model-innovation th .st').text()).toBe('缺失');
    expect($('#target-2030 tr.year .badge').text()).toContain('缺失');
    const row = $('#target-2025 tr').filter((_, r) => $(r).find('code').text() === 'bulk-solid-waste-utilisation');
    expect(row.find('td').eq(1).text()).toContain('62%');
    expect(row.find('td').eq(2).text()).toBe('≥ 60%');
    expect(row.find('td.status').attr('class')).toContain('tone-good');
  });

  it('province (en): agriculture missing, 2025 solid-waste value weaker than national', () => {
    const $ = load(renderReportHtml(analyseFile('examples/province-draft.en.md').report));
    expect($('a[href="#m-key-areas-agriculture"]').closest('td').find('.st').text()).toBe('missing');
    const row = $('#target-2025 tr').filter((_, r) => $(r).find('code').text() === 'bulk-solid-waste-utilisation');
    expect(row.find('td').eq(1).text()).toContain('55%');
    expect(row.find('td.status').text()).toContain('✗ weaker than national');
    const finding = $('#findings tbody tr').filter((_, r) => $(r).find('.rule').text() === 'target-below-national');
    expect(finding.find('a').attr('href')).toBe('#m-environmental-governance-solid-waste');
  });

  it('--locale: a Chinese draft in English has English words and English finding messages', () => {
    const a = analyseFile('examples/city-draft.zh.md', 'en');
    const $ = load(renderReportHtml(a.report));
    expect($('html').attr('lang')).toBe('en');
    expect($('#summary-h').text()).toBe('Summary');
    expect($('#findings tbody tr').first().find('td').eq(2).text()).toMatch(/^Task area “Innovative management model of synergy”/);
    expect($('h1').text()).toBe('江岭市减污降碳协同增效实施方案（征求意见稿）');
  });

  it('rendering does not change the locale of the process', () => {
    setLocale('en');
    renderReportHtml(analyseFile('examples/city-draft.zh.md').report);
    renderReportMarkdown(analyseFile('examples/city-draft.zh.md').report);
    const $ = load(renderReportHtml(analyseFile('examples/province-draft.en.md').report));
    expect($('#summary-h').text()).toBe('Summary');
  });
});

describe('level and non-plans', () => {
  it('a city draft: the level is shown and the province-only measure is marked not required, outside the counts', () => {
    const text = readFileSync(resolve(repoRoot, 'examples/city-draft.zh.md'), 'utf8');
    const a = analyseText(`---\nplanlint: { level: city }\n---\n${text}`, 'city.md');
    const regional = a.checked.result.coverage.areas.find((x) => x.id === 'model-innovation')!.measures.find((m) => m.id === 'regional')!;
    expect(regional.required).toBe(false);
    const $ = load(renderReportHtml(a.report));
    expect($('.meta').text()).toContain('层级市级');
    expect($('a[href="#m-model-innovation-regional"]').closest('td').find('.st').text()).toBe('缺失 · 本层级不要求');
    expect($('#row-a-model-innovation td.count').text()).toBe('0/3');
    expect($('.counts tr').eq(2).find('th').text()).toBe('措施（25）');
  });

  it('a text that is not a plan gets the report with a notice', () => {
    const a = analyseText('# Meeting notes\n\nNothing about the national plan here.\n', 'notes.md');
    expect(a.report.isPlan).toBe(false);
    const $ = load(renderReportHtml(a.report));
    expect($('.notice').text()).toMatch(/^This document does not read as a plan/);
    expect(renderReportMarkdown(a.report)).toContain('> This document does not read as a plan');
  });
});

describe('hostile draft text', () => {
  const hostile = [
    // the plan model drops inline HTML from headings, but keeps escaped and entity-encoded markup as text
    '# 减污降碳协同增效实施方案 \\<script\\>alert("t")\\</script\\> &lt;b&gt;"x"&lt;/b&gt; & <i>y</i>',
    '',
    '## 一、突出重点领域',
    '',
    '### （一）推进交通运输协同增效 <img src=x onerror=alert(1)>',
    '',
    '推进<a href="javascript:alert(2)">公转铁</a>、公转水，新能源汽车推广，柴油货车淘汰，港口岸电建设。</td></tr></table><script>alert(3)</script>',
    '',
  ].join('\n');
  const a = analyseText(hostile, 'drafts/<evil>.md');

  it('is escaped in the HTML: no element comes from the draft and the text reads as written', () => {
    const html = renderReportHtml(a.report);
    const $ = load(html);
    expect($('script, img, b, i').length).toBe(0);
    expect($('a[href^="javascript"]').length).toBe(0);
    expect(a.checked.model.title!.text).toBe('减污降碳协同增效实施方案 <script>alert("t")</script> <b>"x"</b> & y');
    expect($('h1').text()).toBe(a.checked.model.title!.text);
    expect($('.meta').text()).toContain('drafts/<evil>.md');
    const transport = $('li#m-key-areas-transport');
    expect(transport.text()).toContain('<img src=x onerror=alert(1)>');
    expect(transport.text()).toContain('</td></tr></table><script>alert(3)</script>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    // the structure survived: the evidence list still holds every measure of the profile
    expect($('#evidence li.measure').length).toBe(profile.areas.reduce((n, x) => n + x.measures.length, 0));
  });

  it('is inert in the Markdown', () => {
    const md = renderReportMarkdown(a.report);
    expect(md.split('\n')[0]).toBe('# 减污降碳协同增效实施方案 \\<script\\>alert("t")\\</script\\> \\<b\\>"x"\\</b\\> &amp; y');
    expect(md).not.toMatch(/(^|[^\\])<(script|img|a |b>)/m);
    expect(md).toContain('`drafts/<evil>.md`');
  });
});

describe.each(cases)('the Markdown report of %s', (file, lang) => {
  const a = analyseFile(file);
  const { result } = a.checked;
  const md = renderReportMarkdown(a.report, 'PlanLint test');
  const lines = md.split('\n');

  it('has the title, the meta line and the sections in order', () => {
    expect(lines[0]).toBe(`# ${a.checked.model.title!.text}`);
    expect(lines[2]).toContain('`national-2022`');
    expect(lines[2]).toContain(`\`${file}\``);
    expect(lines[2]).toContain('2024-05-06');
    const h2 = lines.filter((l) => l.startsWith('## '));
    expect(h2).toEqual(
      lang === 'zh'
        ? ['## 概览', '## 领域与措施', '## 目标 2025 / 2030', `## 问题（${result.findings.length}）`, '## 各项措施的依据']
        : ['## Summary', '## Areas and measures', '## Targets 2025 / 2030', `## Findings (${result.findings.length})`, '## Evidence per measure'],
    );
    expect(md).toContain(lang === 'zh' ? `**总得分：${percent(result.coverage.score)}**` : `**Overall score: ${percent(result.coverage.score)}**`);
  });

  it('has a matrix row per area with a cell per measure', () => {
    const start = lines.findIndex((l) => l.startsWith('## ' + (lang === 'zh' ? '领域与措施' : 'Areas and measures')));
    const rows = lines.slice(start + 4, start + 4 + result.coverage.areas.length);
    result.coverage.areas.forEach((area, i) => {
      const cells = rows[i].split(' | ');
      const pa = profile.areas.find((x) => x.id === area.id)!;
      expect(cells[0]).toContain(pa.title[lang]);
      area.measures.forEach((m, j) => expect(cells[1 + j]).toBe(`${STATUS_ICON[m.status]} ${pa.measures[j].number}${pa.measures[j].title[lang]}`));
    });
  });

  it('lists the findings with their 1-based lines and rules', () => {
    for (const f of result.findings) {
      expect(lines.some((l) => l.startsWith(`| ${f.range.start.line + 1} | `) && l.endsWith(`| \`${f.rule}\` |`))).toBe(true);
    }
  });

  it('gives each covered measure its evidence line', () => {
    for (const area of result.coverage.areas) {
      for (const m of area.measures.filter((x) => x.evidence.length)) {
        const title = profile.areas.find((x) => x.id === area.id)!.measures.find((x) => x.id === m.id)!.title[lang];
        const at = lines.findIndex((l) => l.startsWith('- ') && l.includes(`**`) && l.includes(title));
        expect(at, m.id).toBeGreaterThan(0);
        const line = m.evidence[0].line + 1;
        expect(lines[at + 1]).toContain(lang === 'zh' ? `第 ${line} 行` : `line ${line}`);
      }
    }
  });
});
