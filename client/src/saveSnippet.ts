/**
 * "PlanLint: Save selection as team snippet": asks for the library (the ones configured for the
 * draft, from the server), the prefix and a description, and merges a valid entry into the
 * library's `.code-snippets` file as a WorkspaceEdit (other entries and comments stay), then saves it.
 * Tests and keybindings may pass the answers as an argument instead of being asked.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SnippetEntryRequest, SnippetLibrariesRequest, type SnippetLibraryInfo } from '../../server/src/protocol';

export const SAVE_SNIPPET_COMMAND = 'planlint.saveSelectionAsSnippet';

export interface SaveSnippetArgs {
  /** Library name (as labelled in completion) or folder. */
  library?: string;
  /** Target file inside the library (absolute path) when it has several. */
  file?: string;
  prefix?: string;
  description?: string;
}

export interface SaveSnippetResult {
  file: string;
  name: string;
}

/** A new file in a library without any: named so that it is obviously the team's. */
const NEW_FILE = 'planlint.code-snippets';

async function pickLibrary(libraries: SnippetLibraryInfo[], wanted?: string): Promise<SnippetLibraryInfo | undefined> {
  if (wanted) return libraries.find((l) => l.name === wanted || l.folder === wanted);
  const root = (folder: string) => vscode.workspace.asRelativePath(folder, true);
  const pick = await vscode.window.showQuickPick(
    libraries.map((library) => ({ label: library.name, description: root(library.folder), library })),
    { title: vscode.l10n.t('Save as team snippet (1/3)'), placeHolder: vscode.l10n.t('Choose the snippet library') },
  );
  return pick?.library;
}

async function pickFile(library: SnippetLibraryInfo, wanted?: string): Promise<string | undefined> {
  if (wanted) return library.files.includes(wanted) ? wanted : undefined;
  if (library.files.length === 0) return path.join(library.folder, NEW_FILE);
  if (library.files.length === 1) return library.files[0];
  const pick = await vscode.window.showQuickPick(
    library.files.map((file) => ({ label: path.relative(library.folder, file), file })),
    { title: vscode.l10n.t('Save as team snippet (1/3)'), placeHolder: vscode.l10n.t('Choose the file in {0}', library.name) },
  );
  return pick?.file;
}

/** A prefix is typed in the editor: one word, no spaces (the server checks the same). */
function prefixProblem(prefix: string): 'empty' | 'spaces' | undefined {
  if (!prefix.trim()) return 'empty';
  return /\s/.test(prefix.trim()) ? 'spaces' : undefined;
}

function askPrefix(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Save as team snippet (2/3)'),
    prompt: vscode.l10n.t('Prefix: what to type to find the snippet in completion'),
    placeHolder: 'mb-2025',
    validateInput: (value) => {
      const problem = prefixProblem(value);
      if (problem === 'empty') return vscode.l10n.t('Enter a prefix.');
      if (problem === 'spaces') return vscode.l10n.t('A prefix is one word, without spaces.');
      return undefined;
    },
  });
}

function askDescription(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Save as team snippet (3/3)'),
    prompt: vscode.l10n.t('Description: what the snippet is for (shown in completion)'),
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Merges the entry into the file (created when missing) and saves it; the server computes the edits. */
async function writeEntry(
  client: LanguageClient,
  file: string,
  entry: { prefix: string; description: string; text: string },
): Promise<SaveSnippetResult | undefined> {
  const uri = vscode.Uri.file(file);
  if (!(await exists(uri))) await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  const doc = await vscode.workspace.openTextDocument(uri);
  const result = await client.sendRequest(SnippetEntryRequest, { fileText: doc.getText(), ...entry });
  if ('error' in result) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} is not a valid snippet file; fix it first (see Problems). Nothing was changed.', vscode.workspace.asRelativePath(uri)),
    );
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) {
    edit.replace(uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.content);
  }
  if (!(await vscode.workspace.applyEdit(edit)) || !(await doc.save())) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  return { file, name: result.name };
}

export function registerSaveSnippet(client: LanguageClient, subscriptions: vscode.Disposable[]): void {
  const t = vscode.l10n.t;
  subscriptions.push(
    vscode.commands.registerCommand('planlint.saveSelectionAsSnippet', async (args?: SaveSnippetArgs): Promise<SaveSnippetResult | undefined> => {
      const editor = vscode.window.activeTextEditor;
      const text = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
      if (!editor || !text.trim()) {
        void vscode.window.showInformationMessage(t('Select the text to save as a team snippet first.'));
        return undefined;
      }
      const libraries = await client.sendRequest(SnippetLibrariesRequest, { uri: client.code2ProtocolConverter.asUri(editor.document.uri) });
      if (!libraries.length) {
        void vscode.window.showWarningMessage(
          t('No team snippet library applies to this file. Name a folder in snippetLibraries of a .planlintrc file, or in the planlint.snippetLibraries setting.'),
        );
        return undefined;
      }
      const library = await pickLibrary(libraries, args?.library);
      const file = library && (await pickFile(library, args?.file));
      if (!library || !file) return undefined;
      const prefix = args?.prefix ?? (await askPrefix());
      if (prefix === undefined || prefixProblem(prefix)) return undefined;
      const description = args?.description ?? (await askDescription());
      if (description === undefined) return undefined;
      const saved = await writeEntry(client, file, { prefix, description, text });
      if (saved) {
        void vscode.window.showInformationMessage(t('Saved the snippet “{0}” (prefix {1}) in {2}.', saved.name, prefix.trim(), library.name));
      }
      return saved;
    }),
  );
}
