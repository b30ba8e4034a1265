/**
 * The reviewer's coverage report as data: everything the HTML and Markdown pages show, already in
 * the page's language. Built by build.ts from a plan model, its analysis and the profile; lines are
 * 0-based (the renderers print them 1-based).
 */
import type { AreaStatus, MeasureStatus, RuleId, Severity, TargetStatus } from '../analysis/types';
import type { Level } from '../profile/types';

export type ReportLang = 'zh' | 'en';

/** A place in the draft: 0-based line and UTF-16 character, as LSP. */
export interface Location {
  line: number;
  character: number;
}

export interface ReportEvidence extends Location {
  kind: 'heading' | 'body' | 'annotation';
  /** The line's text (heading marks removed). */
  text: string;
  terms: string[];
}

export interface ReportMeasure {
  id: string;
  number: string;
  title: string;
  status: MeasureStatus;
  required: boolean;
  /** Fragment id of the measure's evidence entry in the page. */
  anchor: string;
  /** The evidence that counts: the line that decided the status, and a body excerpt when that line is a heading. */
  evidence: ReportEvidence[];
  /** All evidence lines the analysis found (the page shows the first ones). */
  evidenceCount: number;
}

export interface ReportArea {
  id: string;
  number: string;
  title: string;
  kind: 'task' | 'closing';
  status: AreaStatus;
  required: boolean;
  anchor: string;
  /** The heading of the chapter implementing the area, when there is one. */
  at?: Location;
  /** Required measures covered / required measures. */
  covered: number;
  total: number;
  measures: ReportMeasure[];
}

/** How a local indicator value stands against the national one. */
export type IndicatorStatus = 'meets' | 'above' | 'below' | 'not-stated' | 'not-compared';

export interface ReportIndicator {
  id: string;
  name: string;
  /** The value the draft states, where it states it. */
  local?: { value: number; unit: string; at: Location };
  /** The national value (enabled indicators only). */
  national?: { value: number; unit: string; comparison: 'at-least' | 'about' | 'at-most' };
  status: IndicatorStatus;
}

export interface ReportTarget {
  year: number;
  status: TargetStatus;
  anchor: string;
  at?: Location;
  text?: string;
  indicators: ReportIndicator[];
}

export interface ReportFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  at: Location;
  data: { area?: string; measure?: string; year?: number; indicator?: string; detail?: string };
  /** Fragment id of the area, measure or target the finding is about. */
  about?: string;
  /** Identity across rounds of a draft: rule + data (not the line). */
  key: string;
}

export interface ReportCounts {
  areas: Record<AreaStatus, number>;
  measures: Record<MeasureStatus, number>;
  /** Required task areas covered or partly covered / required task areas. */
  taskAreas: { covered: number; total: number };
  findings: Record<Severity, number>;
}

export interface Report {
  lang: ReportLang;
  /** The draft's title (its first heading), or its file name. */
  title: string;
  /** The draft's path or name as shown on the page. */
  file?: string;
  /** The editor document the report was made from (webview only). */
  source?: { uri: string; version: number };
  /** Day of the report, yyyy-mm-dd. */
  date: string;
  profile: { id: string; title: string };
  level?: Level;
  /** False when the draft does not read as a plan of this profile (the page says so). */
  isPlan: boolean;
  /** Share of required measures covered (mentioned counts half), 0..1. */
  score: number;
  counts: ReportCounts;
  areas: ReportArea[];
  targets: ReportTarget[];
  findings: ReportFinding[];
}
