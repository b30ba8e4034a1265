/** Units (offset-based, document order) -> PlanModel: title, section tree, blocks, comments, positions. */
import { parseFrontMatter } from './frontmatter';
import { normalize } from './normalize';
import { styleRank } from './numbering';
import { positionAt, type LineIndex } from './positions';
import type { Block, HtmlComment, PlanModel, Range, Section } from './types';
import type { BlockUnit, HeadingUnit, Unit } from './units';

const PLAN_WORD = /方案|计划|规划|意见|行动|办法|plan\b|programme|program\b|strategy/i;
const NOTICE_WORD = /通知|印发|《|》/;

/** Does an open section `top` contain the new heading `h`? */
function contains(top: HeadingUnit, h: HeadingUnit): boolean {
  const rt = styleRank(top.numbering.style);
  const rh = styleRank(h.numbering.style);
  const bothNumbered = rt < 5 && rh < 5;
  if (top.depth > 0 && h.depth > 0) {
    if (top.depth !== h.depth) return top.depth < h.depth;
    return bothNumbered && rt < rh; // same Markdown level, numbering says nested (## 一、 / ## （一）)
  }
  if (h.depth === 0 && top.depth > 0) return rt === 5 || rt < rh; // promoted under a Markdown heading
  if (h.depth === 0) return rt < rh; // promoted under promoted
  return bothNumbered && rt < rh; // a Markdown heading under a promoted one
}

/** The heading unit that is the document title, if any (index into units). */
function findTitle(units: Unit[]): { unit: number; text: string } | undefined {
  const pre: number[] = []; // unnumbered headings before the first numbered one
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.type !== 'heading') continue;
    if (u.numbering.style !== 'none') break;
    pre.push(i);
  }
  const heading = (i: number) => units[i] as HeadingUnit;
  const names = (t: string) => PLAN_WORD.test(normalize(t)) && !NOTICE_WORD.test(t);
  const named = pre.find((i) => names(heading(i).text));
  const first1 = pre.find((i) => heading(i).depth === 1);
  const pick = named ?? first1;
  if (pick !== undefined) return { unit: pick, text: heading(pick).text };
  if (pre.length > 0 || units.some((u) => u.type === 'heading' && !u.promoted)) return undefined;
  // flat draft: a short one-line paragraph naming the plan, before the first section
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.type === 'heading') break;
    if (u.type !== 'block' || u.kind !== 'paragraph') continue;
    const t = u.text.trim();
    if (t.length <= 80 && !/[\r\n]/.test(t) && !/[。.;；]$/.test(t) && names(t)) return { unit: i, text: t };
  }
  return undefined;
}

export function assemble(text: string, units: Unit[], index: LineIndex, eol: PlanModel['eol']): PlanModel {
  const pos = (o: number) => positionAt(index, o);
  const range = (s: number, e: number): Range => ({ start: pos(s), end: pos(e) });
  const title = findTitle(units);
  const sections: Section[] = [];
  const sectionEnds: number[] = [];
  const headingUnits: HeadingUnit[] = [];
  const roots: number[] = [];
  const blocks: Block[] = [];
  const comments: HtmlComment[] = [];
  const tableIds = new Map<number, number>();
  let frontMatter: PlanModel['frontMatter'];
  let titleOut: PlanModel['title'];
  const stack: number[] = []; // open sections, outermost first
  let lastEnd = 0;
  const close = (keep: number) => {
    while (stack.length > keep) sectionEnds[stack.pop()!] = lastEnd;
  };
  const current = () => (stack.length ? stack[stack.length - 1] : -1);

  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.type === 'heading' && !(title && title.unit === i)) {
      let keep = stack.length;
      if (u.promoted) {
        // 二、 closes the open 一、 and everything in it, even under an unnumbered sub-heading
        const r = styleRank(u.numbering.style);
        const k = stack.findIndex((s) => styleRank(headingUnits[s].numbering.style) <= 4 && styleRank(headingUnits[s].numbering.style) >= r);
        if (k >= 0) keep = k;
      }
      while (keep > 0 && !contains(headingUnits[stack[keep - 1]], u)) keep--;
      close(keep);
      const idx = sections.length;
      const parent = current();
      sections.push({
        index: idx,
        heading: {
          text: u.text,
          norm: normalize(u.text),
          raw: u.raw,
          numbering: u.numbering,
          depth: u.depth,
          range: range(u.start, u.end),
          promoted: u.promoted,
        },
        level: parent < 0 ? 1 : sections[parent].level + 1,
        parent,
        children: [],
        range: range(u.start, u.end), // end fixed below
        blocks: [],
      });
      headingUnits.push(u);
      sectionEnds.push(u.end);
      if (parent < 0) roots.push(idx);
      else sections[parent].children.push(idx);
      stack.push(idx);
    } else if (u.type === 'heading' || (title && title.unit === i)) {
      // the title: not a section; what follows it is preamble until the next heading
      close(0);
      titleOut = { text: title!.text, range: range(u.start, u.end) };
      if (u.type === 'block') addBlock(u);
    } else if (u.type === 'block') {
      addBlock(u);
    } else if (u.type === 'comment') {
      comments.push({ text: u.text, range: range(u.start, u.end), section: current() });
    } else if (u.type === 'frontMatter') {
      const r = range(u.start, u.end);
      frontMatter ??= parseFrontMatter(u.raw, r, pos(u.contentStart).line);
    }
    lastEnd = Math.max(lastEnd, u.end);
  }
  close(0);
  for (const s of sections) s.range = { start: s.heading.range.start, end: pos(sectionEnds[s.index]) };

  function addBlock(u: BlockUnit): void {
    const section = current();
    const b: Block = { kind: u.kind, text: u.text, norm: normalize(u.kind === 'code' ? u.text : u.text.replace(/<!--[\s\S]*?-->/g, ' ')), range: range(u.start, u.end), section };
    if (u.table) {
      let id = tableIds.get(u.table.key);
      if (id === undefined) tableIds.set(u.table.key, (id = tableIds.size));
      b.table = { id, row: u.table.row, column: u.table.column };
    }
    if (section >= 0) sections[section].blocks.push(blocks.length);
    blocks.push(b);
  }

  return {
    text,
    language: detectLanguage(sections, blocks),
    title: titleOut,
    frontMatter,
    sections,
    roots,
    blocks,
    comments,
    lineStarts: index.lineStarts,
    eol,
  };
}

/** zh when Han characters exceed 20% of Han + Latin letters in headings and body (not code). */
function detectLanguage(sections: Section[], blocks: Block[]): 'zh' | 'en' {
  let han = 0;
  let latin = 0;
  const count = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
      else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    }
  };
  for (const s of sections) count(s.heading.text);
  for (const b of blocks) if (b.kind !== 'code') count(b.text);
  return han > 0 && han > 0.2 * (han + latin) ? 'zh' : 'en';
}
