// The built `planlint` command (dist/cli/cli.js) run as a child process on real files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifValidator } from '../fixtures/cli/validateSarif';
import { type CliRun as Run, expectRefused, requireBuiltCli, repoRoot as root, runCli } from '../support/cli';

const fixtures = join(root, 'test/fixtures/cli');
const cityZh = 'examples/city-draft.zh.md';
const provinceEn = 'examples/province-draft.en.md';

function planlint(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  return runCli(args, { cwd: opts.cwd, env: { NO_COLOR: '', ...opts.env } });
}

function json(r: Run) {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
}

/** 0-based index of the first line of `file` containing `needle`. */
function lineOf(file: string, needle: string): number {
  const i = readFileSync(join(root, file), 'utf8').split(/\r?\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i;
}

const diag = (d: { rule: string; severity: string; data: object }) => ({ rule: d.rule, severity: d.severity, data: d.data });
const byRule = (a: { rule: string }, b: { rule: string }) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

let tmp: string;
beforeAll(() => {
  requireBuiltCli();
  tmp = mkdtempSync(join(tmpdir(), 'planlint-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('planlint --help / --version / bad arguments', () => {
  it('prints the version of package.json', () => {
    const r = planlint(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
  it('prints the usage', () => {
    const r = planlint(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: planlint check/);
  });
  it.each([
    [['check', '--format', 'xml', cityZh], 'planlint: --format must be one of text, json, sarif, markdown'],
    [['check', '--level', 'village', cityZh], 'planlint: --level must be one of province, city, county, park, enterprise'],
    [['lint', cityZh], 'planlint: unknown command "lint" (try planlint --help)'],
    [['check', '--frobnicate', cityZh], /^planlint: Unknown option '--frobnicate'/],
    [['check', '--profile', 'no-such-profile', cityZh], /^planlint: invalid profile /],
  ])('%j exits 2 with one line on stderr', (args, message) => {
    expectRefused(planlint(args), message);
  });
});

describe('json output on the examples', () => {
  let out: any;
  let r: Run;
  beforeAll(() => {
    r = planlint(['check', cityZh, provinceEn, '--format', 'json']);
    out = json(r);
  });

  it('exits 0 (no error-level finding) with nothing on stderr', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('has exactly the keys and types of the contract', () => {
    expect(Object.keys(out).sort()).toEqual(['files', 'profile', 'version']);
    expect(out.version).toBe(1);
    expect(out.profile).toBe('national-2022');
    expect(out.files.map((f: any) => f.path)).toEqual([cityZh, provinceEn]);
    for (const f of out.files) {
      expect(Object.keys(f).sort()).toEqual(['coverage', 'diagnostics', 'language', 'path']);
      expect(Object.keys(f.coverage).sort()).toEqual(['areas', 'score', 'targets']);
      expect(typeof f.coverage.score).toBe('number');
      expect(f.coverage.score).toBeGreaterThanOrEqual(0);
      expect(f.coverage.score).toBeLessThanOrEqual(1);
      const lines = readFileSync(join(root, f.path), 'utf8').split('\n').length;
      for (const a of f.coverage.areas) {
        expect(Object.keys(a).sort()).toEqual(['id', 'measures', 'status']);
        expect(['covered', 'partial', 'mentioned', 'missing']).toContain(a.status);
        for (const m of a.measures) {
          expect(Object.keys(m).sort()).toEqual(['evidence', 'id', 'status']);
          expect(['covered', 'mentioned', 'missing']).toContain(m.status);
          for (const e of m.evidence) {
            expect(Object.keys(e).sort()).toEqual(['line', 'text']);
            expect(Number.isInteger(e.line) && e.line >= 0 && e.line < lines).toBe(true);
            expect(typeof e.text).toBe('string');
          }
        }
      }
      for (const tg of f.coverage.targets) {
        expect(Object.keys(tg).sort()).toEqual(['indicators', 'line', 'status', 'year']);
        for (const i of tg.indicators) expect(Object.keys(i).sort()).toEqual(['id', 'line', 'unit', 'value']);
      }
      for (const d of f.diagnostics) {
        expect(Object.keys(d).sort()).toEqual(['data', 'message', 'range', 'rule', 'severity']);
        expect(typeof d.message).toBe('string');
        expect(d.message.length).toBeGreaterThan(0);
        for (const p of [d.range.start, d.range.end]) {
          expect(Object.keys(p).sort()).toEqual(['character', 'line']);
          expect(p.line >= 0 && p.line < lines && p.character >= 0).toBe(true);
        }
      }
    }
  });

  it('the area ids are the six of the national Plan, in order', () => {
    for (const f of out.files) {
      expect(f.coverage.areas.map((a: any) => a.id)).toEqual([
        'source-prevention', 'key-areas', 'environmental-governance', 'model-innovation', 'support-guarantee', 'organisation',
      ]);
    }
  });

  it('zh city draft: only the model-innovation chapter and the 2030 target are missing', () => {
    const f = out.files[0];
    expect(f.language).toBe('zh');
    expect(f.diagnostics.map(diag).sort(byRule)).toEqual([
      { rule: 'area-missing', severity: 'warning', data: { area: 'model-innovation' } },
      { rule: 'target-missing', severity: 'warning', data: { year: 2030 } },
    ]);
    for (const a of f.coverage.areas) {
      const expected = a.id === 'model-innovation' ? 'missing' : 'covered';
      expect([a.id, a.status]).toEqual([a.id, expected]);
      for (const m of a.measures) {
        expect([a.id, m.id, m.status]).toEqual([a.id, m.id, expected]);
        if (expected === 'covered') expect(m.evidence.length).toBeGreaterThan(0);
      }
    }
    const [t2025, t2030] = f.coverage.targets;
    expect(t2025).toMatchObject({ year: 2025, status: 'quantified', line: lineOf(cityZh, '到2025年，全市减污降碳') });
    expect(t2025.indicators).toContainEqual({
      id: 'bulk-solid-waste-utilisation', value: 62, unit: '%', line: lineOf(cityZh, '新增大宗固废综合利用率达到62%'),
    });
    expect(t2030).toEqual({ year: 2030, status: 'missing', line: null, indicators: [] });
  });

  it('en provincial draft: only the agriculture measure is missing and 55% solid-waste use is below the national 60%', () => {
    const f = out.files[1];
    expect(f.language).toBe('en');
    expect(f.diagnostics.map(diag).sort(byRule)).toEqual([
      { rule: 'measure-missing', severity: 'information', data: { area: 'key-areas', measure: 'agriculture' } },
      {
        rule: 'target-below-national',
        severity: 'warning',
        data: { area: 'environmental-governance', measure: 'solid-waste', year: 2025, indicator: 'bulk-solid-waste-utilisation' },
      },
    ]);
    const below = f.diagnostics.find((d: any) => d.rule === 'target-below-national');
    expect(below.range.start.line).toBe(lineOf(provinceEn, 'will reach 55%'));
    for (const a of f.coverage.areas) {
      expect([a.id, a.status]).toEqual([a.id, 'covered']);
      for (const m of a.measures) expect([m.id, m.status]).toEqual([m.id, m.id === 'agriculture' ? 'missing' : 'covered']);
    }
    const [t2025, t2030] = f.coverage.targets;
    expect(t2025).toMatchObject({ year: 2025, status: 'quantified', line: lineOf(provinceEn, 'By 2025,') });
    expect(t2025.indicators).toContainEqual({ id: 'bulk-solid-waste-utilisation', value: 55, unit: '%', line: lineOf(provinceEn, 'will reach 55%') });
    expect(t2030).toMatchObject({ year: 2030, status: 'quantified', line: lineOf(provinceEn, 'By 2030,') });
  });
});

describe('text output', () => {
  it('prints file:line:col  severity  message  rule, a coverage line per file and a total', () => {
    const r = planlint(['check', cityZh, provinceEn]);
    expect(r.code).toBe(0);
    const findings = json(planlint(['check', cityZh, provinceEn, '--format', 'json'])).files;
    const expected: string[] = [];
    for (const f of findings) {
      for (const d of f.diagnostics) {
        expected.push(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity}  ${d.message}  ${d.rule}`);
      }
      expected.push(expect.stringMatching(new RegExp(`^${f.path.replace(/\./g, '\\.')}: coverage \\d\\.\\d\\d · \\d/4 task areas · \\d+/\\d+ measures · targets 2025 \\w+, 2030 \\w+$`)) as any);
      expected.push('');
    }
    const count = (sev: string) => findings.flatMap((f: any) => f.diagnostics).filter((d: any) => d.severity === sev).length;
    expected.push(`2 files checked: ${count('error')} errors, ${count('warning')} warnings, ${count('information')} information, ${count('hint')} hints`, '');
    expect(r.stdout.split('\n')).toEqual(expected);
    expect(r.stdout).toContain(`${cityZh}: coverage `);
    expect(r.stdout).toMatch(/city-draft\.zh\.md: coverage [\d.]+ · 3\/4 task areas · \d+\/\d+ measures · targets 2025 quantified, 2030 missing/);
    expect(r.stdout).toMatch(/province-draft\.en\.md: coverage [\d.]+ · 4\/4 task areas · \d+\/\d+ measures · targets 2025 quantified, 2030 quantified/);
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('speaks Chinese with --locale zh-cn and with LANG=zh_CN.UTF-8', () => {
    for (const r of [planlint(['check', cityZh, '--locale', 'zh-cn']), planlint(['check', cityZh], { env: { LANG: 'zh_CN.UTF-8' } })]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/city-draft\.zh\.md:\d+:\d+ {2}警告 {2}.+ {2}area-missing/);
      expect(r.stdout).toContain('共检查 1 个文件');
    }
  });

  it('--color forces colours, --no-color removes them', () => {
    expect(planlint(['check', cityZh, '--color']).stdout).toContain('\x1b[33m');
    expect(planlint(['check', cityZh, '--color', '--no-color']).stdout).not.toContain('\x1b[');
  });
});

describe('sarif output', () => {
  it('validates against the SARIF 2.1.0 schema and matches the json findings', () => {
    const r = planlint(['check', cityZh, provinceEn, '--format', 'sarif']);
    expect(r.code).toBe(0);
    const log = json(r);
    expect(sarifValidator()(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('planlint');
    expect(run.tool.driver.rules.map((x: any) => x.id)).toContain('area-missing');
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toBe(`https://github.com/planlint/planlint/blob/main/docs/rules/${rule.id}.md`);
      expect(existsSync(join(root, 'docs/rules', `${rule.id}.md`))).toBe(true);
    }
    const files = json(planlint(['check', cityZh, provinceEn, '--format', 'json'])).files;
    const fromJson = files.flatMap((f: any) =>
      f.diagnostics.map((d: any) => [d.rule, f.path, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1]),
    );
    const fromSarif = run.results.map((x: any) => {
      const loc = x.locations[0].physicalLocation;
      return [x.ruleId, loc.artifactLocation.uri, loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn];
    });
    expect(fromSarif).toEqual(fromJson);
    const level: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'none' };
    expect(run.results.map((x: any) => x.level)).toEqual(files.flatMap((f: any) => f.diagnostics.map((d: any) => level[d.severity])));
    expect(run.results.map((x: any) => x.message.text)).toEqual(files.flatMap((f: any) => f.diagnostics.map((d: any) => d.message)));
  });
});

describe('markdown output', () => {
  it('gives a table of areas, the targets and a findings count per file', () => {
    const r = planlint(['check', cityZh, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`### \`${cityZh}\``);
    expect(r.stdout).toMatch(/\| Innovative management model of synergy[^|]*\| ❌ missing \| 0\/4 \|/);
    expect(r.stdout).toContain('Targets: ✅ 2025 quantified · ❌ 2030 missing');
    expect(r.stdout).toContain('Findings: 0 errors, 2 warnings, 0 information, 0 hints');
  });
});

describe('folders, globs and the current folder', () => {
  const paths = (r: Run) => json(r).files.map((f: any) => f.path);
  it('a folder: plans only, recursing, skipping node_modules and dot-folders', () => {
    const r = planlint(['check', 'test/fixtures/cli/folder', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(paths(r)).toEqual(['test/fixtures/cli/folder/plan.md', 'test/fixtures/cli/folder/sub/nested.md']);
  });
  it('a file named explicitly is checked even when it is not a plan', () => {
    const r = planlint(['check', 'test/fixtures/cli/folder/notes.md', '--format', 'json']);
    expect(paths(r)).toEqual(['test/fixtures/cli/folder/notes.md']);
  });
  it('a glob', () => {
    const r = planlint(['check', 'test/fixtures/cli/**/*.md', '--format', 'json']);
    expect(paths(r)).toEqual(['test/fixtures/cli/folder/plan.md', 'test/fixtures/cli/folder/sub/nested.md']);
  });
  it('no path: the current folder', () => {
    const r = planlint(['check', '--format', 'json'], { cwd: join(root, 'examples') });
    expect(r.code).toBe(0);
    expect(paths(r)).toEqual(['city-draft.zh.md', 'province-draft.en.md']);
  });
  it('a config include makes a non-plan file in a folder a plan', () => {
    const dir = join(tmp, 'include');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.md'), '# Meeting notes\n\nNothing here.\n');
    writeFileSync(join(dir, 'other.md'), '# Other notes\n\nNothing here either.\n');
    writeFileSync(join(dir, '.planlintrc.json'), JSON.stringify({ include: ['notes.md'] }));
    expect(paths(planlint(['check', '.', '--format', 'json'], { cwd: dir }))).toEqual(['notes.md']);
  });
});

describe('bad files and configs', () => {
  it('missing, binary and non-UTF-8 files: one stderr line each, exit 2, the good file still checked', () => {
    const dir = join(tmp, 'bad');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(root, cityZh), join(dir, 'good.md'));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x00, 0x42, 0x0a]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Caf\xe9 pollution and carbon\n', 'latin1'));
    for (const format of ['json', 'text']) {
      const r = planlint(['check', 'good.md', 'missing.md', 'binary.md', 'latin1.md', '--format', format], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n').sort()).toEqual([
        'planlint: cannot read binary.md: binary file (NUL bytes)',
        'planlint: cannot read latin1.md: not UTF-8 text',
        'planlint: cannot read missing.md: no such file',
      ]);
      if (format === 'json') expect(json(r).files.map((f: any) => f.path)).toEqual(['good.md']);
      else expect(r.stdout).toMatch(/^good\.md: coverage /m);
    }
  });

  it('a config that raises a rule to error gives exit 1 (found by walking up, or given with --config)', () => {
    const dir = join(tmp, 'strict', 'drafts');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(root, cityZh), join(dir, 'city.md'));
    writeFileSync(join(tmp, 'strict', '.planlintrc.json'), JSON.stringify({ severity: { 'area-missing': 'error' } }));
    const walked = planlint(['check', 'drafts/city.md'], { cwd: join(tmp, 'strict') });
    expect(walked.stderr).toBe('');
    expect(walked.code).toBe(1);
    expect(walked.stdout).toMatch(/^drafts\/city\.md:\d+:\d+ {2}error {2}.+ {2}area-missing$/m);
    const given = planlint(['check', join(dir, 'city.md'), '--config', join(tmp, 'strict', '.planlintrc.json')]);
    expect(given.code).toBe(1);
    const plain = planlint(['check', join(dir, 'city.md'), '--config', join(root, 'test/fixtures/cli/empty-config.json')]);
    expect(plain.code).toBe(0);
  });

  it('an invalid config: exit 2 with one line naming the file', () => {
    const dir = join(tmp, 'invalid');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(root, cityZh), join(dir, 'city.md'));
    writeFileSync(join(dir, '.planlintrc.json'), '{ "severity": { "area-missin": "off" } }');
    for (const args of [['check', 'city.md'], ['check', 'city.md', '--config', '.planlintrc.json']]) {
      const r = planlint(args, { cwd: dir });
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^planlint: invalid config \.planlintrc\.json/);
    }
  });
});

describe('npx', () => {
  it('`npx planlint check examples` from the repository root runs this package\'s bin', () => {
    // --no-install: fail rather than fetch a registry package of the same name if resolution ever breaks.
    const r = spawnSync('npx', ['--no-install', 'planlint', 'check', 'examples', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', LC_ALL: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(json({ code: r.status, stdout: r.stdout, stderr: r.stderr }).files.map((f: any) => f.path)).toEqual([cityZh, provinceEn]);
  });
});
