// The CLI formatters on a hand-built report (the whole CLI on real files is in cli.test.ts).
import { describe, expect, it, beforeEach } from 'vitest';
import type { AnalysisResult } from '../../server/src/analysis/types';
import type { Profile } from '../../server/src/profile/types';
import type { RunReport } from '../../server/src/cli/report';
import { exitCode } from '../../server/src/cli/report';
import { formatText } from '../../server/src/cli/format/text';
import { toJson } from '../../server/src/cli/format/json';
import { toSarif } from '../../server/src/cli/format/sarif';
import { formatMarkdown } from '../../server/src/cli/format/markdown';
import { setLocale } from '../../server/src/l10n';

const range = (line: number, c0: number, c1: number) => ({ start: { line, character: c0 }, end: { line, character: c1 } });
const terms = { zh: [], en: [] };
const area = (id: string, kind: 'task' | 'closing', measures: string[]) => ({
  id, number: '', kind, title: { zh: id + '（中）', en: id + ' (en)' }, mark: 'V' as const, aliases: terms, evidence: terms,
  measures: measures.map((m) => ({ id: m, number: '', title: { zh: m, en: m }, short: { zh: m, en: m }, mark: 'P' as const, aliases: terms, evidence: terms })),
});
const profile: Profile = {
  id: 'test-profile', version: 1, title: { zh: '测试', en: 'Test' }, source: 'test', planMarkers: terms,
  preambleHeadings: terms, targetHeadings: terms, targets: [], indicators: [],
  areas: [area('a1', 'task', ['m1', 'm2']), area('a2', 'task', ['m3']), area('close', 'closing', ['m4'])],
};
const ev = (line: number, text: string) => ({ kind: 'body' as const, line, range: range(line, 0, 4), text, terms: ['x'], section: 0 });
const result: AnalysisResult = {
  profile: 'test-profile',
  language: 'zh',
  coverage: {
    score: 0.5,
    areas: [
      { id: 'a1', status: 'covered', required: true, evidence: [], measures: [
        { id: 'm1', status: 'covered', required: true, evidence: [ev(7, '推进工业')] },
        { id: 'm2', status: 'mentioned', required: true, evidence: [] } ] },
      { id: 'a2', status: 'missing', required: true, evidence: [], measures: [{ id: 'm3', status: 'missing', required: true, evidence: [] }] },
      { id: 'close', status: 'covered', required: true, evidence: [], measures: [{ id: 'm4', status: 'covered', required: true, evidence: [ev(20, '组织')] }] },
    ],
    targets: [
      { year: 2025, status: 'quantified', line: 3, range: range(3, 0, 9), text: '到2025年', indicators: [
        { id: 'bulk-solid-waste-utilisation', value: 55, unit: '%', line: 3, range: range(3, 10, 13) } ] },
      { year: 2030, status: 'missing', indicators: [] },
    ],
  },
  findings: [
    { rule: 'area-missing', severity: 'warning', message: 'Area a2 missing', range: range(0, 0, 5), data: { area: 'a2' } },
    { rule: 'target-below-national', severity: 'error', message: 'Too low', range: range(3, 10, 13), data: { year: 2025, indicator: 'bulk-solid-waste-utilisation' } },
  ],
};
const run = (): RunReport => ({
  profile: 'test-profile', cwd: '/work/x', failures: [],
  files: [{ path: 'drafts/市.md', absPath: '/work/x/drafts/市.md', profile, result }],
});

beforeEach(() => setLocale('en'));

describe('text format', () => {
  it('prints file:line:col (1-based), severity, message, rule, a coverage line and a total', () => {
    expect(formatText(run(), false)).toBe(
      [
        'drafts/市.md:1:1  warning  Area a2 missing  area-missing',
        'drafts/市.md:4:11  error  Too low  target-below-national',
        'drafts/市.md: coverage 0.50 · 1/2 task areas · 2/4 measures · targets 2025 quantified, 2030 missing',
        '',
        '1 files checked: 1 errors, 1 warnings, 0 information, 0 hints',
        '',
      ].join('\n'),
    );
  });
  it('colours only when asked', () => {
    expect(formatText(run(), true)).toContain('\x1b[31merror\x1b[39m');
    expect(formatText(run(), false)).not.toContain('\x1b[');
  });
  it('speaks Chinese under zh-cn', () => {
    setLocale('zh_CN.UTF-8');
    expect(formatText(run(), false)).toContain('drafts/市.md:4:11  错误  Too low  target-below-national');
  });
});

