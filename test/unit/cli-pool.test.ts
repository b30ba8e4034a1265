/**
 * How `planlint check` sizes its worker pool: small runs stay in one thread (a worker's start-up
 * would cost more than it saves), larger ones get a worker per BYTES_PER_WORKER of drafts, at most
 * one per free core; either way the report is the same as one thread's. Runs the built dist/cli/cli.js.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeCorpus } from '../../bench/generate.mjs';
import { BYTES_PER_WORKER } from '../../server/src/cli/pool';
import { requireBuiltCli, runCli } from '../support/cli';

let dir: string;
const planlint = (folder: string, env: Record<string, string> = {}) =>
  runCli(['check', folder, '--format', 'json'], { cwd: dir, env: { NO_COLOR: '1', PLANLINT_DEBUG: '1', ...env } });
const workersLine = (stderr: string) => /(\d+) worker threads/.exec(stderr)?.[1];

beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 'planlint-pool-size-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planlint check: worker threads by the size of the run', () => {
  test('a few drafts are checked in one thread', () => {
    const files = writeCorpus(join(dir, 'few'), 3);
    expect(files.reduce((n, f) => n + statSync(f).size, 0)).toBeLessThan(BYTES_PER_WORKER);
    const run = planlint('few');
    expect(workersLine(run.stderr)).toBeUndefined();
    expect(run.stdout).toBe(planlint('few', { PLANLINT_WORKERS: '0' }).stdout);
  }, 120_000);

  test('drafts worth two workers get workers, with the report of one thread', () => {
    const files = writeCorpus(join(dir, 'many'), 30, 11);
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    expect(bytes).toBeGreaterThan(2 * BYTES_PER_WORKER);
    const pool = planlint('many');
    // one per BYTES_PER_WORKER, at most one per core (fewer when the machine is busy), at least one
    const workers = Number(workersLine(pool.stderr));
    expect(workers).toBeGreaterThanOrEqual(1);
    expect(workers).toBeLessThanOrEqual(Math.min(availableParallelism(), Math.floor(bytes / BYTES_PER_WORKER)));
    const one = planlint('many', { PLANLINT_WORKERS: '0' });
    expect(workersLine(one.stderr)).toBeUndefined();
    expect(pool.code).toBe(one.code);
    expect(pool.stdout).toBe(one.stdout);
    expect((JSON.parse(pool.stdout) as { files: unknown[] }).files).toHaveLength(30);
  }, 300_000);
});
