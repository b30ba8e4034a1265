/**
 * Flat drafts with Chinese numbering and English titles (translations keep 一、 / （一）): a title
 * is measured by width (ASCII counts half), so the usual English measure titles are promoted to
 * headings, a long numbered sentence is not, and the flat skeletons fix-all writes are read back.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../server/src/document';
import { fixAllInserts } from '../../server/src/fixes';
import { applyInserts, fixInput } from '../support/fixes';


const DRAFT = [
  '# Harbour City Implementation Plan for Synergizing the Reduction of Pollution and Carbon Emissions',
  '',
  '一、General requirements',
  '（一）Main targets. By 2025, the utilisation rate of new bulk solid waste will reach 60%. By 2030, synergy capacity will be significantly enhanced.',
  '二、Highlight the key areas of synergy',
  '（二）Promote synergy in urban and rural construction',
  'Require green building standards for new buildings and expand prefabricated construction.',
  '（三）We will require every new public building in the city to meet the green building standard from next year onwards, without exception.',
  '',
].join('\n');

describe('a flat draft with English titles', () => {
  it('promotes numbered English titles, not long numbered sentences', () => {
    const headings = parsePlan(DRAFT).sections.map((s) => [s.heading.raw, s.heading.promoted]);
    expect(headings).toEqual([
      ['一、General requirements', true],
      ['（一）Main targets', true],
      ['二、Highlight the key areas of synergy', true],
      ['（二）Promote synergy in urban and rural construction', true],
    ]);
  });

  it('reads back the flat skeletons fix-all inserts: nothing more to insert', () => {
    const fi = fixInput(DRAFT);
    expect(fixAllInserts(fi).length).toBeGreaterThan(0);
    const after = applyInserts(DRAFT, fi, fixAllInserts(fi));
    expect(after).toContain('Promote synergy in ecological construction');
    expect(fixAllInserts(fixInput(after))).toEqual([]);
  });
});
