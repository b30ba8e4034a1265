// A minimal LSP client for the benchmark: starts the BUILT server over stdio (as test/protocol does),
// answers workspace/configuration with the given `planlint` settings, and waits for diagnostics.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node.js';

const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  ConfigurationRequest,
  RegistrationRequest,
  WorkDoneProgressCreateRequest,
  PublishDiagnosticsNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  ShutdownRequest,
  ExitNotification,
} = protocol;

export class Server {
  /** @param {{ bundle: string, cwd: string, folder: string, settings: object, nodeArgs?: string[], env?: object }} o */
  static async start(o) {
    const child = spawn(process.execPath, [...(o.nodeArgs ?? []), o.bundle, '--stdio'], { cwd: o.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...o.env } });
    const s = new Server(child, o.settings);
    await s.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
      },
      workspaceFolders: [{ uri: pathToFileURL(o.folder).toString(), name: 'bench' }],
    });
    await s.connection.sendNotification(InitializedNotification.type, {});
    return s;
  }

  constructor(child, settings) {
    this.child = child;
    this.waiters = [];
    this.latest = new Map(); // uri -> last version published
    this.stderr = '';
    child.stderr.on('data', (d) => (this.stderr += d));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'planlint' ? settings : null)));
    this.connection.onRequest(RegistrationRequest.type, () => null);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const at = performance.now();
      if (p.version !== undefined) this.latest.set(p.uri, p.version);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || p.version !== w.version) return true;
        w.resolve({ at, diagnostics: p.diagnostics });
        return false;
      });
    });
    this.connection.listen();
  }

  /** Resolves with the time (performance.now()) the diagnostics of `version` arrived. */
  diagnostics(uri, version, timeoutMs = 600000) {
    if (this.latest.get(uri) === version) return Promise.resolve({ at: performance.now(), diagnostics: [] });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      this.waiters.push({
        uri,
        version,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  open(uri, text) {
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  change(uri, version, range, text) {
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  async stop() {
    const exited = new Promise((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', resolve)));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

/** LSP position of an offset in text with \n line ends. */
export function positionOf(text, offset) {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, character: offset - ls };
}
