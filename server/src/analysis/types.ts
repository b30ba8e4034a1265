/** What the analysis says about a draft. Pure data: the LSP adapters and the CLI formatters read it. */
import type { Range } from '../document/types';
import type { Level } from '../profile/types';

export type RuleId =
  | 'area-missing'
  | 'area-mentioned-only'
  | 'measure-missing'
  | 'closing-chapter-missing'
  | 'target-missing'
  | 'target-unquantified'
  | 'target-below-national'
  | 'numbering'
  | 'config-error';

export const RULE_IDS: readonly RuleId[] = [
  'area-missing',
  'area-mentioned-only',
  'measure-missing',
  'closing-chapter-missing',
  'target-missing',
  'target-unquantified',
  'target-below-national',
  'numbering',
  'config-error',
];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'area-missing': 'warning',
  'area-mentioned-only': 'information',
  'measure-missing': 'information',
  'closing-chapter-missing': 'information',
  'target-missing': 'warning',
  'target-unquantified': 'information',
  'target-below-national': 'warning',
  numbering: 'hint',
  'config-error': 'error',
};

export type AreaStatus = 'covered' | 'partial' | 'mentioned' | 'missing';
export type MeasureStatus = 'covered' | 'mentioned' | 'missing';

export interface Evidence {
  kind: 'heading' | 'body' | 'annotation';
  /** 0-based line. */
  line: number;
  range: Range;
  /** The line's text (trimmed, at most ~120 characters). */
  text: string;
  /** The profile terms or aliases that matched. */
  terms: string[];
  /** Section index in the plan model, -1 outside any section. */
  section: number;
}

export interface MeasureCoverage {
  id: string;
  status: MeasureStatus;
  evidence: Evidence[];
  /** The section that implements this measure, when one was identified. */
  section?: number;
  /** False when the measure does not apply at the document's level. */
  required: boolean;
}

export interface AreaCoverage {
  id: string;
  status: AreaStatus;
  measures: MeasureCoverage[];
  /** The section (chapter) that implements this area, when one was identified. */
  section?: number;
  evidence: Evidence[];
  required: boolean;
}

export interface IndicatorValue {
  id: string;
  value: number;
  unit: string;
  line: number;
  range: Range;
  /** The national value and how this one compares (only for enabled indicators). */
  national?: { value: number; comparison: 'at-least' | 'about' | 'at-most' };
  verdict?: 'meets' | 'below' | 'above';
}

export type TargetStatus = 'quantified' | 'qualitative' | 'missing';

export interface TargetStatement {
  year: number;
  status: TargetStatus;
  /** First line stating the year's targets, or undefined when missing. */
  line?: number;
  range?: Range;
  text?: string;
  indicators: IndicatorValue[];
}

export interface Coverage {
  /** Share of required measures covered (mentioned counts half), 0..1, two decimals. */
  score: number;
  areas: AreaCoverage[];
  targets: TargetStatement[];
}

export interface FindingData {
  area?: string;
  measure?: string;
  year?: number;
  indicator?: string;
  /** Suppression or control problems carry the comment's text. */
  detail?: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  range: Range;
  data: FindingData;
}

export interface AnalysisOptions {
  level?: Level;
  /** Per-rule severity overrides; `off` drops the rule. */
  severity?: Partial<Record<RuleId, Severity | 'off'>>;
  /** Rule ids or `rule:id` entries to ignore (config `ignore` plus front matter). */
  ignore?: string[];
}

export interface AnalysisResult {
  profile: string;
  language: 'zh' | 'en';
  level?: Level;
  coverage: Coverage;
  findings: Finding[];
}
