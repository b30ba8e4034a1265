/**
 * Term scanning of long texts goes through the automaton's stream in chunks (V8's Intl.Segmenter is
 * quadratic on ~64K-unit strings): terms across chunk boundaries are found at the same offsets, and
 * a long non-ASCII paragraph is scanned (the watchdog corpus in test/fuzz replays the hang itself).
 */
import { describe, expect, it } from 'vitest';
import { matcherFor, SCAN_CHUNK } from '../../server/src/analysis/match';
import { normalize } from '../../server/src/document';
import { loadBuiltinProfile } from '../../server/src/profile';

const matcher = matcherFor(loadBuiltinProfile());
const brief = (text: string, shift = 0) => matcher.scan(text).map((h) => ({ term: h.term, start: h.start + shift, end: h.end + shift }));

describe('scanning long texts', () => {
  const sentence = normalize('推进减污降碳协同增效，推广新能源汽车，提高大宗固废综合利用率。');
  const alone = brief(sentence);

  it('finds a term straddling each chunk boundary at its offset', () => {
    expect(alone.map((h) => h.term)).toContain('减污降碳');
    for (const boundary of [SCAN_CHUNK, 2 * SCAN_CHUNK]) {
      for (let k = boundary - sentence.length; k <= boundary; k += 5) {
        const text = '减'.repeat(1) + 'x'.repeat(k - 1) + sentence + 'y'.repeat(3 * SCAN_CHUNK - k);
        expect(brief(text), `sentence at ${k}`).toEqual(alone.map((h) => ({ ...h, start: h.start + k, end: h.end + k })));
      }
    }
  });

  it('finds every occurrence in a 100 000-character Chinese paragraph', () => {
    const text = sentence.repeat(Math.ceil(100_000 / sentence.length));
    const hits = brief(text);
    const per = alone.length;
    expect(hits.length).toBe(per * Math.ceil(100_000 / sentence.length));
    expect(hits.slice(-per)).toEqual(alone.map((h) => ({ ...h, start: h.start + text.length - sentence.length, end: h.end + text.length - sentence.length })));
  });
});
