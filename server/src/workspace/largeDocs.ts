/**
 * Degraded mode for documents too large to check as they are typed: no live analysis (each edit
 * would hold the server for seconds), one information diagnostic saying so, and a full check in a
 * worker thread when the document is opened or saved, so that other documents are served meanwhile.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding } from '../analysis/types';
import { getLocale, t } from '../l10n';
import type { ClientSettings } from './settings';
import type { FileProblems } from './types';

/** UTF-16 units: about 2 MB of English or 6 MB of Chinese UTF-8. */
export const LIVE_LIMIT = Number(process.env.PLANLINT_LIVE_LIMIT) || 2_000_000;

export function isTooLarge(text: string | undefined): boolean {
  return typeof text === 'string' && text.length > LIVE_LIMIT;
}

const mb = (n: number) => (n / 1_000_000).toFixed(1);

export function tooLargeMessage(uri: string, length: number): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return t(
    '{0} is too large for live checking ({1} million characters; the limit is {2} million). PlanLint checks it when it is opened and each time it is saved.',
    name,
    mb(length),
    mb(LIVE_LIMIT),
  );
}

export function tooLargeDiagnostic(uri: string, length: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'planlint',
    message: tooLargeMessage(uri, length),
  };
}

export interface LargeJob {
  uri: string;
  text: string;
  settings: ClientSettings;
  folders: string[];
  trusted: boolean;
}

export interface LargeResult {
  isPlan: boolean;
  findings: Finding[];
  problems: FileProblems[];
}

type Reply = { id: number; result: LargeResult } | { id: number; error: string };

/** One worker thread (dist/server/largeDocWorker.js) checking large documents one at a time. */
export class LargeDocChecker {
  private worker: Worker | undefined;
  private next = 1;
  private pending = new Map<number, { resolve: (r: LargeResult) => void; reject: (e: Error) => void }>();

  constructor(private readonly script = join(__dirname, 'largeDocWorker.js')) {}

  check(job: LargeJob): Promise<LargeResult> {
    const id = this.next++;
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job, locale: getLocale() });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (r: Reply) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      if ('error' in r) p?.reject(new Error(r.error));
      else p?.resolve(r.result);
    });
    const fail = (e: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the large-document worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
