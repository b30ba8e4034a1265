/**
 * The pure fix computation, in isolation from the analysis: the input coverage is built here from
 * headings that carry the national titles (a simple stand-in for what analysis/ decides), so these
 * tests pin the placement, depth, numbering and text of the inserts.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, AreaCoverage, Finding } from '../analysis/types';
import { parsePlan } from '../document';
import { loadBuiltinProfile } from '../profile';
import {
  disableFileInsert,
  disableNextLineInsert,
  fixAllInserts,
  type FixInput,
  type Insert,
  insertFor,
  toTextEdits,
} from '.';
import { formatNumber, parseRoman, toChineseNumeral, toRoman } from './numbering';

const profile = loadBuiltinProfile();

/** Coverage where a section counts for an area / measure when its heading contains the national title. */
function input(text: string, findings: Finding[] = []): FixInput {
  const model = parsePlan(text);
  const titleIn = (i: number, zh: string, en: string) => {
    const h = model.sections[i].heading.text.toLowerCase();
    return h.includes(zh) || h.includes(en.toLowerCase());
  };
  const areas: AreaCoverage[] = profile.areas.map((area) => {
    const section = model.sections.findIndex((_, i) => titleIn(i, area.title.zh, area.title.en));
    const measures = area.measures.map((m) => {
      const ms = model.sections.findIndex((_, i) => titleIn(i, m.title.zh, m.title.en));
      return { id: m.id, status: ms >= 0 ? ('covered' as const) : ('missing' as const), evidence: [], required: true, ...(ms >= 0 ? { section: ms } : {}) };
    });
    return { id: area.id, status: section >= 0 ? 'covered' : 'missing', measures, evidence: [], required: true, ...(section >= 0 ? { section } : {}) };
  });
  const result: AnalysisResult = { profile: profile.id, language: model.language, coverage: { score: 0, areas, targets: [] }, findings };
  return { model, result, profile };
}

function apply(text: string, inserts: Insert[], fix: FixInput): string {
  const edits = toTextEdits(fix.model, inserts);
  for (const e of edits) expect(e.range.start).toEqual(e.range.end);
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    const at = offset(e.range.start);
    out = out.slice(0, at) + e.newText + out.slice(at);
  }
  return out;
}

const finding = (rule: Finding['rule'], data: Finding['data'], line = 0): Finding => ({
  rule,
  severity: 'warning',
  message: rule,
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  data,
});

const m = (id: string) => {
  for (const a of profile.areas) for (const x of a.measures) if (x.id === id) return x;
  throw new Error(id);
};
const area = (id: string) => profile.areas.find((a) => a.id === id)!;

const ZH = [
  '# 某市减污降碳协同增效实施方案',
  '',
  '## 一、总体要求',
  '',
  '到2025年，格局基本形成。',
  '',
  `## 二、${area('source-prevention').title.zh}`,
  '',
  `### （一）${m('zoning-control').title.zh}`,
  '',
  '正文。',
  '',
  `### （二）${m('energy-transition').title.zh}`,
  '',
  '正文。',
  '',
  `## 三、${area('environmental-governance').title.zh}`,
  '',
  `### （一）${m('air').title.zh}`,
  '',
  '正文。',
  '',
].join('\n');

