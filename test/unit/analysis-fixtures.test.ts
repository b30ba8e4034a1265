/**
 * The analysis on the fixture drafts (test/fixtures/drafts): exact findings (rule + data) per draft,
 * coverage states, target states and indicator values.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import type { AnalysisResult, Finding } from '../../server/src/analysis/types';
import { parsePlan } from '../../server/src/document';
import { setLocale } from '../../server/src/l10n';
import { loadBuiltinProfile } from '../../server/src/profile';

const dir = path.resolve(__dirname, '../fixtures/drafts');
const profile = loadBuiltinProfile();

function read(name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

function run(name: string, options = {}): AnalysisResult {
  return analyze(parsePlan(read(name)), profile, options);
}

/** rule + data, in document order: what a finding says, without the wording. */
const brief = (fs: Finding[]) => fs.map((f) => ({ rule: f.rule, ...f.data }));

beforeAll(() => setLocale('en'));

const COMPLETE = ['complete-zh.md', 'complete-en.md', 'reworded-zh.md', 'reordered-zh.md', 'merged-zh.md', 'flat-zh.md', 'traditional-zh.md'];

describe.each(COMPLETE)('complete draft %s', (name) => {
  const result = run(name);

  it('gives no findings at all', () => {
    expect(brief(result.findings)).toEqual([]);
  });

  it('covers every area and every measure, with evidence', () => {
    for (const a of result.coverage.areas) {
      expect(`${a.id}: ${a.status}`).toBe(`${a.id}: covered`);
      for (const m of a.measures) {
        expect(`${m.id}: ${m.status}`).toBe(`${m.id}: covered`);
        expect(m.evidence.length, m.id).toBeGreaterThan(0);
      }
    }
    expect(result.coverage.score).toBe(1);
  });

  it('states quantified 2025 and 2030 targets, none below the national values', () => {
    expect(result.coverage.targets.map((x) => [x.year, x.status])).toEqual([
      [2025, 'quantified'],
      [2030, 'quantified'],
    ]);
    const compared = result.coverage.targets.flatMap((x) => x.indicators.filter((i) => i.verdict));
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.filter((i) => i.verdict === 'below')).toEqual([]);
  });
});

