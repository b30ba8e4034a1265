/**
 * The PlanLint language server: the only module that touches the LSP connection. Started with
 * `--stdio` by any LSP editor, or over IPC (`--node-ipc`) by the VS Code client; createConnection
 * reads the transport from argv. Features are pure functions of a document's analysis; this file
 * wires them to requests and notifications.
 */
import {
  type CancellationToken,
  type ClientCapabilities,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Diagnostic,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  FileChangeType,
  type ServerCapabilities,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { basename } from 'node:path';
import { CONFIG_FILE_NAMES } from './config/load';
import { codeActionCapabilities, codeActions, fixInput, workspaceEdit } from './features/codeActions';
import { codeLensCapabilities, codeLenses } from './features/codeLens';
import { completionCapabilities, completions } from './features/completion';
import { coverageView } from './features/coverage';
import {
  diagnosticCapabilities,
  diagnosticsOf,
  fileProblemDiagnostics,
  toDiagnostic,
  usePullDiagnostics,
} from './features/diagnostics';
import { foldingCapabilities, foldingRanges } from './features/folding';
import { hover, hoverCapabilities } from './features/hover';
import { profileInfo } from './features/profile';
import { reportPage } from './features/report';
import { snippetEntry } from './features/snippetEntry';
import { builtinSnippets, type SnippetSource } from './features/snippets/sources';
import { symbolCapabilities, documentSymbols } from './features/symbols';
import { checkWorkspace } from './features/workspaceCheck';
import { fixAllInserts, insertMissingInserts } from './fixes';
import { parsePlanAsync, updatePlan } from './document';
import { readerOf, settleText } from './document/text';
import { setLocale, t } from './l10n';
import {
  CheckWorkspaceRequest,
  Commands,
  CoverageRequest,
  type FixAllArgs,
  type InsertMissingArgs,
  ProfileRequest,
  ReportRequest,
  SnippetEntryRequest,
  SnippetLibrariesRequest,
} from './protocol';
import { LibraryStore, librarySource } from './snippets/store';
import type { LibraryRef } from './snippets/refs';
import { type Analysed, AnalysisCache, analyseText, Superseded, uriToPath } from './workspace/analyse';
import { Debouncer } from './workspace/debounce';
import { EditLog } from './workspace/edits';
import { isTooLarge, LargeDocChecker, tooLargeDiagnostic } from './workspace/largeDocs';
import { Resolver } from './workspace/resolve';
import { createServerConnection } from './transport';
import { markdownFiles } from './workspace/scan';
import { type ClientSettings, readSettings } from './workspace/settings';
import type { FileProblems } from './workspace/types';

const connection = createServerConnection();
const edits = new EditLog();
const documents = new TextDocuments(edits.documents());

// A background task that fails (a validation, a large-document check) must not take the server and
// every open document down with it, as Node does on an unhandled rejection: log it, go on serving.
process.on('unhandledRejection', (e: unknown) => {
  connection.console.error(t('PlanLint caught an internal error and goes on: {0}', e instanceof Error ? (e.stack ?? e.message) : String(e)));
});

let clientCaps: ClientCapabilities = {};
let pull = false;
let folders: string[] = [];
let globalSettings: unknown = {};
let snippetSources: SnippetSource[] = [builtinSnippets];

let trusted = true;

const resolver = new Resolver(
  () => folders,
  () => trusted,
);
const cache = new AnalysisCache();
const debouncer = new Debouncer();
/** Edited texts are made one flat string when the typing pauses this long (document/text.ts). */
const SETTLE_MS = 40;
const settler = new Debouncer();
const settingsCache = new Map<string, Promise<ClientSettings>>();
/** Config / profile files with published problems → their diagnostics (JSON, to publish only on change). */
const problemFiles = new Map<string, string>();
const libraries = new LibraryStore();
/** Library sets and settings notes already loaded / logged since the last full revalidation. */
const announced = new Set<string>();
const largeChecker = new LargeDocChecker();
/** Documents too large for live checking: the diagnostics of their last check (in a worker), for that version. */
const largeResults = new Map<string, { version: number; isPlan: boolean; diagnostics: Diagnostic[] }>();
/** Per open document, how often its kept state was dropped (see forget): work begun before that is void. */
const epochs = new Map<string, number>();

// ---------------------------------------------------------------- settings and analysis

function settingsFor(uri: string): Promise<ClientSettings> {
  let s = settingsCache.get(uri);
  if (!s) {
    s = clientCaps.workspace?.configuration
      ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'planlint' }).then(readSettings, () => readSettings(globalSettings))
      : Promise.resolve(readSettings(globalSettings));
    settingsCache.set(uri, s);
  }
  return s;
}

