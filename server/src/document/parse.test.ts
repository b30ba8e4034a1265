import { describe, expect, test } from 'vitest';
import { parsePlan } from './parse';
import type { PlanModel } from './types';

/** Section outline as "level|raw numbering|text|parent" lines, for exact tree assertions. */
const outline = (m: PlanModel) =>
  m.sections.map((s) => `${s.level}|${s.heading.numbering.raw}|${s.heading.text}|${s.parent}|${s.heading.promoted ? 'p' : s.heading.depth}`);

describe('headings and tree', () => {
  const zh = [
    '# 某市减污降碳协同增效实施方案', // 0
    '',
    '为深入贯彻……制定本方案。', // 2
    '',
    '## 一、总体要求', // 4
    '',
    '### （一）指导思想', // 6
    '',
    '以习近平新时代中国特色社会主义思想为指导。', // 8
    '',
    '### （二）主要目标', // 10
    '',
    '到2025年，减污降碳协同推进的工作格局基本形成。', // 12
    '',
    '## 二、加强源头防控', // 14
    '',
    '### （三）强化生态环境分区管控。', // 16
    '',
    '#### 1. 完善分区管控', // 18
    '',
    '构建分类指导的减污降碳政策体系。', // 20
    '',
    '## 三、突出重点领域', // 22
    '',
    '推进工业领域协同增效。', // 24
  ].join('\n');

  test('nested zh draft', () => {
    const m = parsePlan(zh);
    expect(m.language).toBe('zh');
    expect(m.title).toEqual({ text: '某市减污降碳协同增效实施方案', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } } });
    expect(outline(m)).toEqual([
      '1|一、|总体要求|-1|2',
      '2|（一）|指导思想|0|3',
      '2|（二）|主要目标|0|3',
      '1|二、|加强源头防控|-1|2',
      '2|（三）|强化生态环境分区管控|3|3',
      '3|1.|完善分区管控|4|4',
      '1|三、|突出重点领域|-1|2',
    ]);
    expect(m.roots).toEqual([0, 3, 6]);
    expect(m.sections[0].children).toEqual([1, 2]);
    expect(m.sections[3].children).toEqual([4]);
    expect(m.sections[4].children).toEqual([5]);
    expect(m.sections[0].heading.raw).toBe('一、总体要求');
    expect(m.sections[4].heading.raw).toBe('（三）强化生态环境分区管控。');
    expect(m.sections[1].heading.numbering).toEqual({ style: 'chinese-paren', value: 1, raw: '（一）' });
    // ranges: heading to the end of the last descendant
    expect(m.sections[0].range).toEqual({ start: { line: 4, character: 0 }, end: { line: 12, character: 25 } });
    expect(m.sections[3].range).toEqual({ start: { line: 14, character: 0 }, end: { line: 20, character: 16 } });
    expect(m.sections[6].range).toEqual({ start: { line: 22, character: 0 }, end: { line: 24, character: 11 } });
    // blocks point at their innermost section; the preamble has none
    expect(m.blocks.map((b) => [b.range.start.line, b.section, b.kind])).toEqual([
      [2, -1, 'paragraph'],
      [8, 1, 'paragraph'],
      [12, 2, 'paragraph'],
      [20, 5, 'paragraph'],
      [24, 6, 'paragraph'],
    ]);
    expect(m.sections[5].blocks).toEqual([3]);
    expect(m.sections[0].blocks).toEqual([]);
  });

  test('English draft', () => {
    const m = parsePlan(
      [
        '# Riverton Province Implementation Plan for Synergizing the Reduction of Pollution and Carbon Emissions',
        '',
        'To implement the national Plan, this plan is formulated.',
        '',
        '## 1. General Requirements',
        '',
        '### Guiding ideology',
        '',
        'By 2025, the work pattern is basically formed.',
        '',
        '## 2. Strengthening Source Prevention',
        '',
        '- Zoning control: build a policy system.',
        '  - Nested detail.',
        '- Environmental access management.',
      ].join('\n'),
    );
    expect(m.language).toBe('en');
    expect(m.title?.text).toBe('Riverton Province Implementation Plan for Synergizing the Reduction of Pollution and Carbon Emissions');
    expect(outline(m)).toEqual([
      '1|1.|General Requirements|-1|2',
      '2||Guiding ideology|0|3',
      '1|2.|Strengthening Source Prevention|-1|2',
    ]);
    expect(m.sections[2].heading.norm).toBe('strengthening source prevention');
    expect(m.blocks.map((b) => [b.kind, b.text, b.section])).toEqual([
      ['paragraph', 'To implement the national Plan, this plan is formulated.', -1],
      ['paragraph', 'By 2025, the work pattern is basically formed.', 1],
      ['listItem', 'Zoning control: build a policy system.', 2],
      ['listItem', 'Nested detail.', 2],
      ['listItem', 'Environmental access management.', 2],
    ]);
    expect(m.blocks[3].range).toEqual({ start: { line: 13, character: 4 }, end: { line: 13, character: 18 } });
  });

  test('same Markdown depth nests by numbering style', () => {
    const m = parsePlan('## 一、总体要求\n\n## （一）指导思想\n\n## （二）工作原则\n\n## 二、重点任务\n');
    expect(outline(m)).toEqual(['1|一、|总体要求|-1|2', '2|（一）|指导思想|0|2', '2|（二）|工作原则|0|2', '1|二、|重点任务|-1|2']);
    expect(m.title).toBeUndefined();
  });
});

