/**
 * `planlint check` over many files on every core: worker threads running this same bundle, each
 * with its own settings cache, take files one at a time (so one huge draft does not hold up a
 * queue), read each file once and send back its analysis. Results are put back in input order, so
 * the output is the same as a run in one thread. PLANLINT_WORKERS=0 (or 1) keeps everything in-process.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AnalysisResult } from '../analysis/types';
import type { PlanModel } from '../document/types';
import { getLocale, setLocale } from '../l10n';
import type { CheckOptions } from './args';
import type { Input } from './files';

/**
 * What checking one file came to: its analysis (and the front-matter profile reference it
 * resolved, if any), why it failed, or nothing (not a plan). The model stays in the thread that parsed it.
 */
export type Outcome = { result: AnalysisResult; model?: PlanModel; profileRef?: string } | { failure: string } | undefined;

export type CheckOne = (input: Input, index: number) => Outcome;

interface Job {
  planlint: 'check-worker';
  options: CheckOptions;
  cwd: string;
  locale: string;
}

type Task = { index: number; input: Input } | null;
type Reply = { index: number; outcome: Outcome } | { index: number; crashed: string };

/** Below this many files a pool costs more (each worker loads the bundle) than it saves. */
const MIN_FILES = 8;
const FILES_PER_WORKER = 4;

/** The bundle to start workers from (dist/cli/cli.js); undefined when not running from it (tests on the sources). */
function entry(): string | undefined {
  return typeof __filename === 'string' && /\.c?js$/.test(__filename) ? __filename : undefined;
}

export function poolSize(files: number): number {
  const env = process.env.PLANLINT_WORKERS;
  const cores = env !== undefined && /^\d+$/.test(env.trim()) ? Number(env) : availableParallelism();
  if (cores < 2 || files < MIN_FILES || !entry()) return 0;
  return Math.min(cores, Math.ceil(files / FILES_PER_WORKER));
}

/** Is this thread a check worker (started by runInPool)? */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Job | undefined)?.planlint === 'check-worker';
}

/** Check every input; `checkOne` is this thread's checker (also used when a worker dies). */
export async function runInPool(inputs: Input[], size: number, options: CheckOptions, cwd: string, checkOne: CheckOne): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(inputs.length);
  const done: boolean[] = new Array(inputs.length).fill(false);
  let next = 0;
  const job: Job = { planlint: 'check-worker', options, cwd, locale: getLocale() };
  if (process.env.PLANLINT_DEBUG) process.stderr.write(`planlint: ${inputs.length} files, ${size} worker threads\n`);
  const runWorker = () =>
    new Promise<void>((resolve) => {
      // a larger young generation: parsing allocates briskly, and fewer scavenges save about a sixth of the time
      const worker = new Worker(entry()!, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
      let current = -1;
      const feed = () => {
        current = next < inputs.length ? next++ : -1;
        worker.postMessage((current >= 0 ? { index: current, input: inputs[current] } : null) satisfies Task);
      };
      worker.on('message', (r: Reply) => {
        // a file the worker could not even try is checked here at the end
        if (!('crashed' in r)) {
          outcomes[r.index] = r.outcome && 'result' in r.outcome ? { ...r.outcome, model: undefined } : r.outcome;
          done[r.index] = true;
        }
        feed();
      });
      // a worker that dies leaves its file (and nothing else) to this thread
      worker.on('error', () => undefined);
      worker.on('exit', () => resolve());
      feed();
    });
  await Promise.all(Array.from({ length: size }, runWorker));
  for (let i = 0; i < inputs.length; i++) if (!done[i]) outcomes[i] = checkOne(inputs[i], i);
  return outcomes;
}

/** The worker side: check what the main thread sends until it sends null. */
export function serveChecks(makeChecker: (options: CheckOptions, cwd: string) => CheckOne): void {
  const job = workerData as Job;
  setLocale(job.locale);
  const port = parentPort!;
  let check: CheckOne | undefined;
  port.on('message', (task: Task) => {
    if (!task) {
      port.close();
      return;
    }
    try {
      check ??= makeChecker(job.options, job.cwd);
      const outcome = check(task.input, task.index);
      // the model is not sent back: the formatters do not need it and it is large
      port.postMessage({ index: task.index, outcome: outcome && 'result' in outcome ? { result: outcome.result, profileRef: outcome.profileRef } : outcome } satisfies Reply);
    } catch (e) {
      port.postMessage({ index: task.index, crashed: (e as Error).message } satisfies Reply);
    }
  });
}