/**
 * The analysis of the document's current version (computed once per version). The model is updated
 * from the previous version's (only the edited blocks are parsed again); the first parse of a
 * document runs in time slices so that other documents are served meanwhile. A version that is no
 * longer the latest when its turn comes rejects with Superseded: its work is left to the newer one.
 */
function analysisOf(doc: TextDocument): Promise<Analysed> {
  const { uri, version } = doc;
  const text = doc.getText(); // capture now: the document object changes in place on edits
  if (isTooLarge(text)) {
    const none = Promise.reject(new Error(t('PlanLint does not check {0} as it is typed: it is too large.', uri)));
    none.catch(() => undefined);
    return none;
  }
  // closed, opened again or given a version it had before (see forget): what is computed for it is void
  const epoch = epochs.get(uri);
  const replaced = () => documents.get(uri) !== doc || epochs.get(uri) !== epoch;
  const stale = () => replaced() || doc.version !== version;
  return cache.get(uri, version, async (previous) => {
    const settings = await settingsFor(uri);
    if (stale()) throw new Superseded();
    const model = previous
      ? updatePlan(previous.model, edits.editBetween(uri, previous.version, version, readerOf(previous.model)), text)
      : await parsePlanAsync(text, { cancelled: () => replaced() });
    if (!model || replaced()) throw new Superseded();
    cache.keepModel(uri, model, version);
    edits.trim(uri, version);
    // the edited text was read through the previous one: make it one string when the typing pauses
    settler.schedule(uri, SETTLE_MS, () => {
      const doc = documents.get(uri);
      if (doc?.version !== version) return;
      try {
        doc.settle();
        settleText(model);
      } catch (e) {
        connection.console.error(t('PlanLint caught an internal error and goes on: {0}', e instanceof Error ? (e.stack ?? e.message) : String(e)));
      }
    });
    if (stale()) throw new Superseded();
    const analysed = analyseText(uri, version, text, settings, resolver, model, cache.analyzer(uri));
    publishProblems(analysed.problems);
    announce(analysed);
    return analysed;
  });
}

/**
 * The analysis of the document's latest version: versions that a newer one supersedes are waited
 * out, and so is an analysis that finished after another edit (a lens or action for the text before
 * it would be stale).
 */
async function analysisFor(uri: string): Promise<Analysed | undefined> {
  for (;;) {
    const doc = documents.get(uri);
    if (!doc || isTooLarge(doc.getText())) return undefined;
    try {
      const a = await analysisOf(doc);
      if (documents.get(uri)?.version === a.analysis.version) return a;
    } catch (e) {
      if (!(e instanceof Superseded)) throw e;
    }
  }
}

/** The version each document's code lenses were last refreshed for. */
const lensVersions = new Map<string, number>();

/**
 * The client has the diagnostics of a new version: ask it to fetch the code lenses again, which it
 * may otherwise keep from an earlier version (the score at the top of the file stayed behind).
 */
