/** In-document controls: disable comments (with reasons), covers annotations, front matter; and the engine's use of them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis';
import type { Finding } from '../../server/src/analysis/types';
import { parsePlan } from '../../server/src/document';
import { checkText } from '../../server/src/engine';
import { setLocale } from '../../server/src/l10n';
import { loadBuiltinProfile } from '../../server/src/profile';

const profile = loadBuiltinProfile();
const gaps = readFileSync(path.resolve(__dirname, '../fixtures/drafts/gaps-zh.md'), 'utf8');
const brief = (fs: Finding[]) => fs.map((f) => ({ rule: f.rule, ...f.data }));
const run = (text: string) => analyze(parsePlan(text), profile);

beforeAll(() => setLocale('en'));

/** gaps-zh with `insert` placed before its first line, or after the line containing `after`. */
function edit(insert: string, after?: string): string {
  if (!after) return `${insert}\n\n${gaps}`;
  const at = gaps.indexOf('\n', gaps.indexOf(after)) + 1;
  return `${gaps.slice(0, at)}${insert}\n${gaps.slice(at)}`;
}

describe('planlint-disable', () => {
  it('disables a rule for the whole file, for one id only', () => {
    const r = run(edit('<!-- planlint-disable measure-missing:agriculture -- 本市无农业用地 -->'));
    expect(brief(r.findings)).toEqual([
      { rule: 'area-missing', area: 'model-innovation' },
      { rule: 'target-missing', year: 2030 },
    ]);
  });

  it('matches the id against area, measure, indicator, year and area/measure', () => {
    expect(brief(run(edit('<!-- planlint-disable target-missing:2030 -- 远期目标另行制定 -->')).findings).map((f) => f.rule)).toEqual(['area-missing', 'measure-missing']);
    expect(brief(run(edit('<!-- planlint-disable measure-missing:key-areas/agriculture -- 无农业 -->')).findings).map((f) => f.rule)).toEqual(['area-missing', 'target-missing']);
    expect(brief(run(edit('<!-- planlint-disable area-missing:key-areas -- wrong id -->')).findings)).toHaveLength(3);
  });

  it('a rule without an id disables every finding of that rule; several rules may be listed', () => {
    const r = run(edit('<!-- planlint-disable area-missing, target-missing -- 分阶段编制 -->'));
    expect(brief(r.findings)).toEqual([{ rule: 'measure-missing', area: 'key-areas', measure: 'agriculture' }]);
  });

  it('a disable without a reason still applies, and is itself reported at the comment', () => {
    const text = edit('<!-- planlint-disable area-missing -->');
    const r = run(text);
    expect(brief(r.findings)).toEqual([
      { rule: 'config-error', detail: 'planlint-disable area-missing' },
      { rule: 'target-missing', year: 2030 },
      { rule: 'measure-missing', area: 'key-areas', measure: 'agriculture' },
    ]);
    expect(r.findings[0].range.start).toEqual({ line: 0, character: 0 });
    expect(r.findings[0].severity).toBe('error');
    expect(r.findings[0].message).toMatch(/needs a reason/);
  });

  it('an unknown rule is reported', () => {
    const r = run(edit('<!-- planlint-disable area-mising -- typo -->'));
    expect(r.findings[0]).toMatchObject({ rule: 'config-error', message: 'Unknown rule “area-mising” in a planlint comment.' });
    expect(r.findings.filter((f) => f.rule === 'area-missing')).toHaveLength(1);
  });

  it('next-line: only findings starting on the next non-blank line', () => {
    const text = edit('\n<!-- planlint-disable-next-line measure-missing -- 农业并入乡村振兴专项方案 -->', '遏制过度包装和一次性用品使用。');
    const model = parsePlan(text);
    const chapter = model.sections.find((s) => s.heading.raw === '三、突出重点领域')!;
    const commentLine = model.comments[0].range.start.line;
    expect(chapter.heading.range.start.line).toBe(commentLine + 2); // a blank line in between
    expect(brief(analyze(model, profile).findings)).toEqual([
      { rule: 'area-missing', area: 'model-innovation' },
      { rule: 'target-missing', year: 2030 },
    ]);
    // the same comment elsewhere suppresses nothing
    const elsewhere = edit('<!-- planlint-disable-next-line measure-missing -- misplaced -->');
    expect(brief(run(elsewhere).findings)).toHaveLength(3);
  });
});

