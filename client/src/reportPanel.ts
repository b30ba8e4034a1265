/**
 * "PlanLint: Open coverage report": the reviewer's page in a webview beside the draft, made by the
 * server (`planlint/report`, the same page `planlint report` writes), under a strict CSP (nothing
 * loads; only the page's own nonce'd style and script run). It follows the active plan draft and
 * updates as it changes (debounced); clicking a line reference moves the editor there.
 * "PlanLint: Export report" saves the self-contained page through a save dialog.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  ReportRequest,
  type ReportPanelMessage,
  type ReportResult,
  type ReportWebviewMessage,
} from '../../server/src/protocol';
import { isCandidate, type CoverageTracker } from './coverageTracker';

export const REPORT_VIEW_TYPE = 'planlint.report';
/** How long after a click on a line reference a late focus report of the page is undone (see keepFocusOn). */
const FOCUS_GUARD_MS = 1500;

const WEBVIEW_OPTIONS: vscode.WebviewPanelOptions & vscode.WebviewOptions = {
  enableScripts: true,
  enableCommandUris: false,
  enableFindWidget: true,
  localResourceRoots: [],
};

/** What the webview said it shows after its last render. */
export type RenderedReport = Extract<ReportWebviewMessage, { type: 'rendered' }>;

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

function isRevealMessage(m: unknown): m is Extract<ReportWebviewMessage, { type: 'reveal' }> {
  const r = m as { type?: unknown; line?: unknown; character?: unknown } | null;
  return !!r && r.type === 'reveal' && Number.isInteger(r.line) && Number.isInteger(r.character) && (r.line as number) >= 0 && (r.character as number) >= 0;
}

