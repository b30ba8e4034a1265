// What the UI scripts (story.ts, report.ts) share around their steps: a tagged log, plain checks,
// and the tools they need before the first step (code-server, the packaged .vsix, dist/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/codeServer';

export type Log = (msg: string) => void;

/** console.log with the script's tag and the time: "[e2e 12:34:56] …". */
export function logger(tag: string): Log {
  return (msg) => console.log(`[${tag} ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

export function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

function sh(log: Log, cmd: string, args: string[]): void {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

/** Runs scripts/install-code-server.sh (it reuses a cached install), then packages `vsix` and builds dist/ where missing. */
export function prepare(log: Log, vsix: string): void {
  sh(log, 'bash', [join(repoRoot, 'scripts/install-code-server.sh')]);
  if (!existsSync(vsix)) sh(log, process.execPath, [join(repoRoot, 'scripts/package.mjs')]);
  if (!existsSync(join(repoRoot, 'dist/cli/cli.js'))) sh(log, process.execPath, [join(repoRoot, 'scripts/build.mjs')]);
}
