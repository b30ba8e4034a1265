/**
 * Fuzz tier, end to end: random and mutated drafts written to a folder, checked by the built CLI
 * (`planlint check <folder> --format json`) and opened in the built server. Both end (a hang fails
 * on a timeout), the server's ranges lie inside each document, and both report the same findings
 * for the same text: the text an editor reads from the file (UTF-8; lone surrogates become U+FFFD).
 * Files with NUL bytes are refused by the CLI with one line on stderr and still served by the server.
 * The raw texts (lone surrogates and all) also go to the server as untitled documents. A third of
 * the drafts sit in a folder whose config names a team's own profile (the park framework), a
 * third in one at province level.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TestServer } from '../protocol/harness';
import { anyDraftArbitrary, repoRoot } from './arbitraries';
import { lineLengths, rangeProblems } from './invariants';
import { budgetMs, fuzzSettings, logResult, saveCase } from './watchdog';

const cliJs = resolve(repoRoot, 'dist/cli/cli.js');
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

interface CliDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: Diagnostic['range'];
  data: Record<string, unknown>;
}

const key = (rule: unknown, severity: string, message: string, r: Diagnostic['range'], data: Record<string, unknown>) => {
  const { area, measure, year, indicator } = data;
  return `${rule} ${severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${JSON.stringify({ area, measure, year, indicator })} ${message}`;
};

/** Resolves with the publication, or rejects after `ms` (saving the text): a hang fails. */
function within<T>(p: Promise<T>, ms: number, what: string, text: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms; input saved to ${saveCase('cli-server', what, text)}`)), ms);
    }),
  ]);
}

const dirs: string[] = [];
let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('fuzz: the CLI and the server', () => {
  it('end on every draft and report the same findings', async () => {
    if (!existsSync(cliJs)) throw new Error(`${cliJs} is missing: run \`npm run build\` first`);
    const { runs, seed, scale } = fuzzSettings(40);
    const cases = fc.sample(anyDraftArbitrary(scale), { numRuns: runs, seed });
    const dir = mkdtempSync(join(tmpdir(), 'planlint-fuzz-'));
    dirs.push(dir);
    // a third of the drafts under a team's own profile, a third at province level, as both find them
    mkdirSync(join(dir, 'park'));
    copyFileSync(resolve(repoRoot, 'test/fixtures/team-workspace/parks/profiles/park.planlint-profile.yaml'), join(dir, 'park', 'park.planlint-profile.yaml'));
    writeFileSync(join(dir, 'park', '.planlintrc.json'), JSON.stringify({ profile: './park.planlint-profile.yaml', level: 'park' }));
    mkdirSync(join(dir, 'province'));
    writeFileSync(join(dir, 'province', '.planlintrc.yaml'), 'level: province\n');
    const files = cases.map((c, i) => {
      const name = `${['', 'park/', 'province/'][i % 3]}draft-${String(i).padStart(4, '0')}.md`;
      const bytes = Buffer.from(c.text, 'utf8');
      writeFileSync(join(dir, name), bytes);
      // what an editor reads from the file: UTF-8 decoded, a leading BOM dropped
      const editorText = new TextDecoder('utf-8').decode(bytes);
      return { name, raw: c.text, editorText, binary: bytes.includes(0), uri: pathToFileURL(join(dir, name)).toString() };
    });
    const total = files.reduce((n, f) => n + f.raw.length, 0);

    const cli = spawnSync(process.execPath, [cliJs, 'check', dir, '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      timeout: budgetMs(total) + 60_000,
    });
    expect(cli.error, 'the CLI ended').toBeUndefined();
    const binaries = files.filter((f) => f.binary);
    expect(cli.status).toBe(binaries.length ? 2 : cli.status === 1 ? 1 : 0);
    const stderr = cli.stderr.split('\n').filter(Boolean);
    expect(stderr.sort()).toEqual(binaries.map((f) => `planlint: cannot read ${f.name}: binary file (NUL bytes)`).sort());
    const report = JSON.parse(cli.stdout) as { files: { path: string; diagnostics: CliDiagnostic[] }[] };
    const byPath = new Map(report.files.map((f) => [f.path, f.diagnostics]));

    server = await TestServer.start({ locale: 'en', workspaceFolders: [dir], settings: { debounceMs: 0 } });
    let compared = 0;
    let findings = 0;
    const parkAreas = new Set<string>();
    for (const f of files) {
      const doc = server.open(f.uri, f.editorText);
      const published: PublishDiagnosticsParams = await within(doc.diagnostics(), budgetMs(f.raw.length), f.name, f.raw);
      const problems = rangeProblems(published.diagnostics, lineLengths(f.editorText), f.name);
      expect(problems).toEqual([]);
      if (!f.binary) {
        const got = published.diagnostics.map((d) => key(d.code, SEVERITY[d.severity ?? 0], d.message, d.range, (d.data ?? {}) as Record<string, unknown>)).sort();
        const want = (byPath.get(f.name) ?? []).map((d) => key(d.rule, d.severity, d.message, d.range, d.data)).sort();
        if (JSON.stringify(got) !== JSON.stringify(want)) saveCase('cli-server', f.name, f.raw);
        expect(got, `${f.name}: the server and the CLI differ`).toEqual(want);
        compared++;
        findings += got.length;
        if (f.name.startsWith('park/')) for (const d of byPath.get(f.name) ?? []) parkAreas.add(String(d.data.area));
      }
      doc.close();
      // the raw text, lone surrogates and all, as an untitled document
      const untitled = server.open(`untitled:raw-${f.name}`, f.raw);
      const rawPublished = await within(untitled.diagnostics(), budgetMs(f.raw.length), `raw ${f.name}`, f.raw);
      expect(rangeProblems(rawPublished.diagnostics, lineLengths(f.raw), `raw ${f.name}`)).toEqual([]);
      untitled.close();
    }
    expect(server.process.exitCode).toBeNull();
    expect(compared).toBe(files.length - binaries.length);
    // the park folder was checked under the park framework (its areas, not the national ones)
    expect([...parkAreas].some((a) => ['energy', 'industry', 'co-control', 'enterprises', 'safeguards'].includes(a)), [...parkAreas].join(' ')).toBe(true);
    logResult({ property: 'cli-server', seed, cases: files.length, bytes: total, maxBytes: Math.max(...files.map((f) => f.raw.length)), findings, actions: 0, inserts: 0 });
  }, Math.max(30 * 60_000, (Number(process.env.PLANLINT_FUZZ_RUNS) || 0) * 3000));
});
