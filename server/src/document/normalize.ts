/** Text normalisation for matching: NFKC, Traditional -> Simplified (Taiwan phrases too), ASCII lower-case, collapsed whitespace. */
import { ConverterBuilder } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';

type From = 'tw' | 'twp';
type Dict = string | readonly (readonly [string, string])[];
type Config = { normalizationChain?: readonly (readonly Dict[])[]; segmentation: unknown; conversionChain: readonly (readonly Dict[])[] };

/** The dictionaries opencc-js's Converter({ from, to: 'cn' }) runs (its tw2s / tw2sp config). */
export function conversionDictionaries(from: From): Dict[] {
  const config = (t2cn.configs as unknown as Record<string, Config>)[from === 'tw' ? 'tw2s' : 'tw2sp'];
  // the segmentation dictionary only cuts the text; its keys are in the conversion chain too
  return [...(config.normalizationChain ?? []).flat(), ...config.conversionChain.flat()];
}

/** Every source string of those dictionaries. */
export function conversionKeys(from: From): string[] {
  const out: string[] = [];
  for (const dict of conversionDictionaries(from)) {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) out.push(entry.slice(0, entry.indexOf(' ')));
    } else {
      for (const [key] of dict) out.push(key);
    }
  }
  return out.filter((k) => k.length > 0);
}

/** The keys of a conversion, indexed for mayConvert. */
interface KeyIndex {
  /** Per UTF-16 code unit: 1 = a one-unit key, 2 = the first unit of longer keys only. */
  first: Uint8Array;
  /** Lengths of the keys starting with each pair of code units (c1 * 65536 + c2). */
  lengths: Map<number, number[]>;
  keys: Set<string>;
}

function buildKeyIndex(from: From): KeyIndex {
  const first = new Uint8Array(0x10000);
  const lengths = new Map<number, number[]>();
  const keys = new Set<string>();
  for (const key of conversionKeys(from)) {
    const c = key.charCodeAt(0);
    if (key.length === 1) {
      first[c] = 1;
      continue;
    }
    if (first[c] === 0) first[c] = 2;
    keys.add(key);
    const pair = c * 0x10000 + key.charCodeAt(1);
    const list = lengths.get(pair);
    if (!list) lengths.set(pair, [key.length]);
    else if (!list.includes(key.length)) list.push(key.length);
  }
  return { first, lengths, keys };
}

const indexes = new Map<From, KeyIndex>();

function keyIndex(from: From): KeyIndex {
  let index = indexes.get(from);
  if (!index) indexes.set(from, (index = buildKeyIndex(from)));
  return index;
}

/**
 * Could the conversion change `s`? Only where one of its dictionary keys occurs: a one-unit key,
 * or a longer key found by its first two units and then compared whole. False: `s` comes out unchanged.
 */
export function mayConvert(s: string, from: From = 'twp'): boolean {
  const { first, lengths, keys } = keyIndex(from);
  for (let i = 0; i < s.length; i++) {
    const kind = first[s.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind === 1) return true;
    const list = lengths.get(s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1));
    if (list) for (const n of list) if (keys.has(s.slice(i, i + n))) return true;
  }
  return false;
}

const converters = new Map<From, (s: string) => string>();

/**
 * opencc-js's converter from Taiwan ('tw', or 'twp' with Taiwan phrases) to mainland Simplified,
 * built from its Traditional-to-Simplified preset only (the package's main entry holds the
 * Simplified-to-Traditional phrase list too, a megabyte every process and CLI worker would load
 * for nothing), and run only on text in which one of its dictionary keys occurs: the same result
 * as OpenCC.Converter({ from, to: 'cn' }) without its four passes over most text.
 */
export function traditionalToSimplified(from: From): (s: string) => string {
  let c = converters.get(from);
  if (!c) {
    let convert: ((s: string) => string) | undefined;
    c = (s: string) => {
      if (!mayConvert(s, from)) return s;
      convert ??= ConverterBuilder(t2cn)({ from, to: 'cn' });
      return convert(s);
    };
    converters.set(from, c);
  }
  return c;
}

export function toSimplified(s: string): string {
  return traditionalToSimplified('twp')(s);
}

/** Han ideographs (BMP blocks; enough to decide whether conversion can change anything). */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function normalize(text: string): string {
  let s = text;
  try {
    s = s.normalize('NFKC');
  } catch {
    // lone surrogates etc.: keep as is
  }
  if (HAN.test(s)) {
    try {
      s = toSimplified(s);
    } catch {
      // degrade: keep the unconverted text
    }
  }
  s = s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  return s.replace(/\s+/g, ' ').trim();
}
