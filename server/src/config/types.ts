/** PlanLint configuration: `.planlintrc.json|.planlintrc.yaml|planlint.config.json`, then `planlint.*` settings, then defaults. */
import type { RuleId, Severity } from '../analysis/types';
import type { Level } from '../profile/types';

export interface PlanlintConfig {
  /** Built-in profile id (`national-2022`) or a path to a profile file, relative to the config file. */
  profile?: string;
  level?: Level;
  severity?: Partial<Record<RuleId, Severity | 'off'>>;
  /** Globs (relative to the workspace / config folder) of Markdown files that are plans. */
  include?: string[];
  /** Folders of `.code-snippets` files, relative to the config file. */
  snippetLibraries?: string[];
  /** Rule ids or `rule:id` entries to ignore everywhere. */
  ignore?: string[];
}

export const DEFAULT_CONFIG: Readonly<PlanlintConfig> = { profile: 'national-2022' };
