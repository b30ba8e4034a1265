/** One document version → DocAnalysis, with the document's config and profile; and a per-version cache. */
import { URI } from 'vscode-uri';
import { Analyzer } from '../analysis';
import { checkText } from '../engine';
import type { PlanModel } from '../document/types';
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

/**
 * `model`: the model of `text` when the caller has it (updated incrementally from an earlier
 * version); `analyzer`: the document's, which redoes only what changed since its last analysis.
 */
export function analyseText(
  uri: string,
  version: number,
  text: string,
  settings: ClientSettings,
  resolver: Resolver,
  model?: PlanModel,
  analyzer?: Analyzer,
): Analysed {
  const path = uriToPath(uri);
  const r = resolver.resolve(path, settings);
  const checked = checkText(text, {
    model,
    profile: r.profile,
    config: r.config,
    path,
    resolveProfile: (ref: string) => (r.baseDir ? resolver.profileRef(ref, r.baseDir, r.problems) : undefined),
    includeMatched: r.included,
    analyzer,
  });
  const isPlan = settings.enable && checked.isPlan;
  return {
    analysis: { uri, version, model: checked.model, result: checked.result, isPlan, profile: checked.profile, config: r.config },
    problems: r.problems,
    libraries: r.libraries,
    notes: r.notes,
  };
}

/** A document's model and the version it is the model of. */
export interface KeptModel {
  model: PlanModel;
  version: number;
}

/** A newer version of the document made this analysis pointless; ask again for the latest. */
export class Superseded extends Error {}

/**
 * Analysis runs once per document version and is shared by every feature. Concurrent requests for
 * the same version share one computation; a newer version replaces the entry. Computations for one
 * document run one after the other, each getting the newest model parsed so far (the base of an
 * incremental update), so a version that is already stale when its turn comes can be skipped.
 */
export class AnalysisCache {
  private entries = new Map<string, { version: number; value: Promise<Analysed> }>();
  /** The newest model per document and its version: settings changes do not touch it, only closing the document. */
  private models = new Map<string, KeptModel>();
  private analyzers = new Map<string, Analyzer>();

  get(uri: string, version: number, compute: (previous: KeptModel | undefined) => Promise<Analysed>): Promise<Analysed> {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit.value;
    const settled = () => undefined;
    const before = hit ? hit.value.then(settled, settled) : Promise.resolve();
    const value = before.then(() => compute(this.models.get(uri)));
    this.entries.set(uri, { version, value });
    value.catch(() => {
      if (this.entries.get(uri)?.value === value) this.entries.delete(uri);
    });
    return value;
  }

  /** The document's analyzer (its state follows the document's models from one version to the next). */
  analyzer(uri: string): Analyzer {
    let a = this.analyzers.get(uri);
    if (!a) this.analyzers.set(uri, (a = new Analyzer()));
    return a;
  }

  /** Keep the model just parsed (of the document's `version`) as the base of the next update. */
  keepModel(uri: string, model: PlanModel, version: number): void {
    this.models.set(uri, { model, version });
  }

  /** The cached analysis if it is for exactly this version. */
  peek(uri: string, version: number): Promise<Analysed> | undefined {
    const hit = this.entries.get(uri);
    return hit && hit.version === version ? hit.value : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.models.delete(uri);
    this.analyzers.delete(uri);
  }

  /** How many documents have an entry and a kept model (memory checks of the tests). */
  sizes(): { entries: number; models: number; analyzers: number } {
    return { entries: this.entries.size, models: this.models.size, analyzers: this.analyzers.size };
  }

  /** Settings or config changed: every document must be analysed again (its model stays valid). */
  clear(): void {
    this.entries.clear();
  }
}
