/** The document layer: Markdown text -> plan model, and edits -> the next model. */
export { parsePlan, parsePlanAsync, parsePlanSteps } from './parse';
export { updatePlan, type TextChange } from './incremental';
export { positionAt, offsetAt, lineStarts } from './positions';
export { normalize } from './normalize';
export { parseNumbering, parseChineseNumeral, styleRank } from './numbering';
export type * from './types';
