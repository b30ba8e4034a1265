// Shared by the extension-host suites: the extension's API, the fixture workspace, polling waits,
// and what `planlint check` (the built CLI, the same engine) says about a file.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PlanlintApi } from '../../client/src/extension';

export const EXTENSION_ID = 'planlint.planlint';
export const DRAFT = 'city-draft.zh.md';

export function extension(): vscode.Extension<PlanlintApi> {
  const ext = vscode.extensions.getExtension<PlanlintApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

export async function api(): Promise<PlanlintApi> {
  const value = await extension().activate();
  await value.ready;
  return value;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Copies a fixture file of the workspace to a new name, so a test can edit it on its own. */
export async function copyOf(name: string, copy: string): Promise<vscode.Uri> {
  const target = workspaceUri(copy);
  await vscode.workspace.fs.copy(workspaceUri(name), target, { overwrite: true });
  return target;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function planlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'planlint');
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

export interface CliDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  data?: { area?: string; measure?: string; year?: number; indicator?: string };
}
export interface CliFile {
  coverage: {
    score: number;
    areas: Array<{ id: string; status: string; measures: Array<{ id: string; status: string; evidence: Array<{ line: number }> }> }>;
    targets: Array<{ year: number; status: string }>;
  };
  diagnostics: CliDiagnostic[];
}

/** `planlint check <file> --format json` with the built CLI of the extension under test. */
export function planlintCheck(file: string): CliFile {
  const cli = join(extension().extensionPath, 'dist', 'cli', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', file, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', LANG: 'C', LC_ALL: 'C', LANGUAGE: '' },
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`planlint check ${file} failed (${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { files: CliFile[] }).files[0];
}

export const SEVERITY: Record<CliDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Comparable one-line form of a diagnostic, for exact set comparisons. */
export function key(rule: string | undefined, severity: vscode.DiagnosticSeverity, message: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${rule} ${vscode.DiagnosticSeverity[severity]} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${message}`;
}
