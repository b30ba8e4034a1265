/** Target years, statements, indicator values and the comparison with national values; term matching. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import { matcherFor } from '../../server/src/analysis/match';
import { findYearMarkers } from '../../server/src/analysis/targets';
import { aligned } from '../../server/src/analysis/values';
import { normalize, parsePlan } from '../../server/src/document';
import { loadBuiltinProfile } from '../../server/src/profile';

const profile = loadBuiltinProfile();
const years = (s: string) => findYearMarkers(aligned(s)).map((m) => m.year);
const targets = (text: string) => analyze(parsePlan(text), profile).coverage.targets;
const status = (text: string) => targets(text).map((x) => `${x.year}:${x.status}`);

describe('year markers', () => {
  it.each([
    ['到2025年，格局基本形成', [2025]],
    ['2025年前完成改造', [2025]],
    ['2025年底前建成', [2025]],
    ['截至2030年底', [2030]],
    ['“十四五”末，全市', [2025]],
    ['十四五期末', [2025]],
    ['"十五五"末', [2030]],
    ['到２０２５年', [2025]],
    ['By 2025, the pattern', [2025]],
    ['by the end of 2030, capacity', [2030]],
    ['in 2025 the share', [2025]],
    ['2030 targets', [2030]],
    ['（一）2025年主要目标', [2025]],
    ['到2025年，……；到2030年，……', [2025, 2030]],
  ])('%s', (s, expected) => expect(years(s)).toEqual(expected));

  it.each([
    '三年行动计划(2023—2025年)',
    '2023至2025年',
    '力争2030年前实现碳达峰',
    '确保2030年前碳达峰',
    '“十四五”时期，生态文明建设进入关键时期',
    '2022年12月5日',
    'Reported results (2019→2023)',
    'peak carbon emissions before 2030',
  ])('no target marker in %s', (s) => expect(years(s)).toEqual([]));
});

describe('target statements', () => {
  const head = '# 某市减污降碳协同增效实施方案\n\n';

  it('quantified needs a number with a unit other than the year', () => {
    expect(status(`${head}到2025年，协同推进格局基本形成。到2030年，PM2.5浓度降至25微克/立方米。\n`)).toEqual(['2025:qualitative', '2030:quantified']);
  });

  it('a statement runs to the next marker, not to the end of the paragraph', () => {
    expect(status(`${head}到2025年，格局基本形成；到2030年，大宗固废综合利用率达到70%。\n`)).toEqual(['2025:qualitative', '2030:quantified']);
  });

  it('a lead-in ending in “：” continues into the list items after it', () => {
    const text = `${head}## 主要目标\n\n到2025年，主要目标是：\n\n- 新增大宗固废综合利用率达到65%；\n- 单位地区生产总值二氧化碳排放下降18%。\n`;
    const [t2025] = targets(text);
    expect(t2025.status).toBe('quantified');
    expect(t2025.indicators.map((i) => [i.id, i.value, i.verdict, i.line])).toEqual([['bulk-solid-waste-utilisation', 65, 'above', 6]]);
  });

  it('a heading year makes its section a statement', () => {
    const text = `${head}## 二、主要目标\n\n### （一）2025年目标\n\n新增大宗固废综合利用率达到58%。\n\n### （二）2030年目标\n\n协同治理水平显著提高。\n`;
    const t = targets(text);
    expect(t.map((x) => `${x.year}:${x.status}`)).toEqual(['2025:quantified', '2030:qualitative']);
    expect(t[0].indicators.map((i) => [i.value, i.verdict])).toEqual([[58, 'below']]);
  });

  it('table columns headed by a year carry values of that year, unit from the row label', () => {
    const text = `${head}| 指标名称 | 单位 | 2025年目标值 | 2030年目标值 |\n|---|---|---|---|\n| 新增大宗固废综合利用率 | % | ≥55 | 65 |\n| 新能源汽车新车销售量占比 | % | 30 | 45左右 |\n`;
    const t = targets(text);
    expect(t.map((x) => `${x.year}:${x.status}`)).toEqual(['2025:quantified', '2030:quantified']);
    expect(t[0].indicators.map((i) => [i.id, i.value, i.unit, i.verdict])).toEqual([
      ['bulk-solid-waste-utilisation', 55, '%', 'below'],
      ['nev-new-sales-share-key-regions', 30, '%', undefined], // no national value for 2025
    ]);
    expect(t[1].indicators.map((i) => [i.id, i.value, i.unit, i.verdict])).toEqual([
      ['bulk-solid-waste-utilisation', 65, '%', undefined],
      ['nev-new-sales-share-key-regions', 45, '%', 'below'],
    ]);
    const f = analyze(parsePlan(text), profile).findings.filter((x) => x.rule === 'target-below-national');
    expect(f.map((x) => [x.data.indicator, x.data.year, x.range.start.line])).toEqual([
      ['bulk-solid-waste-utilisation', 2025, 4],
      ['nev-new-sales-share-key-regions', 2030, 5],
    ]);
  });

  it.each([
    ['新增大宗固废综合利用率达到60%', 60, 'meets'],
    ['新增大宗固废综合利用率不低于百分之六十', 60, 'meets'],
    ['新增大宗固废综合利用率达到59.5%', 59.5, 'below'],
    ['大宗固体废物综合利用率提高到65%以上', 65, 'above'],
    ['the utilisation rate of new bulk solid waste will reach 58 per cent', 58, 'below'],
  ])('2025: %s', (sentence, value, verdict) => {
    const [t] = targets(`${head}到2025年，${sentence}。\n`.replace('到2025年，the', 'By 2025, the'));
    expect(t.indicators.map((i) => [i.id, i.value, i.verdict])).toEqual([['bulk-solid-waste-utilisation', value, verdict]]);
  });

  it('about: a smaller value is below, a larger one above', () => {
    const nev = (v: string) => targets(`${head}到2030年，新能源汽车新车销售量占比达到${v}。\n`)[1].indicators.map((i) => i.verdict);
    expect(nev('50%左右')).toEqual(['meets']);
    expect(nev('百分之四十五左右')).toEqual(['below']);
    expect(nev('60%')).toEqual(['above']);
  });

  it('a value of another year is read but not compared; unverified indicators are not compared', () => {
    const t = targets(`${head}到2030年，新增大宗固废综合利用率达到55%，短流程炼钢占比达到10%。\n`)[1];
    expect(t.indicators.map((i) => [i.id, i.value, i.verdict, i.national])).toEqual([
      ['bulk-solid-waste-utilisation', 55, undefined, undefined],
      ['short-process-steel-share', 10, undefined, undefined],
    ]);
  });

  it('a value with a target verb but no year is read for the indicator’s year, without making a statement', () => {
    const text = `${head}## 五、优化环境治理\n\n### （十六）推进固体废物污染防治协同控制\n\n加强“无废城市”建设，新增大宗固废综合利用率达到55%以上。\n\n“十三五”期间，大宗固废综合利用率达到52%。\n`;
    const t = targets(text);
    expect(t.map((x) => `${x.year}:${x.status}`)).toEqual(['2025:missing', '2030:missing']);
    expect(t[0].indicators.map((i) => [i.id, i.value, i.verdict, i.line])).toEqual([['bulk-solid-waste-utilisation', 55, 'below', 6]]);
    const f = analyze(parsePlan(text), profile).findings.filter((x) => x.rule === 'target-below-national');
    expect(f.map((x) => [x.data.indicator, x.data.year])).toEqual([['bulk-solid-waste-utilisation', 2025]]);
  });

  it('values before the title (the notice) and in dates are not targets', () => {
    expect(status('关于印发2025年工作要点的通知\n\n# 某市减污降碳协同增效实施方案\n\n2022年12月5日印发。\n')).toEqual(['2025:missing', '2030:missing']);
  });
});

describe('term matching', () => {
  const terms = (s: string) => matcherFor(profile).scan(normalize(s)).map((h) => h.term);

  it('matches on normalised text: Traditional script and Taiwan phrases', () => {
    expect(terms('推進畜禽糞汙資源化利用')).toContain('畜禽粪污');
    expect(terms('重點產業結構最佳化調整')).toContain('产业结构优化');
  });

  it('ASCII terms need word boundaries; plurals are allowed', () => {
    expect(terms('the chair of the committee')).toEqual([]);
    expect(terms('diesel trucks and city buses')).toEqual(expect.arrayContaining(['diesel trucks', 'city buses']));
    expect(terms('green factories')).toEqual(['green factories']);
  });

  it('government bodies are not their field', () => {
    expect(terms('市交通运输局、农业农村局、市委宣传部等')).toEqual([]);
    expect(terms('推进交通运输结构调整')).not.toEqual([]);
    expect(terms('优化交通布局')).toEqual(['交通']);
  });

  it('a longer term hides a shorter one inside it, and known false joins are skipped', () => {
    expect(terms('推进农村生活污水治理')).toContain('农村生活污水');
    expect(terms('推进农村生活污水治理')).not.toContain('农村');
    expect(terms('深化工作机制')).toEqual([]);
    expect(terms('加大气候投融资支持')).not.toContain('大气');
  });
});
