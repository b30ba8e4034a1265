/** Reading the draft's existing structure: which sections are area chapters and measures, their depth and numbering. */
import type { AnalysisResult } from '../analysis/types';
import type { PlanModel, Section } from '../document/types';
import type { Profile } from '../profile/types';
import { defaultTemplate, numberOf, templateOf, type NumberTemplate } from './numbering';

export interface FixInput {
  model: PlanModel;
  result: AnalysisResult;
  profile: Profile;
}

/** The draft's language decides the inserted titles and placeholders. */
export function docLang(input: FixInput): 'zh' | 'en' {
  return input.model.language;
}

/** Walk up from a section to its ancestor at `level` (or itself). */
export function ancestorAtLevel(model: PlanModel, index: number, level: number): number {
  let i = index;
  while (i >= 0 && model.sections[i].level > level) i = model.sections[i].parent;
  return i;
}

/** Section index of each present area chapter (area id → section), lifted to the chapter level. */
export function areaChapters(input: FixInput): Map<string, number> {
  const { model, result } = input;
  const raw = result.coverage.areas.filter((a) => a.section !== undefined && model.sections[a.section!]);
  const level = chapterLevelOf(model, raw.map((a) => a.section!));
  const map = new Map<string, number>();
  for (const a of raw) {
    const s = level === undefined ? a.section! : ancestorAtLevel(model, a.section!, level);
    if (s >= 0) map.set(a.id, s);
  }
  return map;
}

function chapterLevelOf(model: PlanModel, sections: number[]): number | undefined {
  if (!sections.length) return undefined;
  return Math.min(...sections.map((s) => model.sections[s].level));
}

/** The sections that stand at chapter level: area chapters' siblings, or the top numbered sections. */
export function chapterSiblings(input: FixInput): Section[] {
  const { model } = input;
  const chapters = [...areaChapters(input).values()];
  if (chapters.length) {
    const parent = model.sections[chapters[0]].parent;
    const level = model.sections[chapters[0]].level;
    return model.sections.filter((s) => s.parent === parent && s.level === level);
  }
  const dun = model.sections.filter((s) => s.heading.numbering.style === 'chinese-dun');
  if (dun.length) {
    const level = dun.reduce((min, s) => Math.min(min, s.level), Infinity);
    const parent = dun.find((s) => s.level === level)!.parent;
    return model.sections.filter((s) => s.level === level && s.parent === parent);
  }
  return model.roots.map((i) => model.sections[i]);
}

/** The most common value, or undefined for an empty list. */
function mode<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** The Markdown depth a section's heading is written at; 0 for a numbered paragraph (flat draft). */
export function writtenDepth(section: Section): number {
  return section.heading.promoted ? 0 : section.heading.depth;
}

/** The depth of a heading one rank below one written at `depth` (a flat draft stays flat; Markdown stops at 6). */
export function childDepth(depth: number): number {
  return depth > 0 ? Math.min(depth + 1, 6) : 0;
}

/** A section's direct sub-sections. */
export function childrenOf(model: PlanModel, section: Section): Section[] {
  return section.children.map((i) => model.sections[i]);
}

/** Markdown depth of a group of sibling headings; 0 means numbered paragraphs (flat draft). */
export function depthOf(sections: Section[], fallback: number): number {
  return mode(sections.map(writtenDepth)) ?? fallback;
}

/** Depth of the chapter headings: the siblings' own, else the draft's shallowest heading (not above ##). */
function chapterDepthOf(input: FixInput, siblings: Section[]): number {
  let shallowest = Infinity;
  for (const s of input.model.sections) if (!s.heading.promoted) shallowest = Math.min(shallowest, s.heading.depth);
  const fallback = Number.isFinite(shallowest) ? Math.max(shallowest, 2) : 2;
  return depthOf(siblings, fallback);
}

/** The numbering template of a sibling group: the style most of them use, written like the first of that style. */
export function templateFrom(sections: Section[], kind: 'chapter' | 'measure' | 'item', lang: 'zh' | 'en'): NumberTemplate {
  const numbered = sections.filter((s) => numberOf(s.heading).style !== 'none');
  const style = mode(numbered.map((s) => numberOf(s.heading).style));
  if (style) return templateOf(numbered.find((s) => numberOf(s.heading).style === style)!.heading);
  // Unnumbered siblings stay unnumbered; with no siblings at all, use the national style.
  if (sections.length) return { style: 'none', raw: '', separator: '' };
  return defaultTemplate(kind, lang);
}

/** Where a new chapter goes among the draft's: the chapter-level sections, their depth and their numbering. */
export function chapterLayout(input: FixInput): { siblings: Section[]; depth: number; template: NumberTemplate } {
  const siblings = chapterSiblings(input);
  return { siblings, depth: chapterDepthOf(input, siblings), template: templateFrom(siblings, 'chapter', docLang(input)) };
}

/**
 * The number that fits a new sibling placed before line `line`: one more than the last numbered
 * sibling above it; if there is none, the number of the first one below (which the `numbering`
 * rule will then flag), else `start`.
 */
export function numberAt(siblings: Section[], template: NumberTemplate, line: number, start: number): number {
  const same = siblings.filter((s) => numberOf(s.heading).style === template.style && numberOf(s.heading).value > 0);
  const above = same.filter((s) => s.heading.range.start.line < line);
  if (above.length) return numberOf(above[above.length - 1].heading).value + 1;
  const below = same.filter((s) => s.heading.range.start.line >= line);
  if (below.length) return numberOf(below[0].heading).value;
  return start;
}

/** The heading line as written: "## 四、标题", or the bare numbered line in a flat draft (depth 0). */
export function headingLine(depth: number, title: string): string {
  return depth > 0 ? `${'#'.repeat(Math.min(depth, 6))} ${title}` : title;
}

/** Sections whose heading names any of the terms (matched on the normalised heading). */
export function sectionsNamed(model: PlanModel, terms: string[]): Section[] {
  const wanted = terms.map((t) => t.toLowerCase()).filter(Boolean);
  return model.sections.filter((s) => {
    const h = (s.heading.norm || s.heading.text).toLowerCase();
    return wanted.some((t) => h.includes(t));
  });
}
