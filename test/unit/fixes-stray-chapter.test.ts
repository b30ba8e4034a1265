/**
 * A stray measure heading above the title, annotated as an area (found by the fuzz tier): the
 * chapters fix-all inserts hold their measures as sub-sections (a measure heading is always deeper
 * than its chapter's), and a measure the analysis counts as covered gets no second skeleton.
 */
import { describe, expect, it } from 'vitest';
import { fixAllInserts, insertFor, insertMissingInserts } from '../../server/src/fixes';
import { applyInserts, fixInput } from '../support/fixes';


const DRAFT = [
  '### （三）推进工业领域协同增效',
  '<!-- planlint covers key-areas/ -->',
  '# 石港市减污降碳协同增效实施方案',
  '',
  '为落实国家《减污降碳协同增效实施方案》，制定本方案。',
  '',
  '## 一、总体要求',
  '',
  '### （一）主要目标',
  '',
  '| 年份 | 新增大宗固废综合利用率 | 工作格局 |',
  '|---|---|---|',
  '| 2025年 | 60% | 协同推进格局基本形成 |',
  '',
  '## 二、加强源头防控',
  '',
  '### （一）强化生态环境分区管控',
  '',
  '落实“三线一单”生态环境分区管控要求，将碳达峰目标要求纳入分区管控体系。',
  '',
].join('\n');

describe('a stray measure heading taken for an area chapter', () => {
  it('fix-all inserts chapters whose measures are their sub-sections, and then offers nothing', () => {
    const fi = fixInput(DRAFT);
    const after = applyInserts(DRAFT, fi, fixAllInserts(fi));
    const again = fixInput(after);
    const chapter = again.model.sections.find((s) => s.heading.text === '优化环境治理')!;
    expect(chapter).toBeDefined();
    expect(chapter.children.map((i) => again.model.sections[i].heading.text)).toEqual([
      '推进大气污染防治协同控制',
      '推进水环境治理协同控制',
      '推进土壤污染治理协同控制',
      '推进固体废物污染防治协同控制',
    ]);
    expect(fixAllInserts(again)).toEqual([]);
  });

  it('does not insert a measure again once the analysis counts it covered', () => {
    const fi = fixInput(DRAFT);
    const f = fi.result.findings.find((x) => x.rule === 'measure-missing' && x.data.measure === 'industry')!;
    expect(f).toBeDefined();
    const after = applyInserts(DRAFT, fi, insertFor(fi, f));
    const again = fixInput(after);
    expect(again.result.coverage.areas.find((a) => a.id === 'key-areas')!.measures.find((m) => m.id === 'industry')!.status).toBe('covered');
    expect(insertMissingInserts(again, 'key-areas', 'industry')).toEqual([]);
  });
});
