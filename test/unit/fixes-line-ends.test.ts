/**
 * Inserts use the line ends of the line above them: in a draft with bare CR (old Mac) or mixed line
 * ends, an insert never joins an existing \r with its own \n into one line end (which swallowed a
 * blank line and glued a target sentence onto a table).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllInserts, insertFor, toTextEdits } from '../../server/src/fixes';
import { fixInput } from '../support/fixes';

const gaps = readFileSync(path.resolve(__dirname, '../fixtures/drafts/gaps-zh.md'), 'utf8');
const doc = (text: string) => TextDocument.create('file:///d.md', 'markdown', 1, text);
const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;
const SKELETON = ['area-missing', 'area-mentioned-only', 'closing-chapter-missing', 'measure-missing', 'target-missing'];

const TABLE = [
  '# 石港市减污降碳协同增效实施方案',
  '',
  '## 一、总体要求',
  '',
  '### （一）主要目标',
  '',
  '| 年份 | 新增大宗固废综合利用率 | 工作格局 |',
  '|---|---|---|',
  '| 2025年 | 60% | 协同推进格局基本形成 |',
  '',
  '## 二、加强源头防控',
  '',
].join('\r');

/** Every third line end as \r, \r\n and \n in turn. */
const mixed = (text: string) => {
  let i = 0;
  return text.replace(/\n/g, () => ['\r', '\r\n', '\n'][i++ % 3]);
};

describe.each([
  ['CR', gaps.replace(/\n/g, '\r')],
  ['CRLF', gaps.replace(/\n/g, '\r\n')],
  ['mixed', mixed(gaps)],
  ['CR with a year table', TABLE],
])('a draft with %s line ends', (_name, text) => {
  const fi = fixInput(text);
  const fixable = fi.result.findings.filter((f) => SKELETON.includes(f.rule) && insertFor(fi, f).length);

  it('each insert adds its own lines without joining any, and clears its finding', () => {
    expect(fixable.length).toBeGreaterThan(0);
    for (const f of fixable) {
      const edits = toTextEdits(fi.model, insertFor(fi, f));
      const after = TextDocument.applyEdits(doc(text), edits);
      const label = `${f.rule} ${JSON.stringify(f.data)}`;
      expect(doc(after).lineCount, label).toBe(doc(text).lineCount + edits.reduce((n, e) => n + breaks(e.newText), 0));
      expect(fixInput(after).result.findings.some((x) => x.rule === f.rule && JSON.stringify(x.data) === JSON.stringify(f.data)), label).toBe(false);
    }
  });

  it('fix-all adds its lines and leaves nothing to insert', () => {
    const edits = toTextEdits(fi.model, fixAllInserts(fi));
    const after = TextDocument.applyEdits(doc(text), edits);
    expect(doc(after).lineCount).toBe(doc(text).lineCount + edits.reduce((n, e) => n + breaks(e.newText), 0));
    expect(fixAllInserts(fixInput(after))).toEqual([]);
  });
});
