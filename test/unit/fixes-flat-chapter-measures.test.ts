/**
 * A new chapter written as a numbered paragraph (flat) gets flat measures: a Markdown heading after
 * a numbered-paragraph chapter is not read as inside it, so "## IV. …" measures under "一、…" were
 * read back as chapters of their own and fix-all offered a measure again on its own result. Found
 * by `npm run fuzz -- --runs 700 --seed 29112026` (fixes property, case 536): the protocol fixture
 * gap-en.md with a stray （十二） line inserted above its title.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixAllInserts } from '../../server/src/fixes';
import { applyInserts, fixInput } from '../support/fixes';

const gapEn = readFileSync(resolve(__dirname, '../fixtures/protocol/gap-en.md'), 'utf8');

describe('a flat chapter in a Markdown draft', () => {
  it('gets （一） measure paragraphs, and fix-all has nothing more to insert on its result', () => {
    const draft = `（十二）推进交通运输协同增效\n${gapEn}`;
    const fi = fixInput(draft);
    const after = applyInserts(draft, fi, fixAllInserts(fi));
    const lines = after.split('\n');
    const chapter = lines.indexOf('一、Strengthen environmental governance synergy');
    expect(chapter).toBeGreaterThan(0);
    expect(lines.slice(chapter, chapter + 8)).toEqual([
      '一、Strengthen environmental governance synergy',
      '',
      '（一）Promote coordinated control in air pollution prevention. [To be completed: measures to promote coordinated control in air pollution prevention]',
      '',
      '（二）Promote coordinated control in water environment governance. [To be completed: measures to promote coordinated control in water environment governance]',
      '',
      '（三）Promote coordinated control in soil pollution treatment. [To be completed: measures to promote coordinated control in soil pollution treatment]',
      '',
    ]);
    expect(after).not.toMatch(/^#+ [IVX]+\. Promote coordinated control/m);
    expect(fixAllInserts(fixInput(after))).toEqual([]);
  });
});
