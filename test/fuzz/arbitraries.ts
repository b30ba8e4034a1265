/**
 * fast-check generators of hostile Markdown: random documents built from plan-like and hostile
 * pieces, and mutations of the repository's real drafts. Sizes are bounded by `scale` so the same
 * generators serve the CI tier (small) and `npm run fuzz` (larger).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';

export const repoRoot = process.env.PLANLINT_REPO_ROOT ?? resolve(__dirname, '../..');

/** The real drafts: test fixtures and examples (the seeds of mutation). */
export function seedDrafts(): { name: string; text: string }[] {
  const dirs = ['test/fixtures/drafts', 'test/fixtures/protocol', 'test/fixtures/workspace', 'examples'];
  const out: { name: string; text: string }[] = [];
  for (const dir of dirs) {
    for (const f of readdirSync(resolve(repoRoot, dir)).sort()) {
      if (f.endsWith('.md')) out.push({ name: `${dir}/${f}`, text: readFileSync(resolve(repoRoot, dir, f), 'utf8') });
    }
  }
  return out;
}

const EOLS = ['\n', '\r\n', '\r'];

/** Plan-like lines: numbered headings, target sentences, indicator values, planlint comments. */
const PLAN_LINES = [
  '# 某市减污降碳协同增效实施方案',
  '# Implementation Plan for Synergizing the Reduction of Pollution and Carbon Emissions',
  '## 一、总体要求',
  '## 二、加强源头防控',
  '## 三、突出重点领域',
  '## 四、优化环境治理',
  '## 五、开展模式创新',
  '## 六、强化支撑保障',
  '## 七、加强组织实施',
  '### （一）主要目标',
  '### （三）推进工业领域协同增效',
  '（十二）推进交通运输协同增效',
  '1. 推动能源绿色低碳转型',
  '（1）开展城市协同创新',
  '三、突出重点领域',
  '到2025年，单位地区生产总值能耗下降13.5%，细颗粒物平均浓度控制在35微克/立方米以内。',
  '到2030年，大宗固废综合利用率达到60%，非化石能源消费比重达到25%左右。',
  'By 2025, energy consumption per unit of GDP falls by 13.5% and bulk solid waste utilisation reaches 57%.',
  'By 2030, the share of non-fossil energy reaches 25%.',
  '推动钢铁、建材、化工企业开展节能降碳改造，推进大宗货物“公转铁”，推广绿色建筑。',
  '<!-- planlint-disable area-missing -- 由专项方案覆盖 -->',
  '<!-- planlint-disable-next-line target-missing:2030 -- reason -->',
  '<!-- planlint covers key-areas/transport -->',
  '<!-- planlint covers source-prevention -->',
  '| 指标 | 2025年 | 2030年 |',
  '| --- | --- | --- |',
  '| 大宗固废综合利用率 | 60% | 65% |',
  '| 单位GDP能耗下降 | １３．５％ | — |',
  '減污降碳協同增效，最佳化產業結構，強化源頭防控。',
];

/** Hostile one-line pieces: broken comments and fences, odd characters, odd Markdown. */
const HOSTILE_PIECES = [
  '<!-- planlint-disable',
  '<!-- planlint-disable -->',
  '<!-- planlint-disable area-missing:',
  '<!-- planlint-disable-next-line -- -->',
  '<!-- planlint-disable-next-line ::: -- x -->',
  '<!-- planlint covers -->',
  '<!-- planlint covers ../../etc/passwd -->',
  '<!-- planlint covers key-areas/ -->',
  '<!-- planlint covers /transport -->',
  '<!-- planlint-disable __proto__ -- r -->',
  '<!-- planlint-disable constructor:toString -- r -->',
  '<!-- planlint covers __proto__/constructor -->',
  '<!--',
  '-->',
  '<!-- <!-- -->',
  '```',
  '~~~',
  '---',
  '***',
  '[](<',
  '![x](',
  '<div>',
  '</div>',
  '<?php',
  '<![CDATA[',
  '\\',
  '&#0;&#xD800;&#x10FFFF;&#99999999;',
  '$$',
  '[^1]: note',
  '[ref]: http://x "t"',
  '* [ ] task',
  '年年年年年',
  '2025年2030年2025年',
  '到2025年',
  '到2030年，下降%',
  '１２３４５％',
  '100%%%%',
  '-1e309%',
  '９９９９９９９９９９９９９９９９９９９９%',
  '\uD800',
  '\uDFFF',
  '\uDBFF\uDBFF',
  '\uD83D\uDE00',
  '\u0000',
  '\u0001\u0002\u0007\u0008\u000B\u000C\u001B\u007F',
  '\u0085\u2028\u2029',
  '\uFEFF',
  '\u200B\u200C\u200D\u2060',
  '\u202E\u202D\u2066',
  'e\u0301\u0301\u0301\u0301',
  'ﬁ ﬂ Ⅻ ㍻ ㈱',
  'العربية עברית ไทย 한국어 日本語 Ελληνικά',
  '\t\t\t',
  '    indented code',
];

