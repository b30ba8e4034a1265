/**
 * normalize() converts Traditional to Simplified only where the conversion's dictionaries have a
 * key: the result must equal opencc-js's own Converter({ from: 'twp', to: 'cn' }) (the package's
 * main entry, as used before) on every text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { generateDraft } from '../../../bench/generate.mjs';
import { conversionKeys, mayConvert, toSimplified, traditionalToSimplified } from './normalize';
import { parsePlan } from './parse';

const reference = OpenCC.Converter({ from: 'twp', to: 'cn' });
const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
const keys = conversionKeys('twp');
const keyChars = [...new Set(keys.flatMap((k) => [...k]))];

describe('Traditional-to-Simplified conversion with its key gate', () => {
  it('reads the dictionaries (single characters and phrases such as 最佳化)', () => {
    expect(keys.length).toBeGreaterThan(5000);
    expect(keys).toContain('最佳化');
    expect(keys).toContain('減');
  });

  it('equals the full conversion on every key and every character of the dictionaries, alone and in context', () => {
    const bad: string[] = [];
    for (const s of [...keys, ...keyChars]) {
      for (const t of [s, `推进${s}工作`, `a${s}`, `${s}${s}`]) if (toSimplified(t) !== reference(t)) bad.push(t);
    }
    expect(bad).toEqual([]);
  });

  it("the converters built from the Traditional-to-Simplified preset equal the package's main entry", () => {
    const twKeys = conversionKeys('tw');
    expect(twKeys.length).toBeGreaterThan(4000);
    const samples = [...keys, ...keyChars, ...twKeys, ...twKeys.map((k) => `推进${k}工作`), keys.join('')];
    expect(samples.filter((s) => traditionalToSimplified('tw')(s) !== tw(s))).toEqual([]);
    expect(samples.filter((s) => traditionalToSimplified('twp')(s) !== reference(s))).toEqual([]);
  });

  it('passes (unchanged) only texts the full conversion leaves unchanged', () => {
    const pieces = fc.constantFrom(...keyChars.slice(0, 400), ...keys.slice(0, 400), '工', '作', '建', '立', '健', '全', '的', ' ', 'a', '。');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')), (s) => {
        expect(toSimplified(s)).toBe(reference(s));
        if (!mayConvert(s)) expect(reference(s)).toBe(s);
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
        expect(toSimplified(s)).toBe(reference(s));
        expect(traditionalToSimplified('tw')(s)).toBe(tw(s));
        if (mayConvert(s)) converted++;
        else skipped++;
      }
    }
    // both paths are exercised: most blocks skip the conversion, some need it (湖北 drafts are Traditional)
    expect(skipped).toBeGreaterThan(100);
    expect(converted).toBeGreaterThan(20);
  });
});
