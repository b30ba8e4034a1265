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

export const CLIENT_ID = 'planlint';
export const CLIENT_NAME = 'PlanLint';

/** Same policy as languageclient's default (restart up to 4 times in 3 minutes), but the user sees one message per episode. */
export class CrashPolicy implements ErrorHandler {
  private readonly restarts: number[] = [];
  private notified = false;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // Connection read/write errors: keep going for a few, then shut down (closed() decides about restarting).
    return count !== undefined && count <= 3
      ? { action: ErrorAction.Continue, handled: true }
      : { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - this.restarts[0] > this.windowMs) this.restarts.shift();
    if (this.restarts.length > this.maxRestarts) {
      this.restarts.length = 0;
      this.notified = false;
      void this.showGiveUp();
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    if (!this.notified) {
      this.notified = true;
      this.output.appendLine(vscode.l10n.t('The PlanLint server stopped unexpectedly and is being restarted.'));
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The PlanLint server stopped unexpectedly and is being restarted.'),
      );
    }
    return { action: CloseAction.Restart, handled: true };
  }

  /** A manual restart starts a fresh episode. */
  reset(): void {
    this.restarts.length = 0;
    this.notified = false;
  }

  private async showGiveUp(): Promise<void> {
    const restart = vscode.l10n.t('Restart Server');
    const output = vscode.l10n.t('Show Output');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t('The PlanLint server crashed {0} times in 3 minutes and will not be restarted.', this.maxRestarts + 1),
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
    initializationOptions: {
      // VS Code shows the contributed snippets itself; other editors get them from the server.
      builtinSnippets: false,
      // Restricted Mode: the server should not load custom profiles or snippet libraries from the workspace.
      trusted: vscode.workspace.isTrusted,
    },
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
