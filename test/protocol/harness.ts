/**
 * Protocol-test harness: starts the BUILT server (`node dist/server/server.js --stdio`) and talks to
 * it with a real JSON-RPC client (vscode-languageserver-protocol). Reusable by any test that needs
 * a live server: documents with incremental edits, recorded diagnostics, a small TextEdit applier.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentEdit,
  type TextEdit,
  WorkDoneProgressCreateRequest,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundle under test; PLANLINT_SERVER_BUNDLE points elsewhere (e.g. a production build). */
export const serverBundle = resolve(repoRoot, process.env.PLANLINT_SERVER_BUNDLE ?? 'dist/server/server.js');
export const fixtureDir = resolve(repoRoot, 'test/fixtures/protocol');

/**
 * Error logs that are the libraries' answers to malformed messages, not the server's own failures:
 * vscode-jsonrpc refusing params of the wrong shape, and vscode-languageserver's TextDocuments
 * handlers failing on malformed document notifications.
 */
export const LIBRARY_REPORTS = /defines parameters by name but received parameters by position|^Notification handler 'textDocument\/did(Open|Change|Save|Close)' failed/;

export function fixture(name: string): { path: string; uri: string; text: string } {
  const path = resolve(fixtureDir, name);
  return { path, uri: pathToFileURL(path).toString(), text: readFileSync(path, 'utf8') };
}

/** Client capabilities of a typical editor: push diagnostics, dynamic registration, configuration. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
  },
  window: { workDoneProgress: true },
};

/** The same plus pull diagnostics (textDocument/diagnostic). */
export const PULL_CAPABILITIES: ClientCapabilities = {
  ...PUSH_CAPABILITIES,
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
};

export interface StartOptions {
  locale?: string;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Absolute folder paths. */
  workspaceFolders?: string[];
  /** The `planlint` settings section the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  /** Extra environment of the server process (e.g. PLANLINT_TEST_HOOKS). */
  env?: Record<string, string>;
  /** Node options of the server process (e.g. --expose-gc). */
  execArgv?: string[];
}

/** Apply LSP text edits to a text (edits refer to the original text; same-position inserts keep array order). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) =>
    p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, text.length);
  const sorted = edits
    .map((e, i) => ({ e, i, s: offset(e.range.start), end: offset(e.range.end) }))
    .sort((a, b) => b.s - a.s || b.i - a.i);
  let out = text;
  for (const { e, s, end } of sorted) out = out.slice(0, s) + e.newText + out.slice(end);
  return out;
}

/** The edits of a versioned workspace edit for one document (and the version they were made for). */
export function editsFor(edit: WorkspaceEdit, uri: string): { version: number | null; edits: TextEdit[] } {
  const changes = (edit.documentChanges ?? []) as TextDocumentEdit[];
  const mine = changes.filter((c) => c.textDocument.uri === uri);
  return {
    version: mine[0]?.textDocument.version ?? null,
    edits: mine.flatMap((c) => c.edits as TextEdit[]),
  };
}

export class TestDocument {
  version = 1;
  /** Publications before this document was opened (e.g. of an earlier document with the same uri) are ignored. */
  private readonly since: number;
  constructor(
    readonly server: TestServer,
    readonly uri: string,
    public text: string,
  ) {
    this.since = server.published.length;
  }

  /** Replace a range (incremental sync) and bump the version. */
  change(range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): number {
    this.text = applyTextEdits(this.text, [{ range, newText }]);
    this.version++;
    void this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [{ range, text: newText }],
    });
    return this.version;
  }

  /** Apply edits (e.g. from a code action) locally and send them as incremental changes, last position first. */
  applyEdits(edits: TextEdit[]): number {
    this.text = applyTextEdits(this.text, edits);
    this.version++;
    const ordered = edits
      .map((e, i) => ({ e, i }))
      .sort((a, b) => b.e.range.start.line - a.e.range.start.line || b.e.range.start.character - a.e.range.start.character || b.i - a.i)
      .map((x) => x.e);
    void this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
    return this.version;
  }

  close(): void {
    void this.server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri } });
  }

  /** Wait until diagnostics for the current (or given) version arrive. */
  diagnostics(version = this.version): Promise<PublishDiagnosticsParams> {
    return this.server.waitForDiagnostics(this.uri, (p) => p.version === version, this.since);
  }

  /** Every publication for this document since it was opened. */
  published(): PublishDiagnosticsParams[] {
    return this.server.published.slice(this.since).filter((p) => p.uri === this.uri);
  }
}

export class TestServer {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly stderr: string[] = [];
  private waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions = {}): Promise<TestServer> {
    if (!existsSync(serverBundle)) {
      throw new Error(`${serverBundle} is missing: run \`npm run build\` first (npm test builds before testing).`);
    }
    const child = spawn(process.execPath, [...(options.execArgv ?? []), serverBundle, '--stdio'], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new TestServer(child, connection, options);
    child.stderr!.on('data', (d: Buffer) => server.stderr.push(d.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => server.onDiagnostics(p));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'planlint' ? server.settings : null)));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      server.appliedEdits.push(p);
      return { applied: true };
    });
    connection.listen();
    const folders = options.workspaceFolders ?? [fixtureDir];
    server.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      locale: options.locale,
      rootUri: null,
      capabilities: options.capabilities ?? PUSH_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).toString(), name: f })),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    this.published.push(p);
    this.waiters = this.waiters.filter((w) => {
      if (w.uri !== p.uri || !w.test(p)) return true;
      w.resolve(p);
      return false;
    });
  }

  /** Resolves with the first (already received or future) publication for `uri` that passes `test`. */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    const seen = this.published.slice(since).find((p) => p.uri === uri && test(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  /** Resolves with the next publication for `uri` that passes `test` (ignores earlier ones). */
  nextDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  open(uri: string, text: string, languageId = 'markdown'): TestDocument {
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return new TestDocument(this, uri, text);
  }

  openFixture(name: string): TestDocument {
    const f = fixture(name);
    return this.open(f.uri, f.text);
  }

  async stop(): Promise<void> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.process.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

/** True when every edit only inserts (empty range). */
export function insertOnly(edits: TextEdit[]): boolean {
  return edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character);
}

/**
 * Remove the inserted spans from `after` and compare with `before`: the insert kept every byte of
 * the original. Works for any set of pure inserts.
 */
export function onlyInserted(before: string, after: string, edits: TextEdit[]): boolean {
  const starts = [0];
  for (let i = 0; i < before.length; i++) if (before[i] === '\n') starts.push(i + 1);
  const offsets = edits
    .map((e, i) => ({ at: Math.min(starts[e.range.start.line] ?? before.length, before.length) + e.range.start.character, len: e.newText.length, i }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  // Removing the spans left to right: each one starts at its original offset in what is left.
  let restored = after;
  for (const o of offsets) {
    if (restored.slice(o.at, o.at + o.len) !== edits[o.i].newText) return false;
    restored = restored.slice(0, o.at) + restored.slice(o.at + o.len);
  }
  return restored === before;
}