function refreshCodeLenses(uri: string, version: number): void {
  if (!clientCaps.workspace?.codeLens?.refreshSupport || lensVersions.get(uri) === version) return;
  lensVersions.set(uri, version);
  connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

function publishProblems(list: FileProblems[]): void {
  const byFile = new Map<string, FileProblems['problems']>();
  for (const p of list) byFile.set(p.file, [...(byFile.get(p.file) ?? []), ...p.problems]);
  for (const [file, problems] of byFile) {
    const uri = URI.file(file).toString();
    const diagnostics = fileProblemDiagnostics(problems);
    const key = JSON.stringify(diagnostics);
    if (problemFiles.get(uri) === key) continue;
    problemFiles.set(uri, key);
    void connection.sendDiagnostics({ uri, diagnostics });
  }
}

// ---------------------------------------------------------------- team snippet libraries

/** Loads the libraries (re-reading changed files) and publishes their files' problems. */
function loadLibraries(refs: readonly LibraryRef[]): SnippetSource[] {
  const loaded = libraries.load(refs);
  // A file without problems is published only to clear what it had.
  publishProblems(loaded.problems.filter((p) => p.problems.length || problemFiles.has(URI.file(p.file).toString())));
  return loaded.libraries.map(librarySource);
}

/** The first analysis with a new set of libraries reports their problems right away, not at the first completion. */
function announce(analysed: Analysed): void {
  for (const note of analysed.notes) {
    if (announced.has(note)) continue;
    announced.add(note);
    connection.console.warn(note);
  }
  const key = analysed.libraries.map((l) => l.folder).join('\0');
  if (!key || announced.has(key)) return;
  announced.add(key);
  loadLibraries(analysed.libraries);
}

/** A library file changed: reload the libraries of the open documents. */
async function refreshLibraries(): Promise<void> {
  const refs = new Map<string, LibraryRef>();
  for (const doc of documents.all()) {
    const a = await analysisOf(doc).catch(() => undefined);
    for (const ref of a?.libraries ?? []) refs.set(ref.folder, ref);
  }
  loadLibraries([...refs.values()]);
}

/** What a watched-file change means: re-check the documents, reload the libraries, or nothing. */
function watchedChange(uri: string, type: FileChangeType): 'config' | 'library' | undefined {
  const path = uriToPath(uri);
  if (!path || /[\\/](node_modules|\.git)[\\/]/.test(path)) return undefined;
  if (path.endsWith('.code-snippets')) {
    libraries.invalidate(path);
    // A new or deleted file may change which libraries are empty: re-resolve.
    return type === FileChangeType.Changed ? 'library' : 'config';
  }
  if ((CONFIG_FILE_NAMES as readonly string[]).includes(basename(path)) || resolver.isProfileFile(path)) return 'config';
  // A profile file that a config names may just have been created.
  if (type !== FileChangeType.Changed && /\.(json|ya?ml)$/i.test(path)) return 'config';
  return undefined;
}

function clearProblems(): void {
  for (const uri of problemFiles.keys()) void connection.sendDiagnostics({ uri, diagnostics: [] });
  problemFiles.clear();
}

// ---------------------------------------------------------------- documents too large for live checking

/** The notice (until a check finds the document is no plan) and the findings of its last check, if it is of this version. */
function largeDiagnostics(doc: TextDocument): Diagnostic[] {
  const last = largeResults.get(doc.uri);
  if (last && !last.isPlan) return [];
  return [tooLargeDiagnostic(doc.uri, doc.getText().length), ...(last?.version === doc.version ? last.diagnostics : [])];
}

function publishLarge(doc: TextDocument): void {
  if (!pull) void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: largeDiagnostics(doc) });
  else if (clientCaps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
}

/** A full check of a large document in the worker thread; its findings are kept while the version stays. */
async function checkLarge(doc: TextDocument): Promise<void> {
  const { uri, version } = doc;
  const epoch = epochs.get(uri);
  const text = doc.getText();
  try {
    const settings = await settingsFor(uri);
    const r = await largeChecker.check({ uri, text, settings, folders, trusted });
    publishProblems(r.problems);
    const latest = documents.get(uri);
    if (latest !== doc || latest.version !== version || epochs.get(uri) !== epoch) return; // edited, closed or opened again meanwhile
    const isPlan = settings.enable && r.isPlan;
    largeResults.set(uri, { version, isPlan, diagnostics: isPlan ? r.findings.map((f) => toDiagnostic(f, version)) : [] });
    publishLarge(latest);
  } catch (e) {
    connection.console.error(t('PlanLint could not analyse {0}: {1}', uri, String(e)));
  }
}

