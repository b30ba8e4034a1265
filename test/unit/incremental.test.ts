/**
 * Incremental parsing and analysis: after random edit sequences on real drafts, the model updated
 * from the previous one equals a fresh parse of the same text, and the analysis a document's
 * Analyzer updates from its previous one equals a fresh analysis; the chunked parse equals one
 * parse of the whole text. Fixed seeds, sizes CI affords; no timings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze, Analyzer } from '../../server/src/analysis';
import { generateDraft } from '../../bench/generate.mjs';
import { parsePlan, updatePlan, type TextChange } from '../../server/src/document';
import { parsePlanWhole, parseStateOf } from '../../server/src/document/parse';
import type { PlanModel } from '../../server/src/document/types';
import { loadBuiltinProfile } from '../../server/src/profile';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const draftFiles = [
  ...readdirSync(path.join(repoRoot, 'test/fixtures/drafts')).map((f) => path.join('test/fixtures/drafts', f)),
  ...readdirSync(path.join(repoRoot, 'examples')).map((f) => path.join('examples', f)),
].filter((f) => f.endsWith('.md'));
const drafts = new Map(draftFiles.map((f) => [f, readFileSync(path.join(repoRoot, f), 'utf8')]));
// generated drafts: many tables (indicator and task tables), lists, annexes, front matter in some
for (const seed of [3, 8, 21]) drafts.set(`generated-${seed}`, generateDraft(seed, 12_000));
const profile = loadBuiltinProfile();

/** LSP position of an offset (\r\n, \n and a lone \r end lines, as in the document layer). */
function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let ls = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      if (i + 1 >= offset) break; // between \r and \n: not expressible in LSP; the server must cope
      i++;
    }
    if (c === 10 || c === 13) {
      line++;
      ls = i + 1;
    }
  }
  return { line, character: offset - ls };
}

// ---------------------------------------------------------------- edits

const CHARS = ['a', '测', '目', '：', '\n', '\r\n', '\r', ' ', '\t', '|', '-', '#', '`', '>', '*', '1', '.', '、', '（', '）', '<', '!', ']', ':', '=', '~', '$'];
const LINES = [
  '',
  '# 标题',
  '## 二、新的章节',
  '### （三）推进交通运输协同增效',
  '（四）强化组织领导',
  '五、加强宣传教育。推动全社会参与。',
  '- 列表项',
  '* 另一项',
  '1. 条目',
  '2. 下一条',
  '  - 嵌套项',
  '    缩进的代码',
  '| 指标 | 2025年 |',
  '|---|---|',
  '| 大宗固废综合利用率（%） | 50 |',
  '```',
  '~~~',
  '```js',
  '---',
  '***',
  '===',
  '- - -',
  '<!-- planlint-disable measure-missing -- 本市不涉及 -->',
  '<!-- planlint covers key-areas/transport -->',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<script>',
  '</script>',
  '> 引用一段',
  '到2025年，大宗固废综合利用率达到50%，短流程炼钢占比达到10%。',
  '到2030年，新能源汽车新车销售量占比达到40%。',
  '到2025年：',
  '- 新增大宗固废综合利用率达到50%左右',
  '| 新增大宗固废综合利用率（%） | 55 | 60 |',
  '### （二）2030年目标',
  '[1]: https://example.invalid',
  '[^注]: 脚注',
  'Setext 标题',
  '减污降碳协同增效',
];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'line'; at: number; text: string }
  | { kind: 'dropLine'; at: number }
  | { kind: 'indent'; at: number; text: string }
  | { kind: 'frontMatter' }
  | { kind: 'atStart'; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...CHARS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 40, max: 600 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 0, max: 80 }), text: fc.constantFrom(...LINES, ...CHARS) }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('line' as const), at: fc.nat(), text: fc.constantFrom(...LINES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropLine' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), text: fc.constantFrom('  ', '    ', '\t', '>') }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'frontMatter' as const }) },
  // typed at the very start, above front matter, a title or a fence
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('atStart' as const), text: fc.constantFrom('\n', '\r', '\r\n', ' ', 'x', '---\n', '# ', '```\n') }) },
);

