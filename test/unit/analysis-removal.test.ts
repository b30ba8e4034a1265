/**
 * Take each complete draft apart: remove one measure's section, or one area's chapter, and the
 * analysis must report exactly that (plus a numbering hint for the gap it leaves) and nothing else;
 * remove only a measure's heading and its text still covers it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import type { Finding } from '../../server/src/analysis/types';
import { offsetAt, parsePlan } from '../../server/src/document';
import type { PlanModel } from '../../server/src/document/types';
import { loadBuiltinProfile } from '../../server/src/profile';

const profile = loadBuiltinProfile();
const dir = path.resolve(__dirname, '../fixtures/drafts');
const DRAFTS = ['complete-zh.md', 'complete-en.md', 'reworded-zh.md', 'reordered-zh.md', 'flat-zh.md', 'traditional-zh.md', 'province-long-zh.md'];

/** The text without section `i` (its heading through its last descendant). */
function without(model: PlanModel, i: number): string {
  const s = model.sections[i];
  const start = offsetAt(model, { line: s.range.start.line, character: 0 });
  const next = model.lineStarts[s.range.end.line + 1] ?? model.text.length;
  return model.text.slice(0, start) + model.text.slice(next);
}

const brief = (fs: Finding[]) => fs.filter((f) => f.rule !== 'numbering').map((f) => ({ rule: f.rule, ...f.data }));

describe.each(DRAFTS)('%s', (name) => {
  const text = readFileSync(path.join(dir, name), 'utf8');
  const model = parsePlan(text);
  const full = analyze(model, profile);
  const measures = full.coverage.areas.flatMap((a) => a.measures.map((m) => ({ area: a.id, ...m })));

  it.each(measures.map((m) => [`${m.area}/${m.id}`, m] as const))('without the section of %s', (_, m) => {
    expect(m.section).toBeDefined();
    const r = analyze(parsePlan(without(model, m.section!)), profile);
    expect(brief(r.findings)).toEqual([{ rule: 'measure-missing', area: m.area, measure: m.id }]);
  });

  it.each(measures.map((m) => [`${m.area}/${m.id}`, m] as const))('without the heading of %s, its text kept', (_, m) => {
    const h = model.sections[m.section!].heading.range;
    const start = model.lineStarts[h.start.line];
    const end = offsetAt(model, h.end);
    const r = analyze(parsePlan(model.text.slice(0, start) + model.text.slice(end)), profile);
    expect(brief(r.findings)).toEqual([]);
  });

  it.each(full.coverage.areas.map((a) => [a.id, a] as const))('without the chapter of %s', (_, a) => {
    expect(a.section).toBeDefined();
    const r = analyze(parsePlan(without(model, a.section!)), profile);
    const kind = profile.areas.find((x) => x.id === a.id)!.kind;
    const rules = brief(r.findings);
    const expected = kind === 'closing' ? ['closing-chapter-missing'] : ['area-missing', 'area-mentioned-only'];
    expect(rules).toHaveLength(1);
    expect(rules[0].area).toBe(a.id);
    expect(expected).toContain(rules[0].rule);
  });
});