const FRONT_MATTERS = [
  '---\nplanlint: { profile: national-2022, level: city }\n---\n',
  '---\nplanlint:\n  ignore: [area-missing, "measure-missing:key-areas/transport"]\n---\n',
  '---\n: : : [\n---\n',
  '---\nplanlint: [1, 2, 3]\n---\n',
  '---\nplanlint: { profile: 42, level: 7, ignore: 5 }\n---\n',
  '---\nplanlint: { profile: ../../../../etc/passwd }\n---\n',
  '---\nplanlint: { profile: /dev/zero }\n---\n',
  '---\nplanlint: { ignore: [null, {}, [], 1] }\n---\n',
  '---\n{"planlint": "json front matter"}\n---\n',
  '---\n\ttabs:\n\t\tbad\n---\n',
  '---\n- a\n- b\n---\n',
  '---\n',
  '---\n---\n',
  '+++\ntitle = "toml"\n+++\n',
  '---\nplanlint: &a { ignore: *a }\n---\n',
  '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n',
  '---\n!!binary AAAA\n---\n',
  '---\nkey: !!js/function "function(){}"\n---\n',
  '---\n__proto__: { polluted: true }\nplanlint: { __proto__: { level: city } }\n---\n',
];

const textChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'减污降碳协同增效推进能源工业交通建筑农业生态环境目标指标下降达到年以内'.split('')) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcdefgh XYZ0123456789.,;:%|#>-*+_`~[]()<>!'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('\u3000', '、', '（', '）', '“', '”', '，', '。', '％', '．', '\t', ' ') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

const words = (max: number) => fc.string({ unit: textChar, maxLength: max });

/** Generators scaled by `scale` (1 = CI tier). */
export function hostileArbitraries(scale = 1) {
  const n = (x: number) => Math.max(1, Math.round(x * scale));

  const deepNesting = fc
    .tuple(fc.constantFrom('> ', '- ', '* ', '1. ', '  - ', '> - ', '*', '_', '[', '(', '<div>', '`', '#'), fc.integer({ min: 10, max: n(400) }), words(20))
    .map(([unit, depth, tail]) => unit.repeat(depth) + tail);

  const indentedLists = fc
    .tuple(fc.integer({ min: 5, max: n(120) }), words(10))
    .map(([depth, w]) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- ${w}${i}`).join('\n'));

  const hugeTable = fc
    .tuple(fc.integer({ min: 1, max: n(60) }), fc.integer({ min: 1, max: n(300) }), words(12), fc.boolean())
    .map(([cols, rows, cell, ragged]) => {
      const row = (i: number) => `|${Array.from({ length: ragged ? 1 + ((i * 7) % cols) : cols }, (_, c) => ` ${cell}${i}.${c} `).join('|')}|`;
      return [row(0), `|${' --- |'.repeat(cols)}`, ...Array.from({ length: rows }, (_, i) => row(i + 1))].join('\n');
    });

  const longLine = fc
    .tuple(fc.constantFrom('减', 'a', ' ', '*', '|', '<', '`', '年', '2025', '\\', '%', '[', '-', '（', '\t'), fc.integer({ min: 1000, max: n(100_000) }), words(10))
    .map(([unit, len, w]) => w + unit.repeat(Math.ceil(len / unit.length)));

  const planLine = fc.constantFrom(...PLAN_LINES);
  const hostilePiece = fc.constantFrom(...HOSTILE_PIECES);
  const frontMatter = fc.constantFrom(...FRONT_MATTERS);

  const line = fc.oneof(
    { weight: 8, arbitrary: planLine },
    { weight: 6, arbitrary: hostilePiece },
    { weight: 6, arbitrary: words(60) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: indentedLists },
    { weight: 1, arbitrary: hugeTable },
    { weight: 1, arbitrary: longLine },
  );

  const eolPolicy = fc.oneof(fc.constantFrom(...EOLS), fc.constant('mixed' as const));

  /** A random document: optional front matter, then lines joined by one or mixed line ends. */
  const document = fc
    .tuple(fc.option(frontMatter, { freq: 3 }), fc.array(line, { maxLength: n(60) }), eolPolicy, fc.array(fc.constantFrom(...EOLS), { minLength: 1, maxLength: 8 }))
    .map(([fm, lines, eol, mix]) => {
      const sep = (i: number) => (eol === 'mixed' ? mix[i % mix.length] : eol);
      let s = '';
      lines.forEach((l, i) => (s += l + sep(i)));
      return (fm ?? '') + s;
    });

  return { document, line, deepNesting, hugeTable, longLine, frontMatter, hostilePiece, planLine };
}

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'duplicate'; at: number; len: number }
  | { kind: 'eol'; to: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'swapLines'; a: number; b: number };

/** A real draft with a few random mutations (positions are fractions of the length, so they fit any draft). */
export function mutatedDraftArbitrary(seeds: { name: string; text: string }[], scale = 1) {
  const { line } = hostileArbitraries(scale);
  const frac = fc.double({ min: 0, max: 1, noNaN: true });
  const mutation = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(frac, line).map(([at, text]) => ({ kind: 'insert', at, text })) },
    { weight: 2, arbitrary: fc.tuple(frac, frac).map(([at, len]) => ({ kind: 'delete', at, len: len * 0.2 })) },
    { weight: 1, arbitrary: fc.tuple(frac, frac).map(([at, len]) => ({ kind: 'duplicate', at, len: len * 0.3 })) },
    { weight: 1, arbitrary: fc.constantFrom(...EOLS).map((to) => ({ kind: 'eol', to })) },
    { weight: 1, arbitrary: frac.map((at) => ({ kind: 'truncate', at })) },
    { weight: 2, arbitrary: fc.tuple(frac, frac).map(([a, b]) => ({ kind: 'swapLines', a, b })) },
  ) as fc.Arbitrary<Mutation>;
  return fc
    .tuple(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([i, mutations]) => ({ seed: seeds[i].name, text: mutations.reduce(mutate, seeds[i].text) }));
}

