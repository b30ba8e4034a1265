/** Runs `planlint check`: expands the paths, reads each file once, finds its config and profile, analyses it. */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkText } from '../engine';
import { t } from '../l10n';
import type { CheckOptions } from './args';
import { expandPaths, type Input } from './files';
import { readText } from './read';
import { displayPath, type FileReport, type RunReport } from './report';
import { type CheckOne, type Outcome, poolSize, runInPool } from './pool';
import { Settings, SetupError } from './settings';

/** Throws SetupError when the run cannot start at all (invalid --config or --profile). */
export async function runCheck(options: CheckOptions, cwd: string): Promise<RunReport> {
  const settings = new Settings(options, cwd);
  const { inputs, missing } = await expandPaths(options.paths, cwd);
  const failures = missing.map((p) => t('cannot read {0}: {1}', p, t('no such file')));
  const files: FileReport[] = [];
  const checkOne = checker(options, cwd, settings);
  const size = poolSize(inputs.length, totalBytes(inputs));
  const outcomes = size > 0 ? await runInPool(inputs, size, options, cwd, checkOne) : inputs.map(checkOne);
  inputs.forEach((input, i) => {
    const outcome = outcomes[i];
    if (outcome && 'failure' in outcome) {
      if (!failures.includes(outcome.failure)) failures.push(outcome.failure);
    } else if (outcome) {
      files.push(fileReport(input, cwd, outcome, options, settings));
    }
  });
  failures.push(...settings.libraryFailures());
  return { profile: files[0]?.result.profile ?? settings.defaultProfileId(), files, failures, cwd };
}

/** The inputs' sizes in all (what decides whether worker threads pay); unreadable files count 0 here and fail in their check. */
function totalBytes(inputs: Input[]): number {
  let n = 0;
  for (const input of inputs) {
    try {
      n += statSync(input.path).size;
    } catch {
      // reported when the file is read
    }
  }
  return n;
}

/** Checks one file with these settings (in this thread, or in a pool worker with its own settings). */
export function checker(options: CheckOptions, cwd: string, settings = new Settings(options, cwd)): CheckOne {
  return (input) => {
    try {
      return checkFile(input, options, settings, cwd);
    } catch (e) {
      return { failure: t('cannot check {0}: {1}', displayPath(input.path, cwd), (e as Error).message) };
    }
  };
}

/** One file: its analysis, why it could not be checked, or undefined when it is not a plan. */
function checkFile(input: Input, options: CheckOptions, settings: Settings, cwd: string): Outcome {
  const read = readText(input.path);
  if ('error' in read) return { failure: t('cannot read {0}: {1}', displayPath(input.path, cwd), read.error) };
  const fileSettings = settings.forFile(input.path);
  if ('error' in fileSettings) return { failure: fileSettings.error };
  const { config, profile, included } = fileSettings;
  let profileRef: string | undefined;
  const checked = checkText(read.text, {
    profile,
    config,
    path: input.path,
    includeMatched: included,
    // --profile beats front matter; otherwise a front-matter reference is relative to the draft.
    resolveProfile: options.profile
      ? () => profile
      : (ref: string) => {
          profileRef = ref;
          return settings.resolveProfile(ref, dirname(input.path));
        },
  });
  if (!input.explicit && !checked.isPlan && !included) return undefined;
  // the model is not kept: no formatter needs it, and 200 drafts' models made garbage collection a third of a run
  return { result: checked.result, profileRef };
}

/** The report of a checked file; the profile is looked up here (a pool worker sends back only its id and reference). */
function fileReport(input: Input, cwd: string, outcome: Exclude<Outcome, undefined | { failure: string }>, options: CheckOptions, settings: Settings): FileReport {
  const fileSettings = settings.forFile(input.path);
  let profile = 'error' in fileSettings ? undefined : fileSettings.profile;
  if (outcome.profileRef && !options.profile && outcome.result.profile !== profile?.id) {
    profile = settings.resolveProfile(outcome.profileRef, dirname(input.path)) ?? profile;
  }
  const id = outcome.result.profile;
  const resolved = profile && id === profile.id ? profile : (settings.profileById(id) ?? profile);
  return { path: displayPath(input.path, cwd), absPath: input.path, profile: resolved!, result: outcome.result };
}

export { SetupError };
