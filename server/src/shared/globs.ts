/**
 * `include` globs are user input matched against every file of a folder: picomatch turns them into
 * regular expressions, and some of those backtrack catastrophically (`*a*a*a*a*b` on a 250-character
 * name took minutes, extglobs like `@(a|aa)*` likewise). Only patterns whose matching cost stays
 * small are used, and none that reaches outside the folder it is relative to.
 */
import { t } from '../l10n';

export const MAX_INCLUDE_PATTERNS = 64;
export const MAX_INCLUDE_LENGTH = 256;
/** Wildcards `*` / `?` per path segment (a `**` segment aside): matching is polynomial in their number. */
export const MAX_SEGMENT_WILDCARDS = 2;

/** Why the pattern is not used, or undefined when it is fine. */
export function includePatternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_INCLUDE_LENGTH) return t('it is longer than {0} characters', MAX_INCLUDE_LENGTH);
  if (/^[\\/]|^[a-z]:/i.test(pattern)) return t('it is an absolute path; include globs are relative to the config file or the workspace folder');
  const segments = pattern.split(/[\\/]+/);
  if (segments.includes('..')) return t('it reaches outside its folder (“..”)');
  if (/[@*+?!]\(/.test(pattern)) return t('extended globs like @(…) or *(…) are not supported');
  for (const seg of segments) {
    if (seg === '**') continue;
    const wildcards = (seg.replace(/\[[^\]]*\]/g, 'x').match(/[*?]/g) ?? []).length;
    if (wildcards > MAX_SEGMENT_WILDCARDS) return t('it has more than {0} wildcards in one path segment (“{1}”)', MAX_SEGMENT_WILDCARDS, seg);
  }
  return undefined;
}

export interface CheckedPatterns {
  usable: string[];
  /** Index in the input list, and why that pattern is left out. */
  rejected: { index: number; pattern: string; reason: string }[];
}

/** `patterns` may hold other values (a config's raw list): those are skipped, indices stay those of the list. */
export function checkIncludePatterns(patterns: readonly unknown[]): CheckedPatterns {
  const usable: string[] = [];
  const rejected: CheckedPatterns['rejected'] = [];
  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index];
    if (typeof pattern !== 'string' || pattern === '') continue;
    if (usable.length + rejected.length >= MAX_INCLUDE_PATTERNS) {
      // one problem for the whole overflow, at its first glob
      rejected.push({ index, pattern, reason: t('only the first {0} include globs are used ({1} more are left out)', MAX_INCLUDE_PATTERNS, patterns.length - index) });
      break;
    }
    const reason = includePatternProblem(pattern);
    if (reason) rejected.push({ index, pattern, reason });
    else usable.push(pattern);
  }
  return { usable, rejected };
}

export function rejectedPatternMessage(pattern: string, reason: string): string {
  const shown = pattern.length > 80 ? `${pattern.slice(0, 77)}…` : pattern;
  return t('The include glob “{0}” is not used: {1}.', shown, reason);
}
