/**
 * Aho–Corasick over UTF-16 code units, for texts in which every code unit is a grapheme cluster of
 * its own (SIMPLE_TEXT): there it finds exactly the matches modern-ahocorasick finds by walking
 * Intl.Segmenter's grapheme clusters, at a fraction of the cost (no segmenter, no string per
 * character). match.ts sends every other text to modern-ahocorasick.
 */

/**
 * Characters whose Grapheme_Cluster_Break is Other, Control or LF (never CR, Extend, ZWJ,
 * SpacingMark, Prepend, Hangul L/V/T/LV/LVT or Regional_Indicator) and that are not surrogates:
 * between two of them there is always a grapheme boundary (UAX #29 GB4, GB5, GB999). automaton.test.ts
 * checks every one against Intl.Segmenter.
 */
export const SIMPLE_CHARS =
  '\\t\\n\\x20-\\x7e\\xa0-\\u02ff\\u0370-\\u0482\\u048a-\\u052f\\u2000-\\u200b\\u200e-\\u20cf\\u2100-\\u2bff' +
  '\\u2e80-\\u3029\\u3030-\\u3098\\u309b-\\u30ff\\u3100-\\u9fff\\ua000-\\ua4cf\\uf900-\\ufaff\\ufe10-\\ufe1f' +
  '\\ufe30-\\ufe6f\\uff01-\\uff9d\\uffa0-\\uffef';

const NOT_SIMPLE = new RegExp(`[^${SIMPLE_CHARS}]`);

/** Is every code unit of `text` a grapheme cluster of its own? */
export function isSimpleText(text: string): boolean {
  return !NOT_SIMPLE.test(text);
}

export interface UnitMatch {
  /** Index of the pattern in the list the automaton was built from. */
  pattern: number;
  start: number;
  end: number;
}

export interface CodeUnitAutomaton {
  /**
   * Every occurrence of every pattern (overlaps included): end ascending, then longer first; at
   * most MAX_ENDING_HERE of them end at one place (the longest), so the output stays linear in the
   * text whatever the patterns.
   */
  search(text: string): UnitMatch[];
}

/**
 * A profile's terms nested inside one another (碳, 碳碳, 碳碳碳 …) would otherwise yield every
 * shorter term at every place: 200 nested terms made a 100 KB draft take 45 s and 3 GB. The
 * built-in profile has at most 3 terms ending at one place (automaton.test.ts); the shorter ones past the cap lie
 * inside the longer ones kept, which the matcher drops anyway.
 */
export const MAX_ENDING_HERE = 8;

export function buildCodeUnitAutomaton(patterns: readonly string[]): CodeUnitAutomaton {
  // trie edges keyed state * 65536 + code unit, then sorted into label / target runs per state
  const edges = new Map<number, number>();
  const depthOf: number[] = [0];
  const terminalOf: number[] = [-1]; // the pattern ending at a state (patterns are distinct; -1: none)
  const inAlphabet = new Uint8Array(0x10000);
  patterns.forEach((p, index) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      inAlphabet[c] = 1;
      const key = s * 0x10000 + c;
      let t = edges.get(key);
      if (t === undefined) {
        t = depthOf.length;
        depthOf.push(depthOf[s] + 1);
        terminalOf.push(-1);
        edges.set(key, t);
      }
      s = t;
    }
    if (p.length > 0 && terminalOf[s] < 0) terminalOf[s] = index;
  });
  const n = depthOf.length;
  const depth = Int32Array.from(depthOf);
  const terminal = Int32Array.from(terminalOf);
  const keys = Float64Array.from(edges.keys()).sort();
  const edgeStart = new Int32Array(n + 1);
  const labels = new Uint16Array(keys.length);
  const targets = new Int32Array(keys.length);
  const root = new Int32Array(0x10000); // 0: no edge from the root
  keys.forEach((key, k) => {
    const s = Math.floor(key / 0x10000);
    labels[k] = key - s * 0x10000;
    targets[k] = edges.get(key)!;
    edgeStart[s + 1] = k + 1;
    if (s === 0) root[labels[k]] = targets[k];
  });
  for (let s = 1; s <= n; s++) if (edgeStart[s] < edgeStart[s - 1]) edgeStart[s] = edgeStart[s - 1]; // states without edges
  const step = (s: number, c: number): number => {
    if (s === 0) return root[c];
    let lo = edgeStart[s];
    let hi = edgeStart[s + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const l = labels[mid];
      if (l === c) return targets[mid];
      if (l < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  };
  // failure links and output links (the next shorter suffix state that ends a pattern), breadth first
  const fail = new Int32Array(n);
  const out = new Int32Array(n); // 0: none
  const queue = new Int32Array(n);
  let tail = 0;
  for (let k = edgeStart[0]; k < edgeStart[1]; k++) queue[tail++] = targets[k];
  for (let q = 0; q < tail; q++) {
    const s = queue[q];
    for (let k = edgeStart[s]; k < edgeStart[s + 1]; k++) {
      const c = labels[k];
      const t = targets[k];
      let f = fail[s];
      let next = step(f, c);
      while (next === 0 && f !== 0) {
        f = fail[f];
        next = step(f, c);
      }
      fail[t] = next;
      out[t] = terminal[next] >= 0 ? next : out[next];
      queue[tail++] = t;
    }
  }
  return {
    search(text: string): UnitMatch[] {
      const found: UnitMatch[] = [];
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inAlphabet[c] === 0) {
          s = 0;
          continue;
        }
        let t = step(s, c);
        while (t === 0 && s !== 0) {
          s = fail[s];
          t = step(s, c);
        }
        s = t;
        let kept = 0;
        for (let o = terminal[s] >= 0 ? s : out[s]; o !== 0 && kept < MAX_ENDING_HERE; o = out[o], kept++) {
          found.push({ pattern: terminal[o], start: i + 1 - depth[o], end: i + 1 });
        }
      }
      return found;
    },
  };
}
