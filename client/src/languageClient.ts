/** Creates the PlanLint language client: server module, transport, document selector, settings sync, crash policy. */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartBudget } from './restartBudget';

export const CLIENT_ID = 'planlint';
export const CLIENT_NAME = 'PlanLint';

/** languageclient's ErrorHandler on top of RestartBudget: the user sees one message per crash episode, not a storm. */
export class CrashPolicy implements ErrorHandler {
  private readonly budget = new RestartBudget();
  /** What the user was told so far (crash messages shown, give-ups): the extension-host tests read it. */
  readonly told = { restarting: 0, gaveUp: 0 };

  constructor(private readonly output: vscode.OutputChannel) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // Connection read/write errors: keep going for a few, then shut down (closed() decides about restarting).
    return count !== undefined && count <= 3
      ? { action: ErrorAction.Continue, handled: true }
      : { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const verdict = this.budget.crashed(Date.now());
    if (verdict === 'give-up') {
      this.told.gaveUp++;
      void this.showGiveUp();
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    const message = vscode.l10n.t('The PlanLint server stopped unexpectedly and is being restarted.');
    this.output.appendLine(message);
    if (verdict === 'restart-and-tell') {
      this.told.restarting++;
      void vscode.window.showWarningMessage(message);
    }
    return { action: CloseAction.Restart, handled: true };
  }

  reset(): void {
    this.budget.reset();
  }

  private async showGiveUp(): Promise<void> {
    const restart = vscode.l10n.t('Restart Server');
    const output = vscode.l10n.t('Show Output');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t('The PlanLint server crashed {0} times in 3 minutes and will not be restarted.', this.budget.max + 1),
      restart,
      output,
    );
    if (choice === restart) await vscode.commands.executeCommand('planlint.restartServer');
    else if (choice === output) this.output.show(true);
  }
}

export interface ClientParts {
  client: LanguageClient;
  crashPolicy: CrashPolicy;
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): ClientParts {
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const crashPolicy = new CrashPolicy(output);
  const watchers = ['**/.planlintrc*', '**/planlint.config.json'].map((glob) => {
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    context.subscriptions.push(watcher);
    return watcher;
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'planlint', fileEvents: watchers },
    // A function, so a restart after the user grants trust sends the new state.
    initializationOptions: () => ({
      // VS Code shows the contributed snippets itself; other editors get them from the server.
      builtinSnippets: false,
      // Restricted Mode: the server should not load custom profiles or snippet libraries from the workspace.
      trusted: vscode.workspace.isTrusted,
    }),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: crashPolicy,
    initializationFailedHandler: (error) => {
      output.appendLine(String(error instanceof Error ? (error.stack ?? error.message) : error));
      void vscode.window.showErrorMessage(vscode.l10n.t('The PlanLint server failed to start. See Output › PlanLint.'));
      return false;
    },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  return { client, crashPolicy };
}
