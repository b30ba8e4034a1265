// Two rounds of a draft with known differences → the exact change list, and its pages.
// test/fixtures/report/round1.zh.md → round2.zh.md (see the README there):
//   + transport section added        − publicity section removed
//   2025 bulk-solid-waste 55% → 62%  + a 2030 statement without numbers
//   lines move (a paragraph inserted near the top), the missing model-innovation chapter stays missing.
import * as cheerio from 'cheerio';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../server/src/l10n';
import { compareReports, hasChanges, renderCompareHtml, renderCompareMarkdown, type ReportDiff } from '../../server/src/report';
import { analyseFile, analyseText } from './report-support';

beforeEach(() => setLocale('en'));

const OLD = 'test/fixtures/report/round1.zh.md';
const NEW = 'test/fixtures/report/round2.zh.md';

function summary(d: ReportDiff) {
  return {
    gained: d.measures.gained.map((m) => `${m.area}/${m.measure}: ${m.from} → ${m.to}`),
    lost: d.measures.lost.map((m) => `${m.area}/${m.measure}: ${m.from} → ${m.to}`),
    other: d.measures.other.map((m) => `${m.area}/${m.measure}: ${m.from} → ${m.to}`),
    areas: d.areas.map((a) => `${a.area}: ${a.from} → ${a.to}`),
    targets: d.targets.map((tg) => `${tg.year}: ${tg.from} → ${tg.to}`),
    indicators: d.indicators.map((i) => `${i.year} ${i.id}: ${i.from.map((v) => `${v.value}${v.unit} ${v.status}`).join(',') || '-'} → ${i.to.map((v) => `${v.value}${v.unit} ${v.status}`).join(',') || '-'}`),
    fixed: d.findings.fixed.map((f) => f.key),
    added: d.findings.added.map((f) => f.key),
    unchanged: d.findings.unchanged,
  };
}

describe('comparing two rounds', () => {
  const a = analyseFile(OLD);
  const b = analyseFile(NEW);
  const diff = compareReports(a.report, b.report);

  it('gives the exact change list', () => {
    expect(summary(diff)).toEqual({
      // round 1 names transport only in passing (新能源汽车 in the lifestyle paragraph)
      gained: ['key-areas/transport: mentioned → covered'],
      lost: ['organisation/publicity: covered → missing'],
      other: [],
      areas: [],
      targets: ['2030: missing → qualitative'],
      indicators: ['2025 bulk-solid-waste-utilisation: 55% below → 62% above'],
      fixed: ['target-missing|||2030||', 'target-below-national|environmental-governance|solid-waste|2025|bulk-solid-waste-utilisation|', 'measure-missing|key-areas|transport|||'],
      added: ['target-unquantified|||2030||', 'measure-missing|organisation|publicity|||'],
      unchanged: 1,
    });
    expect(diff.old.score).toBe(a.checked.result.coverage.score);
    expect(diff.new.score).toBe(b.checked.result.coverage.score);
    expect(hasChanges(diff)).toBe(true);
  });

  it('matches findings by rule and data, not by line: the unchanged one moved', () => {
    const key = 'area-missing|model-innovation||||';
    expect(a.report.findings.some((f) => f.key === key)).toBe(true);
    expect(b.report.findings.some((f) => f.key === key)).toBe(true);
    // the 2030 target-missing finding of round 1 and its target-unquantified successor sit on different lines
    expect(diff.findings.fixed.find((f) => f.rule === 'target-missing')!.at.line).not.toBe(diff.findings.added.find((f) => f.rule === 'target-unquantified')!.at.line);
  });

  it('sees no change between a draft and itself with lines moved', () => {
    const moved = analyseText(a.text.replace('\n\n', '\n\n本方案适用于全市行政区域。\n\n<!-- 第二轮修改说明见附件 -->\n\n'), OLD);
    expect(moved.report.findings.map((f) => f.at.line)).not.toEqual(a.report.findings.map((f) => f.at.line));
    const same = compareReports(a.report, moved.report);
    expect(hasChanges(same)).toBe(false);
    expect(same.findings.unchanged).toBe(a.report.findings.length);
  });

  it('the HTML page lists the changes, localised and escaped', () => {
    const $ = cheerio.load(renderCompareHtml(diff, { generator: 'PlanLint test' }));
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('h1').text()).toBe('江岭市减污降碳协同增效实施方案（征求意见稿·第二轮）');
    expect($('#gained li').length).toBe(1);
    expect($('#gained li').text()).toContain('推进交通运输协同增效');
    expect($('#gained li').text()).toContain('key-areas/transport');
    expect($('#gained li .badge').map((_, e) => $(e).text()).get()).toEqual(['○ 仅提及', '✓ 已覆盖']);
    expect($('#lost li').text()).toContain('加强宣传教育');
    expect($('#fixed tbody tr').length).toBe(3);
    expect($('#added tbody tr').length).toBe(2);
    expect($('#added tbody tr .rule').map((_, e) => $(e).text()).get()).toEqual(['target-unquantified', 'measure-missing']);
    // a fixed finding names its line in the old draft
    const fixedLine = diff.findings.fixed[0].at.line + 1;
    expect($('#fixed tbody tr').first().find('.loc').text()).toBe(`原第 ${fixedLine} 行`);
    expect($('#targets').text()).toContain('55%');
    expect($('#targets').text()).toContain('62%');
    expect($('.score-value').text()).toBe(`${Math.round(diff.new.score * 100)}%`);
    expect($('script, [style]').length).toBe(0);
  });

  it('the Markdown lists the same changes', () => {
    const md = renderCompareMarkdown(diff, 'PlanLint test');
    expect(md).toContain('### 新覆盖的措施 (1)');
    expect(md).toContain('- ○ 仅提及 → ✓ 已覆盖 **（九）推进交通运输协同增效** (突出重点领域, `key-areas/transport`)');
    expect(md).toContain('- ✓ 已覆盖 → ✗ 缺失 **（二十七）加强宣传教育** (加强组织实施, `organisation/publicity`)');
    expect(md).toContain('| 2030 | ✗ 缺失 | ◐ 定性 |');
    expect(md).toContain('| 2025 | 新增大宗固废综合利用率 `bulk-solid-waste-utilisation` | 55% ✗ 低于国家方案要求 | 62% ✓ 高于国家方案要求 |');
    expect(md).toContain('### 已解决的问题 (3)');
    expect(md).toContain('### 新出现的问题 (2)');
  });

  it('says so when nothing changed', () => {
    const same = compareReports(a.report, a.report);
    expect(renderCompareMarkdown(same)).toContain('覆盖情况、目标和问题均无变化。');
    expect(cheerio.load(renderCompareHtml(same))('#summary .none').text()).toBe('覆盖情况、目标和问题均无变化。');
  });
});