describe('planlint covers', () => {
  it('an annotation covers a measure whose text the analysis cannot see', () => {
    const text = edit('\n<!-- planlint covers key-areas/agriculture -->\n\n畜牧与种植相关任务见市乡村振兴专项方案。\n', '稳步提升森林覆盖率和森林蓄积量。');
    const r = run(text);
    expect(brief(r.findings)).toEqual([
      { rule: 'area-missing', area: 'model-innovation' },
      { rule: 'target-missing', year: 2030 },
    ]);
    const agri = r.coverage.areas.find((a) => a.id === 'key-areas')!.measures.find((m) => m.id === 'agriculture')!;
    expect(agri.status).toBe('covered');
    expect(agri.evidence[0]).toMatchObject({ kind: 'annotation', text: '<!-- planlint covers key-areas/agriculture -->' });
  });

  it('an area annotation makes its chapter; a bare measure id is accepted; unknown ids are reported', () => {
    const text = edit('<!-- planlint covers model-innovation agriculture nonsense/x -->', '## 六、加强组织实施');
    const r = run(text);
    expect(brief(r.findings)).toEqual([
      { rule: 'target-missing', year: 2030 },
      { rule: 'measure-missing', area: 'model-innovation', measure: 'regional' },
      { rule: 'measure-missing', area: 'model-innovation', measure: 'city' },
      { rule: 'measure-missing', area: 'model-innovation', measure: 'industrial-park' },
      { rule: 'measure-missing', area: 'model-innovation', measure: 'enterprise' },
      { rule: 'config-error', detail: 'planlint covers model-innovation agriculture nonsense/x' },
    ]);
    expect(r.coverage.areas.find((a) => a.id === 'model-innovation')!.status).toBe('covered');
  });
});

describe('front matter', () => {
  it('ignore entries: rule and rule:id', () => {
    const text = `---\nplanlint:\n  level: city\n  ignore: [measure-missing, 'area-missing:model-innovation']\n---\n\n${gaps}`;
    expect(brief(run(text).findings)).toEqual([{ rule: 'target-missing', year: 2030 }]);
  });

  it('bad level and bad ignore entries are reported on the front matter', () => {
    const text = `---\nplanlint:\n  level: town\n  ignore: [no-such-rule]\n---\n\n${gaps}`;
    const r = run(text);
    const errors = r.findings.filter((f) => f.rule === 'config-error');
    expect(errors.map((f) => f.message)).toEqual([
      'Front matter planlint.level “town” is not one of province, city, county, park, enterprise.',
      'Unknown rule “no-such-rule” in planlint.ignore.',
    ]);
    expect(errors.every((f) => f.range.start.line === 0)).toBe(true);
  });
});

describe('engine.checkText', () => {
  it('combines config severity, ignore and level with the front matter', () => {
    const { result, isPlan } = checkText(gaps, {
      profile,
      config: { severity: { 'measure-missing': 'warning', 'target-missing': 'off' }, ignore: ['area-missing'] },
    });
    expect(isPlan).toBe(true);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['measure-missing', 'warning']]);
  });

  it('a front matter profile that cannot be resolved is a config-error, and the given profile is used', () => {
    const text = `---\nplanlint:\n  profile: ./park.yaml\n---\n\n${gaps}`;
    const { result } = checkText(text, { profile, config: {}, resolveProfile: () => undefined });
    expect(result.profile).toBe('national-2022');
    expect(result.findings[0]).toMatchObject({ rule: 'config-error', data: { detail: './park.yaml' } });
  });

  it('a resolvable front matter profile is used', () => {
    const text = `---\nplanlint:\n  profile: other\n---\n\n${gaps}`;
    const other = { ...profile, id: 'other', areas: profile.areas.filter((a) => a.id !== 'model-innovation') };
    const { result } = checkText(text, { profile, config: {}, resolveProfile: (ref) => (ref === 'other' ? other : undefined) });
    expect(result.profile).toBe('other');
    expect(brief(result.findings)).toEqual([
      { rule: 'target-missing', year: 2030 },
      { rule: 'measure-missing', area: 'key-areas', measure: 'agriculture' },
    ]);
  });

  it('an ordinary README is not a plan; front matter planlint or includeMatched make it one', () => {
    const readme = '# My project\n\nInstall with npm and run the tests.\n';
    expect(checkText(readme, { profile, config: {} }).isPlan).toBe(false);
    expect(checkText(`---\nplanlint: {}\n---\n${readme}`, { profile, config: {} }).isPlan).toBe(true);
    expect(checkText(readme, { profile, config: {}, includeMatched: true }).isPlan).toBe(true);
    expect(checkText('# Notes\n\nOn pollution and carbon reduction synergy.\n', { profile, config: {} }).isPlan).toBe(true);
  });
});
