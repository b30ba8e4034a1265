/**
 * A line of dozens of nested containers (`> > > …`, `1. 1. 1. …`) is masked for the parser, not a
 * reason to drop the whole draft to the line-based model: the rest keeps its headings and findings,
 * and edits of such a draft give the same model as a fresh parse.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, positionAt, updatePlan } from '../../server/src/document';
import { checkText } from '../../server/src/engine';
import { loadBuiltinProfile } from '../../server/src/profile';

const profile = loadBuiltinProfile();
const gaps = readFileSync(path.resolve(__dirname, '../fixtures/drafts/gaps-zh.md'), 'utf8');
const brief = (text: string) => checkText(text, { profile, config: {} }).result.findings.map((f) => ({ rule: f.rule, ...f.data }));
const headings = (text: string) => parsePlan(text).sections.map((s) => s.heading.raw);

describe.each([
  ['blockquotes', '>'.repeat(60) + ' 引文', '\n'],
  ['ordered list markers (CR line ends)', '1. '.repeat(300) + '同降业年', '\r'],
  ['bullets (CRLF line ends)', '- '.repeat(50) + 'x', '\r\n'],
])('a draft with one line of nested %s', (_name, line, eol) => {
  const at = gaps.indexOf('\n## 一') + 1;
  const original = gaps.replace(/\n/g, eol);
  const text = `${gaps.slice(0, at)}${line}\n\n${gaps.slice(at)}`.replace(/\n/g, eol);

  it('keeps every heading and the same findings as without that line', () => {
    expect(headings(text)).toEqual(headings(original));
    expect(brief(text)).toEqual(brief(original));
    expect(parsePlan(text).text).toBe(text);
  });

  it('gives the same model after an edit as a fresh parse', () => {
    const model = parsePlan(text);
    const added = `${eol}## 九、新增章节${eol}`;
    const end = positionAt(model, text.length);
    const updated = updatePlan(model, [{ range: { start: end, end }, text: added }], text + added);
    expect(updated.sections.map((s) => s.heading.raw)).toEqual(headings(text + added));
    expect(updated.sections.map((s) => s.heading.raw)).toContain('九、新增章节');
  });
});
