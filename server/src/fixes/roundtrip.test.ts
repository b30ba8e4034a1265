/**
 * Fixes against the real analysis, on every draft of the repository: each skeleton insert keeps
 * every byte, clears its finding, and is not offered again; fix-all leaves no skeleton finding and
 * offers nothing on its own result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../analysis/types';
import { checkText } from '../engine';
import { loadBuiltinProfile } from '../profile';
import { fixAllInserts, type FixInput, insertFor, toTextEdits, type TextEditLike } from '.';

const repo = resolve(__dirname, '../../..');
const drafts = [
  ...readdirSync(resolve(repo, 'test/fixtures/drafts')).map((f) => `test/fixtures/drafts/${f}`),
  ...readdirSync(resolve(repo, 'test/fixtures/protocol')).map((f) => `test/fixtures/protocol/${f}`),
  'examples/city-draft.zh.md',
  'examples/province-draft.en.md',
].filter((f) => f.endsWith('.md') && !f.endsWith('README.md'));

const profile = loadBuiltinProfile();
const SKELETON_RULES = ['area-missing', 'area-mentioned-only', 'closing-chapter-missing', 'measure-missing', 'target-missing'];

function check(text: string): FixInput {
  const { model, result } = checkText(text, { profile, config: {} });
  return { model, result, profile };
}

function apply(text: string, edits: TextEditLike[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const at = (e: TextEditLike) => (e.range.start.line < starts.length ? starts[e.range.start.line] : text.length) + e.range.start.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => at(b) - at(a))) {
    expect(e.range.start).toEqual(e.range.end);
    out = out.slice(0, at(e)) + e.newText + out.slice(at(e));
  }
  return out;
}

/** The original text is what remains after taking the inserted text out again. */
function keepsOriginal(before: string, after: string, edits: TextEditLike[]): boolean {
  const starts = [0];
  for (let i = 0; i < before.length; i++) if (before[i] === '\n') starts.push(i + 1);
  const spans = edits
    .map((e) => ({ at: (e.range.start.line < starts.length ? starts[e.range.start.line] : before.length) + e.range.start.character, len: e.newText.length }))
    .sort((a, b) => a.at - b.at);
  let rest = after;
  for (const s of spans) rest = rest.slice(0, s.at) + rest.slice(s.at + s.len);
  return rest === before;
}

const same = (a: Finding, b: Finding) => a.rule === b.rule && JSON.stringify(a.data) === JSON.stringify(b.data);

describe.each(drafts)('%s', (file) => {
  const text = readFileSync(resolve(repo, file), 'utf8');
  const input = check(text);
  const fixable = input.result.findings.filter((f) => SKELETON_RULES.includes(f.rule) && insertFor(input, f).length > 0);

  it('each insert keeps the text, clears its finding and is not offered again', () => {
    for (const f of fixable) {
      const edits = toTextEdits(input.model, insertFor(input, f));
      const after = apply(text, edits);
      expect(keepsOriginal(text, after, edits)).toBe(true);
      const again = check(after);
      const still = again.result.findings.find((x) => same(x, f));
      expect(still, `${f.rule} ${JSON.stringify(f.data)} after its insert`).toBeUndefined();
    }
  });

  it('fix-all clears every skeleton finding it can and then offers nothing', () => {
    const edits = toTextEdits(input.model, fixAllInserts(input));
    const after = apply(text, edits);
    expect(keepsOriginal(text, after, edits)).toBe(true);
    const again = check(after);
    const left = again.result.findings.filter((f) => fixable.some((x) => same(x, f)));
    expect(left).toEqual([]);
    expect(fixAllInserts(again)).toEqual([]);
  });
});
