/**
 * Reading YAML / JSON data files (profiles, configs, snippet libraries) so that every problem names
 * the file, the 0-based line and character of the offending node, and the field path.
 * Positions come from the `yaml` CST for both formats (YAML 1.2 is a superset of JSON).
 */
import { readFileSync, statSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isMap, isSeq, isScalar, parseDocument, type Node } from 'yaml';
import { t } from '../l10n';
import type { FileProblem } from '../profile/types';

export type PathSegment = string | number;

export interface Position {
  line: number;
  character: number;
}

export interface ParsedData {
  /** The plain data, or undefined when the text has syntax errors. */
  data?: unknown;
  problems: FileProblem[];
  /** Position of the node at `path` (its key when `at` is `key`), or of its deepest existing ancestor. */
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): Position;
}

export function fieldOf(path: readonly PathSegment[]): string {
  return path.join('/');
}

export function problemAt(file: string, pos: Position, path: readonly PathSegment[], message: string): FileProblem {
  return { file, line: pos.line, character: pos.character, field: fieldOf(path), message };
}

/** Config and profile files are a few kilobytes; a larger one is reported, not read (parsing it would hold the server). */
export const MAX_DATA_FILE_BYTES = 4 * 1024 * 1024;

/** Reads a UTF-8 text file; an unreadable or oversized file becomes a problem at 0:0. */
export function readTextFile(path: string): { text?: string; problems: FileProblem[] } {
  try {
    const size = statSync(path).size;
    if (size > MAX_DATA_FILE_BYTES) {
      const message = t('The file is larger than {0} MB ({1} MB); PlanLint does not read it.', MAX_DATA_FILE_BYTES / 1024 / 1024, (size / 1024 / 1024).toFixed(1));
      return { problems: [problemAt(path, { line: 0, character: 0 }, [], message)] };
    }
    return { text: readFileSync(path, 'utf8'), problems: [] };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { problems: [problemAt(path, { line: 0, character: 0 }, [], t('Cannot read the file: {0}', reason))] };
  }
}

/** Deeper data is refused before parsing: the parsers recurse, and V8 may die (not throw) when that exhausts the stack. */
export const MAX_NESTING = 256;

/**
 * An upper estimate of a YAML / JSON text's nesting: brackets outside quoted strings and comments,
 * plus the levels of block indentation and of `- ` items opened on one line. Linear in the text.
 */
export function nestingDepth(text: string): number {
  let max = 0;
  let flow = 0;
  const indents: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    // one line: its indentation first (block structure), then its characters
    let col = 0;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) {
      i++;
      col++;
    }
    const c0 = text[i];
    if (flow === 0 && i < n && c0 !== '\n' && c0 !== '\r' && c0 !== '#') {
      while (indents.length && indents[indents.length - 1] > col) indents.pop();
      if (!indents.length || indents[indents.length - 1] < col) indents.push(col);
      let dashes = 0;
      while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        dashes++;
        i += 2;
        while (text[i] === ' ') i++;
      }
      max = Math.max(max, indents.length + dashes);
    }
    for (; i < n && text[i] !== '\n' && text[i] !== '\r'; i++) {
      const c = text[i];
      if (c === '"' || c === "'") {
        for (i++; i < n && text[i] !== c && text[i] !== '\n'; i++) if (c === '"' && text[i] === '\\') i++;
      } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        while (i + 1 < n && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      } else if (c === '[' || c === '{') {
        flow++;
        max = Math.max(max, indents.length + flow);
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
    }
    i++;
  }
  return max;
}

/** Parses YAML or JSON text. Files ending in `.json` must also be strict JSON. */
export function parseDataText(text: string, file: string): ParsedData {
  if (nestingDepth(text) > MAX_NESTING) {
    const problem = problemAt(file, { line: 0, character: 0 }, [], t('The file is nested too deeply to read (more than {0} levels).', MAX_NESTING));
    return { problems: [problem], locate: () => ({ line: 0, character: 0 }) };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const posOf = (offset: number): Position => {
    const lp = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: lp.line - 1, character: lp.col - 1 };
  };

  const locate = (path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Position => {
    let node: unknown = doc.contents;
    let last: Position = posOf(rangeStart(node) ?? 0);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) return last;
        const keyStart = rangeStart(pair.key);
        const valueStart = rangeStart(pair.value);
        if (i === path.length - 1 && at === 'key' && keyStart !== undefined) return posOf(keyStart);
        last = posOf(valueStart ?? keyStart ?? 0);
        if (valueStart === undefined) return last;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        node = node.items[seg];
        const start = rangeStart(node);
        if (start === undefined) return last;
        last = posOf(start);
      } else {
        return last;
      }
    }
    return last;
  };

  const problems: FileProblem[] = [];
  // Only the first syntax error: the ones after it are mostly its consequences.
  for (const err of doc.errors.slice(0, 1)) {
    const detail = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const message = /call stack/i.test(detail) ? t('The file is nested too deeply to read (more than {0} levels).', MAX_NESTING) : t('Syntax error: {0}', detail);
    problems.push(problemAt(file, posOf(err.pos[0]), [], message));
  }
  if (problems.length === 0 && /\.json$/i.test(file)) {
    const offset = jsonErrorOffset(text);
    if (offset !== undefined) {
      const found = offset < text.length ? JSON.stringify(text[offset]) : t('the end of the file');
      problems.push(problemAt(file, posOf(offset), [], t('Invalid JSON: unexpected {0}.', found)));
    }
  }
  if (problems.length > 0) return { problems, locate };
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), problems, locate };
  } catch (e) {
    // yaml refuses alias bombs ("billion laughs") and the like: say so rather than fail the caller
    const detail = e instanceof Error ? e.message : String(e);
    const message = /alias/i.test(detail) ? t('The file expands too many YAML aliases (more than {0}); PlanLint does not read it.', 100) : t('Syntax error: {0}', detail);
    return { problems: [problemAt(file, { line: 0, character: 0 }, [], message)], locate };
  }
}

