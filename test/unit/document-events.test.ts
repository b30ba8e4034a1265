/**
 * Top-level nodes built from micromark's events (events.ts) must give chunking and extraction what
 * mdast gives: the same top-level node types and offsets, list items, and units, on real plans,
 * generated drafts, the repository's drafts, Markdown made to reach every construct, and random
 * and mutated documents.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../bench/generate.mjs';
import { anyDraftArbitrary, seedDrafts } from '../fuzz/arbitraries';
import { frontMatterEnd, parsedBy } from '../../server/src/document/chunks';
import { maskPathological, PATHOLOGICAL_NESTING } from '../../server/src/document/parse';

function same(text: string, name: string): void {
  const t = PATHOLOGICAL_NESTING.test(text) ? maskPathological(text) : text;
  const fm = frontMatterEnd(t) > 0;
  expect(parsedBy('events', t, fm), name).toEqual(parsedBy('mdast', t, fm));
}

const CONSTRUCTS = [
  '# 标题 *强调* **加粗** `代码` [链接](http://x) ![图](y.png) \\* &amp; &#x4e00; ~~删~~ www.example.com a@b.cn #',
  '## 一、总体要求 ##',
  '###### 六级',
  '#',
  '# <!-- 注释 --> 标题 <!-- 二 -->',
  '多行\n标题\n===',
  '*强调*的\nsetext 标题  \n---',
  '段落 <!-- c1 --> 文字\n第二行 <!-- c2\n跨行 -->',
  '段落 ![<!-- alt 里 -->](x) 与 [<!-- 链接里 -->](y) 和 *<!-- 强调里 -->*',
  '| 指标 | 2025年 | 2030年 |\n| --- | :-: | --: |\n| 大宗固废 <!-- c --> | 60% |  |\n|  | `a\\|b` | \\| |\n| 多 | 列 | 超 | 出 |',
  '| a |\n|---|\n| <!-- 仅注释 --> |\n| *x* y |',
  'a | b\n--|--\n1 | 2',
  '- 一\n  续行\n\n  第二段\n- 二\n  - 嵌套\n    - 更深\n\n- 三\n\n\n- 四',
  '1. 一\n2. 二\n\n   1) 内\n3. 三',
  '- a\n- b\n\n  ```\n  code\n  ```\n- c\n  > 引用\n  > - 引中列表',
  '* [ ] 任务\n* [x] 完成',
  '> 引用\n懒惰续行\n> # 引中标题\n> - 列表\n>\n> 第二段',
  '```js\ncode\n```\n\n~~~\n未闭合',
  '    缩进代码\n    第二行',
  '<div>\nhtml 块\n</div>\n\n<!-- 块注释 -->\n\n<?php x ?>\n\n<![CDATA[ x ]]>',
  '***\n---\n___',
  '[ref]: http://x\n\n[用][ref]',
  '正文[^1]\n\n[^1]: 脚注 *x*\n    续',
  '<https://example.com> 与 <a@b.cn>',
  '行尾两空格  \n硬换行\\\n反斜杠',
  '\t制表\t符\n\n\u3000全角空格开头',
  '---\nplanlint:\n  level: city\n\n  ignore: [a]\n---\n\n# 题',
  '---\r\na: 1\r\n---\r\n正文\r\n\r\n- 列\r\n  表\r\n',
  '---\n---\n正文',
  '---\n未闭合\n\n正文',
  '1.强化 2.推进\n（一）加强\n一、总体',
  '- 项\n\n      缩进代码在项里\n- 项2',
  '-\n  空首行的项\n- ',
  '# 标题\u0000空字符\n\n段落\u0000',
  '\uFEFF# 字节序标记\n\n正文',
];

describe('top-level nodes from micromark events', () => {
  it('equal mdast on Markdown that reaches every construct', () => {
    CONSTRUCTS.forEach((md, i) => {
      for (const eol of ['\n', '\r\n', '\r']) same(md.replace(/\r?\n/g, eol), `construct ${i} (${JSON.stringify(eol)})`);
      same(CONSTRUCTS.join('\n\n'), 'all constructs');
    });
  });

  it('equal mdast on the local plans, the repository drafts and generated drafts', () => {
    const dir = path.resolve(__dirname, '../..', '..', 'shared', 'reference', 'local-plans');
    if (!existsSync(dir)) throw new Error(`The local-plan reference set is missing: expected ${dir}`);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) same(readFileSync(path.join(dir, f), 'utf8'), f);
    for (const d of seedDrafts()) same(d.text, d.name);
    for (let seed = 1; seed <= 6; seed++) same(generateDraft(seed, 30_000), `generated ${seed}`);
  });

  it('equal mdast on random and mutated documents', () => {
    fc.assert(
      fc.property(anyDraftArbitrary(0.3), ({ text }) => same(text, 'random')),
      { numRuns: 300 },
    );
  });
});
