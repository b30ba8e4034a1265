import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import AhoCorasick from 'modern-ahocorasick';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../../bench/generate.mjs';
import { parsePlan } from '../document';
import { loadBuiltinProfile } from '../profile';
import { buildCodeUnitAutomaton, isSimpleText, MAX_ENDING_HERE, SIMPLE_CHARS } from './automaton';
import { matcherFor, termsOf } from './match';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusters = (s: string) => [...segmenter.segment(s)].length;

/** The code points SIMPLE_CHARS lists, read back from its ranges. */
function simpleCodePoints(): number[] {
  const body = SIMPLE_CHARS.replace(/\\t/g, '\\u0009').replace(/\\n/g, '\\u000a').replace(/\\x([0-9a-f]{2})/gi, '\\u00$1');
  const out: number[] = [];
  for (const m of body.matchAll(/\\u([0-9a-f]{4})(?:-\\u([0-9a-f]{4}))?/gi)) {
    const a = parseInt(m[1], 16);
    const b = m[2] ? parseInt(m[2], 16) : a;
    for (let c = a; c <= b; c++) out.push(c);
  }
  return out;
}

const sorted = (ms: { pattern: number; start: number; end: number }[]) =>
  [...ms].sort((a, b) => a.start - b.start || a.end - b.end || a.pattern - b.pattern);

/** What modern-ahocorasick (grapheme clusters) finds, as code-unit matches. */
function reference(patterns: string[] | AhoCorasick, text: string) {
  const ac = Array.isArray(patterns) ? new AhoCorasick(patterns.map((pattern, i) => ({ pattern, data: i }))) : patterns;
  return sorted(ac.search(text).map((m) => ({ pattern: m.data as number, start: m.start, end: m.end })));
}

describe('code-unit automaton', () => {
  it('every SIMPLE_CHARS character is a grapheme cluster of its own next to any other (ICU)', () => {
    const chars = simpleCodePoints();
    expect(chars.length).toBeGreaterThan(30000);
    const bad: string[] = [];
    for (const c of chars) {
      const ch = String.fromCharCode(c);
      // after a letter (not Extend / ZWJ / SpacingMark), before one (not Prepend), doubled (not
      // Regional_Indicator, Hangul L / V / T), before V and T (not LV / LVT), after L (not V / LV / LVT)
      const pairs = ['a' + ch, ch + 'a', ch + ch, ch + '\u1160', ch + '\u11a8', '\u1100' + ch];
      if (pairs.some((p) => clusters(p) !== 2)) bad.push(c.toString(16));
    }
    expect(bad).toEqual([]);
  });

  it('tells simple texts from others', () => {
    expect(isSimpleText('推进减污降碳协同增效, pm2.5 浓度下降10%。')).toBe(true);
    expect(isSimpleText('e\u0301')).toBe(false); // combining mark
    expect(isSimpleText('👍🏽')).toBe(false); // surrogates
    expect(isSimpleText('a\r\nb')).toBe(false); // CR LF is one cluster
    expect(isSimpleText('한국')).toBe(false); // Hangul syllables
    expect(isSimpleText('a\u200db')).toBe(false); // ZWJ
  });

  it('finds what modern-ahocorasick finds, on random simple texts and patterns', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '减', '污', '降', '碳', ' ', '，');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 200 }).map((a) => a.join('')), (patterns, text) => {
        expect(sorted(buildCodeUnitAutomaton(patterns).search(text))).toEqual(reference(patterns, text));
      }),
      { numRuns: 300 },
    );
  });

  it('finds what modern-ahocorasick finds with the built-in profile, on the local plans and generated drafts', () => {
    const dir = path.resolve(__dirname, '../../..', '..', 'shared', 'reference', 'local-plans');
    if (!existsSync(dir)) throw new Error(`The local-plan reference set is missing: expected ${dir}`);
    const patterns = termsOf(loadBuiltinProfile()).map(([term]) => term);
    const units = buildCodeUnitAutomaton(patterns);
    const library = new AhoCorasick(patterns.map((pattern, i) => ({ pattern, data: i })));
    const drafts = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]);
    for (let seed = 1; seed <= 3; seed++) drafts.push([`generated ${seed}`, generateDraft(seed, 30_000)]);
    let texts = 0;
    let hits = 0;
    for (const [name, text] of drafts) {
      const model = parsePlan(text);
      for (const norm of [...model.blocks.map((b) => b.norm), ...model.sections.map((s) => s.heading.norm)]) {
        expect(isSimpleText(norm), norm).toBe(true);
        const found = sorted(units.search(norm));
        expect(found, `${name}: ${norm.slice(0, 40)}`).toEqual(reference(library, norm));
        texts++;
        hits += found.length;
      }
    }
    expect(texts).toBeGreaterThan(300);
    expect(hits).toBeGreaterThan(1000);
  });
});

describe('code-unit automaton with hostile patterns', () => {
  it('keeps at most MAX_ENDING_HERE matches ending at one place, the longest, however deeply the patterns nest', () => {
    const nested = Array.from({ length: 200 }, (_, k) => '碳'.repeat(k + 1));
    const text = '碳'.repeat(2000);
    const found = buildCodeUnitAutomaton(nested).search(text);
    expect(found.length).toBe(2000 * MAX_ENDING_HERE - ((MAX_ENDING_HERE - 1) * MAX_ENDING_HERE) / 2);
    for (let end = 1; end <= text.length; end++) {
      const here = found.filter((m) => m.end === end);
      const longest = Math.min(end, 200);
      expect(here.map((m) => m.end - m.start)).toEqual(Array.from({ length: Math.min(longest, MAX_ENDING_HERE) }, (_, k) => longest - k));
      if (end > 50) break;
    }
  });

  it('the built-in profile stays below the cap: no term has MAX_ENDING_HERE terms ending it', () => {
    const terms = termsOf(loadBuiltinProfile()).map(([t]) => t);
    const deepest = Math.max(...terms.map((t) => terms.filter((u) => t.endsWith(u)).length));
    expect(deepest).toBeLessThan(MAX_ENDING_HERE);
  });
});

describe('profile matcher', () => {
  const matcher = matcherFor(loadBuiltinProfile());
  const terms = (norm: string) => matcher.scan(norm).map((h) => `${h.term}@${h.start}`);

  it('finds terms in simple text', () => {
    expect(terms('推进减污降碳协同增效')).toContain('减污降碳@2');
  });

  it('matches whole grapheme clusters in other text (a combining mark joins the last character)', () => {
    expect(terms('减污降碳协同增效\u0301')).not.toContain('协同增效@4');
    expect(terms('减污降碳协同增效\u0301')).toContain('减污降碳@0');
    expect(terms('👍减污降碳')).toContain('减污降碳@2');
  });
});
