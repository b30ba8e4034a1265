/** Status bar item `planlint.coverage`: the active draft's coverage score; hidden for non-plans. */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { summarize } from './coverageModel';
import type { CoverageTracker } from './coverageTracker';

export const STATUS_BAR_ID = 'planlint.coverage';

/**
 * @param serverGaveUp true when the server stopped without being asked to (the crash policy gave
 * up): then the item offers a restart while a Markdown file is active.
 */
export function createStatusBar(
  tracker: CoverageTracker,
  client: LanguageClient,
  serverGaveUp: () => boolean,
  subscriptions: vscode.Disposable[],
): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('PlanLint coverage');

  const update = () => {
    const view = tracker.current;
    const active = vscode.window.activeTextEditor?.document;
    if (client.state === State.Stopped && serverGaveUp() && active?.languageId === 'markdown') {
      const message = vscode.l10n.t('The PlanLint server is not running. Click to restart it.');
      item.text = '$(error) PlanLint';
      item.tooltip = message;
      item.command = 'planlint.restartServer';
      item.accessibilityInformation = { label: message };
      item.show();
      return;
    }
    if (!view || !view.isPlan || !active || tracker.trackedDocument !== active) {
      item.hide();
      return;
    }
    const { text, tooltip } = summarize(view, vscode.l10n.t);
    item.text = `$(checklist) ${text}`;
    item.tooltip = new vscode.MarkdownString(tooltip);
    item.command = 'planlint.showCoverage';
    item.accessibilityInformation = { label: text };
    item.show();
  };

  subscriptions.push(
    item,
    tracker.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    client.onDidChangeState(update),
  );
  update();
  return item;
}
