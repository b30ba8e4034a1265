/**
 * The plan model seen through the profile: which text is preamble, which sections speak for which
 * area or measure (from their headings, or from their sub-sections), and the term hits of every block.
 */
import type { Block, PlanModel, Position, Range } from '../document/types';
import type { Profile } from '../profile/types';
import { matcherFor, type TermHit, type TermOwner } from './match';

export interface SectionInfo {
  /** A preamble section (形势, 总体要求, 指导思想, 工作原则, 主要目标) or inside one. */
  preamble: boolean;
  /** Holds the targets (主要目标, Targets). */
  targets: boolean;
  /** Measures named by the heading itself (after narrowing to the enclosing chapter's area). */
  headMeasures: Set<string>;
  /** Heading terms per measure, for evidence. */
  headTerms: Map<string, string[]>;
  /** Areas named by the heading's area aliases. */
  headAreas: Set<string>;
  /** The area this section speaks for: its own heading, its measures, or the majority of its sub-sections. */
  area?: string;
  /** The section or one of its descendants holds text. */
  hasContent: boolean;
}

export interface BlockInfo {
  block: Block;
  index: number;
  /** Preamble text: before the first chapter, or in a preamble section. */
  preamble: boolean;
  /** Coverage hits (aliases and evidence of areas and measures). */
  hits: readonly TermHit[];
  /** Indicator term hits. */
  indicatorHits: readonly TermHit[];
  /** Distinct terms per measure id in this block. */
  measureTerms: Map<string, Set<string>>;
  /** Distinct area alias / evidence terms per area id. */
  areaTerms: Map<string, Set<string>>;
}

export interface PlanView {
  model: PlanModel;
  profile: Profile;
  sections: SectionInfo[];
  /** Blocks that count (notice text before the title and the title itself are left out). */
  blocks: BlockInfo[];
  measureArea: Map<string, string>;
}

const isCoverage = (o: TermOwner) =>
  o.kind === 'area-alias' || o.kind === 'area-evidence' || o.kind === 'measure-alias' || o.kind === 'measure-evidence';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Single ASCII words among area aliases ("support", "implementation") are heading words, too common in English prose. */
function bodyAreaTerm(term: string): boolean {
  return !/^[a-z-]+$/.test(term);
}

