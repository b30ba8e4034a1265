/**
 * `planlint check` over many files in worker threads: the same output, in the same order, as one
 * thread; unreadable files, front-matter profiles and per-file failures come through the pool intact.
 * Runs the built dist/cli/cli.js (npm test builds first).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CliRun, repoRoot as root, runCli } from '../support/cli';

let dir: string;

function planlint(args: string[], workers: string): CliRun {
  return runCli(args, { cwd: dir, env: { NO_COLOR: '1', PLANLINT_WORKERS: workers, PLANLINT_DEBUG: '1' } });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planlint-pool-'));
  const drafts = join(root, 'test/fixtures/drafts');
  let n = 0;
  // nested folders, so the order of the walk matters
  mkdirSync(join(dir, 'a'), { recursive: true });
  mkdirSync(join(dir, 'b/c'), { recursive: true });
  for (const f of readdirSync(drafts)) {
    const sub = n % 2 ? 'a' : 'b/c';
    copyFileSync(join(drafts, f), join(dir, sub, `${String(n++).padStart(2, '0')}-${f}`));
  }
  // a draft that names its own profile in the front matter (a copy of the built-in with another id)
  const profile = readFileSync(join(root, 'server/src/profile/national-2022.yaml'), 'utf8').replace(/^id: national-2022$/m, 'id: park-2024');
  writeFileSync(join(dir, 'park.yaml'), profile);
  writeFileSync(join(dir, 'a', 'park.md'), `---\nplanlint:\n  profile: ../park.yaml\n---\n\n${readFileSync(join(drafts, 'gaps-zh.md'), 'utf8')}`);
  // files that cannot be checked: their reasons go to stderr in input order
  writeFileSync(join(dir, 'a', 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
  writeFileSync(join(dir, 'b', 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0xe8, 0x0a]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planlint check in worker threads', () => {
  test('json: the same report as one thread, files in walk order', () => {
    const one = planlint(['check', '.', '--format', 'json'], '0');
    const pool = planlint(['check', '.', '--format', 'json'], '3');
    expect(pool.stderr).toMatch(/worker threads/);
    expect(one.stderr).not.toMatch(/worker threads/);
    expect(pool.code).toBe(one.code);
    expect(pool.code).toBe(2); // the two unreadable files
    expect(pool.stdout).toBe(one.stdout);
    const strip = (s: string) => s.split('\n').filter((l) => !/worker threads/.test(l));
    expect(strip(pool.stderr)).toEqual(strip(one.stderr));
    expect(strip(pool.stderr).filter((l) => l.startsWith('planlint: cannot read'))).toEqual([
      'planlint: cannot read a/binary.md: binary file (NUL bytes)',
      'planlint: cannot read b/latin1.md: not UTF-8 text',
    ]);
    const report = JSON.parse(pool.stdout) as { files: Array<{ path: string; diagnostics: unknown[] }> };
    const paths = report.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('a/park.md');
    expect(paths.length).toBeGreaterThan(10);
  }, 300_000);

  test('markdown (which reads the profile of each file) agrees too', () => {
    const one = planlint(['check', '.', '--format', 'markdown'], '0');
    const pool = planlint(['check', '.', '--format', 'markdown'], '2');
    expect(pool.stderr).toMatch(/2 worker threads/);
    expect(pool.stdout).toBe(one.stdout);
    expect(pool.stdout).toContain('park.md');
  }, 300_000);
});