// ---------------------------------------------------------------- diagnostics (push)

async function validate(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  if (isTooLarge(doc.getText())) {
    cache.delete(uri); // a document that grew past the limit: drop its live model
    if (!pull) void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: largeDiagnostics(doc) });
    return;
  }
  const version = doc.version;
  let analysed: Analysed;
  try {
    analysed = await analysisOf(doc);
  } catch (e) {
    if (!(e instanceof Superseded)) connection.console.error(t('PlanLint could not analyse {0}: {1}', uri, String(e)));
    return;
  }
  // Never publish for a version older than the latest: a newer edit has its own run.
  const latest = documents.get(uri);
  if (!latest || latest.version !== version || analysed.analysis.version !== version) return;
  if (!pull) {
    void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(analysed.analysis) });
    refreshCodeLenses(uri, version);
  }

}

async function schedule(doc: TextDocument, immediate: boolean): Promise<void> {
  const uri = doc.uri;
  if (pull) return;
  const delay = immediate ? 0 : (await settingsFor(uri)).debounceMs;
  debouncer.schedule(uri, delay, () => void validate(uri));
}

/** Settings or config files changed: analyse every open document again. */
function revalidateAll(): void {
  settingsCache.clear();
  resolver.clear();
  cache.clear();
  announced.clear();
  clearProblems();
  if (pull) {
    if (clientCaps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
    for (const doc of documents.all()) if (isTooLarge(doc.getText())) void checkLarge(doc);
    else void analysisOf(doc);
  } else {
    for (const doc of documents.all()) void schedule(doc, true);
  }
}

// ---------------------------------------------------------------- lifecycle

connection.onInitialize((params) => {
  clientCaps = params.capabilities;
  const options = (params.initializationOptions ?? {}) as { locale?: string; builtinSnippets?: boolean; trusted?: boolean };
  trusted = options.trusted !== false;
  setLocale(params.locale ?? options.locale);
  pull = usePullDiagnostics(clientCaps);
  if (options.builtinSnippets === false) snippetSources = snippetSources.filter((s) => s !== builtinSnippets);
  const wsFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
  folders = wsFolders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);

  const capabilities: ServerCapabilities = Object.assign(
    {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      executeCommandProvider: { commands: [Commands.insertMissing, Commands.fixAll] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    } satisfies ServerCapabilities,
    diagnosticCapabilities(pull),
    codeActionCapabilities(),
    hoverCapabilities(),
    codeLensCapabilities(),
    symbolCapabilities(),
    foldingCapabilities(),
    completionCapabilities(),
  );
  return { capabilities, serverInfo: { name: 'planlint-language-server', version: '0.1.0' } };
});

connection.onInitialized(() => {
  if (clientCaps.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' });
  }
  if (clientCaps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/.planlintrc*' },
        { globPattern: '**/planlint.config.json' },
        // Team snippet libraries and custom profiles (filtered in watchedChange).
        { globPattern: '**/*.code-snippets' },
        { globPattern: '**/*.{yaml,yml,json}' },
      ],
    });
  }
  if (clientCaps.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
      folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
      revalidateAll();
    });
  }
});

// (params are the client's: these two handlers take what they can of malformed ones, as the others do)
connection.onDidChangeConfiguration((change) => {
  const settings = (change?.settings ?? {}) as { planlint?: unknown };
  globalSettings = settings.planlint ?? globalSettings;
  revalidateAll();
});

connection.onDidChangeWatchedFiles((e) => {
  const changes = Array.isArray(e?.changes) ? e.changes.filter((c) => typeof c?.uri === 'string') : [];
  const kinds = new Set(changes.map((c) => watchedChange(c.uri, c.type)));
  if (kinds.has('config')) revalidateAll();
  else if (kinds.has('library')) void refreshLibraries();
});

