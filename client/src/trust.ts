/**
 * Workspace trust. In Restricted Mode VS Code already ignores workspace values of the restricted
 * settings (planlint.profile, planlint.snippetLibraries: see `capabilities` in package.json), and
 * the server is told `trusted: false` at start so it skips custom profiles and snippet libraries
 * named in config files. When the user grants trust, the server restarts with the full config.
 * The limits are said once per workspace, not on every start.
 */
import * as vscode from 'vscode';

export function onTrustGranted(restart: () => Promise<void>, subscriptions: vscode.Disposable[]): void {
  if (vscode.workspace.isTrusted) return;
  subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()));
}

const NOTICE_SHOWN = 'planlint.restrictedModeNoticeShown';

/** In Restricted Mode, says once (per workspace) what PlanLint leaves out until the folder is trusted. */
export function announceRestrictedMode(state: vscode.Memento): void {
  if (vscode.workspace.isTrusted || state.get<boolean>(NOTICE_SHOWN)) return;
  void state.update(NOTICE_SHOWN, true);
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t(
        'PlanLint runs in Restricted Mode: drafts are checked with the built-in profile and your user settings only. The workspace’s PlanLint config files, custom profiles and team snippet libraries apply once you trust this folder.',
      ),
      manage,
    )
    .then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
}
