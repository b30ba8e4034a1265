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
import { toDiagnostic } from './diagnostics';

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

function sameFinding(d: Diagnostic, f: Finding): boolean {
  const data = (d.data ?? {}) as Record<string, unknown>;
  return (
    d.code === f.rule &&
    data.area === f.data.area &&
    data.measure === f.data.measure &&
    data.year === f.data.year &&
    data.indicator === f.data.indicator
  );
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
    const fromClient = params.context.diagnostics.filter((d) => d.source === 'planlint');
    // The diagnostics the client sent say which findings the user is on; without any, those in the range.
    const findings = a.result.findings.filter(
      (f) => f.rule !== 'config-error' && (fromClient.length ? fromClient.some((d) => sameFinding(d, f)) : overlaps(f, params)),
    );
    for (const f of findings) {
      const diagnostic = fromClient.find((d) => sameFinding(d, f)) ?? toDiagnostic(f, a.version);
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
