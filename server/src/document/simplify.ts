/**
 * Traditional -> Simplified with opencc-js, run only where it can change something.
 *
 * The converter is opencc-js's own ('tw' -> 'cn', or 'twp' -> 'cn' with Taiwan phrases), built from
 * its Traditional-to-Simplified preset only: the package's main entry holds the Simplified-to-
 * Traditional phrase list too, a megabyte every process and CLI worker would load for nothing.
 *
 * It runs a chain of tries (a normalisation, then two conversion stages; a segmentation only cuts
 * the text), each replacing the longest key found at each place by its value. Where every key that
 * occurs in a text maps to itself, every stage returns the text unchanged, so the text is returned
 * without running them. One more kind of key is let through: a character the first stage turns
 * into a variant that the second turns back (峰 -> 峯 -> 峰), when the variant is part of no longer
 * key of the second stage and the second stage leaves the character itself alone — wherever that
 * character stands, the chain gives it back.
 */
import { ConverterBuilder } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';

export type From = 'tw' | 'twp';
type Dict = string | readonly (readonly [string, string])[];
type Group = readonly Dict[];
type Config = { normalizationChain?: readonly Group[]; segmentation: unknown; conversionChain: readonly Group[] };

function config(from: From): Config {
  return (t2cn.configs as unknown as Record<string, Config>)[from === 'tw' ? 'tw2s' : 'tw2sp'];
}

/** The tries the converter runs, in order, each as key -> value (the first dictionary of a group wins, as in opencc-js's loadDictGroup). */
export function conversionTries(from: From): Map<string, string>[] {
  const c = config(from);
  return [...(c.normalizationChain ?? []), ...c.conversionChain].map((group) => {
    const trie = new Map<string, string>();
    for (const dict of [...group].reverse()) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [key, value] of entries) if (key) trie.set(key, value);
    }
    return trie;
  });
}

/** Keys whose presence may change a text: see the file comment. */
export function changingKeys(from: From): Set<string> {
  const tries = conversionTries(from);
  const out = new Set<string>();
  for (const trie of tries) for (const [k, v] of trie) if (k !== v) out.add(k);
  if (config(from).conversionChain.length === 2) {
    const [first, second] = tries.slice(-2);
    const before = tries.slice(0, -2);
    const inLonger = new Set<string>();
    for (const k of second.keys()) if (k.length > 1) for (const ch of k) inLonger.add(ch);
    for (const [c, v] of first) {
      const roundTrip = c.length === 1 && v.length === 1 && v !== c && second.get(v) === c && !inLonger.has(v) && (second.get(c) ?? c) === c;
      if (roundTrip && before.every((t) => (t.get(c) ?? c) === c)) out.delete(c);
    }
  }
  return out;
}

/** Changing keys indexed for mayConvert. */
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
  const keys = changingKeys(from);
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if (key.length === 1) {
      first[c] = 1;
      continue;
    }
    if (first[c] === 0) first[c] = 2;
    const pair = c * 0x10000 + key.charCodeAt(1);
    const list = lengths.get(pair);
    if (!list) lengths.set(pair, [key.length]);
    else if (!list.includes(key.length)) list.push(key.length);
  }
  // ideographic description characters make the tries step over whole sequences, which could
  // leave a round-trip character turned into its variant: text with any goes through the chain
  for (let c = 0x2ff0; c <= 0x2fff; c++) first[c] = 1;
  return { first, lengths, keys };
}

const indexes = new Map<From, KeyIndex>();

/** Could the conversion change `s`? False: it returns `s` unchanged. */
export function mayConvert(s: string, from: From = 'twp'): boolean {
  let index = indexes.get(from);
  if (!index) indexes.set(from, (index = buildKeyIndex(from)));
  const { first, lengths, keys } = index;
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

/** The same function as opencc-js's Converter({ from, to: 'cn' }), skipping texts it would return unchanged. */
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