export function mutate(text: string, m: Mutation): string {
  const pos = (f: number) => Math.min(text.length, Math.floor(f * text.length));
  switch (m.kind) {
    case 'insert': {
      // Half the time at a line start, so inserted headings and comments stand on their own line.
      const at = pos(m.at);
      const nl = text.lastIndexOf('\n', at - 1) + 1;
      const where = Math.floor(m.at * 1000) % 2 === 0 ? nl : at;
      return text.slice(0, where) + m.text + (where === nl ? '\n' : '') + text.slice(where);
    }
    case 'delete': {
      const at = pos(m.at);
      return text.slice(0, at) + text.slice(at + Math.floor(m.len * text.length));
    }
    case 'duplicate': {
      const at = pos(m.at);
      const piece = text.slice(at, at + Math.floor(m.len * text.length));
      return text.slice(0, at) + piece + piece + text.slice(at);
    }
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, m.to);
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'swapLines': {
      const lines = text.split('\n');
      const a = Math.floor(m.a * (lines.length - 1));
      const b = Math.floor(m.b * (lines.length - 1));
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

/** Terms a custom profile may hold: regular-expression syntax, whitespace runs, lone surrogates, Traditional and full-width characters. */
const TERM_UNITS = ['a', 'b', '1', '碳', '汇', '能', '耗', ' ', '\t', '\u3000', '\u00a0', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '\\', '^', '$', '-', 'Ａ', '減', '\uD800', '\uDE00'];

export interface HostileTerms {
  /** Added to the first indicator's terms. */
  indicator: string[];
  /** Added to the second area's evidence terms. */
  evidence: string[];
  /** Added to the second area's first measure's heading aliases. */
  aliases: string[];
  /** Added to the plan markers. */
  markers: string[];
}

/** Terms to add to the built-in profile: short hostile ones, real ones, one of thousands of words, thousands of terms. */
export function hostileTermsArbitrary(scale = 1): fc.Arbitrary<HostileTerms> {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  const short = fc.string({ unit: fc.constantFrom(...TERM_UNITS), minLength: 1, maxLength: 12 });
  const real = fc.constantFrom('大宗固废综合利用率', '减污降碳', '新能源汽车', 'bulk solid waste', '再生铝', '工业', '交通运输', '2025年');
  const manyWords = fc.integer({ min: 1000, max: n(8000) }).map((k) => `${Array.from({ length: k }, () => 'a').join(' ')} b`);
  const term = fc.oneof({ weight: 8, arbitrary: short }, { weight: 3, arbitrary: real }, { weight: 1, arbitrary: manyWords });
  const manyTerms = fc.integer({ min: 1000, max: n(8000) }).map((k) => Array.from({ length: k }, (_, i) => `${String.fromCharCode(0x4e00 + (i % 20_000))}能`));
  return fc.record({
    indicator: fc.oneof({ weight: 5, arbitrary: fc.array(term, { maxLength: 20 }) }, { weight: 1, arbitrary: manyTerms }),
    evidence: fc.array(term, { maxLength: 20 }),
    aliases: fc.array(term, { maxLength: 10 }),
    markers: fc.array(term, { maxLength: 5 }),
  });
}

/** Random and mutated documents, about half each. */
export function anyDraftArbitrary(scale = 1) {
  const seeds = seedDrafts();
  return fc.oneof(
    hostileArbitraries(scale).document.map((text) => ({ seed: 'random', text })),
    mutatedDraftArbitrary(seeds, scale),
  );
}