/** The edit as an LSP change on `text`: [start, end) replaced by `insert`. */
function asChange(text: string, e: Edit): { start: number; end: number; insert: string } {
  const n = text.length;
  const lineStart = (o: number) => Math.max(text.lastIndexOf('\n', o - 1), text.lastIndexOf('\r', o - 1)) + 1;
  switch (e.kind) {
    case 'insert':
      return { start: e.at % (n + 1), end: e.at % (n + 1), insert: e.text };
    case 'delete': {
      const s = e.at % (n + 1);
      return { start: s, end: Math.min(n, s + e.length), insert: '' };
    }
    case 'replace': {
      const s = e.at % (n + 1);
      return { start: s, end: Math.min(n, s + e.length), insert: e.text };
    }
    case 'line': {
      const s = lineStart(e.at % (n + 1));
      return { start: s, end: s, insert: `${e.text}\n` };
    }
    case 'indent': {
      const s = lineStart(e.at % (n + 1));
      return { start: s, end: s, insert: e.text };
    }
    case 'dropLine': {
      const s = lineStart(e.at % (n + 1));
      const nl = text.indexOf('\n', s);
      return { start: s, end: nl < 0 ? n : nl + 1, insert: '' };
    }
    case 'atStart':
      return { start: 0, end: 0, insert: e.text };
    case 'frontMatter':
      // open or close front matter at the very start
      return text.startsWith('---\n') ? { start: 0, end: 4, insert: '' } : { start: 0, end: 0, insert: '---\nplanlint:\n  level: city\n---\n\n' };
  }
}

function apply(text: string, c: { start: number; end: number; insert: string }): string {
  return text.slice(0, c.start) + c.insert + text.slice(c.end);
}

/** One step: one or two edits sent as LSP changes (each relative to the text after the ones before). */
const step = fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 2 }), sendChanges: fc.boolean() });

function run(text: string, edits: Edit[], sendChanges: boolean): { text: string; changes?: TextChange[] } {
  const changes: TextChange[] = [];
  let t = text;
  for (const e of edits) {
    const c = asChange(t, e);
    changes.push({ range: { start: positionOf(t, c.start), end: positionOf(t, c.end) }, text: c.insert });
    t = apply(t, c);
  }
  return { text: t, changes: sendChanges ? changes : undefined };
}

function expectSameAnalysis(a: PlanModel, b: PlanModel, analyzer?: Analyzer): void {
  const expected = analyze(b, profile);
  expect(analyze(a, profile)).toEqual(expected);
  // the document's analyzer, updated from its analysis of the model before the edit
  if (analyzer) expect(analyzer.analyze(a, profile)).toEqual(expected);
}

// ---------------------------------------------------------------- properties

describe('incremental parsing equals a fresh parse', () => {
  test('random edit sequences on the repository drafts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...drafts.keys()), fc.array(step, { minLength: 1, maxLength: 8 }), (file, steps) => {
        let text = drafts.get(file)!;
        let model = parsePlan(text);
        const analyzer = new Analyzer();
        analyzer.analyze(model, profile);
        for (const s of steps) {
          const next = run(text, s.edits, s.sendChanges);
          model = updatePlan(model, next.changes, next.text);
          text = next.text;
          const fresh = parsePlan(text);
          expect(model).toEqual(fresh);
          expectSameAnalysis(model, fresh, analyzer);
        }
        // the chunked parse is one parse of the whole text cut into pieces
        expect(parsePlan(text)).toEqual(parsePlanWhole(text));
      }),
      { seed: 20240521, numRuns: 25 },
    );
  }, 600_000);

  test('chunked parse equals a whole parse on drafts with constructs spliced in', () => {
    fc.assert(
      fc.property(fc.constantFrom(...drafts.keys()), fc.array(edit, { minLength: 1, maxLength: 25 }), (file, edits) => {
        let text = drafts.get(file)!;
        for (const e of edits) text = apply(text, asChange(text, e));
        expect(parsePlan(text)).toEqual(parsePlanWhole(text));
      }),
      { seed: 7, numRuns: 40 },
    );
  }, 600_000);
});

