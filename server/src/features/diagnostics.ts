/** Diagnostics: findings as LSP diagnostics (pushed, or pulled when the client supports it), config problems on their file. */
import {
  type ClientCapabilities,
  type Diagnostic,
  DiagnosticSeverity,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { Finding, Severity } from '../analysis/types';
import type { FileProblem } from '../profile/types';
import { ruleDocUrl } from '../shared/rules';
import type { DocAnalysis } from '../workspace/types';

export const SOURCE = 'planlint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a planlint diagnostic carries in `data`. */
export interface DiagnosticData {
  rule: string;
  version: number;
  area?: string;
  measure?: string;
  year?: number;
  indicator?: string;
  detail?: string;
}

export function toDiagnostic(f: Finding, version: number): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    source: SOURCE,
    message: f.message,
    data: { ...f.data, rule: f.rule, version } satisfies DiagnosticData,
  };
}

/** The diagnostics of a document: none for ordinary Markdown. */
export function diagnosticsOf(a: DocAnalysis): Diagnostic[] {
  if (!a.isPlan) return [];
  return a.result.findings.map((f) => toDiagnostic(f, a.version));
}

/** `config-error` diagnostics for a config, profile or snippet file. */
export function fileProblemDiagnostics(problems: FileProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const at = { line: Math.max(0, p.line), character: Math.max(0, p.character) };
    return {
      range: { start: at, end: { line: at.line, character: at.character + 1 } },
      severity: DiagnosticSeverity.Error,
      code: 'config-error',
      codeDescription: { href: ruleDocUrl('config-error') },
      source: SOURCE,
      message: p.field ? `${p.message} (${p.field})` : p.message,
      data: { rule: 'config-error', detail: p.field },
    };
  });
}

/** Pull diagnostics when the client can ask for them; otherwise the server pushes. */
export function usePullDiagnostics(caps: ClientCapabilities): boolean {
  return !!caps.textDocument?.diagnostic;
}

export function diagnosticCapabilities(pull: boolean): ServerCapabilities {
  return pull ? { diagnosticProvider: { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false } } : {};
}
