/** Runs `planlint check`: expands the paths, reads each file once, finds its config and profile, analyses it. */
import { dirname } from 'node:path';
import type { PlanlintConfig } from '../config/types';
import type { AnalysisResult } from '../analysis/types';
import type { PlanModel } from '../document/types';

// TEMPORARY until server/src/engine.ts lands: a static import would break everyone's build.
type CheckText = (text: string, o: { profile: Profile; config: PlanlintConfig; path?: string; resolveProfile?: (ref: string) => Profile | undefined }) => { model: PlanModel; result: AnalysisResult; isPlan: boolean };
function checkText(...args: Parameters<CheckText>): ReturnType<CheckText> {
  const engine = ['..', 'engine'].join('/');
  return (require(engine) as { checkText: CheckText }).checkText(...args);
}
import { t } from '../l10n';
import type { Profile } from '../profile/types';
import type { CheckOptions } from './args';
import { expandPaths } from './files';
import { readText } from './read';
import { displayPath, type FileReport, type RunReport } from './report';
import { Settings, SetupError } from './settings';

/** Throws SetupError when the run cannot start at all (invalid --config or --profile). */
export async function runCheck(options: CheckOptions, cwd: string): Promise<RunReport> {
  const settings = new Settings(options, cwd);
  const { inputs, missing } = await expandPaths(options.paths, cwd);
  const failures = missing.map((p) => t('cannot read {0}: {1}', p, t('no such file')));
  const files: FileReport[] = [];
  let runProfile: string | undefined;

  for (const input of inputs) {
    const path = displayPath(input.path, cwd);
    const read = readText(input.path);
    if ('error' in read) {
      failures.push(t('cannot read {0}: {1}', path, read.error));
      continue;
    }
    const fileSettings = settings.forFile(input.path);
    if ('error' in fileSettings) {
      if (!failures.includes(fileSettings.error)) failures.push(fileSettings.error);
      continue;
    }
    const { config, profile, included } = fileSettings;
    let checked;
    try {
      checked = checkText(read.text, {
        profile,
        config,
        path: input.path,
        resolveProfile: options.profile ? () => profile : (ref: string) => settings.resolveProfile(ref, dirname(input.path)),
      });
    } catch (e) {
      failures.push(t('cannot check {0}: {1}', path, (e as Error).message));
      continue;
    }
    if (!input.explicit && !checked.isPlan && !included) continue;
    files.push({ path, absPath: input.path, profile: profileOf(checked.result.profile, profile, settings), model: checked.model, result: checked.result });
    runProfile ??= checked.result.profile;
  }
  return { profile: runProfile ?? settings.defaultProfileId(), files, failures, cwd };
}

function profileOf(id: string, fallback: Profile, settings: Settings): Profile {
  return id === fallback.id ? fallback : (settings.profileById(id) ?? fallback);
}

export { SetupError };