describe('incremental parsing, by example', () => {
  const draft = drafts.get('examples/city-draft.zh.md')!;

  function edited(text: string, at: number, remove: number, insert: string): string {
    return text.slice(0, at) + insert + text.slice(at + remove);
  }

  test('an edit in one paragraph re-parses only its neighbourhood: the other units are the same objects', () => {
    const before = parsePlan(draft);
    const at = draft.indexOf('严禁在生态保护红线内');
    const after = updatePlan(before, undefined, edited(draft, at, 0, '坚决'));
    const units = (m: PlanModel) => parseStateOf(m)!.pieces.flatMap((p) => p.units);
    const old = new Set(units(before));
    const reused = units(after).filter((u) => old.has(u)).length;
    expect(units(after).length).toBe(units(before).length);
    expect(units(after).length - reused).toBeLessThanOrEqual(4);
    expect(after).toEqual(parsePlan(after.text));
  });

  test('typing in a paragraph keeps the structure: the model is the previous one with that block replaced', () => {
    const before = parsePlan(draft);
    const at = draft.indexOf('严禁在生态保护红线内');
    const after = updatePlan(before, undefined, edited(draft, at, 0, '坚决'));
    expect(after).toEqual(parsePlan(after.text));
    const changed = after.blocks.filter((b, k) => b !== before.blocks[k]);
    expect(changed).toHaveLength(1);
    expect(changed[0].text).toContain('坚决严禁在生态保护红线内');
    expect(after.roots).toBe(before.roots);
    // the sections whose end moved are the block's and its ancestors'
    const moved = after.sections.filter((s, k) => s !== before.sections[k]).map((s) => s.index);
    let s = changed[0].section;
    const chain: number[] = [];
    for (; s >= 0; s = after.sections[s].parent) chain.unshift(s);
    expect(moved.every((k) => chain.includes(k))).toBe(true);
  });

  test('keystrokes down a section of many paragraphs, lists and a table: each model equals a fresh parse', () => {
    const paragraphs = Array.from({ length: 8 }, (_, k) => `第${k + 1}段。推进工业领域协同增效，加快淘汰落后产能。`);
    let text = ['# 方案', '', '## 一、总体要求', '', '### （一）推进工业领域协同增效', '', ...paragraphs.flatMap((p) => [p, '']), '- 列表一', '- 列表二', '', '| 指标 | 2025年 |', '|---|---|', '| 新增大宗固废综合利用率（%） | 50 |', '', '## 二、强化源头防控', '', '收尾。', ''].join('\n');
    let model = parsePlan(text);
    const typeAt = (at: number, insert: string, remove = 0) => {
      const next = edited(text, at, remove, insert);
      model = updatePlan(model, [{ range: { start: positionOf(text, at), end: positionOf(text, at + remove) }, text: insert }], next);
      text = next;
      expect(model).toEqual(parsePlan(text));
    };
    for (let k = 1; k <= 8; k++) typeAt(text.indexOf(`第${k}段`) + 1, '新');
    typeAt(text.indexOf('- 列表二'), '', 2); // a list item becomes a paragraph joined to the list (one block fewer or more)
    typeAt(text.indexOf('列表二'), '- ');
    typeAt(text.indexOf('| 50 |') + 2, '6');
    for (let k = 8; k >= 1; k--) typeAt(text.indexOf(`第${k}段`), '', 1);
  });

  test('a large draft: only a stretch of the new text is read unless a construct runs past it (a fence opened)', () => {
    const big = generateDraft(5, 150_000);
    let text = big;
    let model = parsePlan(text);
    const typeAt = (at: number, insert: string, remove = 0) => {
      const next = edited(text, at, remove, insert);
      model = updatePlan(model, [{ range: { start: positionOf(text, at), end: positionOf(text, at + remove) }, text: insert }], next);
      text = next;
      expect(model).toEqual(parsePlan(text));
    };
    typeAt(text.indexOf('\n', 2000) + 1, '推进');
    const fence = text.indexOf('\n## ', 1000) + 1;
    typeAt(fence, '```\n'); // everything after is code now: the stretch grows to the end
    typeAt(text.indexOf('\n', text.length - 3000) + 1, '```\n\n'); // closed far below
    typeAt(fence, '', 4);
    typeAt(text.indexOf('\n', 90_000) + 1, '加强');
  });

  test('opening a fence turns the rest into code; closing it restores the blocks', () => {
    const at = draft.indexOf('## 三、');
    const open = edited(draft, at, 0, '```\n');
    const m1 = updatePlan(parsePlan(draft), undefined, open);
    expect(m1).toEqual(parsePlan(open));
    expect(m1.blocks.some((b) => b.kind === 'code' && b.text.includes('## 三、'))).toBe(true);
    const closed = edited(open, open.indexOf('## 四、'), 0, '```\n\n');
    const m2 = updatePlan(m1, undefined, closed);
    expect(m2).toEqual(parsePlan(closed));
    expect(m2.sections.some((s) => s.heading.raw.startsWith('四、'))).toBe(true);
  });

  test('front matter opened and closed far away; an unclosed opener does not swallow lists', () => {
    const open = '---\n' + draft;
    const m1 = updatePlan(parsePlan(draft), undefined, open);
    expect(m1).toEqual(parsePlan(open));
    expect(m1.frontMatter).toBeUndefined();
    expect(parsePlan('---\n- 一项\n- 二项\n').blocks.map((b) => b.kind)).toEqual(['listItem', 'listItem']);
    const at = open.indexOf('## 二、');
    const closed = edited(open, at, 0, '---\n\n');
    const m2 = updatePlan(m1, undefined, closed);
    expect(m2).toEqual(parsePlan(closed));
    expect(m2.frontMatter?.error ?? m2.frontMatter?.data).toBeDefined();
  });

  test('a line end or character typed above front matter ends it (found by the generated LSP misuse property)', () => {
    const withFm = drafts.get(path.join('test/fixtures/drafts', 'tasks-list-zh.md'))!;
    const before = parsePlan(withFm);
    expect(before.frontMatter?.data).toBeDefined();
    for (const insert of ['\r', '\n', '\r\n', ' ', 'x\n', '\n\n']) {
      const next = insert + withFm;
      const change: TextChange = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert };
      for (const m of [updatePlan(before, [change], next), updatePlan(before, undefined, next)]) {
        expect(m, JSON.stringify(insert)).toEqual(parsePlan(next));
        expect(m.frontMatter, JSON.stringify(insert)).toBeUndefined();
      }
    }
  });

  test('a link definition typed anywhere re-resolves references everywhere', () => {
    const withRef = draft.replace('强化生态环境分区管控', '强化[生态环境][r]分区管控');
    const m1 = parsePlan(withRef);
    expect(m1.sections.some((s) => s.heading.text === '强化[生态环境][r]分区管控')).toBe(true);
    const def = withRef + '\n[r]: https://example.invalid\n';
    const m2 = updatePlan(m1, undefined, def);
    expect(m2).toEqual(parsePlan(def));
    expect(m2).toEqual(parsePlanWhole(def));
    expect(m2.sections.some((s) => s.heading.text === '强化生态环境分区管控')).toBe(true);
  });

  test('indenting the first line of a block joins it to the list item above', () => {
    const text = '# 方案\n\n- 推进工业领域协同增效\n\n加快淘汰落后产能。\n\n## 一、总体要求\n';
    const m1 = parsePlan(text);
    const at = text.indexOf('加快');
    for (const indent of ['  ', '\t']) {
      const next = edited(text, at, 0, indent);
      const m2 = updatePlan(m1, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: indent }], next);
      expect(m2).toEqual(parsePlan(next));
      expect(m2.blocks.filter((b) => b.kind === 'listItem')).toHaveLength(1);
      expect(m2.blocks[0].text).toContain('加快淘汰落后产能');
    }
  });

  test('a long tight list is cut into pieces (the parser never sees it whole)', () => {
    const list = Array.from({ length: 600 }, (_, i) => `- 推进重点行业清洁生产改造第${i + 1}项\n  - 细化任务${i + 1}`).join('\n');
    const text = `# 清单\n\n${list}\n`;
    const m = parsePlan(text);
    expect(parseStateOf(m)!.pieces.length).toBeGreaterThan(100);
    expect(m).toEqual(parsePlanWhole(text));
    expect(m.blocks.filter((b) => b.kind === 'listItem')).toHaveLength(1200);
  });

  test('CRLF text: a \\n typed after a \\r joins the line ends', () => {
    const crlf = draft.replace(/\n/g, '\r\n');
    const m1 = parsePlan(crlf);
    const at = crlf.indexOf('\r\n', 200) + 1;
    const lone = edited(crlf, at, 1, ''); // \r alone
    const m2 = updatePlan(m1, undefined, lone);
    expect(m2).toEqual(parsePlan(lone));
    const back = edited(lone, at, 0, '\n');
    const m3 = updatePlan(m2, undefined, back);
    expect(m3).toEqual(parsePlan(back));
    expect(m3.eol).toBe('\r\n');
    expect(m3.lineStarts).toEqual(m1.lineStarts);
  });
});