describe('drafts with gaps', () => {
  it('gaps-zh: no model-innovation chapter, no agriculture measure, no 2030 target', () => {
    const r = run('gaps-zh.md');
    expect(brief(r.findings)).toEqual([
      { rule: 'area-missing', area: 'model-innovation' },
      { rule: 'target-missing', year: 2030 },
      { rule: 'measure-missing', area: 'key-areas', measure: 'agriculture' },
    ]);
    const area = (id: string) => r.coverage.areas.find((a) => a.id === id)!;
    expect(area('model-innovation').status).toBe('missing');
    expect(area('key-areas').status).toBe('covered');
    // the green-lifestyle paragraph lost its heading but kept its text
    const lifestyle = area('source-prevention').measures.find((m) => m.id === 'green-lifestyle')!;
    expect(lifestyle.status).toBe('covered');
    expect(lifestyle.evidence.map((e) => e.kind)).toEqual(['body']);
    expect(r.coverage.score).toBe(0.81); // 21 of 26 measures covered
  });

  it('gaps-en: soil measure, organisation chapter, a qualitative 2025 target, model innovation only named in the principles', () => {
    const r = run('gaps-en.md');
    expect(brief(r.findings)).toEqual([
      { rule: 'closing-chapter-missing', area: 'organisation' },
      { rule: 'area-mentioned-only', area: 'model-innovation' },
      { rule: 'target-unquantified', year: 2025 },
      { rule: 'measure-missing', area: 'environmental-governance', measure: 'soil' },
    ]);
    const mi = r.coverage.areas.find((a) => a.id === 'model-innovation')!;
    expect(mi.status).toBe('mentioned');
    expect(mi.evidence[0]).toMatchObject({ kind: 'body', line: 8, terms: ['pilots and demonstration'] });
    const t2030 = r.coverage.targets.find((x) => x.year === 2030)!;
    expect(t2030.indicators.map((i) => [i.id, i.value, i.unit, i.verdict])).toEqual([
      ['nev-new-sales-share-key-regions', 50, '%', 'meets'],
      ['bulk-solid-waste-utilisation', 70, '%', undefined], // the national value is for 2025
    ]);
  });

  it('tasks-list-zh: a county plan with one task chapter, measures as numbered lines, list items and bold leads', () => {
    const r = run('tasks-list-zh.md');
    expect(r.level).toBe('county');
    expect(brief(r.findings)).toEqual([
      { rule: 'target-unquantified', year: 2030 },
      { rule: 'measure-missing', area: 'key-areas', measure: 'ecological-construction' },
      { rule: 'measure-missing', area: 'organisation', measure: 'international-cooperation' },
    ]);
    const mi = r.coverage.areas.find((a) => a.id === 'model-innovation')!;
    expect(mi.measures.map((m) => [m.id, m.status, m.required])).toEqual([
      ['regional', 'missing', false], // province only
      ['city', 'covered', true],
      ['industrial-park', 'covered', true],
      ['enterprise', 'covered', true],
    ]);
    // “1.落实…” lines of one paragraph are items of their own, each with its line
    const sp = r.coverage.areas.find((a) => a.id === 'source-prevention')!;
    expect(sp.measures.map((m) => m.evidence[0].line)).toEqual([23, 24, 25, 26]);
    // the organisation measures sit in 保障措施: the missing one is reported there
    expect(r.findings[2].range.start.line).toBe(49);
  });

  it('weak-targets-zh: values weaker than the national ones, flagged on the value', () => {
    const text = read('weak-targets-zh.md');
    const r = analyze(parsePlan(text), profile);
    expect(brief(r.findings)).toEqual([
      { rule: 'target-below-national', indicator: 'bulk-solid-waste-utilisation', year: 2025, measure: 'solid-waste', area: 'environmental-governance' },
      { rule: 'target-below-national', indicator: 'nev-new-sales-share-key-regions', year: 2030, measure: 'transport', area: 'key-areas' },
    ]);
    const lines = text.split('\n');
    const slice = (f: Finding) => lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
    expect(r.findings.map(slice)).toEqual(['55%以上', '百分之四十左右']);
    expect(r.findings[0].severity).toBe('warning');
    expect(r.findings[0].message).toBe(
      '“Utilisation rate of new bulk solid waste” (bulk-solid-waste-utilisation) is 55% for 2025, weaker than the national value of at least 60%.',
    );
  });
});

