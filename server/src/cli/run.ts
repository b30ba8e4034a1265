/** Runs `planlint check`: expands the paths, reads each file once, finds its config and profile, analyses it. */
import { dirname } from 'node:path';
import { checkText } from '../engine';
import { t } from '../l10n';
import type { Profile } from '../profile/types';
import type { CheckOptions } from './args';
import { expandPaths, type Input } from './files';
import { readText } from './read';
import { displayPath, type FileReport, type RunReport } from './report';
import { Settings, SetupError } from './settings';

/** Throws SetupError when the run cannot start at all (invalid --config or --profile). */
export async function runCheck(options: CheckOptions, cwd: string): Promise<RunReport> {
  const settings = new Settings(options, cwd);
  const { inputs, missing } = await expandPaths(options.paths, cwd);
  const failures = missing.map((p) => t('cannot read {0}: {1}', p, t('no such file')));
  const files: FileReport[] = [];
  for (const input of inputs) {
    const path = displayPath(input.path, cwd);
    let outcome: FileReport | { failure: string } | undefined;
    try {
      outcome = checkFile(input, path, options, settings);
    } catch (e) {
      outcome = { failure: t('cannot check {0}: {1}', path, (e as Error).message) };
    }
    if (outcome && 'failure' in outcome) {
      if (!failures.includes(outcome.failure)) failures.push(outcome.failure);
    } else if (outcome) {
      files.push(outcome);
    }
  }
  failures.push(...settings.libraryFailures());
  return { profile: files[0]?.result.profile ?? settings.defaultProfileId(), files, failures, cwd };
}

/** One file: its report, why it could not be checked, or undefined when it is not a plan. */
function checkFile(input: Input, path: string, options: CheckOptions, settings: Settings): FileReport | { failure: string } | undefined {
  const read = readText(input.path);
  if ('error' in read) return { failure: t('cannot read {0}: {1}', path, read.error) };
  const fileSettings = settings.forFile(input.path);
  if ('error' in fileSettings) return { failure: fileSettings.error };
  const { config, profile, included } = fileSettings;
  const checked = checkText(read.text, {
    profile,
    config,
    path: input.path,
    includeMatched: included,
    // --profile beats front matter; otherwise a front-matter reference is relative to the draft.
    resolveProfile: options.profile ? () => profile : (ref: string) => settings.resolveProfile(ref, dirname(input.path)),
  });
  if (!input.explicit && !checked.isPlan && !included) return undefined;
  return { path, absPath: input.path, profile: profileOf(checked.result.profile, profile, settings), model: checked.model, result: checked.result };
}

function profileOf(id: string, fallback: Profile, settings: Settings): Profile {
  return id === fallback.id ? fallback : (settings.profileById(id) ?? fallback);
}

export { SetupError };
