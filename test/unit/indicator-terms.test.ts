/**
 * Indicator terms of a profile (user data) are found in linear time, with the matches the former
 * regular expressions found: one expression per indicator, its escaped terms as alternatives
 * (longest first), whitespace runs as \s+, a lookbehind for terms starting with a letter or digit.
 * That expression is kept here as the reference for small inputs; hostile profiles that made it
 * throw or crawl are read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIndicatorTerms, firstIndicatorIn } from '../../server/src/analysis/indicatorTerms';
import { aligned } from '../../server/src/analysis/values';
import { checkText } from '../../server/src/engine';
import { loadBuiltinProfile } from '../../server/src/profile';
import type { Profile, ProfileIndicator } from '../../server/src/profile/types';

/** The former matcher (server/src/analysis/targets.ts before the automaton), for comparison. */
function reference(profile: Profile, text: string): { indicator: number; start: number; end: number }[] {
  const out: { indicator: number; start: number; end: number }[] = [];
  const seen = new Set<string>();
  profile.indicators.forEach((ind, i) => {
    if (seen.has(ind.id)) return;
    seen.add(ind.id);
    const terms = [...(ind.terms.zh ?? []), ...(ind.terms.en ?? [])].map((t) => aligned(t.trim())).filter((t) => t !== '');
    if (terms.length === 0) return;
    const alt = terms
      .sort((a, b) => b.length - a.length)
      .map((t) => {
        const body = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
        return /^[a-z0-9]/.test(t) ? `(?<![a-z0-9])${body}` : body;
      })
      .join('|');
    for (const m of text.matchAll(new RegExp(alt, 'g'))) out.push({ indicator: i, start: m.index, end: m.index + m[0].length });
  });
  return out;
}

function indicator(id: string, zh: string[], en: string[] = []): ProfileIndicator {
  return { id, year: 2025, value: 50, unit: '%', comparison: 'at-least', measure: 'x', mark: 'V', enabled: true, terms: { zh, en } };
}

function withIndicators(indicators: ProfileIndicator[]): Profile {
  return { ...loadBuiltinProfile(), indicators };
}

describe('indicator terms', () => {
  it('finds what the former expressions found in the built-in profile, on the built-in terms in text', () => {
    const profile = loadBuiltinProfile();
    const text = aligned(
      '到2025年，大宗固体废物综合利用率达到60%，新能源汽车新车销售量占比达到20%左右；短流程炼钢占比提升至15%以上，电炉钢、再生铝产量达到1150万吨。' +
        'By 2025 the share of new-energy vehicles in new car sales reaches 20%; Short-Process  Steel\n reaches 15%, eaf steel too, xeaf steel not; recycled aluminium output 11.5 million tonnes. ' +
        '电解铝使用可再生能源比例达到30%以上，renewable energy share of electrolytic aluminium reaches 30%.',
    );
    const got = findIndicatorTerms(profile, text);
    expect(got).toEqual(reference(profile, text));
    expect(got.map((m) => text.slice(m.start, m.end))).toEqual([
      '大宗固体废物综合利用率',
      '新能源汽车新车销售量占比',
      'share of new-energy vehicles',
      'new car sales',
      '短流程炼钢占比',
      '电炉钢',
      'short-process  steel',
      'eaf steel',
      '再生铝产量',
      'recycled aluminium output',
      '电解铝使用可再生能源比例',
      'renewable energy share of electrolytic alumin',
    ]);
    expect(firstIndicatorIn(profile, aligned('新车销售量占比'))).toBe(profile.indicators.findIndex((i) => i.id === 'nev-new-sales-share-key-regions'));
    expect(firstIndicatorIn(profile, aligned('单位GDP能耗'))).toBeUndefined();
  });

  it('agrees with the former expressions on random terms and texts', () => {
    // small alphabets, so that terms overlap, nest and repeat; whitespace of several kinds
    const unit = fc.constantFrom('a', 'b', '1', '-', '碳', '汇', ' ', '\t', '\n', '\u3000', '\u00a0', '.', '(', '\uD800');
    const term = fc.string({ unit, minLength: 1, maxLength: 6 }).map((t) => t.trim().replace(/\s+/g, ' '));
    const indicators = fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.array(term, { maxLength: 5 }), fc.array(term, { maxLength: 3 })), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(indicators, fc.string({ unit, maxLength: 80 }), (list, raw) => {
        const profile = withIndicators(list.map(([id, zh, en]) => indicator(id, zh, en)));
        const text = aligned(raw);
        expect(findIndicatorTerms(profile, text)).toEqual(reference(profile, text));
      }),
      { numRuns: 3000, seed: 20_221_017 },
    );
  });

  it('reads a term of 20 000 words (the former expression threw: stack overflow)', () => {
    const words = Array.from({ length: 20_000 }, () => 'a').join(' ');
    const profile = withIndicators([indicator('long', [], [`${words} b`])]);
    const text = `${'a '.repeat(30_000)}${words} b.`;
    expect(() => reference(profile, text)).toThrow(/Stack overflow|too large|Maximum call stack/i);
    expect(findIndicatorTerms(profile, text)).toEqual([{ indicator: 0, start: 60_000, end: text.length - 1 }]);
  });

  it('reads 20 000 terms of one indicator on a long text (past V8’s optimisation limit the expression took minutes)', () => {
    const han = (i: number) => String.fromCharCode(0x4e00 + (i % 20_000)) + String.fromCharCode(0x4e00 + Math.floor(i / 20_000));
    const terms = Array.from({ length: 20_000 }, (_, i) => `${han(i)}能`);
    const profile = withIndicators([indicator('many', terms)]);
    // aligned, as the analysis aligns statement text (some of these characters are Traditional ones)
    const text = aligned(`${'能耗'.repeat(100_000)}${han(12_345)}能`);
    expect(findIndicatorTerms(profile, text)).toEqual([{ indicator: 0, start: 200_000, end: 200_003 }]);
  });

  it('a draft under such a profile is checked (the analysis threw)', () => {
    const words = Array.from({ length: 20_000 }, () => 'a').join(' ');
    const base = loadBuiltinProfile();
    const profile = { ...base, indicators: base.indicators.map((ind, i) => (i === 0 ? { ...ind, terms: { zh: ind.terms.zh, en: [...ind.terms.en, `${words} b`] } } : ind)) };
    const text = `# 某市减污降碳协同增效实施方案\n\n## 一、总体要求\n\n### （一）主要目标\n\n到2025年，${'a '.repeat(20_000)}大宗固废综合利用率达到50%。\n`;
    const { result } = checkText(text, { profile, config: {} });
    const below = result.findings.filter((f) => f.rule === 'target-below-national');
    expect(below.map((f) => f.data.indicator)).toEqual(['bulk-solid-waste-utilisation']);
  });
});