describe('flat drafts: numbered paragraphs promoted', () => {
  const flat = [
    '关于印发《某县减污降碳协同增效实施方案》的通知', // 0
    '',
    '某县减污降碳协同增效实施方案', // 2
    '',
    '为深入贯彻落实……制定本方案。', // 4
    '',
    '一、总体要求', // 6
    '（一）指导思想。以习近平新时代中国特色社会主义思想为指导，', // 7
    '完整、准确、全面贯彻新发展理念。', // 8
    '', //
    '（二）主要目标。到2025年，减污降碳协同推进格局基本形成。', // 10
    '',
    '二、突出重点领域', // 12
    '',
    '**（八）推进工业领域协同增效。**持续推动产业结构优化调整。', // 14
    '',
    '1. 普通列表项（一）不提升', // 16
    '',
    '> （九）引用中的不提升。正文', // 18
    '',
    '（十）到2025年，全县单位地区生产总值二氧化碳排放比2020年下降18%以上，非化石能源消费比重达到规定要求。', // 20
  ].join('\n');

  test('promoted headings, their tree and body blocks', () => {
    const m = parsePlan(flat);
    expect(m.title).toEqual({ text: '某县减污降碳协同增效实施方案', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 14 } } });
    expect(outline(m)).toEqual([
      '1|一、|总体要求|-1|p',
      '2|（一）|指导思想|0|p',
      '2|（二）|主要目标|0|p',
      '1|二、|突出重点领域|-1|p',
      '2|（八）|推进工业领域协同增效|3|p',
    ]);
    const h = m.sections[1].heading;
    expect(h).toMatchObject({ raw: '（一）指导思想', depth: 0, promoted: true });
    expect(h.range).toEqual({ start: { line: 7, character: 0 }, end: { line: 7, character: 8 } });
    expect(m.sections[4].heading.range).toEqual({ start: { line: 14, character: 2 }, end: { line: 14, character: 18 } });
    expect(m.blocks.map((b) => [b.kind, b.text, b.section, b.range.start.line, b.range.start.character])).toEqual([
      ['paragraph', '关于印发《某县减污降碳协同增效实施方案》的通知', -1, 0, 0],
      ['paragraph', '某县减污降碳协同增效实施方案', -1, 2, 0],
      ['paragraph', '为深入贯彻落实……制定本方案。', -1, 4, 0],
      ['paragraph', '以习近平新时代中国特色社会主义思想为指导，\n完整、准确、全面贯彻新发展理念。', 1, 7, 8],
      ['paragraph', '到2025年，减污降碳协同推进格局基本形成。', 2, 10, 8],
      ['paragraph', '持续推动产业结构优化调整。', 4, 14, 18],
      ['listItem', '普通列表项（一）不提升', 4, 16, 3],
      ['blockquote', '（九）引用中的不提升。正文', 4, 18, 2],
      ['paragraph', '（十）到2025年，全县单位地区生产总值二氧化碳排放比2020年下降18%以上，非化石能源消费比重达到规定要求。', 4, 20, 0],
    ]);
    expect(m.sections[0].range.end).toEqual({ line: 10, character: 30 });
  });

  test('lines without blank lines between them (PDF-style) split into sections', () => {
    const m = parsePlan('三、加强源头防控\n（四）强化生态环境分区管控。构建政策体系。\n（五）加强生态环境准入管理。坚决遏制。\n');
    expect(outline(m)).toEqual(['1|三、|加强源头防控|-1|p', '2|（四）|强化生态环境分区管控|0|p', '2|（五）|加强生态环境准入管理|0|p']);
    expect(m.blocks.map((b) => [b.text, b.section])).toEqual([
      ['构建政策体系。', 1],
      ['坚决遏制。', 2],
    ]);
  });

  test('Markdown chapters with promoted sub-sections', () => {
    const m = parsePlan('## 一、总体要求\n\n（一）指导思想。正文一。\n\n（二）工作原则。正文二。\n\n## 二、加强源头防控\n\n（三）强化分区管控。正文三。\n');
    expect(outline(m)).toEqual([
      '1|一、|总体要求|-1|2',
      '2|（一）|指导思想|0|p',
      '2|（二）|工作原则|0|p',
      '1|二、|加强源头防控|-1|2',
      '2|（三）|强化分区管控|3|p',
    ]);
  });
});

