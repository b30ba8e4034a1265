/** What one run of `planlint check` found: the input of every formatter. */
import type { AnalysisResult, Severity } from '../analysis/types';
import type { PlanModel } from '../document/types';
import type { Profile } from '../profile/types';
import { relative, sep } from 'node:path';

export interface FileReport {
  /** Relative to the current folder, with forward slashes. */
  path: string;
  /** Absolute path on disk. */
  absPath: string;
  profile: Profile;
  model?: PlanModel;
  result: AnalysisResult;
}

export interface RunReport {
  /** Id of the profile of the run (the first file's when files differ). */
  profile: string;
  files: FileReport[];
  /** One-line reasons the run failed (bad files, invalid config); each goes to stderr. */
  failures: string[];
  /** Folder that relative paths are relative to. */
  cwd: string;
}

export function countBySeverity(files: FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of files) for (const finding of f.result.findings) counts[finding.severity]++;
  return counts;
}

export function exitCode(run: RunReport): 0 | 1 | 2 {
  if (run.failures.length) return 2;
  return countBySeverity(run.files).error > 0 ? 1 : 0;
}

/** A path relative to the current folder, with forward slashes. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}