/**
 * Offset of the first character that makes `text` invalid JSON, or undefined when it is valid.
 * (YAML accepts some invalid JSON, e.g. trailing commas; V8's messages do not always give a position.)
 */
function jsonErrorOffset(text: string): number | undefined {
  const failure = (s: string): { message: string; position?: number } | undefined => {
    try {
      JSON.parse(s);
      return undefined;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const m = /at position (\d+)/.exec(message);
      return { message, position: m ? Number(m[1]) : undefined };
    }
  };
  const whole = failure(text);
  if (!whole) return undefined;
  if (whole.position !== undefined) return whole.position;
  // No position given: the shortest prefix that fails other than by ending early ends at the bad character.
  const failsBeforeEnd = (s: string): boolean => {
    const f = failure(s);
    return !!f && !/end of JSON input/i.test(f.message) && f.position !== s.length;
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsBeforeEnd(text.slice(0, mid + 1))) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

// verbose: errors carry their schema, whose description explains a pattern in words.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles a schema once and keeps it. */
export function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

export interface SchemaCheck {
  problems: FileProblem[];
  /** Paths of the invalid values (for `pruneInvalid`). */
  invalidPaths: PathSegment[][];
}

/** Validates `data` against `schema`, turning each ajv error into a problem at the offending node. */
export function checkSchema(schema: object, parsed: ParsedData, file: string): SchemaCheck {
  const validate = validatorFor(schema);
  if (validate(parsed.data)) return { problems: [], invalidPaths: [] };
  const problems: FileProblem[] = [];
  const invalidPaths: PathSegment[][] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    const { path, at, message } = describeError(err);
    const problem = problemAt(file, parsed.locate(path, at), path, message);
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (err.keyword !== 'required') invalidPaths.push(path);
  }
  problems.sort((a, b) => a.line - b.line || a.character - b.character);
  return { problems, invalidPaths };
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describeError(err: ErrorObject): { path: PathSegment[]; at: 'key' | 'value'; message: string } {
  const path = pointerToPath(err.instancePath);
  const where = path.length ? fieldOf(path) : t('the file');
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      return { path: [...path, name], at: 'value', message: t('Missing required field "{0}".', name) };
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      return { path: [...path, name], at: 'key', message: t('Unknown field "{0}".', name) };
    }
    case 'type':
      if (path.length === 0) return { path, at: 'value', message: t('The file must contain {0}.', typeWord(String(p.type))) };
      return { path, at: 'value', message: t('{0} must be {1}.', where, typeWord(String(p.type))) };
    case 'enum':
      return {
        path,
        at: 'value',
        message: t('{0} must be one of: {1}.', where, ((p.allowedValues as unknown[]) ?? []).map(String).join(', ')),
      };
    case 'const':
      return { path, at: 'value', message: t('{0} must be {1}.', where, JSON.stringify(p.allowedValue)) };
    case 'pattern':
      return {
        path,
        at: 'value',
        message: t('{0} has an invalid form: {1}', where, describePattern(err.parentSchema?.description, String(p.pattern))),
      };
    case 'minLength':
      return { path, at: 'value', message: t('{0} must not be empty.', where) };
    case 'minItems':
      return { path, at: 'value', message: t('{0} needs at least {1} item(s).', where, Number(p.limit)) };
    case 'minimum':
      return { path, at: 'value', message: t('{0} must be at least {1}.', where, Number(p.limit)) };
    case 'maximum':
      return { path, at: 'value', message: t('{0} must be at most {1}.', where, Number(p.limit)) };
    case 'uniqueItems':
      return {
        path: [...path, Number(p.i)],
        at: 'value',
        message: t('{0} lists the same value twice.', where),
      };
    default:
      return { path, at: 'value', message: t('{0} is invalid: {1}', where, err.message ?? err.keyword) };
  }
}

function typeWord(type: string): string {
  // ajv joins the types of a `type: [a, b]` schema with commas.
  if (type.includes(',')) return type.split(',').map(typeWord).reduce((a, b) => t('{0} or {1}', a, b));
  switch (type) {
    case 'string':
      return t('a string');
    case 'number':
      return t('a number');
    case 'integer':
      return t('a whole number');
    case 'boolean':
      return t('true or false');
    case 'array':
      return t('a list');
    case 'object':
      return t('a mapping (key: value)');
    default:
      return type;
  }
}

/**
 * Removes the values at `paths` from a copy of `data` (array items are dropped, object keys
 * deleted) so that the valid rest of a file can still apply. Returns undefined when the root itself is invalid.
 */
export function pruneInvalid(data: unknown, paths: readonly PathSegment[][]): unknown {
  if (paths.some((p) => p.length === 0)) return undefined;
  const copy = structuredClone(data);
  const drop = Symbol('drop');
  for (const path of paths) {
    let node: unknown = copy;
    for (let i = 0; i < path.length - 1 && node && typeof node === 'object'; i++) {
      node = (node as Record<PathSegment, unknown>)[path[i]];
    }
    if (node && typeof node === 'object') (node as Record<PathSegment, unknown>)[path[path.length - 1]] = drop;
  }
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((v) => v !== drop).map(clean);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (v !== drop) out[k] = clean(v);
      return out;
    }
    return value;
  };
  return clean(copy);
}

/** Schema descriptions of patterns are English keys in the l10n bundle; fall back to the pattern itself. */
function describePattern(description: unknown, pattern: string): string {
  return typeof description === 'string' ? t(description) : pattern;
}
