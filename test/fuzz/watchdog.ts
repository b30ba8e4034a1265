/**
 * Runs a fuzz property in a worker thread with a per-case time budget proportional to the case's
 * size. A synchronous hang cannot be interrupted from inside (a vitest timeout never fires while the
 * event loop is blocked), so the worker announces each case and the main thread terminates it when
 * the budget runs out, saving the input under test-results/fuzz/ for replay.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { repoRoot } from './arbitraries';

export interface WorkerJob {
  property: string;
  runs: number;
  seed: number;
  scale: number;
  endOnFailure?: boolean;
}

export interface Totals {
  cases: number;
  bytes: number;
  maxBytes: number;
  findings: number;
  actions: number;
  inserts: number;
}

export type WorkerMessage =
  | { type: 'case'; index: number; name: string; size: number; text: string; /** JSON of the profile terms added, if any. */ terms?: string }
  | { type: 'done'; totals: Totals; failure?: string };

export interface WatchdogResult extends Totals {
  property: string;
  seed: number;
  failure?: string;
}

/**
 * The worker's stack, as small as the language server's main thread has (V8's default, 984 KB): with
 * a worker's default 4 MB, inputs that overflow the server's stack passed (a profile term of 8 000
 * words compiled into one regular expression).
 */
const MAIN_THREAD_STACK_MB = 0.96;

/** Generous: a fixed allowance plus 60 ms per KB. Catches hangs and super-linear blow-ups, not slowness. */
export function budgetMs(size: number): number {
  return 20_000 + Math.ceil(size / 1024) * 60;
}

let bundled: string | undefined;

/** The worker entry bundled with esbuild (the loaders of scripts/build.mjs), once per process. */
export function workerBundle(): string {
  if (bundled) return bundled;
  const out = resolve(repoRoot, 'out/fuzz', `worker-${process.pid}.cjs`);
  buildSync({
    entryPoints: [resolve(repoRoot, 'test/fuzz/worker.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    loader: { '.yaml': 'text', '.code-snippets': 'json' },
    define: { 'import.meta.url': '__fuzz_import_meta_url' },
    banner: { js: "const __fuzz_import_meta_url = require('url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  bundled = out;
  return out;
}

/** Saves a failing input (and the profile terms it ran with, beside it as .terms.json). */
export function saveCase(property: string, name: string, text: string, terms?: string): string {
  const dir = resolve(repoRoot, 'test-results/fuzz');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${property}-${name.replace(/[^\w.-]+/g, '_')}-${Date.now()}.md`);
  writeFileSync(file, text);
  if (terms) writeFileSync(file.replace(/\.md$/, '.terms.json'), terms);
  return file;
}

export function runProperty(job: WorkerJob): Promise<WatchdogResult> {
  const worker = new Worker(workerBundle(), { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 2048, stackSizeMb: MAIN_THREAD_STACK_MB } });
  return new Promise((resolveRun, reject) => {
    let current: Extract<WorkerMessage, { type: 'case' }> | undefined;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      void worker.terminate();
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'case') {
        current = m;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          const file = saveCase(job.property, m.name, m.text, m.terms);
          finish(() =>
            reject(new Error(`${job.property}: case ${m.index} (${m.name}, ${m.size} chars) did not finish within ${budgetMs(m.size)} ms; input saved to ${file}`)),
          );
        }, budgetMs(m.size));
      } else {
        const failure = m.failure && current ? `${m.failure}\n(last case: ${current.name}, ${current.size} chars)` : m.failure;
        finish(() => resolveRun({ property: job.property, seed: job.seed, ...m.totals, failure }));
      }
    });
    worker.on('error', (e) => {
      const file = current ? saveCase(job.property, current.name, current.text, current.terms) : undefined;
      finish(() => reject(new Error(`${job.property}: the worker died: ${e.message}${file ? `; input saved to ${file}` : ''}`)));
    });
    worker.on('exit', (code) => finish(() => reject(new Error(`${job.property}: the worker exited (${code}) before reporting`))));
  });
}

/** Runs and scale of the fuzz tier: small fixed ones in CI, `npm run fuzz -- --runs N` for more. */
export function fuzzSettings(ciRuns: number): { runs: number; seed: number; scale: number } {
  const runs = Number(process.env.PLANLINT_FUZZ_RUNS) || ciRuns;
  const seed = Number(process.env.PLANLINT_FUZZ_SEED) || 20_221_017;
  const scale = Number(process.env.PLANLINT_FUZZ_SCALE) || 1;
  return { runs, seed, scale };
}

/** One line per run for the robustness report (appended when PLANLINT_FUZZ_LOG names a file). */
export function logResult(r: WatchdogResult): void {
  const line = `${r.property}\tseed=${r.seed}\tcases=${r.cases}\tbytes=${r.bytes}\tmax=${r.maxBytes}\tfindings=${r.findings}\tactions=${r.actions}\tinserts=${r.inserts}\t${r.failure ? 'FAILED' : 'ok'}\n`;
  if (process.env.PLANLINT_FUZZ_LOG) writeFileSync(process.env.PLANLINT_FUZZ_LOG, line, { flag: 'a' });
}
