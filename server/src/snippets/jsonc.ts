/**
 * JSON with comments and trailing commas (the `.code-snippets` format) → the shared `ParsedData`
 * shape of shared/dataFile.ts, so schema problems get the same file / line / field as configs.
 * jsonc-parser is imported from its ESM build: its UMD main hides its own requires from bundlers.
 */
import {
  findNodeAtLocation,
  getNodeValue,
  type Node,
  type ParseError,
  ParseErrorCode,
  parseTree,
} from 'jsonc-parser/lib/esm/main.js';
import { lineOf, lineStarts } from '../document/positions';
import { t } from '../l10n';
import type { FileProblem } from '../profile/types';
import { MAX_NESTING, nestingDepth, type ParsedData, type PathSegment, type Position, problemAt } from '../shared/dataFile';

export interface ParsedJsonc extends ParsedData {
  /** The syntax tree (partial when there are syntax errors). */
  root?: Node;
  /** Offsets of the syntax errors: a node with none strictly inside it parsed intact. */
  errorOffsets: number[];
  positionAt(offset: number): Position;
}

export const JSONC_OPTIONS = { allowTrailingComma: true, disallowComments: false } as const;

export function parseJsonc(text: string, file: string): ParsedJsonc {
  const starts = lineStarts(text);
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    const line = lineOf(starts, o);
    return { line, character: o - starts[line] };
  };
  const errors: ParseError[] = [];
  if (nestingDepth(text) > MAX_NESTING) {
    // the parser recurses: refuse before it exhausts the stack
    const locate = () => positionAt(0);
    return { problems: [problemAt(file, positionAt(0), [], t('The file is nested too deeply to read (more than {0} levels).', MAX_NESTING))], errorOffsets: [0], locate, positionAt };
  }
  const root = parseTree(text, errors, JSONC_OPTIONS);

  const locate = (path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Position => {
    if (!root) return positionAt(0);
    let node: Node = root;
    for (let i = 0; i < path.length; i++) {
      const next = findNodeAtLocation(root, path.slice(0, i + 1) as PathSegment[]);
      if (!next) return positionAt(node.offset); // the deepest existing ancestor
      node = next;
    }
    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return positionAt(at === 'key' && path.length > 0 && key ? key.offset : node.offset);
  };

  // Empty, or only comments: no content, no problem.
  if (!root && errors.length === 1 && errors[0].error === ParseErrorCode.ValueExpected && errors[0].offset >= text.trimEnd().length) {
    return { problems: [], errorOffsets: [], locate, positionAt };
  }
  if (errors.length > 0) {
    // jsonc-parser recovers, so errors on later lines are real ones too; errors after the first on
    // a line are mostly its consequences. A few are enough.
    const problems: FileProblem[] = [];
    for (const e of errors) {
      const at = positionAt(e.offset);
      if (problems.some((p) => p.line === at.line)) continue;
      problems.push(problemAt(file, at, [], t('Invalid JSON: {0}.', describeError(e.error))));
      if (problems.length === MAX_SYNTAX_PROBLEMS) break;
    }
    return { root, errorOffsets: errors.map((e) => e.offset), problems, locate, positionAt };
  }
  return { root, data: root ? getNodeValue(root) : undefined, problems: [], errorOffsets: [], locate, positionAt };
}

const MAX_SYNTAX_PROBLEMS = 10;

/** True when no syntax error lies strictly inside the node (an error at its start is its predecessor's). */
export function intact(node: Node, errorOffsets: readonly number[]): boolean {
  return !errorOffsets.some((e) => e > node.offset && e < node.offset + node.length);
}

function describeError(code: ParseErrorCode): string {
  switch (code) {
    case ParseErrorCode.PropertyNameExpected:
      return t('a property name in double quotes is expected');
    case ParseErrorCode.ValueExpected:
      return t('a value is expected');
    case ParseErrorCode.ColonExpected:
      return t('a colon is expected');
    case ParseErrorCode.CommaExpected:
      return t('a comma is expected');
    case ParseErrorCode.CloseBraceExpected:
      return t('a closing brace is expected');
    case ParseErrorCode.CloseBracketExpected:
      return t('a closing bracket is expected');
    case ParseErrorCode.EndOfFileExpected:
      return t('the end of the file is expected');
    case ParseErrorCode.UnexpectedEndOfComment:
    case ParseErrorCode.InvalidCommentToken:
      return t('a comment is not closed');
    case ParseErrorCode.UnexpectedEndOfString:
      return t('a string is not closed');
    case ParseErrorCode.InvalidEscapeCharacter:
    case ParseErrorCode.InvalidUnicode:
    case ParseErrorCode.InvalidCharacter:
      return t('a string holds an invalid character or escape');
    default:
      return t('unexpected character');
  }
}