connection.onShutdown(() => {
  debouncer.dispose();
  settler.dispose();
  largeChecker.dispose();
});

/** TextDocuments reports an open as open + content change; only real edits are debounced. */
const opening = new Set<string>();
/**
 * Drops what the server keeps of a document's text (its analysis, model, pending work and results),
 * and voids work still running for it. The server keeps things by uri and version; a client that
 * opens a document again without closing it, or sends a version no higher than the last, can give
 * one version two texts.
 */
function forget(uri: string): void {
  epochs.set(uri, (epochs.get(uri) ?? 0) + 1);
  debouncer.cancel(uri);
  settler.cancel(uri);
  cache.delete(uri);
  largeResults.delete(uri);
  lensVersions.delete(uri);
}

documents.onDidOpen((e) => {
  // opened again without a close: nothing of the former text may be reused (the version may be the same)
  forget(e.document.uri);
  opening.add(e.document.uri);
  void schedule(e.document, true);
  if (isTooLarge(e.document.getText())) void checkLarge(e.document);
});
documents.onDidSave((e) => {
  if (isTooLarge(e.document.getText())) void checkLarge(e.document);
});
documents.onDidChangeContent((e) => {
  if (edits.takeReusedVersion(e.document.uri)) forget(e.document.uri);
  if (!opening.delete(e.document.uri)) void schedule(e.document, false);
});
documents.onDidClose((e) => {
  forget(e.document.uri);
  epochs.delete(e.document.uri);
  edits.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// ---------------------------------------------------------------- features

connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
  const large = documents.get(params.textDocument.uri);
  if (large && isTooLarge(large.getText())) return { kind: DocumentDiagnosticReportKind.Full, items: largeDiagnostics(large) };
  const a = await analysisFor(params.textDocument.uri);
  // The lenses are refreshed once the client has this version's diagnostics (after this answer).
  if (a) setImmediate(() => refreshCodeLenses(a.analysis.uri, a.analysis.version));
  return { kind: DocumentDiagnosticReportKind.Full, items: a ? diagnosticsOf(a.analysis) : [] };
});

connection.onCodeAction(async (params) => {
  const a = await analysisFor(params.textDocument.uri);
  return a ? codeActions(a.analysis, params) : [];
});

connection.onHover(async (params) => {
  const a = await analysisFor(params.textDocument.uri);
  return a ? hover(a.analysis, params.position) : null;
});

connection.onCodeLens(async (params) => {
  const a = await analysisFor(params.textDocument.uri);
  return a ? codeLenses(a.analysis) : [];
});

connection.onDocumentSymbol(async (params) => {
  const a = await analysisFor(params.textDocument.uri);
  return a ? documentSymbols(a.analysis) : [];
});

connection.onFoldingRanges(async (params) => {
  const a = await analysisFor(params.textDocument.uri);
  return a ? foldingRanges(a.analysis) : [];
});

connection.onCompletion(async (params) => {
  const a = await analysisFor(params.textDocument.uri);
  return a ? completions(a.analysis, params, [...snippetSources, ...loadLibraries(a.libraries)]) : [];
});

connection.onRequest(CoverageRequest, async (params) => {
  const a = await analysisFor(params.uri);
  return a ? coverageView(a.analysis) : null;
});

connection.onRequest(ProfileRequest, async ({ uri }) => {
  if (uri && documents.get(uri)) {
    const a = await analysisFor(uri);
    if (a) return profileInfo(a.analysis.profile);
  }
  // A document not open, or none: its config file and the settings decide (no front matter to read).
  const settings = uri ? await settingsFor(uri) : readSettings(globalSettings);
  return profileInfo(resolver.resolve(uri ? uriToPath(uri) : undefined, settings).profile);
});

connection.onRequest(SnippetEntryRequest, (params) => snippetEntry(params));

