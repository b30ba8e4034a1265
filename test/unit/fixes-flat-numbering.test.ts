/**
 * Flat drafts (numbered paragraphs as headings): only Chinese numbering makes a paragraph a heading,
 * so the skeletons fix-all writes there are numbered 一、 for chapters and （一） for measures, also
 * in English drafts, and read back as such: nothing more to insert afterwards.
 */
import { describe, expect, it } from 'vitest';
import { fixAllInserts } from '../../server/src/fixes';
import { applyInserts, fixInput } from '../support/fixes';

const fixAll = (text: string) => {
  const fi = fixInput(text);
  return applyInserts(text, fi, fixAllInserts(fi));
};

describe('skeletons in flat drafts', () => {
  it('an English draft with 一、 chapters gets （一） measures, read back as measures', () => {
    const draft = [
      '# Harbour City Implementation Plan for Synergizing the Reduction of Pollution and Carbon Emissions',
      '',
      '一、General requirements',
      'By 2025, the utilisation rate of new bulk solid waste will reach 60%. By 2030, synergy will be enhanced.',
      '二、Strengthen source prevention and control',
      'Zoning control and access management for new projects.',
      '',
    ].join('\n');
    const after = fixAll(draft);
    expect(after).toContain('（一）Promote synergy in industry');
    expect(after).not.toMatch(/^\(\d+\) /m);
    expect(fixAllInserts(fixInput(after))).toEqual([]);
  });

  it('a stray （N） line above the title does not make new chapters （N）: they are 一、 with （一） measures', () => {
    const draft = ['# 某市减污降碳协同增效实施方案', '（十二）推进交通运输协同增效', '# Protocol fixtures', '', 'Small Markdown drafts the protocol tests open.', ''].join('\n');
    const after = fixAll(draft);
    expect(after).toMatch(/^一、Strengthen source prevention and control$/m);
    expect(after).toMatch(/^（一）Strengthen zoning-based ecological and environmental control\. /m);
    expect(fixAllInserts(fixInput(after))).toEqual([]);
  });
});
