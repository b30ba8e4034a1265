/**
 * `target-missing`: a target sentence ("到2030年，……") or a table row for the year, inside the
 * targets section; when the draft has no targets section, one is created under 总体要求.
 */
import type { Block, PlanModel, Section } from '../document/types';
import { type Insert, lineAfter, lineCount } from './inserts';
import { numberedTitle } from './numbering';
import { placeholder } from './skeleton';
import {
  areaChapters,
  chapterSiblings,
  childDepth,
  childrenOf,
  depthOf,
  docLang,
  type FixInput,
  headingLine,
  numberAt,
  sectionsNamed,
  templateFrom,
  writtenDepth,
} from './structure';

export const RANK_TARGET = 5;

/** Headings of the chapter that holds the targets in national-style plans. */
const GENERAL_REQUIREMENTS = ['总体要求', 'general requirement', 'overall requirement'];

const YEAR = /(?:19|20)\d\d/;

export function targetSentence(lang: 'zh' | 'en', year: number): string {
  return lang === 'zh'
    ? `到${year}年，${placeholder(lang, `${year}年主要目标及量化指标`)}。`
    : `By ${year}, ${placeholder(lang, `${year} targets and indicators`)}.`;
}

function blockAt(model: PlanModel, line: number): Block | undefined {
  return model.blocks.find((b) => b.range.start.line <= line && line <= b.range.end.line);
}

/** The line after a section's own content (its blocks, not its sub-sections). */
function afterOwnContent(model: PlanModel, section: Section): number {
  if (section.children.length) return model.sections[section.children[0]].heading.range.start.line;
  return lineAfter(model, section);
}

/**
 * A table whose rows start with a year ("2025年 | …") and in which the analysis found a stated
 * target: add a row for the year in order. (A table the analysis does not read gets a sentence
 * instead, so that the insert always clears the finding.)
 */
function tableRowInsert(input: FixInput, section: Section, year: number): Insert | undefined {
  const { model, result } = input;
  const statedLines = result.coverage.targets.filter((t) => t.status !== 'missing' && t.line !== undefined).map((t) => t.line!);
  const cells = section.blocks.map((i) => model.blocks[i]).filter((b) => b.kind === 'tableCell' && b.table);
  // (appending in place and loops, not spreads: a table may have hundreds of thousands of cells)
  const tables = new Map<number, Block[]>();
  for (const c of cells) {
    const list = tables.get(c.table!.id);
    if (list) list.push(c);
    else tables.set(c.table!.id, [c]);
  }
  for (const table of tables.values()) {
    const yearRows = table.filter((c) => c.table!.column === 0 && c.table!.row > 0 && YEAR.test(c.text));
    if (!yearRows.length) continue;
    let first = Infinity;
    let last = -Infinity;
    let columns = 0;
    for (const c of table) {
      first = Math.min(first, c.range.start.line);
      last = Math.max(last, c.range.end.line);
      columns = Math.max(columns, c.table!.column + 1);
    }
    if (!statedLines.some((l) => first <= l && l <= last)) continue;
    const sample = yearRows[0].text;
    const cell = sample.replace(/(?:19|20)\d\d/, String(year));
    const rest = Array.from({ length: columns - 1 }, () => placeholder(docLang(input), docLang(input) === 'zh' ? '指标值' : 'value'));
    const row = `| ${[cell, ...rest].join(' | ')} |`;
    const later = yearRows.filter((c) => Number(YEAR.exec(c.text)![0]) > year).sort((a, b) => a.range.start.line - b.range.start.line);
    const line = later.length ? later[0].range.start.line : last + 1;
    return { line, lines: [row], pad: false, rank: RANK_TARGET };
  }
  return undefined;
}

function targetsSection(input: FixInput): Section | undefined {
  const { model, profile } = input;
  return sectionsNamed(model, [...profile.targetHeadings.zh, ...profile.targetHeadings.en])[0];
}

/** Inserts for missing target years (one per year, or one new targets section holding all of them). */
export function targetInserts(input: FixInput, years: number[]): Insert[] {
  const { model, result } = input;
  const lang = docLang(input);
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (!sorted.length) return [];
  const stated = result.coverage.targets.filter((t) => t.status !== 'missing' && t.line !== undefined);
  const section = targetsSection(input);
  const inserts: Insert[] = [];
  const homeless: number[] = [];
  for (const year of sorted) {
    const home = section ?? (stated[0] ? model.sections[blockAt(model, stated[0].line!)?.section ?? -1] : undefined);
    const row = home && tableRowInsert(input, home, year);
    if (row) {
      inserts.push(row);
      continue;
    }
    const later = stated.filter((t) => t.year > year).sort((a, b) => a.line! - b.line!)[0];
    const earlier = stated.filter((t) => t.year < year).sort((a, b) => b.line! - a.line!)[0];
    const laterBlock = later && blockAt(model, later.line!);
    const earlierBlock = earlier && blockAt(model, earlier.line!);
    let line: number | undefined;
    // Before the later year's statement, unless the same paragraph also states an earlier year.
    if (laterBlock && laterBlock !== earlierBlock) line = laterBlock.range.start.line;
    else if (earlierBlock) line = earlierBlock.range.end.line + 1;
    else if (section) line = afterOwnContent(model, section);
    if (line !== undefined) {
      inserts.push({ line, lines: [targetSentence(lang, year)], pad: true, rank: RANK_TARGET + year / 10000 });
    } else homeless.push(year);
  }
  if (homeless.length) inserts.push(newTargetsSection(input, homeless));
  return inserts;
}

/** A 主要目标 / Targets section: the last sub-section of 总体要求, or a chapter before the first area chapter. */
function newTargetsSection(input: FixInput, years: number[]): Insert {
  const { model } = input;
  const lang = docLang(input);
  const title = lang === 'zh' ? '主要目标' : 'Targets';
  const sentences = years.flatMap((y, i) => (i ? ['', targetSentence(lang, y)] : [targetSentence(lang, y)]));
  const general = sectionsNamed(model, GENERAL_REQUIREMENTS)[0];
  if (general) {
    const children = childrenOf(model, general);
    const depth = depthOf(children, childDepth(writtenDepth(general)));
    const template = templateFrom(children, 'measure', lang);
    const line = lineAfter(model, general);
    const heading = numberedTitle(template, numberAt(children, template, line, 1), title);
    return { line, lines: [headingLine(depth, heading), '', ...sentences], pad: true, rank: RANK_TARGET };
  }
  const siblings = chapterSiblings(input);
  const template = templateFrom(siblings, 'chapter', lang);
  const firstArea = Math.min(...[...areaChapters(input).values()].map((i) => model.sections[i].heading.range.start.line));
  const line = Number.isFinite(firstArea) ? firstArea : lineCount(model);
  const depth = depthOf(siblings, 2);
  const heading = numberedTitle(template, numberAt(siblings, template, line, 1), title);
  return { line, lines: [headingLine(depth, heading), '', ...sentences], pad: true, rank: RANK_TARGET };
}
