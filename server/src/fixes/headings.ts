/** Heading lines that would fit at a given line (for completion): chapters and measures not yet present. */
import type { Section } from '../document/types';
import { numberedTitle } from './numbering';
import { measureLayout, measureStart } from './skeleton';
import {
  ancestorAtLevel,
  areaChapters,
  chapterLayout,
  childrenOf,
  depthOf,
  docLang,
  type FixInput,
  headingLine,
  numberAt,
  templateFrom,
  writtenDepth,
} from './structure';

export interface HeadingSuggestion {
  kind: 'area' | 'measure';
  area: string;
  measure?: string;
  /** The full heading line, e.g. "## 四、突出重点领域". */
  text: string;
  /** The numbered title without Markdown marks. */
  title: string;
}

/** The area chapter `line` belongs to (blank lines before the next heading included), if any. */
function chapterAt(input: FixInput, line: number): [string, Section] | undefined {
  const { model } = input;
  const above = model.sections.filter((s) => s.heading.range.start.line < line);
  const last = above[above.length - 1];
  if (!last) return undefined;
  for (const [id, index] of areaChapters(input)) {
    const chapter = model.sections[index];
    if (ancestorAtLevel(model, last.index, chapter.level) === index) return [id, chapter];
  }
  return undefined;
}

export function headingSuggestions(input: FixInput, line: number): HeadingSuggestion[] {
  const { model, profile, result } = input;
  const lang = docLang(input);
  const chapters = areaChapters(input);
  const { siblings, depth, template } = chapterLayout(input);
  const out: HeadingSuggestion[] = [];
  const n = numberAt(siblings, template, line, 1);
  for (const area of profile.areas) {
    const cov = result.coverage.areas.find((a) => a.id === area.id);
    if (chapters.has(area.id) || cov?.required === false) continue;
    const title = numberedTitle(template, n, area.title[lang]);
    out.push({ kind: 'area', area: area.id, text: headingLine(depth, title), title });
  }
  const inside = chapterAt(input, line);
  if (inside) {
    const [areaId, chapter] = inside;
    const area = profile.areas.find((a) => a.id === areaId)!;
    const cov = result.coverage.areas.find((a) => a.id === areaId);
    const children = childrenOf(model, chapter);
    const layout = measureLayout(input, writtenDepth(chapter));
    const mDepth = children.length ? depthOf(children, layout.depth) : layout.depth;
    const mTemplate = children.length ? templateFrom(children, 'measure', lang) : layout.template;
    const m = numberAt(children, mTemplate, line, measureStart(layout, line));
    const present = new Set(
      (cov?.measures ?? [])
        .filter((x) => x.section !== undefined && ancestorAtLevel(model, x.section, chapter.level) === chapter.index)
        .map((x) => x.id),
    );
    for (const measure of area.measures) {
      const mc = cov?.measures.find((x) => x.id === measure.id);
      if (present.has(measure.id) || mc?.required === false || mc?.status === 'covered') continue;
      const title = numberedTitle(mTemplate, m, measure.title[lang]);
      out.push({ kind: 'measure', area: area.id, measure: measure.id, text: headingLine(mDepth, title), title });
    }
  }
  return out;
}
