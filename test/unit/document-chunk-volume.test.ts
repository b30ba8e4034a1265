/**
 * The chunked cold parse hands micromark the text about once (twice at most), even with blocks far longer than a
 * group (a huge table, a long fence): an operation count, not a timing. Before, each such block was
 * parsed three times and more (its group ended right after it, so its end was never confirmed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../server/src/document';
import { parseVolume } from '../../server/src/document/chunks';
import { parsePlanWhole } from '../../server/src/document/parse';

const draft = readFileSync(path.resolve(__dirname, '../fixtures/drafts/complete-zh.md'), 'utf8');
const table = (rows: number) =>
  ['| 指标 | 2025年 | 2030年 | 备注 |', '| --- | --- | --- | --- |', ...Array.from({ length: rows }, (_, i) => `| 指标${i} | ${i}% | ${i + 1}% | 说明~文字~${i} |`)].join('\n');
const fence = (lines: number) => ['```text', ...Array.from({ length: lines }, (_, i) => `代码 ${i}`), '', '继续', '```'].join('\n');

describe('cold parse volume', () => {
  for (const [name, block] of [
    ['a 60 KB table', table(1500)],
    ['a 60 KB fenced block with a blank line', fence(5500)],
  ] as const) {
    it(`parses a draft with ${name} at most about twice`, () => {
      const text = `${draft}\n\n${block}\n\n${draft}\n\n${block}\n\n${draft}`;
      parseVolume.chars = 0;
      const model = parsePlan(text);
      expect(parseVolume.chars / text.length).toBeLessThan(2.2);
      // and the same model as one parse of the whole text
      const whole = parsePlanWhole(text);
      expect(model.sections.map((s) => s.heading.raw)).toEqual(whole.sections.map((s) => s.heading.raw));
      expect(model.blocks.map((b) => b.text)).toEqual(whole.blocks.map((b) => b.text));
    });
  }
});
