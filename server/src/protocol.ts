/**
 * PlanLint's custom LSP requests and commands, typed once: the server implements them and the
 * VS Code client imports the same definitions. Import only this file from the client (it pulls in
 * nothing but vscode-languageserver-protocol).
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';

export type ViewAreaStatus = 'covered' | 'partial' | 'mentioned' | 'missing';
export type ViewMeasureStatus = 'covered' | 'mentioned' | 'missing';

export interface ViewEvidence {
  /** 0-based line. */
  line: number;
  range: Range;
  text: string;
  terms: string[];
  kind: 'heading' | 'body' | 'annotation';
}

export interface ViewMeasure {
  id: string;
  /** National number, e.g. "（九）". */
  number: string;
  /** Title in the UI language. */
  title: string;
  /** Short name in the UI language, for compact lists ("Missing: Agriculture, Transport"). */
  short: string;
  status: ViewMeasureStatus;
  required: boolean;
  evidence: ViewEvidence[];
  /** The heading of the section implementing it, when there is one. */
  range?: Range;
}

export interface ViewArea {
  id: string;
  number: string;
  title: string;
  kind: 'task' | 'closing';
  status: ViewAreaStatus;
  required: boolean;
  /** Covered and required-measure counts (mentioned measures are not covered). */
  covered: number;
  total: number;
  measures: ViewMeasure[];
  evidence: ViewEvidence[];
  range?: Range;
}

export interface ViewIndicator {
  id: string;
  /** Display name in the UI language (the profile's title, else a name made from its terms). */
  title: string;
  value: number;
  unit: string;
  line: number;
  range: Range;
  national?: { value: number; comparison: 'at-least' | 'about' | 'at-most' };
  verdict?: 'meets' | 'below' | 'above';
}

export interface ViewTarget {
  year: number;
  status: 'quantified' | 'qualitative' | 'missing';
  line?: number;
  range?: Range;
  text?: string;
  indicators: ViewIndicator[];
}

/** What the coverage view shows for one document. */
export interface CoverageView {
  uri: string;
  version: number;
  /** False when the document is not a plan (then areas / targets are empty). */
  isPlan: boolean;
  profile: string;
  /** Profile title in the UI language. */
  profileTitle: string;
  /** Language of the document. */
  language: 'zh' | 'en';
  score: number;
  areas: ViewArea[];
  targets: ViewTarget[];
  /** Number of findings by severity. */
  counts: { error: number; warning: number; information: number; hint: number };
}

export interface CoverageParams {
  uri: string;
}

/** `planlint/coverage`: the coverage view model of an open (or on-disk) document; null when unknown. */
export const CoverageRequest = new RequestType<CoverageParams, CoverageView | null, void>('planlint/coverage');

export interface CheckWorkspaceParams {
  /** Optional work-done token the client created (the server reports progress on it). */
  workDoneToken?: string | number;
}

export interface CheckWorkspaceResult {
  /** Markdown files looked at. */
  files: number;
  /** Of those, files that are plans. */
  plans: number;
  /** Findings by severity across all plans. */
  counts: { error: number; warning: number; information: number; hint: number };
  cancelled: boolean;
}

/**
 * `planlint/checkWorkspace`: check every plan file under the workspace folders and publish its
 * diagnostics without opening it. Reports work-done progress and honours cancellation.
 */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>(
  'planlint/checkWorkspace',
);

export interface SnippetLibrariesParams {
  /** The document the snippet libraries are configured for. */
  uri: string;
}

export interface SnippetLibraryInfo {
  /** The label its snippets carry in completion. */
  name: string;
  /** Absolute folder path. */
  folder: string;
  /** Its `.code-snippets` files (absolute paths). */
  files: string[];
}

/** `planlint/snippetLibraries`: the team snippet libraries that apply to a document (config file and settings). */
export const SnippetLibrariesRequest = new RequestType<SnippetLibrariesParams, SnippetLibraryInfo[], void>('planlint/snippetLibraries');

export type Mark = 'V' | 'P' | 'R';

export interface ProfileParams {
  /**
   * The document whose profile is wanted: its config file, the settings and its front matter apply.
   * Without one: the profile the settings name, else the built-in one.
   */
  uri?: string;
}

