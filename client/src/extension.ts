/** PlanLint's VS Code client: starts the language server and adds the coverage view, status bar and commands. */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import type { CoverageTracker } from './coverageTracker';
import { CoverageTracker as Tracker } from './coverageTracker';
import { CoverageTreeProvider, createCoverageView } from './coverageView';
import type { CoverageNode } from './coverageModel';
import { type CrashPolicy, createLanguageClient } from './languageClient';
import { NATIONAL_SCHEME, NationalMeasures } from './nationalMeasure';
import { ReportPanel, registerReportCommands } from './reportPanel';
import { createStatusBar } from './statusBar';
import { registerSaveSnippet } from './saveSnippet';
import { announceRestrictedMode, onTrustGranted } from './trust';

/** What `activate()` returns: handles for the extension-host tests. */
export interface PlanlintApi {
  client: LanguageClient;
  tracker: CoverageTracker;
  coverageProvider: CoverageTreeProvider;
  treeView: vscode.TreeView<CoverageNode>;
  statusBarItem: vscode.StatusBarItem;
  /** The coverage report webview (planlint.openReport). */
  reportPanel: ReportPanel;
  /** Restart policy after a crash, with what the user was told. */
  crashPolicy: CrashPolicy;
  /** Resolves when the server has started (rejects if it could not). */
  ready: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): PlanlintApi {
  const output = vscode.window.createOutputChannel('PlanLint');
  context.subscriptions.push(output);
  const parts = createLanguageClient(context, output);
  client = parts.client;
  const lc = parts.client;

  // True while we stop the server on purpose, so the status bar only offers a restart after a crash.
  let intentionalStop = false;
  let gaveUp = false;
  context.subscriptions.push(
    lc.onDidChangeState((e) => {
      if (e.newState === State.Running) gaveUp = false;
      else if (e.newState === State.Stopped) gaveUp = !intentionalStop;
    }),
  );
  const restartServer = async () => {
    parts.crashPolicy.reset();
    intentionalStop = true;
    try {
      if (lc.state === State.Running || lc.state === State.Starting) await lc.stop();
    } finally {
      intentionalStop = false;
    }
    await lc.start();
  };

  const tracker = new Tracker(lc);
  context.subscriptions.push(tracker);
  const coverageProvider = new CoverageTreeProvider(tracker);
  context.subscriptions.push(coverageProvider);
  const treeView = createCoverageView(coverageProvider, tracker, context.subscriptions);
  const statusBarItem = createStatusBar(tracker, lc, () => gaveUp, context.subscriptions);
  const national = new NationalMeasures(lc, () => tracker.trackedDocument?.uri);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(NATIONAL_SCHEME, national));
  registerCommands({ client: lc, tracker, national, restartServer }, context.subscriptions);
  const reportPanel = new ReportPanel(lc);
  context.subscriptions.push(reportPanel);
  registerReportCommands(reportPanel, lc, tracker, context.subscriptions);
  registerSaveSnippet(lc, context.subscriptions);
  onTrustGranted(restartServer, context.subscriptions);
  announceRestrictedMode(context.workspaceState);

  const enabled = vscode.workspace.getConfiguration('planlint').get<boolean>('enable', true);
  const ready = enabled ? lc.start() : Promise.resolve();
  ready.then(
    () => void tracker.refresh(),
    (error: unknown) => output.appendLine(`PlanLint server did not start: ${String(error)}`),
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('planlint.enable')) return;
      const on = vscode.workspace.getConfiguration('planlint').get<boolean>('enable', true);
      intentionalStop = !on;
      if (on && lc.state === State.Stopped) void lc.start();
      else if (!on && lc.state === State.Running) void lc.stop();
    }),
  );

  return { client: lc, tracker, coverageProvider, treeView, statusBarItem, reportPanel, crashPolicy: parts.crashPolicy, ready };
}

export async function deactivate(): Promise<void> {
  if (client && client.state !== State.Stopped) await client.stop();
  client = undefined;
}
