/** Pure quick-fix computation: (model, result, profile) → inserts. No LSP here. */
import type { Finding, RuleId } from '../analysis/types';
import type { Insert } from './inserts';
import { areaInserts, measureInserts } from './skeleton';
import { areaChapters, type FixInput } from './structure';
import { swallowedFrom } from './swallowed';
import { targetInserts } from './targets';

export { disableFileInsert, disableNextLineInsert, suppressionKey } from './disable';
export { type Insert, type TextEditLike, toTextEdits } from './inserts';
export { areaInserts, measureInserts } from './skeleton';
export { targetInserts } from './targets';
export type { FixInput } from './structure';

/** Rules whose finding can be fixed by inserting a chapter for `data.area`. */
const AREA_RULES: readonly RuleId[] = ['area-missing', 'area-mentioned-only', 'closing-chapter-missing'];

/** Inserts that would land inside an unclosed code fence or HTML comment change nothing: none is offered. */
function effective(input: FixInput, inserts: Insert[]): Insert[] {
  if (!inserts.length) return inserts;
  const from = swallowedFrom(input.model);
  return inserts.every((i) => i.line < from) ? inserts : [];
}

/** The skeleton insert that fixes one finding, if it has one. */
export function insertFor(input: FixInput, f: Finding): Insert[] {
  return effective(input, insertForFinding(input, f));
}

function insertForFinding(input: FixInput, f: Finding): Insert[] {
  const { area, measure, year } = f.data;
  if (AREA_RULES.includes(f.rule) && area) {
    return areaChapters(input).has(area) ? [] : areaInserts(input, [area]);
  }
  if (f.rule === 'measure-missing' && area && measure) return measureInserts(input, area, [measure]);
  if (f.rule === 'target-missing' && year !== undefined) return targetInserts(input, [year]);
  return [];
}

/** Every skeleton insert at once (fix all): missing chapters, missing measures per chapter, missing target years. */
export function fixAllInserts(input: FixInput): Insert[] {
  const findings = input.result.findings;
  const chapters = areaChapters(input);
  const areas = new Set<string>();
  const measures = new Map<string, string[]>();
  const years = new Set<number>();
  for (const f of findings) {
    const { area, measure, year } = f.data;
    if (AREA_RULES.includes(f.rule) && area && !chapters.has(area)) areas.add(area);
    if (f.rule === 'measure-missing' && area && measure) measures.set(area, [...(measures.get(area) ?? []), measure]);
    if (f.rule === 'target-missing' && year !== undefined) years.add(year);
  }
  // all or nothing: dropping only the swallowed parts would offer them again once the rest moved the block down
  return effective(input, [
    ...areaInserts(input, [...areas]),
    ...[...measures].flatMap(([area, ids]) => measureInserts(input, area, ids)),
    ...targetInserts(input, [...years]),
  ]);
}

/** Inserts for `planlint.insertMissing`: an area's chapter, or its missing measures, or one measure. */
export function insertMissingInserts(input: FixInput, area: string | undefined, measure: string | undefined): Insert[] {
  if (!area) return fixAllInserts(input);
  return effective(input, insertMissingFor(input, area, measure));
}

function insertMissingFor(input: FixInput, area: string, measure: string | undefined): Insert[] {
  if (measure) return measureInserts(input, area, [measure]);
  if (!areaChapters(input).has(area)) return areaInserts(input, [area]);
  const cov = input.result.coverage.areas.find((a) => a.id === area);
  const missing = (cov?.measures ?? []).filter((m) => m.required && m.status === 'missing').map((m) => m.id);
  return measureInserts(input, area, missing);
}
