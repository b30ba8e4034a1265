/**
 * Section skeletons for `area-missing` and `measure-missing`: a heading at the draft's own depth,
 * numbered in its own style, placed in national order among the sections already there, with a
 * placeholder body. Insert-only: the user's headings are never renumbered.
 */
import type { Section } from '../document/types';
import type { ProfileArea, ProfileMeasure } from '../profile/types';
import { type Insert, lineAfter, lineCount } from './inserts';
import { defaultTemplate, numberedTitle, numberOf, type NumberTemplate, templateOf } from './numbering';
import {
  areaChapters,
  chapterLayout,
  childDepth,
  childrenOf,
  depthOf,
  docLang,
  type FixInput,
  headingLine,
  numberAt,
  templateFrom,
  writtenDepth,
} from './structure';

export const RANK_MEASURE = 10;
export const RANK_AREA = 20;

export function placeholder(lang: 'zh' | 'en', what: string): string {
  return lang === 'zh' ? `〔待补充：${what}〕` : `[To be completed: ${what}]`;
}

function measurePlaceholder(lang: 'zh' | 'en', m: ProfileMeasure): string {
  return placeholder(lang, lang === 'zh' ? `${m.title.zh}的具体措施` : `measures to ${lowerFirst(m.title.en)}`);
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

/** How measures are laid out in the draft: depth, numbering, and whether numbers run on across chapters (national style). */
export interface MeasureLayout {
  depth: number;
  template: NumberTemplate;
  continuous: boolean;
  /** Numbered measure-level sections of all chapters, in document order. */
  all: Section[];
}

export function measureLayout(input: FixInput, chapterDepth: number): MeasureLayout {
  const { model } = input;
  const chapters = [...areaChapters(input).values()].map((i) => model.sections[i]);
  const children = chapters.flatMap((c) => childrenOf(model, c));
  const template = templateFrom(children, 'measure', docLang(input));
  const continuous = chapters.some((c) => {
    const first = childrenOf(model, c).find((s) => numberOf(s.heading).style === template.style);
    return !!first && numberOf(first.heading).value > 1;
  });
  const all = children
    .filter((s) => numberOf(s.heading).style === template.style && numberOf(s.heading).value > 0)
    .sort((a, b) => a.heading.range.start.line - b.heading.range.start.line);
  return { depth: depthOf(children, childDepth(chapterDepth)), template, continuous, all };
}

/**
 * In a flat draft headings are numbered paragraphs, and only Chinese numbering (一、 （一）) makes a
 * paragraph a heading: measures written "(1) …" or unnumbered would not be read back as measures.
 */
function readableFlat(layout: MeasureLayout, chapter: NumberTemplate): MeasureLayout {
  if (layout.depth !== 0 || layout.template.style === 'chinese-dun' || layout.template.style === 'chinese-paren') return layout;
  // one rank below the chapter's numbering where there is one
  return { ...layout, template: chapter.style === 'chinese-paren' ? layout.template : defaultTemplate('measure', 'zh') };
}

/** The first measure number of a new chapter / of a chapter with no numbered measure yet. */
export function measureStart(layout: MeasureLayout, line: number): number {
  if (!layout.continuous) return 1;
  const above = layout.all.filter((s) => s.heading.range.start.line < line);
  return above.length ? numberOf(above[above.length - 1].heading).value + 1 : 1;
}

function measureLines(lang: 'zh' | 'en', layout: MeasureLayout, m: ProfileMeasure, n: number): string[] {
  const title = numberedTitle(layout.template, n, m.title[lang]);
  if (layout.depth === 0) {
    // Flat draft: "（四）强化生态环境分区管控。〔待补充：…〕" as one numbered paragraph.
    return [`${title}${lang === 'zh' ? '。' : '. '}${measurePlaceholder(lang, m)}`];
  }
  return [headingLine(layout.depth, title), '', measurePlaceholder(lang, m)];
}

function requiredMeasures(input: FixInput, area: ProfileArea): ProfileMeasure[] {
  const cov = input.result.coverage.areas.find((a) => a.id === area.id);
  if (!cov) return area.measures;
  return area.measures.filter((m) => cov.measures.find((c) => c.id === m.id)?.required !== false);
}

function nearest<T>(ids: string[], from: number, step: 1 | -1, map: Map<string, T>): T | undefined {
  for (let i = from + step; i >= 0 && i < ids.length; i += step) {
    const hit = map.get(ids[i]);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Where a missing area's chapter goes: after the nearest earlier national area present, else before the next, else after the last chapter. */
function areaAnchor(input: FixInput, areaId: string, siblings: Section[]): number {
  const { model, profile } = input;
  const chapters = areaChapters(input);
  const ids = profile.areas.map((a) => a.id);
  const at = ids.indexOf(areaId);
  const prev = nearest(ids, at, -1, chapters);
  if (prev !== undefined) return lineAfter(model, model.sections[prev]);
  const next = nearest(ids, at, 1, chapters);
  if (next !== undefined) return model.sections[next].heading.range.start.line;
  if (siblings.length) {
    const last = siblings.reduce((a, b) => (b.heading.range.start.line > a.heading.range.start.line ? b : a));
    return lineAfter(model, last);
  }
  return lineCount(model);
}

/** Chapter skeletons for the given missing areas (several at the same place are numbered one after another). */
export function areaInserts(input: FixInput, areaIds: string[]): Insert[] {
  const { profile } = input;
  const lang = docLang(input);
  const { siblings, depth, template: siblingsTemplate } = chapterLayout(input);
  // flat: a chapter numbered like a measure （N） would leave its measures no rank below it to be read back in
  const template = depth === 0 && siblingsTemplate.style === 'chinese-paren' ? defaultTemplate('chapter', 'zh') : siblingsTemplate;
  const global = measureLayout(input, depth);
  // a measure heading no deeper than its chapter's would not be inside it; nor would a Markdown
  // heading under a numbered-paragraph chapter (a flat chapter's measures are flat too)
  const nested = depth === 0 ? { ...global, depth: 0 } : global.depth > 0 && global.depth <= depth ? { ...global, depth: childDepth(depth) } : global;
  const layout = readableFlat(nested, template);
  const placed = new Map<number, { chapters: number; measures: number }>();
  const inserts: Insert[] = [];
  const wanted = profile.areas.filter((a) => areaIds.includes(a.id) && !areaChapters(input).has(a.id));
  for (const area of wanted) {
    const line = areaAnchor(input, area.id, siblings);
    const before = placed.get(line) ?? { chapters: 0, measures: 0 };
    const n = numberAt(siblings, template, line, 1) + before.chapters;
    const lines = [headingLine(depth, numberedTitle(template, n, area.title[lang]))];
    const measures = requiredMeasures(input, area);
    let m = measureStart(layout, line) + before.measures;
    if (!measures.length) lines.push('', placeholder(lang, lang === 'zh' ? `${area.title.zh}的具体内容` : area.title.en));
    for (const measure of measures) lines.push('', ...measureLines(lang, layout, measure, m++));
    placed.set(line, { chapters: before.chapters + 1, measures: before.measures + measures.length });
    inserts.push({ line, lines, pad: true, rank: RANK_AREA + profile.areas.indexOf(area) });
  }
  return inserts;
}

/** Measure skeletons inside an existing area chapter, in national order among the measures already there. */
export function measureInserts(input: FixInput, areaId: string, measureIds: string[]): Insert[] {
  const { model, profile, result } = input;
  const lang = docLang(input);
  const area = profile.areas.find((a) => a.id === areaId);
  const chapterIndex = areaChapters(input).get(areaId);
  if (!area || chapterIndex === undefined) return [];
  const chapter = model.sections[chapterIndex];
  const children = childrenOf(model, chapter);
  // Measure id → the chapter's direct child that implements it.
  const present = new Map<string, Section>();
  const cov = result.coverage.areas.find((a) => a.id === areaId);
  for (const mc of cov?.measures ?? []) {
    let s = mc.section;
    while (s !== undefined && s >= 0 && model.sections[s].parent !== chapterIndex) s = model.sections[s].parent;
    if (s !== undefined && s >= 0) present.set(mc.id, model.sections[s]);
  }
  const chapterDepth = writtenDepth(chapter);
  const global = measureLayout(input, chapterDepth);
  const layout: MeasureLayout = readableFlat(
    {
      ...global,
      depth: children.length ? depthOf(children, global.depth) : childDepth(chapterDepth),
      template: children.length ? templateFrom(children, 'measure', lang) : global.template,
    },
    templateOf(chapter.heading),
  );
  const ids = area.measures.map((m) => m.id);
  const placed = new Map<number, number>();
  const inserts: Insert[] = [];
  // covered needs no skeleton, even when no section of the chapter was identified as the measure's
  const covered = new Set(cov?.measures.filter((m) => m.status === 'covered').map((m) => m.id));
  for (const measure of area.measures.filter((m) => measureIds.includes(m.id) && !present.has(m.id) && !covered.has(m.id))) {
    const at = ids.indexOf(measure.id);
    const prev = nearest(ids, at, -1, present);
    const next = nearest(ids, at, 1, present);
    const line = prev ? lineAfter(model, prev) : next ? next.heading.range.start.line : lineAfter(model, chapter);
    const k = placed.get(line) ?? 0;
    const n = numberAt(children, layout.template, line, measureStart(layout, line)) + k;
    placed.set(line, k + 1);
    inserts.push({ line, lines: measureLines(lang, layout, measure, n), pad: true, rank: RANK_MEASURE + at });
  }
  return inserts;
}