describe('what the complete drafts are made of', () => {
  it('merged-zh: one sub-section heading covers two measures', () => {
    const text = read('merged-zh.md');
    const model = parsePlan(text);
    const r = analyze(model, profile);
    const keyAreas = r.coverage.areas.find((a) => a.id === 'key-areas')!;
    const sectionOf = (id: string) => keyAreas.measures.find((m) => m.id === id)!.section!;
    expect(model.sections[sectionOf('industry')].heading.text).toBe('推进工业和交通领域协同增效');
    expect(sectionOf('transport')).toBe(sectionOf('industry'));
    expect(sectionOf('agriculture')).toBe(sectionOf('urban-rural-construction'));
  });

  it('reordered-zh: a renamed chapter is attributed by its sub-sections', () => {
    const model = parsePlan(read('reordered-zh.md'));
    const r = analyze(model, profile);
    const key = r.coverage.areas.find((a) => a.id === 'key-areas')!;
    expect(model.sections[key.section!].heading.raw).toBe('五、推动产业和城乡绿色转型');
  });

  it('flat-zh: numbered paragraphs are the sections', () => {
    const model = parsePlan(read('flat-zh.md'));
    const r = analyze(model, profile);
    const agri = r.coverage.areas.find((a) => a.id === 'key-areas')!.measures.find((m) => m.id === 'agriculture')!;
    expect(model.sections[agri.section!].heading).toMatchObject({ raw: '（十一）推进农业领域协同增效', promoted: true });
  });

  it('traditional-zh: Taiwan vocabulary and full-width digits are read', () => {
    const text = read('traditional-zh.md');
    const r = analyze(parsePlan(text), profile);
    const t2025 = r.coverage.targets.find((x) => x.year === 2025)!;
    const first = t2025.indicators[0];
    expect([first.id, first.value, first.unit, first.verdict]).toEqual(['bulk-solid-waste-utilisation', 62, '%', 'above']);
    expect(text.split('\n')[first.range.start.line].slice(first.range.start.character, first.range.end.character)).toBe('６２％');
  });

  it('complete-zh: the target table gives values per year column', () => {
    const r = run('complete-zh.md');
    const at = (year: number, line: number) =>
      r.coverage.targets
        .find((x) => x.year === year)!
        .indicators.filter((i) => i.line === line)
        .map((i) => [i.id, i.value]);
    expect(at(2025, 26)).toEqual([['bulk-solid-waste-utilisation', 62]]);
    expect(at(2030, 26)).toEqual([['bulk-solid-waste-utilisation', 65]]);
    expect(at(2030, 27)).toEqual([['nev-new-sales-share-key-regions', 55]]);
  });
});

describe('chapters named one way, holding another', () => {
  it('保障措施 holding only organisation measures is the organisation chapter', () => {
    const text = [
      '# 某市减污降碳协同增效实施方案',
      '## 七、保障措施',
      '### （一）加强组织领导',
      '成立领导小组，明确责任分工。',
      '### （二）加强宣传引导',
      '利用新闻媒体开展宣传教育。',
      '### （三）严格考核评估',
      '开展中期评估和总结评估，纳入考核评价。',
    ].join('\n\n');
    const model = parsePlan(text);
    const r = analyze(model, profile);
    const area = (id: string) => r.coverage.areas.find((a) => a.id === id)!;
    expect(area('organisation').status).toBe('covered');
    expect(model.sections[area('organisation').section!].heading.raw).toBe('七、保障措施');
    expect(area('support-guarantee').status).toBe('missing');
    expect(brief(r.findings).filter((f) => f.area === 'organisation' || f.area === 'support-guarantee')).toEqual([
      { rule: 'closing-chapter-missing', area: 'support-guarantee' },
      { rule: 'measure-missing', area: 'organisation', measure: 'international-cooperation' },
    ]);
  });
});

describe('level, options and the UI language', () => {
  it('front matter level: city makes the province-only regional measure not required', () => {
    const text = read('gaps-zh.md').replace(/^/, '---\nplanlint:\n  level: city\n---\n\n');
    const r = analyze(parsePlan(text), profile);
    const mi = r.coverage.areas.find((a) => a.id === 'model-innovation')!;
    expect(mi.measures.find((m) => m.id === 'regional')!.required).toBe(false);
    expect(r.level).toBe('city');
  });

  it('config ignore and severity apply', () => {
    const r = run('gaps-zh.md', { ignore: ['measure-missing:agriculture'], severity: { 'target-missing': 'error', 'area-missing': 'off' } });
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['target-missing', 'error']]);
  });

  it('messages name areas and measures by their title in the UI language', () => {
    setLocale('zh-cn');
    try {
      const r = run('gaps-zh.md');
      expect(r.findings.map((f) => f.message)).toEqual([
        '本稿没有任务领域“开展模式创新”（model-innovation）的章节或实质性内容。',
        '缺少2030年目标表述：请写明到2030年要实现的目标（例如“到2030年，……”）。',
        '本稿未覆盖“突出重点领域”下的措施“推进农业领域协同增效”（agriculture）。',
      ]);
    } finally {
      setLocale('en');
    }
  });
});
