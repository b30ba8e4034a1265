/** Folding ranges: each section (heading to its last non-blank line) and the front matter. */
import { type FoldingRange, FoldingRangeKind, type ServerCapabilities } from 'vscode-languageserver';
import { lastContentLine } from '../fixes/inserts';
import type { DocAnalysis } from '../workspace/types';

export function foldingCapabilities(): ServerCapabilities {
  return { foldingRangeProvider: true };
}

export function foldingRanges(a: DocAnalysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const fm = a.model.frontMatter;
  if (fm && fm.range.end.line > fm.range.start.line) {
    ranges.push({ startLine: fm.range.start.line, endLine: fm.range.end.line, kind: FoldingRangeKind.Region });
  }
  for (const s of a.model.sections) {
    const start = s.heading.range.start.line;
    const end = lastContentLine(a.model, s);
    if (end > start) ranges.push({ startLine: start, endLine: end });
  }
  for (const c of a.model.comments) {
    if (c.range.end.line > c.range.start.line) {
      ranges.push({ startLine: c.range.start.line, endLine: c.range.end.line, kind: FoldingRangeKind.Comment });
    }
  }
  return ranges;
}