export interface ProfileMeasureInfo {
  id: string;
  /** National number, e.g. "（九）". */
  number: string;
  title: { zh: string; en: string };
  /** Short name for compact lists (defaults to the title). */
  short: { zh: string; en: string };
  /** How sure the title is: V verified, P topic verified / wording recalled, R recalled only. */
  mark: Mark;
  /** The national wording, where the profile records it. */
  wording?: { zh?: string; en?: string; mark: Mark };
  /** Body terms that count as evidence of the measure. */
  evidence: { zh: string[]; en: string[] };
}

export interface ProfileAreaInfo {
  id: string;
  number: string;
  kind: 'task' | 'closing';
  title: { zh: string; en: string };
  mark: Mark;
  measures: ProfileMeasureInfo[];
}

/** The areas and measures of a profile, in both languages (for "open national measure"). */
export interface ProfileInfo {
  id: string;
  title: { zh: string; en: string };
  /** `builtin:<id>` or the profile file's path. */
  source: string;
  areas: ProfileAreaInfo[];
}

/** `planlint/profile`: the profile that applies (to a document, when `uri` is given). */
export const ProfileRequest = new RequestType<ProfileParams, ProfileInfo, void>('planlint/profile');

export interface SnippetEntryParams {
  /** The current text of the library's `.code-snippets` file (empty for a new file). */
  fileText: string;
  prefix: string;
  /** May be empty: the entry is then named after its prefix. */
  description: string;
  /** The selected text, inserted literally. */
  text: string;
}

export type SnippetEntryResult =
  /** Offset-based replacements of `fileText`, and the name the new entry got. */
  | { edits: { offset: number; length: number; content: string }[]; name: string }
  /** `invalid-json` / `not-object`: the file is not a snippet object (it is never overwritten); `empty-prefix` / `spaces-in-prefix`: a bad prefix. */
  | { error: 'invalid-json' | 'not-object' | 'empty-prefix' | 'spaces-in-prefix' };

/** `planlint/snippetEntry`: the edits that add a snippet to a library file, keeping its other entries and comments. */
export const SnippetEntryRequest = new RequestType<SnippetEntryParams, SnippetEntryResult, void>('planlint/snippetEntry');

/** Server-side commands (workspace/executeCommand). */
export const Commands = {
  /** Insert the skeleton of missing areas / measures. Args: [InsertMissingArgs]. */
  insertMissing: 'planlint.insertMissing',
  /** Insert every missing skeleton of the document. Args: [{ uri, version? }]. */
  fixAll: 'planlint.fixAll',
  /** Client-side: reveal the coverage view. Args: [uri]. */
  showCoverage: 'planlint.showCoverage',
} as const;

export interface InsertMissingArgs {
  uri: string;
  /** The document version the command was computed for; a newer document is re-analysed first. */
  version?: number;
  /** Area id; alone it inserts the area chapter (or, when the chapter exists, its missing measures). */
  area?: string;
  /** Measure id (with `area`): insert that measure only. */
  measure?: string;
}

export interface FixAllArgs {
  uri: string;
  version?: number;
}

/** The code action kind of "insert every missing skeleton". */
export const FIX_ALL_KIND = 'source.fixAll.planlint';

export interface ReportParams {
  uri: string;
  /**
   * `webview`: the interactive page for the VS Code webview (line references post `reveal`
   * messages; style and script carry `nonce`); `file`: the self-contained page, as `planlint report` writes it.
   */
  target: 'webview' | 'file';
  /** Required for `webview`: at least 16 base64 characters. */
  nonce?: string;
  /** The webview's cspSource, added to its style-src. */
  cspSource?: string;
}

export interface ReportResult {
  uri: string;
  version: number;
  isPlan: boolean;
  /** Language of the page: the draft's. */
  language: 'zh' | 'en';
  title: string;
  score: number;
  /** The whole page. */
  html: string;
}

/** `planlint/report`: the reviewer's coverage report of an open document as an HTML page; null when unknown. */
export const ReportRequest = new RequestType<ReportParams, ReportResult | null, void>('planlint/report');

/** Messages the report webview posts to the extension. */
export type ReportWebviewMessage =
  | { type: 'reveal'; line: number; character: number }
  /** After every render: what the page shows (for the extension's state and its tests). */
  | { type: 'rendered'; uri: string; version: number; score: string; areas: number; findings: number; lines: number };

/** Messages the extension posts to the report webview. */
export type ReportPanelMessage = { type: 'update'; html: string };