function isRenderedMessage(m: unknown): m is RenderedReport {
  const r = m as { type?: unknown; version?: unknown; uri?: unknown } | null;
  return !!r && r.type === 'rendered' && typeof r.version === 'number' && typeof r.uri === 'string';
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly nonce = randomBytes(18).toString('base64url');
  /** The latest page, and the one the webview was loaded with. */
  private latest: string | undefined;
  private loaded: string | undefined;
  /** The loaded page's script is running (it has posted `rendered`). */
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private readonly renderEmitter = new vscode.EventEmitter<RenderedReport>();
  /** Fires each time the webview has rendered a report. */
  readonly onDidRender = this.renderEmitter.event;
  /** What the webview showed last. */
  lastRendered: RenderedReport | undefined;
  private readonly disposables: vscode.Disposable[] = [this.renderEmitter];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document && e.contentChanges.length > 0) this.schedule(this.editDelay());
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && e && isCandidate(e.document) && e.document !== this.document) {
          this.document = e.document;
          this.schedule(0);
        }
      }),
      client.onDidChangeState((e) => {
        if (this.panel && e.newState === State.Running) this.schedule(0);
      }),
    );
  }

  /** The draft the panel shows, while it is open. */
  get documentUri(): vscode.Uri | undefined {
    return this.panel ? this.document?.uri : undefined;
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens (or reveals) the panel beside the draft and shows its report. */
  async show(doc: vscode.TextDocument): Promise<ReportResult | undefined> {
    this.document = doc;
    if (!this.panel) {
      this.attach(
        vscode.window.createWebviewPanel(
          REPORT_VIEW_TYPE,
          vscode.l10n.t('Report: {0}', fileName(doc.uri)),
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          WEBVIEW_OPTIONS,
        ),
      );
    } else {
      this.panel.reveal(undefined, true);
    }
    return this.refresh();
  }

  /**
   * Takes over a panel VS Code restored after a reload (its state holds the draft's uri); a panel
   * whose draft is gone says so instead of staying blank.
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const uri = typeof (state as { uri?: unknown } | undefined)?.uri === 'string' ? (state as { uri: string }).uri : undefined;
    panel.webview.options = WEBVIEW_OPTIONS;
    let doc: vscode.TextDocument | undefined;
    try {
      if (uri) doc = await vscode.workspace.openTextDocument(this.client.protocol2CodeConverter.asUri(uri));
    } catch {
      doc = undefined;
    }
    if (this.panel && this.panel !== panel) {
      panel.dispose();
      return;
    }
    this.attach(panel);
    if (!doc) {
      this.update(this.placeholder(vscode.l10n.t('The draft this report showed is no longer available. Run "PlanLint: Open Coverage Report" on a draft.')));
      return;
    }
    this.document = doc;
    if (this.client.state === State.Running) await this.refresh();
    // otherwise the client's move to Running schedules the refresh
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.onDidDispose(() => this.closed(panel), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m), undefined, this.disposables);
    panel.onDidChangeViewState(
      () => {
        // a hidden webview is discarded; when it comes back it loads the last assigned page
        if (panel.visible && this.latest !== undefined && this.latest !== this.loaded) this.load(this.latest);
      },
      undefined,
      this.disposables,
    );
  }

  /** Asks the server for the page now and shows it. */
  async refresh(): Promise<ReportResult | undefined> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const doc = this.document;
    const panel = this.panel;
    if (!doc || !panel) return undefined;
    panel.title = vscode.l10n.t('Report: {0}', fileName(doc.uri));
    const seq = ++this.seq;
    let result: ReportResult | null = null;
    let failure: string | undefined;
    if (this.client.state !== State.Running) {
      failure = vscode.l10n.t('The PlanLint server is not running.');
    } else {
      try {
        result = await this.client.sendRequest(ReportRequest, {
          uri: this.client.code2ProtocolConverter.asUri(doc.uri),
          target: 'webview',
          nonce: this.nonce,
          cspSource: panel.webview.cspSource,
        });
        if (!result) failure = vscode.l10n.t('PlanLint has no report for this document yet.');
      } catch (e) {
        this.client.outputChannel.appendLine(`planlint/report failed: ${String(e)}`);
        failure = vscode.l10n.t('The report could not be made. See Output › PlanLint.');
      }
    }
    if (seq !== this.seq || this.panel !== panel) return result ?? undefined;
    this.update(result ? result.html : this.placeholder(failure ?? ''));
    return result ?? undefined;
  }

  /** A message from the webview (also the entry point the extension-host tests use). */
  async handleMessage(message: unknown): Promise<vscode.TextEditor | undefined> {
    if (isRenderedMessage(message)) {
      this.ready = true;
      this.lastRendered = message;
      this.renderEmitter.fire(message);
      return undefined;
    }
    if (isRevealMessage(message)) return this.reveal(message.line, message.character);
    return undefined;
  }

  private async reveal(line: number, character: number): Promise<vscode.TextEditor | undefined> {
    const uri = this.document?.uri;
    if (!uri) return undefined;
    const doc = this.document && !this.document.isClosed ? this.document : await vscode.workspace.openTextDocument(uri);
    const beside = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ?? beside;
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
    const pos = doc.validatePosition(new vscode.Position(line, character));
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.keepFocusOn(editor);
    return editor;
  }

  /**
   * VS Code learns that a webview has the focus by polling it (every 250 ms): on a busy machine the
   * news of the click can arrive after the editor took the focus, and makes the page the active
   * editor again, so typing goes nowhere. If the page becomes active within 1.5 s of a reveal,
   * the editor gets the focus back (once).
   */
  private keepFocusOn(editor: vscode.TextEditor): void {
    const panel = this.panel;
    if (!panel) return;
    const until = Date.now() + FOCUS_GUARD_MS;
    const guard = panel.onDidChangeViewState(({ webviewPanel }) => {
      if (!webviewPanel.active) return;
      guard.dispose();
      if (Date.now() <= until && !editor.document.isClosed) {
        void vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false, selection: editor.selection });
      }
    });
    setTimeout(() => guard.dispose(), FOCUS_GUARD_MS);
  }

  private update(html: string): void {
    this.latest = html;
    const panel = this.panel;
    if (!panel) return;
    if (panel.visible && this.ready && this.loaded !== undefined) {
      const message: ReportPanelMessage = { type: 'update', html };
      void panel.webview.postMessage(message).then((delivered) => {
        if (delivered) this.loaded = html;
        else this.load(html);
      });
    } else {
      this.load(html);
    }
  }

  private load(html: string): void {
    if (!this.panel) return;
    this.ready = false;
    this.loaded = html;
    this.panel.webview.html = html;
  }

  /** A page of one sentence, under the same CSP, when there is no report to show. */
  private placeholder(text: string): string {
    const esc = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${this.nonce}'">
<style nonce="${this.nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-descriptionForeground);padding:24px}</style></head><body><p>${esc}</p></body></html>`;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private editDelay(): number {
    const ms = vscode.workspace.getConfiguration('planlint', this.document?.uri).get<number>('debounceMs', 75);
    return Math.max(0, ms) + 250;
  }

  private closed(panel: vscode.WebviewPanel): void {
    if (this.panel !== panel) return;
    this.panel = undefined;
    this.latest = this.loaded = undefined;
    this.ready = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The draft a report command acts on: the given uri, the active Markdown editor, the report's or the tracked draft. */
async function reportDocument(arg: unknown, panel: ReportPanel, tracker: CoverageTracker): Promise<vscode.TextDocument | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined;
  if (uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && isCandidate(active)) return active;
  const shown = panel.documentUri;
  if (shown) return vscode.workspace.openTextDocument(shown);
  return tracker.trackedDocument;
}