describe('the incremental analysis, by example', () => {
  /** Apply the edits one by one; after each, the analyzer's result equals a fresh analysis. */
  function follow(text: string, edits: Array<[search: string, remove: number, insert: string]>): void {
    let model = parsePlan(text);
    const analyzer = new Analyzer();
    expect(analyzer.analyze(model, profile)).toEqual(analyze(model, profile));
    for (const [search, remove, insert] of edits) {
      const at = text.indexOf(search);
      expect(at, search).toBeGreaterThanOrEqual(0);
      const next = text.slice(0, at) + insert + text.slice(at + remove);
      model = updatePlan(model, [{ range: { start: positionOf(text, at), end: positionOf(text, at + remove) }, text: insert }], next);
      text = next;
      expect(analyzer.analyze(model, profile)).toEqual(analyze(parsePlan(text), profile));
    }
  }

  const leadIn = [
    '# 某市减污降碳协同增效实施方案',
    '',
    '## 一、总体要求',
    '',
    '到2025年：',
    '',
    '- 新增大宗固废综合利用率达到50%左右',
    '- 单位地区生产总值二氧化碳排放下降18%',
    '',
    '## 二、推进工业领域协同增效',
    '',
    '推动钢铁行业超低排放改造。',
    '',
  ].join('\n');

  test('a lead-in loses and regains its colon: the list items after it follow', () => {
    follow(leadIn, [
      ['：\n', 1, '，'],
      ['，\n', 1, '：'],
      ['- 新增', 0, '到2030年：\n\n'],
    ]);
  });

  test('an indicator table: a cell edited, a row added, the header year changed, the table removed', () => {
    const table = ['| 指标 | 2025年 | 2030年 |', '|---|---|---|', '| 新增大宗固废综合利用率（%） | 55 | 60 |', ''].join('\n');
    const text = leadIn.replace('## 二、', `${table}\n## 二、`);
    follow(text, [
      ['| 55 |', 2, '| 45 |'],
      ['| 60 |\n', 7, '| 60 |\n| 大宗固废综合利用率（%） | 40 | 50 |\n'],
      ['2025年 |', 4, '2024'],
      ['| 指标', 0, '段落\n\n'],
    ]);
  });

  test('terms of a missing measure typed into a paragraph, then into another one, then removed', () => {
    const draft = drafts.get('examples/city-draft.zh.md')!;
    follow(draft, [
      ['以习近平新时代', 0, '推进产业园区循环化改造，'],
      ['实施重点行业绿色化改造', 0, '推动工业园区、开发区开展减污降碳协同，'],
      ['推进产业园区循环化改造，', 12, ''],
    ]);
  });

  test('typing in a heading changes its area; a new line moves everything below', () => {
    const draft = drafts.get('examples/city-draft.zh.md')!;
    follow(draft, [
      ['## 三、', 5, '## 三、交通'],
      ['## 三、交通', 7, '## 三、'],
      ['严禁在生态保护红线内', 0, '\n\n'],
      ['\n\n严禁在生态保护红线内', 2, ''],
    ]);
  });
});
