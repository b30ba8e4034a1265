/**
 * The gated Traditional-to-Simplified conversion must equal opencc-js's own Converter (the
 * package's main entry, as used before) on every text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../../bench/generate.mjs';
import { parsePlan } from './parse';
import { changingKeys, conversionTries, type From, mayConvert, traditionalToSimplified } from './simplify';

const reference: Record<From, (s: string) => string> = {
  twp: OpenCC.Converter({ from: 'twp', to: 'cn' }),
  tw: OpenCC.Converter({ from: 'tw', to: 'cn' }),
};
const keysOf = (from: From) => [...new Set(conversionTries(from).flatMap((t) => [...t.keys()]))];

describe.each(['twp', 'tw'] as const)('Traditional to Simplified (%s)', (from) => {
  const convert = traditionalToSimplified(from);
  const ref = reference[from];
  const keys = keysOf(from);
  const chars = [...new Set(keys.flatMap((k) => [...k]))];
  const differs = (texts: string[]) => texts.filter((s) => convert(s) !== ref(s));

  it('reads the dictionaries (characters and phrases such as 最佳化, 減)', () => {
    expect(keys.length).toBeGreaterThan(4000);
    if (from === 'twp') expect(keys).toContain('最佳化');
    expect(keys).toContain('減');
    // keys that map to themselves do not open the gate; real changes and phrases do
    expect(changingKeys(from).has('減')).toBe(true);
    expect(changingKeys(from).size).toBeLessThan(keys.length);
  });

  it('equals the full conversion on every key and every character of the dictionaries, alone and in context', () => {
    const texts = [...keys, ...chars].flatMap((s) => [s, `推进${s}工作`, `a${s}`, `${s}${s}`]);
    expect(differs(texts)).toEqual([]);
  });

  it('equals the full conversion around the characters that go to a variant and back', () => {
    const tries = conversionTries(from);
    const [first] = tries.slice(-2);
    const roundTrips = [...first].filter(([c]) => c.length === 1 && !changingKeys(from).has(c));
    expect(roundTrips.length).toBeGreaterThan(0);
    const texts: string[] = [];
    for (const [c, v] of roundTrips) {
      texts.push(c, v, c + v, v + c, `碳达${c}值`, `⿰${c}口${c}`, `${c}⿱口${c}`);
      // every longer key holding the character, with the character beside it
      for (const k of keys) if (k.length > 1 && (k.includes(c) || k.includes(v))) texts.push(k, c + k + c, k.replaceAll(c, v), k.replaceAll(v, c));
    }
    expect(differs(texts)).toEqual([]);
  });

  it('passes (unchanged) only texts the full conversion leaves unchanged', () => {
    const pieces = fc.constantFrom(...chars.slice(0, 300), ...keys.slice(0, 300), '峰', '核', '群', '才', '工', '作', '建', '立', '的', ' ', 'a', '。', '⿰');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')), (s) => {
        expect(convert(s)).toBe(ref(s));
        if (!mayConvert(s, from)) expect(ref(s)).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('equals the full conversion on the local plans and generated drafts, block by block', () => {
    const dir = path.resolve(__dirname, '../../..', '..', 'shared', 'reference', 'local-plans');
    if (!existsSync(dir)) throw new Error(`The local-plan reference set is missing: expected ${dir}`);
    const drafts = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'));
    for (let seed = 1; seed <= 3; seed++) drafts.push(generateDraft(seed, 30_000));
    let skipped = 0;
    let converted = 0;
    for (const text of drafts) {
      const model = parsePlan(text);
      for (const raw of [text, ...model.blocks.map((b) => b.text), ...model.sections.map((s) => s.heading.text)]) {
        const s = raw.normalize('NFKC');
        expect(convert(s)).toBe(ref(s));
        if (mayConvert(s, from)) converted++;
        else skipped++;
      }
    }
    // both paths are exercised: most blocks skip the conversion, some need it (the Hubei plan is Traditional)
    expect(skipped).toBeGreaterThan(100);
    expect(converted).toBeGreaterThan(10);
  });
});
