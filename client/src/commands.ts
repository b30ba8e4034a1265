/** The contributed commands (category PlanLint) and the coverage view's item actions. */
import * as vscode from 'vscode';
import { State, WorkDoneProgress, type LanguageClient, type WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient/node';
import {
  CheckWorkspaceRequest,
  Commands,
  type CheckWorkspaceResult,
  type FixAllArgs,
  type InsertMissingArgs,
} from '../../server/src/protocol';
import type { CoverageNode, LineRange } from './coverageModel';
import { isCandidate, type CoverageTracker } from './coverageTracker';
import { VIEW_ID } from './coverageView';
import type { NationalMeasures } from './nationalMeasure';

export interface CommandDeps {
  client: LanguageClient;
  tracker: CoverageTracker;
  national: NationalMeasures;
  restartServer: () => Promise<void>;
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  if (arg && typeof arg === 'object' && 'uri' in arg && typeof (arg as { uri: unknown }).uri === 'string') {
    return vscode.Uri.parse((arg as { uri: string }).uri);
  }
  return undefined;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** The draft a command acts on: the given uri, the active Markdown editor, or the tracked draft. */
function targetDocument(tracker: CoverageTracker, arg?: unknown): vscode.TextDocument | undefined {
  const uri = toUri(arg);
  if (uri) return openDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && isCandidate(active)) return active;
  return tracker.trackedDocument;
}

async function ensureRunning(client: LanguageClient): Promise<void> {
  if (client.state === State.Stopped) await client.start();
}

/** Runs a server command; applies the result itself if the server returned a WorkspaceEdit instead of applying it. */
async function runServerCommand(client: LanguageClient, command: string, args: InsertMissingArgs | FixAllArgs): Promise<void> {
  await ensureRunning(client);
  const result: unknown = await vscode.commands.executeCommand(command, args);
  if (result && typeof result === 'object' && ('changes' in result || 'documentChanges' in result)) {
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result as LspWorkspaceEdit);
    await vscode.workspace.applyEdit(edit);
  }
}

async function reveal(doc: vscode.TextDocument, range: LineRange, client: LanguageClient): Promise<vscode.TextEditor> {
  const r = client.protocol2CodeConverter.asRange(range);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, preserveFocus: false });
  editor.selection = new vscode.Selection(r.start, r.start);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerCommands(deps: CommandDeps, subscriptions: vscode.Disposable[]): void {
  const { client, tracker, national } = deps;
  const t = vscode.l10n.t;

  const insertNode = async (node: CoverageNode | undefined, opts?: { confirm?: boolean }) => {
    const doc = tracker.trackedDocument;
    if (!node?.area || !doc) return;
    if (opts?.confirm) {
      const insert = { label: `$(add) ${t('Insert the section skeleton for {0}', node.label)}`, id: 'insert' };
      const show = { label: `$(book) ${t('Show the national measure')}`, id: 'national' };
      const pick = await vscode.window.showQuickPick([insert, show], {
        title: t('{0} is missing', node.label),
        placeHolder: t('Choose an action'),
      });
      if (pick?.id === 'national') return void (await national.open(node.area, node.measure));
      if (pick?.id !== 'insert') return;
    }
    await runServerCommand(client, Commands.insertMissing, {
      uri: client.code2ProtocolConverter.asUri(doc.uri),
      version: doc.version,
      area: node.area,
      measure: node.measure,
    });
    await tracker.settled();
  };

  subscriptions.push(
    vscode.commands.registerCommand(Commands.showCoverage, async (arg?: unknown) => {
      const doc = targetDocument(tracker, arg);
      if (doc) tracker.track(doc);
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    }),

    vscode.commands.registerCommand('planlint.insertAllMissing', async (arg?: unknown) => {
      const doc = targetDocument(tracker, arg);
      if (!doc) {
        void vscode.window.showInformationMessage(t('Open a plan draft first.'));
        return;
      }
      await runServerCommand(client, Commands.fixAll, { uri: client.code2ProtocolConverter.asUri(doc.uri), version: doc.version });
      tracker.track(doc);
    }),

    vscode.commands.registerCommand('planlint.checkWorkspace', async (): Promise<CheckWorkspaceResult | undefined> => {
      await ensureRunning(client);
      const token = `planlint-check-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('PlanLint: checking plan files'), cancellable: true },
        async (progress, cancellation) => {
          let last = 0;
          const sub = client.onProgress(WorkDoneProgress.type, token, (value) => {
            if (value.kind === 'end') return;
            const pct = value.percentage;
            progress.report({ message: value.message, increment: pct !== undefined ? pct - last : undefined });
            if (pct !== undefined) last = pct;
          });
          try {
            return await client.sendRequest(CheckWorkspaceRequest, { workDoneToken: token }, cancellation);
          } finally {
            sub.dispose();
          }
        },
      );
      const { error, warning, information, hint } = result.counts;
      const summary = result.cancelled
        ? t('Check cancelled: {0} plan files of {1} Markdown files checked so far.', result.plans, result.files)
        : t('Checked {0} plan files ({1} Markdown files): {2} errors, {3} warnings, {4} information, {5} hints.', result.plans, result.files, error, warning, information, hint);
      const show = t('Show Problems');
      void vscode.window.showInformationMessage(summary, show).then((choice) => {
        if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return result;
    }),

    vscode.commands.registerCommand('planlint.openNationalMeasure', (area?: unknown, measure?: unknown) =>
      national.open(typeof area === 'string' ? area : undefined, typeof measure === 'string' ? measure : undefined),
    ),

    vscode.commands.registerCommand('planlint.restartServer', () => deps.restartServer()),

    vscode.commands.registerCommand('planlint.coverageView.refresh', () => tracker.refresh()),

    vscode.commands.registerCommand('planlint.coverageView.insert', insertNode),

    vscode.commands.registerCommand('planlint.coverageView.reveal', async (node?: CoverageNode) => {
      const doc = tracker.trackedDocument;
      if (!node?.reveal || !doc) return undefined;
      return reveal(doc, node.reveal, client);
    }),

    vscode.commands.registerCommand('planlint.coverageView.national', (node?: CoverageNode) =>
      node?.area ? national.open(node.area, node.measure) : national.open(),
    ),
  );
}