describe('mixed structure', () => {
  test('a promoted chapter closes an open chapter under an unnumbered sub-heading', () => {
    const m = parsePlan('## 一、总体要求\n\n### 说明\n\n正文。\n\n二、加强源头防控\n\n（一）强化分区管控。正文。\n');
    expect(outline(m)).toEqual(['1|一、|总体要求|-1|2', '2||说明|0|3', '1|二、|加强源头防控|-1|p', '2|（一）|强化分区管控|2|p']);
  });

  test('setext headings', () => {
    const m = parsePlan('Riverton Plan\n=============\n\nGeneral requirements\n--------------------\n\nBody text.\n');
    expect(m.title).toEqual({ text: 'Riverton Plan', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 13 } } });
    expect(outline(m)).toEqual(['1||General requirements|-1|2']);
    expect(m.blocks.map((b) => [b.text, b.section])).toEqual([['Body text.', 0]]);
  });
});

describe('front matter', () => {
  test('valid YAML', () => {
    const m = parsePlan('---\nplanlint:\n  level: city\n  ignore: [numbering]\n---\n# 方案\n');
    expect(m.frontMatter).toEqual({
      raw: 'planlint:\n  level: city\n  ignore: [numbering]',
      data: { planlint: { level: 'city', ignore: ['numbering'] } },
      range: { start: { line: 0, character: 0 }, end: { line: 4, character: 3 } },
    });
    expect(m.title?.text).toBe('方案');
  });

  test('invalid YAML keeps an error with its document line', () => {
    const m = parsePlan('---\nplanlint:\n  level: city\n  ignore: [numbering\n---\n\n正文\n');
    expect(m.frontMatter?.data).toBeUndefined();
    expect(m.frontMatter?.error?.line).toBe(3); // the line holding the unclosed `[`
    expect(m.frontMatter?.error?.message).toMatch(/flow sequence|\]/i);
    expect(m.blocks.map((b) => b.text)).toEqual(['正文']);
  });

  test('YAML error on the first content line', () => {
    const m = parsePlan('---\na: b: c\n---\n');
    expect(m.frontMatter?.error?.line).toBe(1);
  });
});

