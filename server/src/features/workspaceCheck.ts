/** `planlint/checkWorkspace`: check every plan file under the workspace folders without opening it. */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { CheckWorkspaceResult } from '../protocol';
import type { Analysed } from '../workspace/analyse';
import { diagnosticsOf } from './diagnostics';

export interface WorkspaceCheckHost {
  files: string[];
  /** The analysis of an open document (it keeps its own diagnostics), undefined when not open. */
  openAnalysis(uri: string): Promise<Analysed | undefined>;
  analyse(uri: string, text: string): Analysed;
  publish(uri: string, diagnostics: Diagnostic[], analysed: Analysed): void;
  progress(message: string, percentage: number): void;
  cancelled(): boolean;
}

const SEVERITY_KEY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;

export async function checkWorkspace(host: WorkspaceCheckHost): Promise<CheckWorkspaceResult> {
  const result: CheckWorkspaceResult = { files: 0, plans: 0, counts: { error: 0, warning: 0, information: 0, hint: 0 }, cancelled: false };
  const total = host.files.length;
  for (let i = 0; i < total; i++) {
    if (host.cancelled()) return { ...result, cancelled: true };
    const file = host.files[i];
    const uri = URI.file(file).toString();
    host.progress(`${i + 1}/${total}: ${file}`, Math.round((i / Math.max(total, 1)) * 100));
    const open = await host.openAnalysis(uri);
    let analysed = open;
    if (!analysed) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      analysed = host.analyse(uri, text);
    }
    result.files++;
    const diagnostics = diagnosticsOf(analysed.analysis);
    if (analysed.analysis.isPlan) result.plans++;
    for (const d of diagnostics) result.counts[SEVERITY_KEY[d.severity ?? 1]]++;
    if (!open) host.publish(uri, diagnostics, analysed);
    // Let cancellation and other requests through between files.
    await new Promise((r) => setImmediate(r));
  }
  return result;
}
