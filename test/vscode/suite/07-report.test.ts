import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, api, copyOf, open, planlintCheck, waitFor, workspaceUri } from '../helpers';

/** What the report webview says it rendered for this document version (posted from inside the webview). */
async function renderedFor(doc: vscode.TextDocument) {
  const planlint = await api();
  return waitFor(`the report webview to render version ${doc.version} of ${doc.uri.path}`, () => {
    const r = planlint.reportPanel.lastRendered;
    return r?.uri === doc.uri.toString() && r.version === doc.version && r;
  });
}

suite('coverage report webview', () => {
  test('opens beside the draft under a strict CSP and renders the report planlint check gives', async () => {
    const planlint = await api();
    const uri = workspaceUri(DRAFT);
    const editor = await open(uri);
    await vscode.commands.executeCommand('planlint.openReport');
    const rendered = await renderedFor(editor.document);
    const cli = planlintCheck(uri.fsPath);
    assert.equal(rendered.score, `${Math.round(cli.coverage.score * 100)}%`);
    assert.equal(rendered.areas, cli.coverage.areas.length);
    assert.equal(rendered.findings, cli.diagnostics.length);
    assert.ok(rendered.lines > cli.diagnostics.length, 'line references in the page');
    const panel = planlint.reportPanel.webviewPanel;
    assert.ok(panel, 'the panel is open');
    assert.equal(panel.viewType, 'planlint.report');
    assert.notEqual(panel.viewColumn, editor.viewColumn, 'beside the draft');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the draft keeps the focus');
    assert.equal(panel.webview.options.enableScripts, true);
    assert.deepEqual(panel.webview.options.localResourceRoots, []);
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(panel.webview.html)?.[1] ?? '').replace(/&#39;/g, "'");
    assert.match(csp, /^default-src 'none'; style-src 'nonce-[\w-]{16,}'/);
    assert.match(csp, /; script-src 'nonce-[\w-]{16,}';/);
  });

  test('follows the draft as it changes', async () => {
    const planlint = await api();
    const uri = await copyOf(DRAFT, 'report-edit.zh.md');
    const editor = await open(uri);
    await vscode.commands.executeCommand('planlint.openReport', uri);
    const before = await renderedFor(editor.document);
    const at = editor.document.getText().split('\n').findIndex((l) => l.startsWith('到2025年'));
    assert.ok(at > 0);
    await editor.edit((e) => e.insert(new vscode.Position(at + 1, 0), '\n到2030年，全市新增大宗固废综合利用率达到70%，减污降碳协同能力显著提升。\n'));
    await editor.document.save();
    const after = await renderedFor(editor.document);
    const cli = planlintCheck(uri.fsPath);
    assert.equal(after.findings, cli.diagnostics.length);
    assert.ok(!cli.diagnostics.some((d) => d.rule === 'target-missing'), 'the edit states the 2030 targets');
    assert.equal(after.findings, before.findings - 1);
    assert.equal(planlint.reportPanel.documentUri?.toString(), uri.toString());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a line reference clicked in the page moves the editor there', async () => {
    const planlint = await api();
    const uri = workspaceUri(DRAFT);
    const editor = await open(uri);
    await vscode.commands.executeCommand('planlint.openReport', uri);
    await renderedFor(editor.document);
    const target = planlintCheck(uri.fsPath).diagnostics.find((d) => d.rule === 'target-missing');
    assert.ok(target, 'the draft misses its 2030 targets');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // the message the page's script posts on a click (the click itself is tested in Chromium: report-render.test.ts)
    const moved = await planlint.reportPanel.handleMessage({ type: 'reveal', line: target.range.start.line, character: target.range.start.character });
    assert.ok(moved);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, target.range.start.line);
    // the page reported as focused just after (VS Code polls a webview's focus): the editor gets it back
    const panel = planlint.reportPanel.webviewPanel;
    assert.ok(panel);
    let tookFocus = false;
    const watch = panel.onDidChangeViewState((e) => (tookFocus ||= e.webviewPanel.active));
    panel.reveal(undefined, false);
    await waitFor('the page to take the focus', () => tookFocus);
    watch.dispose();
    // (activeTextEditor stays the draft while a webview has the focus; the active tab tells)
    await waitFor('the draft to be the active editor again', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      return tab?.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString();
    });
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, target.range.start.line);
    // malformed messages are ignored
    assert.equal(await planlint.reportPanel.handleMessage({ type: 'reveal', line: -1, character: 0 }), undefined);
    assert.equal(await planlint.reportPanel.handleMessage({ type: 'reveal', line: '3' }), undefined);
  });

  test('Export report saves the self-contained page', async () => {
    await api();
    const uri = workspaceUri(DRAFT);
    await open(uri);
    const target = workspaceUri('exported.report.html');
    const saved = await vscode.commands.executeCommand<vscode.Uri>('planlint.exportReport', uri, target);
    assert.equal(saved?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<h1>江岭市减污降碳协同增效实施方案（征求意见稿）<\/h1>/);
    assert.match(html, /content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    assert.doesNotMatch(html, /<script/);
    assert.equal((html.match(/<tr id="row-a-/g) ?? []).length, planlintCheck(uri.fsPath).coverage.areas.length);
  });

  test('a panel VS Code restores after a reload shows its draft again, or says the draft is gone', async () => {
    const planlint = await api();
    planlint.reportPanel.webviewPanel?.dispose();
    const options = { enableScripts: true };
    // what VS Code hands the serializer after a reload: a bare panel of our view type and the page's saved state
    const gone = vscode.window.createWebviewPanel('planlint.report', 'Report', vscode.ViewColumn.Beside, options);
    await planlint.reportPanel.restore(gone, { uri: workspaceUri('no-such-draft.md').toString() });
    assert.equal(planlint.reportPanel.webviewPanel, gone);
    assert.match(gone.webview.html, /no longer available/);
    assert.equal(gone.webview.options.enableScripts, true);
    gone.dispose();

    const uri = workspaceUri(DRAFT);
    const doc = await vscode.workspace.openTextDocument(uri);
    const restored = vscode.window.createWebviewPanel('planlint.report', 'Report', vscode.ViewColumn.Beside, options);
    await planlint.reportPanel.restore(restored, { uri: uri.toString() });
    const rendered = await renderedFor(doc);
    assert.equal(rendered.findings, planlintCheck(uri.fsPath).diagnostics.length);
    assert.equal(planlint.reportPanel.documentUri?.toString(), uri.toString());
    assert.deepEqual(restored.webview.options.localResourceRoots, [], 'the restored panel gets the strict options back');
    restored.dispose();
  });
});
