/**
 * Profile term matching: one Aho–Corasick automaton per profile over every alias, evidence term,
 * indicator term and marker, run once per normalised block or heading text. modern-ahocorasick
 * matches whole grapheme clusters (Intl.Segmenter); a text in which every code unit is a cluster of
 * its own (nearly every plan) goes through the same dictionary compiled over code units, which
 * finds the same matches several times faster (automaton.ts).
 */
import AhoCorasick, { type Match } from 'modern-ahocorasick';
import { buildCodeUnitAutomaton, isSimpleText } from './automaton';
import { normalize } from '../document/normalize';
import type { Profile } from '../profile/types';

export type TermOwner =
  | { kind: 'area-alias'; area: string }
  | { kind: 'area-evidence'; area: string }
  | { kind: 'measure-alias'; area: string; measure: string }
  | { kind: 'measure-evidence'; area: string; measure: string }
  | { kind: 'indicator'; indicator: number }
  | { kind: 'plan-marker' }
  | { kind: 'preamble-heading' }
  | { kind: 'target-heading' };

export interface TermHit {
  /** The normalised term that matched. */
  term: string;
  /** Offsets in the scanned (normalised) text, end exclusive. */
  start: number;
  end: number;
  owners: readonly TermOwner[];
}

export interface ProfileMatcher {
  /** All term hits in normalised text, contained hits dropped (水环境治理 hides 环境治理). */
  scan(norm: string): readonly TermHit[];
}

const cache = new WeakMap<Profile, ProfileMatcher>();

export function matcherFor(profile: Profile): ProfileMatcher {
  let m = cache.get(profile);
  if (!m) {
    m = buildMatcher(profile);
    cache.set(profile, m);
  }
  return m;
}

function collectTerms(profile: Profile): Map<string, TermOwner[]> {
  const terms = new Map<string, TermOwner[]>();
  const add = (list: readonly string[] | undefined, owner: TermOwner) => {
    for (const raw of list ?? []) {
      const term = normalize(String(raw));
      if (term.length === 0) continue;
      let owners = terms.get(term);
      if (!owners) terms.set(term, (owners = []));
      owners.push(owner);
    }
  };
  const both = (set: { zh?: string[]; en?: string[] } | undefined, owner: TermOwner) => {
    add(set?.zh, owner);
    add(set?.en, owner);
  };
  for (const area of profile.areas) {
    both(area.aliases, { kind: 'area-alias', area: area.id });
    both(area.evidence, { kind: 'area-evidence', area: area.id });
    for (const m of area.measures) {
      both(m.aliases, { kind: 'measure-alias', area: area.id, measure: m.id });
      both(m.evidence, { kind: 'measure-evidence', area: area.id, measure: m.id });
    }
  }
  profile.indicators.forEach((ind, i) => both(ind.terms, { kind: 'indicator', indicator: i }));
  both(profile.planMarkers, { kind: 'plan-marker' });
  both(profile.preambleHeadings, { kind: 'preamble-heading' });
  both(profile.targetHeadings, { kind: 'target-heading' });
  return terms;
}

const ALNUM = /[a-z0-9]/;
const HAN = /[\u3400-\u9fff]/;
/**
 * Government bodies named after a field (交通运输局, 农业农村厅, 住房和城乡建设部门, 宣传部) are not the
 * field itself: the term followed, within the same word, by a body's suffix (not 布局 / 格局 / 内部).
 */
const ORGAN = /^[\u4e00-\u9fff]{0,4}?(?:(?<![布格当大全开结])局|厅|委(?!托)|办(?![法理公])|部门|(?<![内全外东西南北中干底顶局])部(?![分署位件]))/;

/** What boundaryOk needs to know about a term, worked out once per term. */
interface TermShape {
  term: string;
  /** Starts / ends with an ASCII letter or digit (word boundaries apply). */
  alnumStart: boolean;
  alnumEnd: boolean;
  /** Ends with a Han character (a government body's suffix may follow). */
  hanEnd: boolean;
  falseJoin?: { before?: RegExp; after?: RegExp };
}

function shapeOf(term: string): TermShape {
  return {
    term,
    alnumStart: ALNUM.test(term[0]),
    alnumEnd: ALNUM.test(term[term.length - 1]),
    hanEnd: HAN.test(term[term.length - 1]),
    falseJoin: Object.hasOwn(FALSE_JOINS, term) ? FALSE_JOINS[term] : undefined,
  };
}

/** Could ORGAN match at `end`? Only with one of its suffix characters among the next six. */
function organSuffixNear(text: string, end: number): boolean {
  for (let i = end, n = Math.min(text.length, end + 6); i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c40 || c === 0x5385 || c === 0x59d4 || c === 0x529e || c === 0x90e8) return true; // 局厅委办部
  }
  return false;
}

/** Word boundaries for ASCII terms ("air" not in "chair"; plural -s / -es allowed). */
function boundaryOk(text: string, start: number, end: number, t: TermShape): boolean {
  if (t.alnumStart && start > 0 && ALNUM.test(text[start - 1])) return false;
  if (t.alnumEnd && end < text.length && ALNUM.test(text[end])) {
    const rest = /^(?:e?s)(?![a-z0-9])/.exec(text.slice(end, end + 3));
    if (!rest) return false;
  }
  if (t.hanEnd && organSuffixNear(text, end) && ORGAN.test(text.slice(end, end + 6))) return false;
  const wrong = t.falseJoin;
  if (wrong && (wrong.after?.test(text.slice(end, end + 2)) || wrong.before?.test(text.slice(Math.max(0, start - 2), start)))) return false;
  return true;
}

