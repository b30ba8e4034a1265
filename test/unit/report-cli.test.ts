// `planlint report` as a user runs it: the built CLI (dist/cli/cli.js) as a child process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, expectRefused, requireBuiltCli, runCli } from '../support/cli';

const cityZh = 'examples/city-draft.zh.md';
const provinceEn = 'examples/province-draft.en.md';
const round1 = 'test/fixtures/report/round1.zh.md';
const round2 = 'test/fixtures/report/round2.zh.md';

function planlint(args: string[], env: Record<string, string> = {}): CliRun {
  return runCli(args, { env: { SOURCE_DATE_EPOCH: '1714953600', ...env } });
}

function check(file: string) {
  const r = planlint(['check', file, '--format', 'json']);
  return JSON.parse(r.stdout).files[0] as { coverage: { score: number }; diagnostics: { rule: string; range: { start: { line: number } } }[] };
}

let tmp: string;
beforeAll(() => {
  requireBuiltCli();
  tmp = mkdtempSync(join(tmpdir(), 'planlint-report-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('planlint report FILE', () => {
  it('prints the HTML page of a Chinese draft in Chinese, exit 0, with the numbers of planlint check', () => {
    const r = planlint(['report', cityZh]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    const $ = cheerio.load(r.stdout);
    const json = check(cityZh);
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('.score-value').text()).toBe(`${Math.round(json.coverage.score * 100)}%`);
    expect($('#findings tbody tr .rule').map((_, e) => $(e).text()).get().sort()).toEqual(json.diagnostics.map((d) => d.rule).sort());
    expect($('#findings tbody tr .loc').map((_, e) => Number($(e).attr('data-line'))).get().sort()).toEqual(json.diagnostics.map((d) => d.range.start.line).sort());
    expect($('.meta time').text()).toBe('2024-05-06');
    expect($('footer').text()).toMatch(/^由 PlanLint \d+\.\d+\.\d+ 于 2024-05-06 生成/);
  });

  it('-o writes the file (and its folder), prints nothing', () => {
    const out = join(tmp, 'nested', 'province.html');
    const r = planlint(['report', provinceEn, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    const $ = cheerio.load(readFileSync(out, 'utf8'));
    expect($('html').attr('lang')).toBe('en');
    expect($('h1').text()).toMatch(/^Lanshan Province Implementation Plan/);
  });

  it('-o FILE.md and --format md give Markdown', () => {
    const out = join(tmp, 'city.md');
    expect(planlint(['report', cityZh, '-o', out]).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# 江岭市减污降碳协同增效实施方案（征求意见稿）\n')).toBe(true);
    expect(md).toContain('## 领域与措施');
    const r = planlint(['report', cityZh, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(md);
    // an explicit --format wins over the extension
    expect(planlint(['report', cityZh, '--format', 'html', '-o', join(tmp, 'x.md')]).code).toBe(0);
    expect(readFileSync(join(tmp, 'x.md'), 'utf8').startsWith('<!doctype html>')).toBe(true);
  });

  it('--locale en: a Chinese draft reported in English', () => {
    const r = planlint(['report', cityZh, '--format', 'md', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Areas and measures');
    expect(r.stdout).toContain('Task area “Innovative management model of synergy” (model-innovation) has no section');
  });

  it('exits 0 with error-level findings too (the page was written)', () => {
    const cfg = join(tmp, 'strict.json');
    writeFileSync(cfg, JSON.stringify({ severity: { 'area-missing': 'error' } }));
    expect(planlint(['check', cityZh, '--config', cfg]).code).toBe(1);
    const r = planlint(['report', cityZh, '--config', cfg, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✖ 错误 1');
  });
});

describe('planlint report --compare OLD NEW', () => {
  it('prints what changed, in the new draft’s language', () => {
    const r = planlint(['report', '--compare', round1, round2, '--format', 'md']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# PlanLint：两轮草稿之间的变化');
    expect(r.stdout).toContain('**（九）推进交通运输协同增效**');
    expect(r.stdout).toContain('### 已解决的问题 (3)');
    expect(r.stdout).toContain('### 新出现的问题 (2)');
  });

  it('-o writes the HTML comparison', () => {
    const out = join(tmp, 'diff.html');
    expect(planlint(['report', '--compare', round1, round2, '-o', out]).code).toBe(0);
    const $ = cheerio.load(readFileSync(out, 'utf8'));
    expect($('#gained li').length).toBe(1);
    expect($('#lost li').length).toBe(1);
  });
});

describe('planlint report: bad runs exit 2 with one line on stderr', () => {
  it.each([
    [['report'], 'planlint: planlint report needs one file'],
    [['report', cityZh, provinceEn], 'planlint: planlint report needs one file'],
    [['report', '--compare', cityZh], 'planlint: planlint report --compare needs two files: OLD NEW'],
    [['report', cityZh, '--format', 'pdf'], 'planlint: --format must be one of html, md'],
    [['report', 'no-such.md'], 'planlint: cannot read no-such.md: no such file'],
    [['report', cityZh, '--profile', 'no-such-profile'], /^planlint: invalid profile /],
    [['check', cityZh, '--compare'], 'planlint: --compare is an option of planlint report'],
    [['check', cityZh, '-o', 'x.html'], 'planlint: --output is an option of planlint report'],
    [['report', cityZh, '-o', 'package.json/x.html'], /^planlint: cannot write package\.json\/x\.html: (ENOTDIR|EEXIST)$/],
  ])('%j', (args, message) => {
    expectRefused(planlint(args as string[]), message);
  });
});

describe('planlint --help', () => {
  it('names the report command', () => {
    const r = planlint(['--help']);
    expect(r.stdout).toContain('planlint report FILE [--format html|md] [-o OUT] [options]');
    expect(r.stdout).toContain('planlint report --compare OLD NEW');
  });
});
