/** The plan model: what a Markdown draft says, in plan terms, with ranges. Produced by document/, consumed by analysis/. */

export interface Position {
  line: number; // 0-based
  character: number; // 0-based, UTF-16 code units (as LSP)
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Numbering styles of Chinese (and English) official documents:
 * 一、 chapter · （一） section · 1. item · （1） sub-item; `none` when unnumbered.
 */
export type NumberingStyle = 'chinese-dun' | 'chinese-paren' | 'arabic-dot' | 'arabic-paren' | 'none';

export interface Numbering {
  style: NumberingStyle;
  /** 1-based value (一 = 1, （十二） = 12). 0 when style is `none`. */
  value: number;
  /** The literal prefix as written, e.g. "四、" or "（五）". */
  raw: string;
}

export type BlockKind = 'paragraph' | 'listItem' | 'tableCell' | 'code' | 'blockquote';

/** A unit of body text. `norm` is the normalised text used for matching (NFKC, Simplified, lower-case). */
export interface Block {
  kind: BlockKind;
  text: string;
  norm: string;
  range: Range;
  /** Index into PlanModel.sections of the innermost section holding this block; -1 before the first heading. */
  section: number;
  /** For table cells: row and column (0-based, header row = 0). */
  table?: { id: number; row: number; column: number };
}

export interface Heading {
  /** Heading text without the Markdown `#` marks and without the numbering prefix. */
  text: string;
  norm: string;
  /** Full text as written (with numbering). */
  raw: string;
  numbering: Numbering;
  /** Markdown depth 1–6, or 0 for a numbered paragraph promoted to a heading (flat drafts). */
  depth: number;
  range: Range;
  /** True when this heading came from a numbered paragraph line rather than a Markdown heading. */
  promoted: boolean;
}

export interface Section {
  index: number;
  heading: Heading;
  /** Logical nesting level in the tree, 1 = top (after the title). */
  level: number;
  parent: number; // index of parent section, -1 for top level
  children: number[];
  /** Range from the heading to the end of the section's last descendant. */
  range: Range;
  /** Blocks directly in this section (not in children). */
  blocks: number[];
}

export interface HtmlComment {
  /** Inner text of `<!-- ... -->`, trimmed. */
  text: string;
  range: Range;
  /** Section the comment stands in (-1 before the first heading). */
  section: number;
}

export interface FrontMatter {
  raw: string;
  /** Parsed YAML, or undefined when it did not parse. */
  data: unknown;
  error?: { message: string; line: number };
  range: Range;
}

export interface PlanModel {
  text: string;
  /** Dominant script of the body: zh when Han characters dominate. */
  language: 'zh' | 'en';
  /** The document title: the first level-1 heading, or the first heading / line naming the plan. */
  title?: { text: string; range: Range };
  frontMatter?: FrontMatter;
  sections: Section[];
  /** Indices of top-level sections. */
  roots: number[];
  blocks: Block[];
  comments: HtmlComment[];
  /** Start offset of each line, for offset <-> position conversion. */
  lineStarts: number[];
  /** Line terminator the document mostly uses, for inserts. */
  eol: '\n' | '\r\n';
}
