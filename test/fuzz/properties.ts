/**
 * The fuzz properties run inside a watchdog worker (see watchdog.ts): each gets a generated draft and
 * throws on a violation. Also the corpus of hostile inputs found so far, replayed on every run.
 */
import fc from 'fast-check';
import { checkText } from '../../server/src/engine';
import { fixAllInserts, type FixInput, insertFor, insertMissingInserts, toTextEdits } from '../../server/src/fixes';
import type { Profile } from '../../server/src/profile/types';
import { anyDraftArbitrary, type HostileTerms, hostileArbitraries, hostileTermsArbitrary, mutatedDraftArbitrary, seedDrafts } from './arbitraries';
import { applyEdits, checkEverything, keepsEveryByte, keepsEveryLine, profile, sameFinding, SKELETON_RULES } from './invariants';

export interface CaseStats {
  findings: number;
  actions: number;
  inserts: number;
}

export interface FuzzCase {
  /** Where the text came from: 'random', a seed draft's path, 'large'. */
  seed: string;
  text: string;
  /** Terms added to the built-in profile (the `profiles` property). */
  terms?: HostileTerms;
}

export interface Property {
  /** What the property says, for the report. */
  title: string;
  arbitrary: (scale: number) => fc.Arbitrary<FuzzCase>;
  check: (c: FuzzCase) => CaseStats;
}

/** The built-in profile with `terms` added (a custom profile's terms are user data). */
export function profileWithTerms(terms: HostileTerms): Profile {
  const base = profile();
  const more = (list: string[], extra: string[]) => [...list, ...extra];
  return {
    ...base,
    planMarkers: { ...base.planMarkers, zh: more(base.planMarkers.zh, terms.markers) },
    areas: base.areas.map((a, i) =>
      i !== 1
        ? a
        : {
            ...a,
            evidence: { ...a.evidence, zh: more(a.evidence.zh, terms.evidence) },
            measures: a.measures.map((m, j) => (j !== 0 ? m : { ...m, aliases: { ...m.aliases, zh: more(m.aliases.zh, terms.aliases) } })),
          },
    ),
    indicators: base.indicators.map((ind, i) => (i !== 0 ? ind : { ...ind, terms: { ...ind.terms, zh: more(ind.terms.zh, terms.indicator) } })),
  };
}

function fixInputOf(text: string): FixInput & { isPlan: boolean } {
  const p = profile();
  const { model, result, isPlan } = checkText(text, { profile: p, config: {} });
  return { model, result, profile: p, isPlan };
}

/**
 * In a plan, every skeleton fix the server would offer keeps every byte and clears its finding on
 * re-analysis; asking for the same insert again on the new version (the quick fix, or the coverage
 * view's `planlint.insertMissing` with the same area / measure) inserts nothing more. Fix-all likewise.
 */
export function checkFixes(text: string): CaseStats {
  const input = fixInputOf(text);
  if (!input.isPlan) return { findings: 0, actions: 0, inserts: 0 };
  const problems: string[] = [];
  let inserts = 0;
  for (const f of input.result.findings) {
    if (!SKELETON_RULES.includes(f.rule)) continue;
    const edits = toTextEdits(input.model, insertFor(input, f));
    if (!edits.length) continue;
    inserts++;
    const after = applyEdits(text, edits);
    const label = `${f.rule} ${JSON.stringify(f.data)}`;
    if (!keepsEveryByte(text, after, edits)) problems.push(`${label}: the insert changed the original text`);
    if (!keepsEveryLine(text, after, edits)) problems.push(`${label}: the insert joined lines of the original text`);
    const again = fixInputOf(after);
    const still = again.result.findings.filter((x) => sameFinding(x, f));
    if (still.length) problems.push(`${label}: still reported after its insert`);
    const more = [
      ...still.flatMap((x) => insertFor(again, x)),
      ...(f.data.area && f.rule !== 'target-missing' ? insertMissingInserts(again, f.data.area, f.data.measure) : []),
    ];
    if (more.length) problems.push(`${label}: the same fix inserts again on the new version: ${JSON.stringify(more).slice(0, 300)}`);
  }
  const all = toTextEdits(input.model, fixAllInserts(input));
  if (all.length) {
    inserts++;
    const after = applyEdits(text, all);
    if (!keepsEveryByte(text, after, all)) problems.push('fix-all changed the original text');
    if (!keepsEveryLine(text, after, all)) problems.push('fix-all joined lines of the original text');
    const more = fixAllInserts(fixInputOf(after));
    if (more.length) problems.push(`fix-all offers more on its own result: ${JSON.stringify(more).slice(0, 300)}`);
  }
  if (problems.length) throw new Error(`${problems.length} violation(s):\n${problems.slice(0, 10).join('\n')}`);
  return { findings: input.result.findings.length, actions: 0, inserts };
}