describe('numbering', () => {
  it('writes Chinese, Arabic and Roman numbers in the sample style', () => {
    expect([1, 9, 10, 11, 20, 25].map(toChineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十五']);
    expect(formatNumber({ style: 'chinese-dun', raw: '三、', separator: '' }, 4)).toBe('四、');
    expect(formatNumber({ style: 'chinese-paren', raw: '(三)', separator: '' }, 12)).toBe('(十二)');
    expect(formatNumber({ style: 'chinese-dun', raw: '第三章', separator: ' ' }, 4)).toBe('第四章');
    expect(formatNumber({ style: 'arabic-dot', raw: '３．', separator: '' }, 4)).toBe('４．');
    expect(formatNumber({ style: 'roman', raw: 'III.', separator: ' ' }, 4)).toBe('IV.');
    expect([4, 9, 14].map(toRoman)).toEqual(['IV', 'IX', 'XIV']);
    expect(parseRoman('XIV')).toBe(14);
    expect(parseRoman('IIII')).toBe(0);
  });
});

describe('area skeleton', () => {
  it('goes after the preceding national area, numbered after it, with its measures', () => {
    const fix = input(ZH);
    const out = apply(ZH, insertFor(fix, finding('area-missing', { area: 'key-areas' })), fix);
    const ka = area('key-areas');
    const expected = [
      `## 三、${ka.title.zh}`,
      '',
      ...ka.measures.flatMap((x, i) => [`### （${toChineseNumeral(i + 1)}）${x.title.zh}`, '', `〔待补充：${x.title.zh}的具体措施〕`, '']),
    ].join('\n');
    // Placed between 二、(source prevention) and the old 三、(environmental governance), whose number the numbering rule flags.
    expect(out).toBe(ZH.replace(`## 三、${area('environmental-governance').title.zh}`, `${expected}\n## 三、${area('environmental-governance').title.zh}`));
  });

  it('continues at the end of the chapters when the area comes last', () => {
    const fix = input(ZH);
    const out = apply(ZH, insertFor(fix, finding('closing-chapter-missing', { area: 'organisation' })), fix);
    expect(out.startsWith(ZH)).toBe(true);
    // A blank line, then the chapter.
    expect(out.slice(ZH.length).split('\n').slice(0, 2)).toEqual(['', `## 四、${area('organisation').title.zh}`]);
  });

  it('offers nothing when the chapter exists', () => {
    const fix = input(ZH);
    expect(insertFor(fix, finding('area-mentioned-only', { area: 'source-prevention' }))).toEqual([]);
  });

  it('continues national-style measure numbers across chapters', () => {
    const text = ZH.replace('### （一）强化', '### （四）强化').replace('### （二）推动', '### （五）推动').replace(`### （一）${m('air').title.zh}`, `### （六）${m('air').title.zh}`);
    const fix = input(text);
    const out = apply(text, insertFor(fix, finding('area-missing', { area: 'key-areas' })), fix);
    expect(out).toContain(`### （六）${m('industry').title.zh}`);
    expect(out).toContain(`### （十）${m('ecological-construction').title.zh}`);
  });

  it('writes numbered paragraph lines in a flat draft', () => {
    const flat = ['某县减污降碳协同增效实施方案', '', '一、总体要求', '', '到2025年，格局基本形成。', '', `二、${area('source-prevention').title.zh}`, '', `（一）${m('zoning-control').title.zh}。正文。`, ''].join('\n');
    const fix = input(flat);
    const out = apply(flat, insertFor(fix, finding('area-missing', { area: 'environmental-governance' })), fix);
    const added = out.slice(flat.length).split('\n');
    expect(added[0]).toBe('');
    expect(added[1]).toBe(`三、${area('environmental-governance').title.zh}`);
    expect(added[3]).toBe(`（一）${m('air').title.zh}。〔待补充：${m('air').title.zh}的具体措施〕`);
  });

  it('numbers an English draft with Roman chapters and writes English titles', () => {
    const en = [
      '# Plan for Synergizing the Reduction of Pollution and Carbon Emissions',
      '',
      `## I. ${area('source-prevention').title.en}`,
      '',
      `### (1) ${m('zoning-control').title.en}`,
      '',
      'Body text of the section in English.',
      '',
      `## II. ${area('environmental-governance').title.en}`,
      '',
      'Body text of the chapter in English.',
      '',
    ].join('\n');
    const fix = input(en);
    const out = apply(en, insertFor(fix, finding('area-missing', { area: 'key-areas' })), fix);
    expect(out).toContain(`\n\n## II. ${area('key-areas').title.en}\n\n### (1) ${m('industry').title.en}\n\n[To be completed: measures to `);
    expect(out.indexOf(area('key-areas').title.en)).toBeLessThan(out.indexOf(area('environmental-governance').title.en));
  });
});

describe('measure skeleton', () => {
  it('goes after the preceding national measure of the chapter, numbered in place', () => {
    const fix = input(ZH);
    const out = apply(ZH, insertFor(fix, finding('measure-missing', { area: 'source-prevention', measure: 'access-management' })), fix);
    const t = m('access-management').title.zh;
    expect(out).toBe(ZH.replace(`### （二）${m('energy-transition').title.zh}`, `### （二）${t}\n\n〔待补充：${t}的具体措施〕\n\n### （二）${m('energy-transition').title.zh}`));
  });

  it('goes at the end of the chapter after the last measure', () => {
    const fix = input(ZH);
    const out = apply(ZH, insertFor(fix, finding('measure-missing', { area: 'environmental-governance', measure: 'solid-waste' })), fix);
    expect(out).toBe(`${ZH}\n### （二）${m('solid-waste').title.zh}\n\n〔待补充：${m('solid-waste').title.zh}的具体措施〕\n`);
  });
});

describe('target inserts', () => {
  it('adds the missing year after the stated one', () => {
    const fix = input(ZH);
    fix.result.coverage.targets = [{ year: 2025, status: 'qualitative', line: 4, indicators: [] }, { year: 2030, status: 'missing', indicators: [] }];
    const out = apply(ZH, insertFor(fix, finding('target-missing', { year: 2030 })), fix);
    expect(out).toBe(ZH.replace('到2025年，格局基本形成。\n', '到2025年，格局基本形成。\n\n到2030年，〔待补充：2030年主要目标及量化指标〕。\n'));
  });

  it('creates a targets section under 总体要求 when there is none', () => {
    const text = ZH.replace('到2025年，格局基本形成。', '指导思想。');
    const fix = input(text);
    fix.result.coverage.targets = [{ year: 2025, status: 'missing', indicators: [] }, { year: 2030, status: 'missing', indicators: [] }];
    const all = fixAllInserts({ ...fix, result: { ...fix.result, findings: [finding('target-missing', { year: 2025 }), finding('target-missing', { year: 2030 })] } });
    const out = apply(text, all, fix);
    expect(out).toBe(
      text.replace(
        '指导思想。\n',
        '指导思想。\n\n### （一）主要目标\n\n到2025年，〔待补充：2025年主要目标及量化指标〕。\n\n到2030年，〔待补充：2030年主要目标及量化指标〕。\n',
      ),
    );
  });

  it('adds a table row for the year', () => {
    const text = ['# 某市减污降碳协同增效实施方案', '', '## 一、主要目标', '', '| 年份 | 指标 |', '|---|---|', '| 2025年 | 60% |', '', '正文。', ''].join('\n');
    const fix = input(text);
    fix.result.coverage.targets = [{ year: 2025, status: 'quantified', line: 6, indicators: [] }];
    const out = apply(text, insertFor(fix, finding('target-missing', { year: 2030 })), fix);
    expect(out).toBe(text.replace('| 2025年 | 60% |\n', '| 2025年 | 60% |\n| 2030年 | 〔待补充：指标值〕 |\n'));
  });
});

describe('fix all', () => {
  it('numbers several chapters inserted at one place one after another', () => {
    const fix = input(ZH);
    fix.result.findings = [finding('area-missing', { area: 'model-innovation' }), finding('closing-chapter-missing', { area: 'support-guarantee' }), finding('closing-chapter-missing', { area: 'organisation' })];
    const out = apply(ZH, fixAllInserts(fix), fix);
    const headings = out.split('\n').filter((l) => l.startsWith('## '));
    expect(headings.slice(3)).toEqual([
      `## 四、${area('model-innovation').title.zh}`,
      `## 五、${area('support-guarantee').title.zh}`,
      `## 六、${area('organisation').title.zh}`,
    ]);
  });
});

describe('disable comments', () => {
  it('inserts a file-level comment after the front matter, and a next-line comment above the finding', () => {
    const text = '---\nplanlint:\n  level: city\n---\n# 某市减污降碳协同增效实施方案\n\n正文。\n';
    const fix = input(text);
    const f = finding('measure-missing', { area: 'key-areas', measure: 'transport' }, 6);
    expect(apply(text, [disableFileInsert(fix.model, f)], fix)).toBe(text.replace('---\n# ', '---\n<!-- planlint-disable measure-missing:key-areas/transport -- 〔待补充：原因〕 -->\n# '));
    expect(apply(text, [disableNextLineInsert(fix.model, f)!], fix)).toBe(text.replace('\n正文。', '\n<!-- planlint-disable-next-line measure-missing:key-areas/transport -- 〔待补充：原因〕 -->\n正文。'));
    expect(disableNextLineInsert(fix.model, finding('config-error', {}, 1))).toBeUndefined();
  });
});
