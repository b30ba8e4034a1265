/**
 * Where a profile's indicator terms occur in statement text, in time linear in the text. Terms are
 * user data (custom profiles): as one regular expression per indicator (the escaped terms as
 * alternatives) a profile could make V8 throw ("Stack overflow" on a term of some thousands of
 * words) or crawl (a few thousand terms take the expression past V8's optimisation limit: a
 * 100 KB draft took minutes).
 *
 * The matches are those such an expression finds: per indicator, leftmost first and there the
 * longest term, matches not overlapping; a whitespace run in a term matches any whitespace run
 * (JavaScript's \s); a term beginning with a letter or digit does not start right after one. Terms
 * are compared with their whitespace runs collapsed. The text is scanned once, backwards, by an
 * automaton of the reversed terms: where the scan stands, the terms it completes are those that
 * start there, longest first.
 */
import type { Profile } from '../profile/types';
import { buildCodeUnitAutomaton, type CodeUnitAutomaton } from './automaton';
import { aligned } from './values';

export interface IndicatorTermMatch {
  /** Index in profile.indicators of the first entry with the indicator's id. */
  indicator: number;
  /** Offsets in the scanned text, end exclusive. */
  start: number;
  end: number;
}

interface IndicatorTerms {
  /** Indicator index per rank (the order of the indicators' first entries). */
  indicators: number[];
  ac?: CodeUnitAutomaton;
  /** Per automaton pattern: the ranks whose terms it is. */
  ranks: number[][];
  /** Per automaton pattern: the term begins with [a-z0-9] (no match right after one). */
  alnumStart: boolean[];
}

const cache = new WeakMap<Profile, IndicatorTerms>();

let whitespace: Uint8Array | undefined;
/** Per UTF-16 code unit: is it \s? */
function isSpace(): Uint8Array {
  if (!whitespace) {
    whitespace = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) whitespace[c] = 1;
  }
  return whitespace;
}

const ALNUM = /[a-z0-9]/;
const reverse = (s: string) => {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
};

function build(profile: Profile): IndicatorTerms {
  const indicators: number[] = [];
  const index = new Map<string, number>();
  const ranks: number[][] = [];
  const alnumStart: boolean[] = [];
  const seen = new Set<string>();
  profile.indicators.forEach((ind, i) => {
    if (seen.has(ind.id)) return; // entries of other years share the first entry's terms
    seen.add(ind.id);
    const terms = [...(ind.terms.zh ?? []), ...(ind.terms.en ?? [])].map((t) => aligned(String(t).trim()).replace(/\s+/g, ' ')).filter((t) => t !== '');
    if (terms.length === 0) return;
    const rank = indicators.length;
    indicators.push(i);
    for (const term of terms) {
      const reversed = reverse(term);
      let p = index.get(reversed);
      if (p === undefined) {
        p = ranks.length;
        index.set(reversed, p);
        ranks.push([]);
        alnumStart.push(ALNUM.test(term[0]));
      }
      if (!ranks[p].includes(rank)) ranks[p].push(rank);
    }
  });
  const ac = ranks.length > 0 ? buildCodeUnitAutomaton([...index.keys()]) : undefined;
  return { indicators, ac, ranks, alnumStart };
}

function termsOf(profile: Profile): IndicatorTerms {
  let t = cache.get(profile);
  if (!t) cache.set(profile, (t = build(profile)));
  return t;
}

/**
 * The indicator terms in `text`: grouped by indicator (in profile order), each group's matches in
 * text order.
 */
export function findIndicatorTerms(profile: Profile, text: string): IndicatorTermMatch[] {
  const { indicators, ac, ranks, alnumStart } = termsOf(profile);
  if (!ac || text.length === 0) return [];
  // the text with each whitespace run as one space, reversed; at[k] = offset in `text` of its k-th unit
  const space = isSpace();
  const at: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (space[c] === 1) {
      if (i > 0 && space[text.charCodeAt(i - 1)] === 1) continue;
      units.push(0x20);
    } else {
      units.push(c);
    }
    at.push(i);
  }
  const m = units.length;
  let reversed = '';
  for (let k = m - 1; k >= 0; k -= 8192) reversed += String.fromCharCode(...units.slice(Math.max(0, k - 8191), k + 1).reverse());
  // per rank, the longest term at each start, latest start first (the scan's order)
  const starts: number[][] = indicators.map(() => []);
  let current = -1;
  const taken = new Set<number>();
  for (const hit of ac.search(reversed)) {
    const start = m - hit.end; // in the collapsed text
    if (start !== current) {
      current = start;
      taken.clear();
    }
    const s = at[start];
    if (alnumStart[hit.pattern] && s > 0 && ALNUM.test(text[s - 1])) continue;
    for (const rank of ranks[hit.pattern]) {
      if (taken.has(rank)) continue; // a longer term of this indicator starts here
      taken.add(rank);
      starts[rank].push(start, hit.end - hit.start);
    }
  }
  const out: IndicatorTermMatch[] = [];
  starts.forEach((list, rank) => {
    let free = 0; // matches do not overlap
    for (let k = list.length - 2; k >= 0; k -= 2) {
      const start = list[k];
      if (start < free) continue;
      free = start + list[k + 1];
      out.push({ indicator: indicators[rank], start: at[start], end: at[free - 1] + 1 });
    }
  });
  return out;
}

/** The first indicator (in profile order) with a term in `text`. */
export function firstIndicatorIn(profile: Profile, text: string): number | undefined {
  let first: number | undefined;
  for (const m of findIndicatorTerms(profile, text)) if (first === undefined || m.indicator < first) first = m.indicator;
  return first;
}
