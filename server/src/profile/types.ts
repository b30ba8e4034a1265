/** The profile: a national (or custom) plan framework as data. Loaded from YAML/JSON, validated by schemas/profile.schema.json. */

export type Lang = 'zh' | 'en';
export type Level = 'province' | 'city' | 'county' | 'park' | 'enterprise';
export const LEVELS: readonly Level[] = ['province', 'city', 'county', 'park', 'enterprise'];

/** How sure a fact about the national Plan is: V verified wording, P topic verified / wording recalled, R recalled only. */
export type Mark = 'V' | 'P' | 'R';

export interface Bilingual {
  zh: string;
  en: string;
}

/** Term lists per language. Terms are matched on normalised text (NFKC, Simplified, lower-case). */
export interface TermSet {
  zh: string[];
  en: string[];
}

export interface ProfileMeasure {
  id: string;
  /** National numbering, e.g. "（四）". */
  number: string;
  title: Bilingual;
  /** A few words for compact lists (code lens, "missing: …"); the loader falls back to the title. */
  short: Bilingual;
  mark: Mark;
  /** Heading fragments that identify this measure when they appear in a section heading. */
  aliases: TermSet;
  /** Body terms whose presence counts as evidence for this measure. */
  evidence: TermSet;
  /** The national wording (a verified passage) where known. */
  wording?: { zh?: string; en?: string; mark: Mark };
  /** Levels for which this measure is required; absent = every level. */
  levels?: Level[];
}

export interface ProfileArea {
  id: string;
  /** National chapter number, e.g. "三、". */
  number: string;
  /** `task` areas are the four task areas; `closing` ones (support, organisation) are lesser findings when absent. */
  kind: 'task' | 'closing';
  title: Bilingual;
  mark: Mark;
  aliases: TermSet;
  evidence: TermSet;
  measures: ProfileMeasure[];
  levels?: Level[];
}

export interface ProfileTarget {
  id: string; // targets-2025, targets-2030
  year: number;
  headline: Bilingual;
  mark: Mark;
}

export type Comparison = 'at-least' | 'about' | 'at-most';

export interface ProfileIndicator {
  id: string;
  /** Display name (coverage view, hover); optional in profile files. */
  title?: Bilingual;
  year: number;
  value: number;
  unit: string; // "%", "万吨"
  comparison: Comparison;
  measure: string;
  mark: Mark;
  /** Unverified (R) indicators are off by default. */
  enabled: boolean;
  /** Terms that identify the indicator in a sentence (the value is read near them). */
  terms: TermSet;
  note?: Bilingual;
}

export interface Profile {
  id: string;
  version: number;
  title: Bilingual;
  /** Where the profile was loaded from (file path or `builtin:national-2022`). */
  source: string;
  /** Terms that mark a document as a plan of this framework (减污降碳, "pollution and carbon"). */
  planMarkers: TermSet;
  /** Headings of the preamble (形势, 总体要求, 指导思想, 工作原则, 主要目标): mentions there only count as `mentioned`. */
  preambleHeadings: TermSet;
  /** Headings that hold the targets (主要目标, 目标任务, Targets). */
  targetHeadings: TermSet;
  areas: ProfileArea[];
  targets: ProfileTarget[];
  indicators: ProfileIndicator[];
}

/** A problem found while loading a profile, config or snippet file. Lines are 0-based. */
export interface FileProblem {
  file: string;
  line: number;
  character: number;
  /** JSON pointer-ish path of the field, e.g. `areas/2/measures/1/id`. */
  field: string;
  message: string;
}
