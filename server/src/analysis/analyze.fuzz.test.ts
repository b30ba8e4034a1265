/** The analysis never throws on odd text, and every range it reports lies inside the document. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../document';
import type { Range } from '../document/types';
import { loadBuiltinProfile } from '../profile';
import { analyze } from './index';

const profile = loadBuiltinProfile();

const pieces = [
  '# 某市减污降碳协同增效实施方案\n',
  '## 一、总体要求\n',
  '## 三、加强源头防控\n',
  '### （四）强化生态环境分区管控\n',
  '（八）推进工业和交通领域协同增效。推动钢铁、水泥行业超低排放改造。\n',
  '到2025年，新增大宗固废综合利用率达到55%以上；到2030年，新能源汽车新车销售量占比百分之四十左右。\n',
  '| 指标 | 2025年 | 2030年 |\n|---|---|---|\n| 新增大宗固废综合利用率（%） | 58 | 65 |\n',
  '<!-- planlint-disable measure-missing -->\n',
  '<!-- planlint covers key-areas/agriculture -->\n',
  '<!-- planlint-disable-next-line target-missing:2030 -- later -->\n',
  '---\nplanlint:\n  level: [1, 2]\n  ignore: 3\n---\n',
  '1.强化源头防控。\n2.推进农业领域协同增效。\n',
  '**Transport.** Shift freight from road to rail by 2025 with 60 per cent.\n',
  '\u0000\ud800\r\n\r',
  '“十四五”末，２０２５年底前 百分之六十 ６０％ 1150萬噸\n',
  '- 到2025年：\n- 大宗固废综合利用率 50%\n',
  '\n\n',
];

function inside(r: Range, lines: number) {
  return r.start.line >= 0 && r.end.line < lines && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

describe('analysis on random drafts', () => {
  it('never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const model = parsePlan(text);
        const r = analyze(model, profile);
        const lines = model.lineStarts.length;
        for (const f of r.findings) expect(inside(f.range, lines), JSON.stringify(f)).toBe(true);
        for (const a of r.coverage.areas) for (const m of a.measures) for (const e of m.evidence) expect(inside(e.range, lines)).toBe(true);
        for (const t of r.coverage.targets) for (const i of t.indicators) expect(inside(i.range, lines)).toBe(true);
        expect(r.coverage.score).toBeGreaterThanOrEqual(0);
        expect(r.coverage.score).toBeLessThanOrEqual(1);
      }),
      { seed: 20221, numRuns: 150 },
    );
  });
});
