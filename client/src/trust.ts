/**
 * Workspace trust. In Restricted Mode VS Code already ignores workspace values of the restricted
 * settings (planlint.profile, planlint.snippetLibraries: see `capabilities` in package.json), and
 * the server is told `trusted: false` at start so it skips custom profiles and snippet libraries
 * named in config files. When the user grants trust, the server restarts with the full config.
 */
import * as vscode from 'vscode';

export function onTrustGranted(restart: () => Promise<void>, subscriptions: vscode.Disposable[]): void {
  if (vscode.workspace.isTrusted) return;
  subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()));
}
