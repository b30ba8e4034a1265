import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, api, extension, open, waitFor, workspaceUri } from '../helpers';

suite('activation', () => {
  test('opening a Markdown draft activates the extension and starts the server', async () => {
    await open(workspaceUri(DRAFT));
    // No explicit activate(): the onLanguage:markdown event must do it.
    await waitFor('the extension to be active', () => extension().isActive);
    const planlint = await api();
    assert.equal(planlint.client.isRunning(), true);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown');
  });
});
