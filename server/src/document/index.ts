/** The document layer: Markdown text -> plan model. */
export { parsePlan } from './parse';
export { positionAt, offsetAt, lineStarts } from './positions';
export { normalize } from './normalize';
export { parseNumbering, parseChineseNumeral, styleRank } from './numbering';
export type * from './types';
