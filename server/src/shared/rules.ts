/** Rule metadata shared by the server (codeDescription) and the CLI (SARIF rules, help). */
import type { RuleId } from '../analysis/types';

const DOCS_BASE = 'https://github.com/planlint/planlint/blob/main/docs/rules/';

/** The rule's documentation page (docs/rules/<rule>.md). */
export function ruleDocUrl(rule: RuleId | string): string {
  return `${DOCS_BASE}${rule}.md`;
}

/** One-line English descriptions (SARIF shortDescription, `planlint --help`). */
export const RULE_SUMMARY: Record<RuleId, string> = {
  'area-missing': 'A task area of the national Plan has no substantive coverage.',
  'area-mentioned-only': 'A task area is only named in passing (introduction, principles).',
  'measure-missing': 'A measure of a present area has no coverage.',
  'closing-chapter-missing': 'The support-and-guarantee or organisation chapter is absent.',
  'target-missing': 'No 2025 (or no 2030) target statement.',
  'target-unquantified': "A year's targets state no number at all.",
  'target-below-national': 'A local indicator value is weaker than the national one.',
  numbering: 'Chapter or item numbering is out of sequence.',
  'config-error': 'A config, profile or snippet-library file is invalid.',
};
