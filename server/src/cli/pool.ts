/**
 * `planlint check` over many files in worker threads running this same bundle, each with its own
 * settings cache and a young generation twice the main thread's (a check allocates briskly: with
 * V8's default, scavenges took a third of a run). A worker costs a start-up (loading the bundle,
 * warming up) worth a few hundred kilobytes of drafts, so there are workers only for that much
 * work, at most one per core that other programs leave free (by the load average; at least one);
 * smaller runs stay in this thread. Workers take files two at a time (so one huge draft holds up
 * at most one other) and read each file once. Results are put back in
 * input order, so the output is the same as a run in one thread. The built-in profile is parsed
 * here once, while the workers start, and sent to them. PLANLINT_WORKERS=N starts exactly N
 * workers (0: everything in this thread).
 */
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AnalysisResult } from '../analysis/types';
import { getLocale, setLocale } from '../l10n';
import { loadBuiltinProfile, primeBuiltinProfile } from '../profile';
import type { Profile } from '../profile/types';
import type { CheckOptions } from './args';
import type { Input } from './files';

/**
 * What checking one file came to: its analysis (and the front-matter profile reference it
 * resolved, if any), why it failed, or nothing (not a plan).
 */
export type Outcome = { result: AnalysisResult; profileRef?: string } | { failure: string } | undefined;

export type CheckOne = (input: Input, index: number) => Outcome;

interface Job {
  planlint: 'check-worker';
  options: CheckOptions;
  cwd: string;
  locale: string;
}

type Task = { index: number; input: Input } | { profiles: Profile[] } | null;
type Reply = { index: number; outcome: Outcome } | { index: number; crashed: string };

/**
 * Files sent ahead to each worker: with one at a time a worker waited for the main thread's reply
 * (reading the next file, passing it over) after every draft, 5% of its time on 200 drafts.
 */
const IN_FLIGHT = 2;
/** Bytes of drafts that pay for starting one more worker. */
export const BYTES_PER_WORKER = 300_000;
/** A worker's young generation: 32 MB semi-spaces, twice V8's default here (checking 200 drafts: 174 -> 91 scavenges, a quarter less CPU). */
const YOUNG_GENERATION_MB = 96;

/** The bundle to start workers from (dist/cli/cli.js); undefined when not running from it (tests on the sources). */
function entry(): string | undefined {
  return typeof __filename === 'string' && /\.c?js$/.test(__filename) ? __filename : undefined;
}

/** How many worker threads to start for `files` files of `bytes` bytes in all (0: check in this thread). */
export function poolSize(files: number, bytes: number): number {
  if (!entry() || files < 2) return 0;
  const env = process.env.PLANLINT_WORKERS;
  if (env !== undefined && /^\d+$/.test(env.trim())) return Math.min(Number(env), files);
  // cores other programs keep busy would only make the workers take turns (and each costs its start-up)
  const free = Math.max(1, Math.round(availableParallelism() - loadavg()[0]));
  return Math.min(free, Math.floor(bytes / BYTES_PER_WORKER), files);
}

/** Is this thread a check worker (started by runInPool)? */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Job | undefined)?.planlint === 'check-worker';
}

/** Check every input in `size` workers; `checkOne` is this thread's checker, for the files a dead worker left. */
export async function runInPool(inputs: Input[], size: number, options: CheckOptions, cwd: string, checkOne: CheckOne): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(inputs.length);
  const done: boolean[] = new Array(inputs.length).fill(false);
  let next = 0;
  const job: Job = { planlint: 'check-worker', options, cwd, locale: getLocale() };
  if (process.env.PLANLINT_DEBUG) process.stderr.write(`planlint: ${inputs.length} files, ${size} worker threads\n`);
  const workers: { worker: Worker; feed: () => void }[] = [];
  const exited = Array.from(
    { length: size },
    () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(entry()!, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
        const feed = () => {
          const i = next < inputs.length ? next++ : -1;
          worker.postMessage((i >= 0 ? { index: i, input: inputs[i] } : null) satisfies Task);
        };
        worker.on('message', (r: Reply) => {
          // a file the worker could not even try is checked here at the end
          if (!('crashed' in r)) {
            outcomes[r.index] = r.outcome;
            done[r.index] = true;
          }
          feed();
        });
        // a worker that dies leaves its file (and nothing else) to this thread
        worker.on('error', () => undefined);
        worker.on('exit', () => resolve());
        workers.push({ worker, feed });
      }),
  );
  let profiles: Profile[] = [];
  try {
    profiles = [loadBuiltinProfile()];
  } catch {
    // a broken built-in is reported by each file's check
  }
  for (const { worker, feed } of workers) {
    worker.postMessage({ profiles } satisfies Task);
    for (let k = 0; k < IN_FLIGHT; k++) feed();
  }
  await Promise.all(exited);
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
    if ('profiles' in task) {
      for (const p of task.profiles) primeBuiltinProfile(p);
      return;
    }
    try {
      check ??= makeChecker(job.options, job.cwd);
      port.postMessage({ index: task.index, outcome: check(task.input, task.index) } satisfies Reply);
    } catch (e) {
      port.postMessage({ index: task.index, crashed: (e as Error).message } satisfies Reply);
    }
  });
}