/** Chinese has no spaces: 深化工作 contains 化工, 加大气力 contains 大气. Known false joins, by term. */
const FALSE_JOINS: Record<string, { before?: RegExp; after?: RegExp }> = {
  化工: { after: /^作/ },
  大气: { before: /加$/, after: /^[力候]/ },
};

const MAX_CACHE = 20000;

/**
 * The automaton walks grapheme clusters with Intl.Segmenter, and V8's segmenter becomes quadratic
 * on a non-ASCII string of about 64K UTF-16 units (a 100 KB paragraph took minutes): long texts go
 * through the automaton's stream in chunks, which finds the same matches with the same offsets.
 */
export const SCAN_CHUNK = 8192;

function searchAll<T>(ac: AhoCorasick<T>, text: string): Match<T>[] {
  if (text.length <= SCAN_CHUNK) return ac.search(text);
  const stream = ac.createStream({ strategy: 'all' });
  const out: Match<T>[] = [];
  for (let i = 0; i < text.length; i += SCAN_CHUNK) for (const m of stream.write(text.slice(i, i + SCAN_CHUNK))) out.push(m);
  for (const m of stream.finish()) out.push(m);
  return out;
}

/** The profile's normalised terms with their owners, in the automaton's pattern order. */
export function termsOf(profile: Profile): [string, TermOwner[]][] {
  return [...collectTerms(profile).entries()];
}

function buildMatcher(profile: Profile): ProfileMatcher {
  const entries = termsOf(profile);
  const units = buildCodeUnitAutomaton(entries.map(([pattern]) => pattern));
  // built on the first text that needs whole grapheme clusters (few plans have any)
  let ac: AhoCorasick<number> | undefined;
  const library = () => (ac ??= new AhoCorasick(entries.map(([pattern], i) => ({ pattern, data: i }))));
  // containment is decided per channel: an indicator phrase (新能源汽车新车销售量) must not hide
  // the evidence term inside it (新能源汽车), nor the reverse; each term's owners split once here
  const channel = (owners: TermOwner[], keep: (o: TermOwner) => boolean) => {
    const kept = owners.filter(keep);
    return kept.length === 0 ? undefined : kept.length === owners.length ? owners : kept;
  };
  const isInd = (o: TermOwner) => o.kind === 'indicator';
  const terms = entries.map(([term, owners]) => ({ shape: shapeOf(term), other: channel(owners, (o) => !isInd(o)), indicator: channel(owners, isInd) }));
  // Scans are pure per text: keep results so that re-analysis after an edit only scans changed blocks.
  const memo = new Map<string, TermHit[]>();
  return {
    scan(norm: string): readonly TermHit[] {
      if (entries.length === 0 || norm.length === 0) return [];
      const known = memo.get(norm);
      if (known) return known;
      const other: TermHit[] = [];
      const indicator: TermHit[] = [];
      try {
        const found = isSimpleText(norm) ? units.search(norm) : searchAll(library(), norm).map((m) => ({ pattern: m.data as number, start: m.start, end: m.end }));
        for (const m of found) {
          const t = terms[m.pattern];
          if (!boundaryOk(norm, m.start, m.end, t.shape)) continue;
          if (t.other) other.push({ term: t.shape.term, start: m.start, end: m.end, owners: t.other });
          if (t.indicator) indicator.push({ term: t.shape.term, start: m.start, end: m.end, owners: t.indicator });
        }
      } catch {
        // text the segmenter rejects (lone surrogates): no terms
        other.length = 0;
        indicator.length = 0;
      }
      const hits = dropContained(other);
      if (indicator.length > 0) hits.push(...dropContained(indicator));
      hits.sort((a, b) => a.start - b.start);
      if (memo.size >= MAX_CACHE) memo.clear();
      memo.set(norm, hits);
      return hits;
    },
  };
}

/** The areas a hit speaks for (area or measure owners), for deciding what a containing hit may absorb. */
function areasOf(owners: readonly TermOwner[]): Set<string> {
  const out = new Set<string>();
  for (const o of owners) if ('area' in o) out.add(o.area);
  return out;
}

/**
 * Drop hits inside a longer hit (城市绿色配送 hides 城市). A contained hit of the same area is folded
 * into the longer one instead (组织领导 is the organisation area and its leadership measure).
 */
function dropContained(hits: TermHit[]): TermHit[] {
  if (hits.length < 2) return [...hits];
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TermHit[] = [];
  let container: TermHit | undefined;
  for (const h of sorted) {
    if (container && h.end <= container.end) {
      const areas = areasOf(container.owners);
      const same = h.owners.filter((o) => 'area' in o && areas.has(o.area) && !container!.owners.includes(o));
      if (same.length > 0) {
        const merged: TermHit = { ...container, owners: [...container.owners, ...same] };
        out[out.length - 1] = merged;
        container = merged;
      }
      continue;
    }
    out.push(h);
    container = h;
  }
  return out;
}