describe('tables', () => {
  test('cells with table id, row and column', () => {
    const m = parsePlan(
      '## 主要指标\n\n| 指标 | 2025年 |\n| --- | --- |\n| 单位GDP二氧化碳排放下降 | 18% |\n| 大宗固废综合利用率 |  |\n\n| a |\n|---|\n| b |\n',
    );
    expect(m.blocks.map((b) => [b.kind, b.text, b.table, b.section])).toEqual([
      ['tableCell', '指标', { id: 0, row: 0, column: 0 }, 0],
      ['tableCell', '2025年', { id: 0, row: 0, column: 1 }, 0],
      ['tableCell', '单位GDP二氧化碳排放下降', { id: 0, row: 1, column: 0 }, 0],
      ['tableCell', '18%', { id: 0, row: 1, column: 1 }, 0],
      ['tableCell', '大宗固废综合利用率', { id: 0, row: 2, column: 0 }, 0],
      ['tableCell', '', { id: 0, row: 2, column: 1 }, 0],
      ['tableCell', 'a', { id: 1, row: 0, column: 0 }, 0],
      ['tableCell', 'b', { id: 1, row: 1, column: 0 }, 0],
    ]);
    expect(m.blocks[3].range).toEqual({ start: { line: 4, character: 18 }, end: { line: 4, character: 21 } });
  });
});

describe('HTML comments', () => {
  test('standalone (several in one node) and inline, with ranges and sections', () => {
    const m = parsePlan(
      '<!-- planlint-disable numbering -- 草稿 -->\n\n## 一、总体要求\n\n<!-- planlint covers source-prevention -->  <!-- second -->\n\n到2025年，<!-- inline -->基本形成。\n\n```\n<!-- not a comment -->\n```\n',
    );
    expect(m.comments).toEqual([
      { text: 'planlint-disable numbering -- 草稿', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 41 } }, section: -1 },
      { text: 'planlint covers source-prevention', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 42 } }, section: 0 },
      { text: 'second', range: { start: { line: 4, character: 44 }, end: { line: 4, character: 59 } }, section: 0 },
      { text: 'inline', range: { start: { line: 6, character: 7 }, end: { line: 6, character: 22 } }, section: 0 },
    ]);
    expect(m.blocks.map((b) => [b.kind, b.norm])).toEqual([
      ['paragraph', '到2025年, 基本形成。'],
      ['code', '``` <!-- not a comment --> ```'],
    ]);
  });
});

describe('text forms', () => {
  test('Traditional draft normalises to Simplified', () => {
    const m = parsePlan('# 湖北省減污降碳協同增效實施方案\n\n## 一、總體要求\n\n重點產業結構最佳化調整和綠色低碳發展取得明顯成效。\n');
    expect(m.language).toBe('zh');
    expect(m.sections[0].heading.text).toBe('總體要求');
    expect(m.sections[0].heading.norm).toBe('总体要求');
    expect(m.blocks[0].norm).toBe('重点产业结构优化调整和绿色低碳发展取得明显成效。');
  });

  test('CRLF and lone CR line numbers', () => {
    const m = parsePlan('# 方案\r\n\r\n## 一、总体要求\r\n\r\n正文\r\n第二行\r\n\r\n## 二、目标\r正文二\r');
    expect(m.eol).toBe('\r\n');
    expect(m.sections.map((s) => s.heading.range.start.line)).toEqual([2, 7]);
    expect(m.blocks.map((b) => [b.text, b.range])).toEqual([
      ['正文\r\n第二行', { start: { line: 4, character: 0 }, end: { line: 5, character: 3 } }],
      ['正文二', { start: { line: 8, character: 0 }, end: { line: 8, character: 3 } }],
    ]);
    expect(parsePlan('a\nb\r\nc\n').eol).toBe('\n');
  });

  test('UTF-16 characters after astral characters', () => {
    const m = parsePlan('## 一、𠀀𠀁要求\n\n😀 到2025年 <!-- x -->\n');
    expect(m.sections[0].heading.range.end).toEqual({ line: 0, character: 11 });
    expect(m.comments[0].range).toEqual({ start: { line: 2, character: 10 }, end: { line: 2, character: 20 } });
  });

  test('never throws on hostile input', () => {
    const inputs = [
      '\u0000\u0000# 一、\u0000总体\n',
      '\uD800\uDC00\uDFFF## 一、\uD800\n',
      '---\n: : :\n\t- [\n---\n',
      '---\n',
      'x'.repeat(200000),
      '>'.repeat(5000) + ' deep',
      '- '.repeat(3000) + 'deep',
      '',
      '|'.repeat(1000) + '\n|-|\n',
    ];
    for (const t of inputs) {
      const m = parsePlan(t);
      expect(m.text).toBe(t);
      expect(m.lineStarts[0]).toBe(0);
    }
  });
});