describe('json format', () => {
  it('has the design doc shape with 0-based lines', () => {
    expect(toJson(run())).toEqual({
      version: 1,
      profile: 'test-profile',
      files: [{
        path: 'drafts/市.md',
        language: 'zh',
        coverage: {
          score: 0.5,
          areas: [
            { id: 'a1', status: 'covered', measures: [
              { id: 'm1', status: 'covered', evidence: [{ line: 7, text: '推进工业' }] },
              { id: 'm2', status: 'mentioned', evidence: [] } ] },
            { id: 'a2', status: 'missing', measures: [{ id: 'm3', status: 'missing', evidence: [] }] },
            { id: 'close', status: 'covered', measures: [{ id: 'm4', status: 'covered', evidence: [{ line: 20, text: '组织' }] }] },
          ],
          targets: [
            { year: 2025, status: 'quantified', line: 3, indicators: [{ id: 'bulk-solid-waste-utilisation', value: 55, unit: '%', line: 3 }] },
            { year: 2030, status: 'missing', line: null, indicators: [] },
          ],
        },
        diagnostics: [
          { rule: 'area-missing', severity: 'warning', message: 'Area a2 missing', range: range(0, 0, 5), data: { area: 'a2' } },
          { rule: 'target-below-national', severity: 'error', message: 'Too low', range: range(3, 10, 13), data: { year: 2025, indicator: 'bulk-solid-waste-utilisation' } },
        ],
      }],
    });
  });
});

describe('sarif format', () => {
  it('maps severities, 1-based regions and relative, encoded uris', () => {
    const log = toSarif(run());
    const r = log.runs[0];
    expect(r.tool.driver.name).toBe('planlint');
    expect(r.tool.driver.rules?.map((x) => x.id)).toContain('target-below-national');
    expect(r.results?.map((x) => [x.ruleId, x.level])).toEqual([['area-missing', 'warning'], ['target-below-national', 'error']]);
    expect(r.results?.[1].locations?.[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'drafts/%E5%B8%82.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 11, endLine: 4, endColumn: 14 },
    });
    expect(r.originalUriBaseIds?.['%SRCROOT%'].uri).toBe('file:///work/x/');
  });
});

describe('markdown format', () => {
  it('gives a table of areas, the targets and a findings count', () => {
    const md = formatMarkdown(run());
    expect(md).toContain('| a1 (en) | ✅ covered | 1/2 |');
    expect(md).toContain('| a2 (en) | ❌ missing | 0/1 |');
    expect(md).toContain('Targets: ✅ 2025 quantified · ❌ 2030 missing');
    expect(md).toContain('Findings: 1 errors, 1 warnings, 0 information, 0 hints');
  });

  it('folds the findings, in line order, into a details block with 1-based lines', () => {
    const md = formatMarkdown(run());
    const block = md.slice(md.indexOf('<details>'), md.indexOf('</details>'));
    expect(block.split('\n')).toEqual([
      '<details>',
      '<summary>Findings (2)</summary>',
      '',
      '| Line | Severity | Rule | Message |',
      '|---:|---|---|---|',
      '| 1 | ⚠️ warning | `area-missing` | Area a2 missing |',
      '| 4 | ⛔ error | `target-below-national` | Too low |',
      '',
      '',
    ]);
  });

  it('keeps draft and profile text inert (no HTML, no table breaks)', () => {
    const r = run();
    r.files[0].path = 'drafts/a|b`c.md';
    r.files[0].result = { ...result, findings: [{ ...result.findings[0], message: 'x <img src=y> | *z*' }] };
    const md = formatMarkdown(r);
    expect(md).toContain('### ``drafts/a|b`c.md``');
    expect(md).toContain('| 1 | ⚠️ warning | `area-missing` | x \\<img src=y\\> \\| \\*z\\* |');
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });

  it('says when there is nothing to report', () => {
    expect(formatMarkdown({ ...run(), files: [] })).toBe('## PlanLint coverage\n\nNo plan files found.\n');
  });
});

describe('exit code', () => {
  it('is 1 with an error-level finding, 0 without, 2 when the run failed', () => {
    expect(exitCode(run())).toBe(1);
    const clean = run();
    clean.files[0].result = { ...result, findings: result.findings.filter((f) => f.severity !== 'error') };
    expect(exitCode(clean)).toBe(0);
    expect(exitCode({ ...clean, failures: ['cannot read x.md: no such file'] })).toBe(2);
  });
});

describe('sarif schema', () => {
  it('the hand-built report validates against the SARIF 2.1.0 schema', async () => {
    const { sarifValidator } = await import('../fixtures/cli/validateSarif');
    const validate = sarifValidator();
    expect(validate(toSarif(run()))).toEqual([]);
    // and the validator can fail
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }).length).toBeGreaterThan(0);
  });
});
