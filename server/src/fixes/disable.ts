/** "Disable for this file / for the next line (with a reason)": insert a planlint comment with a reason placeholder. */
import type { Finding } from '../analysis/types';
import type { PlanModel } from '../document/types';
import type { Insert } from './inserts';

/** The `RULE[:ID]` a comment names: the most specific id the finding carries. */
export function suppressionKey(f: Finding): string {
  const d = f.data;
  // area/measure rather than the bare measure id: some measure ids (city, enterprise) recur across profiles' areas.
  const measure = d.measure && d.area ? `${d.area}/${d.measure}` : d.measure;
  const id = d.indicator ?? measure ?? d.area ?? (d.year !== undefined ? String(d.year) : undefined);
  return id ? `${f.rule}:${id}` : f.rule;
}

function reasonPlaceholder(lang: 'zh' | 'en'): string {
  return lang === 'zh' ? '〔待补充：原因〕' : '[reason]';
}

/** Whole-file disable, placed at the top (after front matter). */
export function disableFileInsert(model: PlanModel, f: Finding): Insert {
  const line = model.frontMatter ? model.frontMatter.range.end.line + 1 : 0;
  const text = `<!-- planlint-disable ${suppressionKey(f)} -- ${reasonPlaceholder(model.language)} -->`;
  return { line, lines: [text], pad: false, rank: 0 };
}

/** Next-line disable, placed on its own line above the finding; none when that line is inside front matter. */
export function disableNextLineInsert(model: PlanModel, f: Finding): Insert | undefined {
  const line = f.range.start.line;
  if (model.frontMatter && line <= model.frontMatter.range.end.line) return undefined;
  const text = `<!-- planlint-disable-next-line ${suppressionKey(f)} -- ${reasonPlaceholder(model.language)} -->`;
  return { line, lines: [text], pad: false, rank: 0 };
}
