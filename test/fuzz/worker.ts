/**
 * Worker-thread entry of the fuzz watchdog (bundled by watchdog.ts). Runs one property with
 * fast-check, or replays the corpus, announcing each case before it runs so that the main thread
 * can stop a case that hangs and save its input.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { CORPUS, type FuzzCase, PROPERTIES, type Property } from './properties';
import type { WorkerJob, WorkerMessage } from './watchdog';

const job = workerData as WorkerJob;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

function run(): void {
  const totals = { cases: 0, bytes: 0, maxBytes: 0, findings: 0, actions: 0, inserts: 0 };
  const one = (c: FuzzCase, check: Property['check']) => {
    const { seed: name, text } = c;
    post({ type: 'case', index: totals.cases, name, size: text.length, text, terms: c.terms && JSON.stringify(c.terms) });
    const s = check(c);
    totals.cases++;
    totals.bytes += text.length;
    totals.maxBytes = Math.max(totals.maxBytes, text.length);
    totals.findings += s.findings;
    totals.actions += s.actions;
    totals.inserts += s.inserts;
  };
  if (job.property === 'corpus') {
    const failures: string[] = [];
    for (const [name, make] of Object.entries(CORPUS)) {
      try {
        one({ seed: name, text: make() }, PROPERTIES.analysis.check);
      } catch (e) {
        failures.push(`${name}: ${(e as Error).message}`);
      }
    }
    post({ type: 'done', totals, failure: failures.length ? failures.join('\n') : undefined });
    return;
  }
  const property = PROPERTIES[job.property];
  if (!property) throw new Error(`unknown property ${job.property}`);
  const result = fc.check(
    fc.property(property.arbitrary(job.scale), (d) => {
      one(d, property.check);
    }),
    { numRuns: job.runs, seed: job.seed, endOnFailure: job.endOnFailure ?? false },
  );
  post({
    type: 'done',
    totals: { ...totals, cases: result.numRuns },
    failure: result.failed ? `${String((result.errorInstance as Error)?.message ?? result.errorInstance).slice(0, 4000)}\n${(fc.defaultReportMessage(result) ?? 'failed').slice(0, 20_000)}` : undefined,
  });
}

try {
  run();
} catch (e) {
  post({ type: 'done', totals: { cases: 0, bytes: 0, maxBytes: 0, findings: 0, actions: 0, inserts: 0 }, failure: String((e as Error).stack ?? e) });
}
