/** Worker-thread entry (dist/server/largeDocWorker.js): checks one large document at a time for the server. */
import { parentPort } from 'node:worker_threads';
import { setLocale } from '../l10n';
import { analyseText } from './analyse';
import type { LargeJob, LargeResult } from './largeDocs';
import { Resolver } from './resolve';

let folders: string[] = [];
let trusted = true;
const resolver = new Resolver(
  () => folders,
  () => trusted,
);

parentPort!.on('message', ({ id, job, locale }: { id: number; job: LargeJob; locale: string }) => {
  try {
    setLocale(locale);
    folders = job.folders;
    trusted = job.trusted;
    resolver.clear(); // config files may have changed since the last job

    const a = analyseText(job.uri, 0, job.text, job.settings, resolver);
    const result: LargeResult = { isPlan: a.analysis.isPlan, findings: a.analysis.result.findings, problems: a.problems };
    parentPort!.postMessage({ id, result });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