/** `planlint.openReport` and `planlint.exportReport` (its second argument, a target Uri, skips the save dialog). */
export function registerReportCommands(panel: ReportPanel, client: LanguageClient, tracker: CoverageTracker, subscriptions: vscode.Disposable[]): void {
  const t = vscode.l10n.t;
  subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
      deserializeWebviewPanel: (restored, state) => panel.restore(restored, state),
    }),
    vscode.commands.registerCommand('planlint.openReport', async (arg?: unknown) => {
      const doc = await reportDocument(arg, panel, tracker);
      if (!doc) {
        void vscode.window.showInformationMessage(t('Open a plan draft first.'));
        return undefined;
      }
      return panel.show(doc);
    }),

    vscode.commands.registerCommand('planlint.exportReport', async (arg?: unknown, target?: unknown): Promise<vscode.Uri | undefined> => {
      const doc = await reportDocument(arg, panel, tracker);
      if (!doc) {
        void vscode.window.showInformationMessage(t('Open a plan draft first.'));
        return undefined;
      }
      if (client.state === State.Stopped) await client.start();
      const result = await client.sendRequest(ReportRequest, { uri: client.code2ProtocolConverter.asUri(doc.uri), target: 'file' });
      if (!result) {
        void vscode.window.showWarningMessage(t('PlanLint has no report for this document yet.'));
        return undefined;
      }
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `${fileName(doc.uri).replace(/\.[^.]*$/, '') || 'plan'}.report.html`;
      const suggested = doc.uri.scheme === 'file' ? vscode.Uri.joinPath(doc.uri, '..', name) : folder ? vscode.Uri.joinPath(folder, name) : undefined;
      const dest =
        target instanceof vscode.Uri
          ? target
          : await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { HTML: ['html', 'htm'] }, saveLabel: t('Export'), title: t('Export the PlanLint coverage report') });
      if (!dest) return undefined;
      await vscode.workspace.fs.writeFile(dest, new TextEncoder().encode(result.html));
      if (!(target instanceof vscode.Uri)) {
        const open = t('Open in Browser');
        void vscode.window.showInformationMessage(t('Report saved to {0}.', dest.scheme === 'file' ? dest.fsPath : dest.toString()), open).then((choice) => {
          if (choice === open) void vscode.env.openExternal(dest);
        });
      }
      return dest;
    }),
  );
}
