// The CLI tests' way of running `planlint`: the built dist/cli/cli.js (or $PLANLINT_CLI_JS) as a child process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

export const repoRoot = resolve(__dirname, '../..');
export const cliJs = process.env.PLANLINT_CLI_JS ?? join(repoRoot, 'dist/cli/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails with what to do when the CLI has not been built (call it in beforeAll). */
export function requireBuiltCli(): void {
  if (!existsSync(cliJs)) throw new Error(`${cliJs} is missing: run \`npm run build\` first (npm test builds before testing)`);
}

/** `planlint ARGS` in `cwd` (default: the repository root), with English messages (LANG=C) unless `env` says otherwise. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...opts.env };
  const r = spawnSync(process.execPath, [cliJs, ...args], { cwd: opts.cwd ?? repoRoot, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A refused run: exit 2, nothing on stdout, one line on stderr (exactly `message`, or matching it). */
export function expectRefused(r: CliRun, message: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toBe(message);
  else expect(lines[0]).toMatch(message);
}
