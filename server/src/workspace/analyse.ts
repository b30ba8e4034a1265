/** One document version → DocAnalysis, with the document's config and profile; and a per-version cache. */
import { URI } from 'vscode-uri';
import { checkText } from '../engine';
import type { LibraryRef } from '../snippets/refs';
import type { Resolver } from './resolve';
import type { ClientSettings } from './settings';
import type { DocAnalysis, FileProblems } from './types';

export interface Analysed {
  analysis: DocAnalysis;
  /** Problems of config / profile files met on the way (published on those files). */
  problems: FileProblems[];
  /** The document's team snippet libraries. */
  libraries: LibraryRef[];
  /** Settings entries left out, and why (for the server log). */
  notes: string[];
}

export function uriToPath(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export function analyseText(uri: string, version: number, text: string, settings: ClientSettings, resolver: Resolver): Analysed {
  const path = uriToPath(uri);
  const r = resolver.resolve(path, settings);
  const checked = checkText(text, {
    profile: r.profile,
    config: r.config,
    path,
    resolveProfile: (ref: string) => (r.baseDir ? resolver.profileRef(ref, r.baseDir) : undefined),
    includeMatched: r.included,
  });
  const isPlan = settings.enable && checked.isPlan;
  return {
    analysis: { uri, version, model: checked.model, result: checked.result, isPlan, profile: r.profile, config: r.config },
    problems: r.problems,
    libraries: r.libraries,
    notes: r.notes,
  };
}

/**
 * Analysis runs once per document version and is shared by every feature. Concurrent requests for
 * the same version share one computation; a newer version replaces the entry.
 */
export class AnalysisCache {
  private entries = new Map<string, { version: number; value: Promise<Analysed> }>();

  get(uri: string, version: number, compute: () => Promise<Analysed>): Promise<Analysed> {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit.value;
    const value = compute();
    this.entries.set(uri, { version, value });
    value.catch(() => {
      if (this.entries.get(uri)?.value === value) this.entries.delete(uri);
    });
    return value;
  }

  /** The cached analysis if it is for exactly this version. */
  peek(uri: string, version: number): Promise<Analysed> | undefined {
    const hit = this.entries.get(uri);
    return hit && hit.version === version ? hit.value : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Settings or config changed: every document must be analysed again. */
  clear(): void {
    this.entries.clear();
  }
}
