/**
 * Fuzz tier (CI size, fixed seed): random and mutated drafts through the analysis, every LSP
 * feature and the quick fixes, each case in a watchdog worker with a size-proportional time budget.
 * `npm run fuzz -- --runs N` runs the same properties longer.
 */
import { describe, expect, it } from 'vitest';
import { PROPERTIES } from './properties';
import { fuzzSettings, logResult, runProperty } from './watchdog';

const CI_RUNS: Record<string, number> = { analysis: 120, fixes: 60, profiles: 40, large: 120 };
/** A hang fails sooner, in the watchdog; this only bounds a run of many slow cases. */
const WHOLE_RUN_MS = Math.max(60 * 60_000, (Number(process.env.PLANLINT_FUZZ_RUNS) || 0) * 3000);

describe('fuzz: analysis, features and fixes', () => {
  it('replays the corpus of inputs that once hung or broke something', async () => {
    const r = await runProperty({ property: 'corpus', runs: 0, seed: 0, scale: 1 });
    logResult(r);
    expect(r.failure).toBeUndefined();
    expect(r.cases).toBeGreaterThan(0);
  }, 300_000);

  for (const [name, property] of Object.entries(PROPERTIES)) {
    it(property.title, async () => {
      const s = fuzzSettings(CI_RUNS[name]);
      const r = await runProperty({ property: name, ...s, runs: name === 'large' ? Math.max(1, Math.round(s.runs / 20)) : s.runs });
      logResult(r);
      expect(r.failure).toBeUndefined();
      expect(r.cases).toBeGreaterThan(0);
    }, WHOLE_RUN_MS);
  }
});