export const PROPERTIES: Record<string, Property> = {
  analysis: {
    title: 'random and mutated drafts: analysis and every feature return, ranges inside the document, inserts keep every byte',
    arbitrary: (scale) => anyDraftArbitrary(scale),
    check: (c) => checkEverything(c.text),
  },
  fixes: {
    title: 'mutated drafts: every skeleton fix keeps every byte, clears its finding, is not offered again; fix-all likewise',
    arbitrary: (scale) => mutatedDraftArbitrary(seedDrafts(), scale),
    check: (c) => checkFixes(c.text),
  },
  profiles: {
    title: 'random and mutated drafts under profiles with hostile terms (expression syntax, whitespace runs, thousands of words or of terms): analysis and features return, ranges inside the document',
    // the draft ends with a target statement naming some of the added terms a few times, so that
    // they are matched (V8 compiled a huge expression, and failed, only on a long subject)
    arbitrary: (scale) =>
      fc.tuple(anyDraftArbitrary(scale), hostileTermsArbitrary(scale), fc.integer({ min: 1, max: 4 })).map(([d, terms, times]) => ({
        ...d,
        text: `${d.text}\n\n### （一）主要目标\n\n到2025年，${Array(times).fill([...terms.indicator.slice(0, 3), ...terms.evidence.slice(0, 2)].join('，')).join('；')}达到60%。\n`,
        terms,
      })),
    check: (c) => checkEverything(c.text, profileWithTerms(c.terms ?? { indicator: [], evidence: [], aliases: [], markers: [] })),
  },
  large: {
    title: 'large drafts (repeated real drafts and hostile blocks, up to a few MB): analysis and features end within the size bound',
    arbitrary: (scale) =>
      fc
        .tuple(fc.array(fc.oneof(hostileArbitraries(scale).line, fc.constantFrom(...seedDrafts().map((d) => d.text))), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: Math.max(2, Math.round(8 * scale)) }))
        .map(([parts, times]) => ({ seed: 'large', text: Array.from({ length: times }, () => parts.join('\n\n')).join('\n\n') })),
    check: (c) => checkEverything(c.text),
  },
};

/**
 * Inputs that once hung or broke something, replayed on every run (each names the defect it guards).
 * Built lazily: some are large.
 */
export const CORPUS: Record<string, () => string> = {
  // V8's Intl.Segmenter is quadratic on a non-ASCII string of ~64K units: term scanning took minutes.
  'long-han-paragraph': () => `减污降碳协同增效\n${'a'.repeat(100_000)}\n`,
  'long-han-line': () => `# 减污降碳\n\n${'减污降碳协同增效推进'.repeat(12_000)}\n`,
  'long-mixed-line': () => `é́́́\n\u000e以能源建碳!达环\n${'a'.repeat(99_311)}\n`,
  // A target sentence naming an indicator 40 000 times: each term looked for the next term, sentence
  // end and value by copying the rest of the sentence (quadratic: a minute).
  'repeated-indicator-terms': () => `# 某市减污降碳协同增效实施方案\n\n## 一、总体要求\n\n### （一）主要目标\n\n到2025年，${'再生铝'.repeat(40_000)}产量达到1150万吨\n`,
  // A year table of 60 000 cells in 主要目标: gathering its cells was quadratic (a minute per quick fix).
  'huge-targets-table': () =>
    [
      '# 某市减污降碳协同增效实施方案',
      '',
      '## 一、总体要求',
      '',
      '### （一）主要目标',
      '',
      '| 年份 | 指标 | 目标值 | 说明 |',
      '| --- | --- | --- | --- |',
      ...Array.from({ length: 15_000 }, (_, i) => `| 2025年 | 指标${i} | ${i % 100}% | 说明 |`),
      '',
    ].join('\n'),
};
