/** Offset-based intermediate units extracted from the mdast, in document order; assembled into the PlanModel. */
import type { Block, BlockKind, FrontMatter, Heading, Numbering } from './types';

/** Derived once per unit and kept with it, so that reused pieces are not normalised again. */
export interface UnitCache {
  norm: string;
  /** Han and Latin letters, for the language guess. */
  han: number;
  latin: number;
  /** The Block or Heading last made from the unit: reused while its range and section stay the same. */
  made?: Block | Heading;
}

export interface HeadingUnit {
  type: 'heading';
  cache?: UnitCache;
  start: number;
  end: number;
  /** Markdown depth, 0 when promoted from a numbered paragraph. */
  depth: number;
  raw: string;
  text: string;
  numbering: Numbering;
  promoted: boolean;
}

export interface BlockUnit {
  type: 'block';
  cache?: UnitCache;
  kind: BlockKind;
  start: number;
  end: number;
  text: string;
  /** Table cells: start offset of the table (made into a table id on assembly), row and column. */
  table?: { key: number; row: number; column: number };
}

export interface CommentUnit {
  type: 'comment';
  start: number;
  end: number;
  text: string;
}

export interface FrontMatterUnit {
  type: 'frontMatter';
  start: number;
  end: number;
  raw: string;
  /** Offset where the YAML content starts (after the opening `---` line). */
  contentStart: number;
  /** The parsed front matter, kept with the unit (front matter only ever starts the text). */
  parsed?: FrontMatter;
}

/** Anything else that occupies text (thematic breaks, definitions, other HTML): only extends section ranges. */
export interface OtherUnit {
  type: 'other';
  start: number;
  end: number;
}

export type Unit = HeadingUnit | BlockUnit | CommentUnit | FrontMatterUnit | OtherUnit;
