/**
 * A skeleton insert placed after an unclosed code fence or HTML comment would be swallowed by that
 * block: it is not offered. Inserts before such a block still are, and each clears its finding.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixAllInserts, insertFor, insertMissingInserts } from '../../server/src/fixes';
import { swallowedFrom } from '../../server/src/fixes/swallowed';
import { applyInserts, fixInput } from '../support/fixes';

const gaps = readFileSync(path.resolve(__dirname, '../fixtures/drafts/gaps-zh.md'), 'utf8');
const SKELETON = ['area-missing', 'area-mentioned-only', 'closing-chapter-missing', 'measure-missing', 'target-missing'];
const title = '# 某市减污降碳协同增效实施方案\n\n';
const body = gaps.slice(gaps.indexOf('## 一'));

describe('inserts after an unclosed block', () => {
  for (const [name, opener, closer] of [
    ['code fence', '~~~', '~~~'],
    ['backtick fence', '````', '````'],
    ['HTML comment', '<!-- 待定', '-->'],
    ['CDATA section', '<![CDATA[', ']]>'],
    ['processing instruction', '<?php', '?>'],
    ['declaration', '<!DOCTYPE html', '>'],
    ['pre element', '<PRE class="x">', '</pre>'],
  ]) {
    it(`offers nothing when the whole body is inside an unclosed ${name}`, () => {
      const open = fixInput(`${title}${opener}\n${body}`);
      const skeletonFindings = open.result.findings.filter((f) => SKELETON.includes(f.rule));
      expect(skeletonFindings.map((f) => f.data.area ?? f.data.year)).toEqual(
        expect.arrayContaining(['source-prevention', 'key-areas', 'environmental-governance', 'model-innovation', 'support-guarantee', 'organisation']),
      );
      expect(swallowedFrom(open.model)).toBe(3);
      for (const f of skeletonFindings) expect(insertFor(open, f), `${f.rule} ${JSON.stringify(f.data)}`).toEqual([]);
      expect(fixAllInserts(open)).toEqual([]);
      expect(insertMissingInserts(open, 'model-innovation', undefined)).toEqual([]);

      // closed, the same block hides nothing after it and the fixes are offered again
      const closed = fixInput(`${title}${opener}\n代码\n${closer}\n\n${body}`);
      expect(swallowedFrom(closed.model)).toBe(Infinity);
      expect(fixAllInserts(closed).length).toBeGreaterThan(0);
    });
  }

  it('fix-all is all or nothing: no part is offered when another would be swallowed (it would be offered again after the rest)', () => {
    const text = ['# 某市减污降碳协同增效实施方案', '## 五、开展模式创新', '<![CDATA[', '# Harbourton City Plan', '', '## 1. General requirements', '', 'By 2025, …', ''].join('\n');
    const fi = fixInput(text);
    expect(swallowedFrom(fi.model)).toBe(3);
    expect(fixAllInserts(fi)).toEqual([]);
  });

  it('still offers inserts placed before an unclosed fence at the end, and each clears its finding', () => {
    const text = `${gaps}\n\`\`\`\n未完成的代码块\n`;
    const fi = fixInput(text);
    const offered = fi.result.findings.filter((f) => SKELETON.includes(f.rule) && insertFor(fi, f).length);
    expect(offered.map((f) => `${f.rule}:${f.data.area ?? f.data.year}`)).toEqual(expect.arrayContaining(['area-missing:model-innovation', 'target-missing:2030']));
    for (const f of offered) {
      const after = applyInserts(text, fi, insertFor(fi, f));
      const again = fixInput(after).result.findings;
      expect(again.some((x) => x.rule === f.rule && JSON.stringify(x.data) === JSON.stringify(f.data)), `${f.rule} ${JSON.stringify(f.data)}`).toBe(false);
    }
  });
});