connection.onRequest(SnippetLibrariesRequest, async ({ uri }) => {
  const r = resolver.resolve(uriToPath(uri), await settingsFor(uri));
  return libraries.load(r.libraries).libraries.map((l) => ({ name: l.ref.name, folder: l.ref.folder, files: l.files }));
});

connection.onRequest(ReportRequest, async (params) => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const settings = await settingsFor(doc.uri);
  const a = await analysisFor(doc.uri);
  if (!a) return null;
  const { uri, version, model } = a.analysis;
  return reportPage(a.analysis, params, () => analyseText(uri, version, model.text, settings, resolver, model).analysis);
});

connection.onRequest(CheckWorkspaceRequest, async (params, token: CancellationToken) => {
  const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
  progress.begin(t('Checking plan files'), 0, undefined, true);
  try {
    const files = await markdownFiles(folders);
    const settings = new Map<string, ClientSettings>();
    for (const folder of folders) settings.set(folder, await settingsFor(URI.file(folder).toString()));
    return await checkWorkspace({
      files,
      openAnalysis: (uri) => analysisFor(uri),
      analyse: (uri, text) => {
        const folder = resolver.folderOf(uriToPath(uri) ?? '');
        return analyseText(uri, 0, text, (folder && settings.get(folder)) || readSettings(globalSettings), resolver);
      },
      publish: (uri, diagnostics: Diagnostic[], analysed) => {
        publishProblems(analysed.problems);
        void connection.sendDiagnostics({ uri, diagnostics });
      },
      progress: (message, percentage) => progress.report(percentage, message),
      cancelled: () => token.isCancellationRequested,
    });
  } finally {
    progress.done();
  }
});

async function applyEdit(label: string, edit: WorkspaceEdit | undefined): Promise<boolean> {
  if (!edit) return false;
  const r = await connection.workspace.applyEdit({ label, edit });
  return r.applied;
}

connection.onExecuteCommand(async (params) => {
  const [args] = (params.arguments ?? []) as [InsertMissingArgs | FixAllArgs | undefined];
  if (!args || typeof args.uri !== 'string') return false;
  const a = await analysisFor(args.uri);
  if (!a || !a.analysis.isPlan) return false;
  const input = fixInput(a.analysis);
  if (params.command === Commands.insertMissing) {
    const { area, measure } = args as InsertMissingArgs;
    const inserts = insertMissingInserts(input, area, measure);
    return inserts.length ? applyEdit(t('Insert missing PlanLint sections'), workspaceEdit(a.analysis, inserts)) : false;
  }
  if (params.command === Commands.fixAll) {
    const inserts = fixAllInserts(input);
    return inserts.length ? applyEdit(t('Insert all missing PlanLint sections'), workspaceEdit(a.analysis, inserts)) : false;
  }
  return false;
});

/** Test hooks (PLANLINT_TEST_HOOKS=1 only): the process id, memory after a collection if `--expose-gc`, and table sizes. */
if (process.env.PLANLINT_TEST_HOOKS === '1') {
  connection.onRequest('planlint/_test/rejectInBackground', (message: string) => {
    void Promise.reject(new Error(String(message)));
    return true;
  });
  connection.onRequest('planlint/_test/console', (marker: string) => {
    // what a library might print: over stdio it must reach the log, never the protocol stream
    console.log(`${marker} log`);
    console.info(`${marker} info`);
    console.warn(`${marker} warn`);
    console.error(`${marker} error`);
    console.dir({ marker: `${marker} dir` });
    console.table([{ marker: `${marker} table` }]);
    console.count(`${marker} count`);
    return true;
  });
  connection.onRequest('planlint/_test/state', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    return {
      pid: process.pid,
      heapUsed: m.heapUsed,
      rss: m.rss,
      documents: documents.all().length,
      ...cache.sizes(),
      editLogs: edits.size,
      largeResults: largeResults.size,
      epochs: epochs.size,
      lensVersions: lensVersions.size,
      settings: settingsCache.size,
      opening: opening.size,
    };
  });
}

documents.listen(connection);
connection.listen();
