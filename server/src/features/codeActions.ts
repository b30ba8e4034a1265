/** Code actions: skeleton inserts for missing areas / measures / targets, disable comments, and fix-all. */
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type ServerCapabilities,
  TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding } from '../analysis/types';
import type { Range } from '../document/types';
import {
  disableFileInsert,
  disableNextLineInsert,
  fixAllInserts,
  type FixInput,
  type Insert,
  insertFor,
  suppressionKey,
  toTextEdits,
} from '../fixes';
import { t, uiLang } from '../l10n';
import { FIX_ALL_KIND } from '../protocol';
import type { DocAnalysis } from '../workspace/types';
import { SOURCE, toDiagnostic } from './diagnostics';

export function codeActionCapabilities(): ServerCapabilities {
  return {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  };
}

export function fixInput(a: DocAnalysis): FixInput {
  return { model: a.model, result: a.result, profile: a.profile };
}

/** A versioned, insert-only workspace edit on the analysed version of the document. */
export function workspaceEdit(a: DocAnalysis, inserts: Insert[]): WorkspaceEdit {
  const edits = toTextEdits(a.model, inserts);
  return { documentChanges: [TextDocumentEdit.create({ uri: a.uri, version: a.version }, edits)] };
}

function overlaps(f: Finding, params: CodeActionParams): boolean {
  const r = params.range;
  const s = f.range.start;
  const e = f.range.end;
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character < b.character);
  return !before(e, r.start) && !before(r.end, s);
}

/** What names a finding across versions: its rule and data (its lines may have moved since the client got it). */
function identity(rule: unknown, data: Partial<Record<'area' | 'measure' | 'year' | 'indicator' | 'detail', unknown>>): string {
  const text = (x: unknown) => (x === undefined || x === null ? '' : String(x));
  return [rule, data.area, data.measure, data.year, data.indicator, data.detail].map(text).join('\u0000');
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

/**
 * The finding a diagnostic from the client stands for. Clients that echo `data` (ours carry the
 * rule) are matched on it, preferring the finding at the same range when several share it; clients
 * that drop `data` are matched on code, range and message.
 */
function findingOf(d: Diagnostic, findings: Finding[]): Finding | undefined {
  const data = d.data && typeof d.data === 'object' ? (d.data as Record<string, unknown>) : undefined;
  if (data && 'rule' in data) {
    const key = identity(d.code, data);
    const same = findings.filter((f) => identity(f.rule, f.data) === key);
    return same.find((f) => sameRange(f.range, d.range)) ?? same[0];
  }
  return findings.find((f) => f.rule === d.code && sameRange(f.range, d.range) && f.message === d.message);
}

/**
 * The findings the user is on, each with the diagnostic its actions fix: the client's own diagnostic
 * when it sent some (so the editor ties the fix to its marker), else the published one of the
 * findings in the range.
 */
function targets(a: DocAnalysis, params: CodeActionParams): { finding: Finding; diagnostic: Diagnostic }[] {
  const findings = a.result.findings.filter((f) => f.rule !== 'config-error');
  const fromClient = params.context.diagnostics.filter((d) => d.source === SOURCE);
  if (!fromClient.length) return findings.filter((f) => overlaps(f, params)).map((finding) => ({ finding, diagnostic: toDiagnostic(finding, a.version) }));
  const byFinding = new Map<Finding, Diagnostic>();
  for (const d of fromClient) {
    const f = findingOf(d, findings);
    if (f && !byFinding.has(f)) byFinding.set(f, d);
  }
  return findings.filter((f) => byFinding.has(f)).map((finding) => ({ finding, diagnostic: byFinding.get(finding)! }));
}

function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

function insertTitle(a: DocAnalysis, f: Finding): string {
  const lang = uiLang();
  const area = a.profile.areas.find((x) => x.id === f.data.area);
  if (f.rule === 'measure-missing') {
    const m = area?.measures.find((x) => x.id === f.data.measure);
    return t('Insert the section “{0}”', m?.title[lang] ?? f.data.measure ?? '');
  }
  if (f.rule === 'target-missing') return t('Insert a {0} target', String(f.data.year));
  return t('Insert the chapter “{0}”', area?.title[lang] ?? f.data.area ?? '');
}

export function codeActions(a: DocAnalysis, params: CodeActionParams): CodeAction[] {
  if (!a.isPlan) return [];
  const input = fixInput(a);
  const actions: CodeAction[] = [];
  if (wants(params, CodeActionKind.QuickFix)) {
    for (const { finding: f, diagnostic } of targets(a, params)) {
      const inserts = insertFor(input, f);
      if (inserts.length) {
        actions.push({
          title: insertTitle(a, f),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: workspaceEdit(a, inserts),
        });
      }
      actions.push({
        title: t('Disable {0} for this file (with a reason)', suppressionKey(f)),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(a, [disableFileInsert(a.model, f)]),
      });
      const nextLine = disableNextLineInsert(a.model, f);
      if (nextLine) {
        actions.push({
          title: t('Disable {0} for the next line (with a reason)', suppressionKey(f)),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(a, [nextLine]),
        });
      }
    }
  }
  if (wants(params, FIX_ALL_KIND)) {
    const all = fixAllInserts(input);
    if (all.length) {
      actions.push({ title: t('Insert all missing PlanLint sections'), kind: FIX_ALL_KIND, edit: workspaceEdit(a, all) });
    }
  }
  return actions;
}
