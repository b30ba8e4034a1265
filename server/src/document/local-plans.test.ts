/** Smoke test over the real plan openings in ../shared/reference/local-plans (read in place, never copied). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parsePlan } from './parse';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = path.resolve(repoRoot, '..', 'shared', 'reference', 'local-plans');

function read(file: string): string {
  const p = path.join(dir, file);
  if (!existsSync(p)) throw new Error(`reference plan missing: ${p} (the tests read ../shared/reference/local-plans next to the repo)`);
  return readFileSync(p, 'utf8');
}

/** file -> [language, title, outline ("level|numbering|heading norm"), section norm holding the 2025 target or null] */
const expected: Record<string, [string, string, string[], string | null]> = {
  'beijing-municipality-summary.md': [
    'en',
    'Beijing Municipality Implementation Plan for Synergizing the Reduction of Pollution and Carbon Emissions (2023) — summary',
    [],
    null,
  ],
  'guangdong-province.md': ['zh', '广东省减污降碳协同增效实施方案', ['1|一、|总体要求'], '总体要求'],
  'huanggang-city.md': ['zh', '黄冈市减污降碳协同增效实施方案', ['1|一、|总体要求', '1|二、|强化源头防控', '2|(一)|强化生态环境分区管控应用'], '总体要求'],
  'hubei-province.md': ['zh', '湖北省減污降碳協同增效實施方案', ['1|一、|总体要求'], '总体要求'],
  'nantong-city.md': ['zh', '南通市减污降碳协同增效三年行动计划(2023—2025年)', ['1|一、|总体要求', '2|(一)|指导思想', '2|(二)|工作原则'], null],
  'sanming-city.md': ['zh', '三明市减污降碳协同增效实施方案', ['1|一、|总体要求', '1|二、|主要目标'], '主要目标'],
  'shanghai-municipality.md': ['zh', '上海市减污降碳协同增效实施方案', ['1|一、|面临形势'], null],
  'sichuan-province.md': ['zh', '四川省减污降碳协同增效行动方案', ['1|一、|总体要求', '2|(一)|指导思想'], null],
  'tianjin-municipality.md': ['zh', '天津市减污降碳协同增效实施方案', [], null],
};

describe('reference local plans', () => {
  test('the set is where the tests expect it', () => {
    expect(existsSync(dir), `missing ${dir}`).toBe(true);
  });

  test.each(Object.entries(expected))('%s', (file, [language, title, outline, targetSection]) => {
    const m = parsePlan(read(file));
    expect(m.language).toBe(language);
    expect(m.title?.text).toBe(title);
    expect(m.sections.map((s) => `${s.level}|${s.heading.numbering.raw}|${s.heading.norm}`)).toEqual(outline);
    // the first comment (the source note) stands before any section
    expect(m.comments[0].section).toBe(-1);
    expect(m.comments[0].range.start).toEqual({ line: 0, character: 0 });
    const target = m.blocks.find((b) => b.norm.includes('到2025年'));
    if (targetSection === null) return;
    expect(target, 'a block stating the 2025 target').toBeDefined();
    expect(m.sections[target!.section].heading.norm).toBe(targetSection);
  });
});
