/**
 * Follows the plan draft the user is working on and keeps its coverage view model fresh: asks the
 * server (`planlint/coverage`) when the editor changes, after edits (debounced) and when the
 * document's diagnostics change. Out-of-order answers are dropped.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CoverageRequest, type CoverageView } from '../../server/src/protocol';

export function isCandidate(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

export class CoverageTracker implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CoverageView | undefined>();
  /** Fires with the new coverage (undefined when there is no document or the server is not running). */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private document: vscode.TextDocument | undefined;
  private view: CoverageView | undefined;
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private inFlight: Promise<CoverageView | undefined> | undefined;

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && isCandidate(e.document)) this.track(e.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.schedule(this.editDelay());
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc === this.document) {
          this.document = undefined;
          this.setView(undefined);
        }
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = this.document?.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule(50);
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.schedule(0);
        else if (e.newState === State.Stopped) this.setView(undefined);
      }),
    );
    const active = vscode.window.activeTextEditor?.document;
    if (active && isCandidate(active)) this.document = active;
  }

  /** The draft being followed (the last active Markdown editor that is still open). */
  get trackedDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  get current(): CoverageView | undefined {
    return this.view;
  }

  track(doc: vscode.TextDocument): void {
    if (doc !== this.document) {
      this.document = doc;
      if (this.view && this.view.uri !== doc.uri.toString()) this.setView(undefined);
    }
    this.schedule(0);
  }

  /** Asks the server now; resolves with the fresh view (also fired on onDidChange). */
  refresh(): Promise<CoverageView | undefined> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const doc = this.document;
    const seq = ++this.seq;
    if (!doc || this.client.state !== State.Running) {
      this.setView(undefined);
      return Promise.resolve(undefined);
    }
    const request = this.client
      .sendRequest(CoverageRequest, { uri: this.client.code2ProtocolConverter.asUri(doc.uri) })
      .then(
        (view) => {
          if (seq === this.seq) this.setView(view ?? undefined);
          return view ?? undefined;
        },
        (error: unknown) => {
          this.client.outputChannel.appendLine(`planlint/coverage failed: ${String(error)}`);
          if (seq === this.seq) this.setView(undefined);
          return undefined;
        },
      );
    this.inFlight = request;
    return request;
  }

  /** Resolves once the pending (debounced or in-flight) refresh is done. */
  async settled(): Promise<CoverageView | undefined> {
    if (this.timer) return this.refresh();
    if (this.inFlight) await this.inFlight;
    return this.view;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private editDelay(): number {
    const ms = vscode.workspace.getConfiguration('planlint', this.document?.uri).get<number>('debounceMs', 75);
    return Math.max(0, ms) + 100;
  }

  private setView(view: CoverageView | undefined): void {
    this.view = view;
    void vscode.commands.executeCommand('setContext', 'planlint.activeIsPlan', !!view?.isPlan);
    this.emitter.fire(view);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