export function buildView(model: PlanModel, profile: Profile): PlanView {
  const matcher = matcherFor(profile);
  const measureArea = new Map<string, string>();
  for (const a of profile.areas) for (const m of a.measures) measureArea.set(m.id, a.id);

  // --- sections: heading hits, preamble, own attribution
  const sections: SectionInfo[] = model.sections.map(() => ({
    preamble: false,
    targets: false,
    headMeasures: new Set<string>(),
    headTerms: new Map<string, string[]>(),
    headAreas: new Set<string>(),
    hasContent: false,
  }));
  const headHits = model.sections.map((s) => matcher.scan(s.heading.norm));
  model.sections.forEach((s, i) => {
    const info = sections[i];
    let preambleWord = false;
    let targetWord = false;
    let areaWord = false;
    for (const h of headHits[i]) {
      for (const o of h.owners) {
        if (o.kind === 'preamble-heading') preambleWord = true;
        else if (o.kind === 'target-heading') targetWord = true;
        else if (o.kind === 'area-alias') {
          info.headAreas.add(o.area);
          areaWord = true;
        } else if (o.kind === 'measure-alias' || o.kind === 'measure-evidence') {
          const terms = info.headTerms.get(o.measure) ?? [];
          if (!terms.includes(h.term)) terms.push(h.term);
          info.headTerms.set(o.measure, terms);
        }
      }
    }
    const parentInfo = s.parent >= 0 ? sections[s.parent] : undefined;
    const named = areaWord || info.headTerms.size > 0;
    info.targets = targetWord && !named;
    info.preamble = (parentInfo?.preamble ?? false) || ((preambleWord || targetWord) && !named);
    if (parentInfo?.targets) info.targets = true;
  });

  // --- content: a section has content when it or a descendant holds a non-empty block
  for (const b of model.blocks) {
    if (b.section < 0 || b.norm.trim() === '') continue;
    for (let s = b.section; s >= 0 && !sections[s].hasContent; s = model.sections[s].parent) sections[s].hasContent = true;
  }

  // --- area attribution, outside in: a chapter's area narrows its sub-sections' measures
  const chapterArea = (i: number): string | undefined => {
    const info = sections[i];
    if (info.headAreas.size === 1) return [...info.headAreas][0];
    return undefined;
  };
  const attribute = (i: number, inherited: string | undefined) => {
    const s = model.sections[i];
    const info = sections[i];
    const own = chapterArea(i);
    const context = own ?? inherited;
    // narrow heading measures to the enclosing area when the heading also names measures of it
    let measures = [...info.headTerms.keys()];
    if (context && measures.some((m) => measureArea.get(m) === context)) {
      measures = measures.filter((m) => measureArea.get(m) === context);
    }
    // an area chapter with sub-sections speaks for the area; its heading's measure words are incidental
    const isAreaChapter = own !== undefined && s.children.length > 0;
    if (!isAreaChapter && !info.preamble) for (const m of measures) info.headMeasures.add(m);
    if (!info.preamble) {
      const measureAreas = new Set([...info.headMeasures].map((m) => measureArea.get(m)!));
      info.area = own ?? (measureAreas.size === 1 ? [...measureAreas][0] : undefined) ?? inherited;
    }
    for (const c of s.children) attribute(c, info.preamble ? undefined : (info.area ?? inherited));
  };
  for (const r of model.roots) attribute(r, undefined);

  // renamed chapters (三、推动绿色低碳转型): the area most of their sub-sections speak for
  const inferFromChildren = (i: number): string | undefined => {
    const s = model.sections[i];
    const info = sections[i];
    for (const c of s.children) inferFromChildren(c);
    if (info.preamble || chapterArea(i) || s.children.length === 0) return info.area;
    const counts = new Map<string, number>();
    for (const c of s.children) {
      for (const m of sections[c].headMeasures) counts.set(measureArea.get(m)!, (counts.get(measureArea.get(m)!) ?? 0) + 1);
    }
    let best: string | undefined;
    let bestN = 0;
    for (const [a, n] of counts) if (n > bestN) [best, bestN] = [a, n];
    if (best && bestN * 2 >= s.children.length) {
      info.area = best;
      const spread = (j: number) => {
        for (const c of model.sections[j].children) {
          if (!sections[c].area) sections[c].area = best;
          spread(c);
        }
      };
      spread(i);
    }
    return info.area;
  };
  for (const r of model.roots) inferFromChildren(r);

  // --- blocks
  const title = model.title;
  const blocks: BlockInfo[] = [];
  model.blocks.forEach((block, index) => {
    if (block.kind === 'code') return;
    if (title) {
      if (sameRange(block.range, title.range)) return; // a flat draft's title line
      if (block.section < 0 && before(block.range.start, title.range.start)) return; // the notice before the title
    }
    const all = matcher.scan(block.norm);
    const hits = all.filter((h) => h.owners.some(isCoverage));
    const indicatorHits = all.filter((h) => h.owners.some((o) => o.kind === 'indicator'));
    const measureTerms = new Map<string, Set<string>>();
    const areaTerms = new Map<string, Set<string>>();
    for (const h of hits) {
      for (const o of h.owners) {
        // measure aliases are heading words (科技, 企业, 生态保护): in prose only evidence terms count
        if (o.kind === 'measure-evidence') {
          let set = measureTerms.get(o.measure);
          if (!set) measureTerms.set(o.measure, (set = new Set()));
          set.add(h.term);
        } else if ((o.kind === 'area-alias' && bodyAreaTerm(h.term)) || o.kind === 'area-evidence') {
          let set = areaTerms.get(o.area);
          if (!set) areaTerms.set(o.area, (set = new Set()));
          set.add(h.term);
        }
      }
    }
    const preamble = block.section < 0 || sections[block.section].preamble;
    blocks.push({ block, index, preamble, hits, indicatorHits, measureTerms, areaTerms });
  });

  return { model, profile, sections, blocks, measureArea };
}
