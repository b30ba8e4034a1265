import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, api, open, planlintCheck, waitFor, workspaceUri } from '../helpers';

suite('coverage view and status bar', () => {
  test('the tree lists every area with the state planlint check gives', async () => {
    const planlint = await api();
    const uri = workspaceUri(DRAFT);
    await open(uri);
    const coverage = await waitFor('the coverage of the draft', () => {
      const c = planlint.coverageProvider.coverage;
      return c?.uri === uri.toString() && c.isPlan && c;
    });
    const cli = planlintCheck(uri.fsPath).coverage;
    assert.equal(coverage.score, cli.score);
    for (const area of cli.areas) {
      const node = planlint.coverageProvider.find(`area:${area.id}`);
      assert.ok(node, `a tree node for ${area.id}`);
      assert.equal(node.status, area.status, area.id);
      assert.deepEqual(
        node.children.map((m) => `${m.measure}:${m.status}`),
        area.measures.map((m) => `${m.id}:${m.status}`),
      );
    }
    assert.equal(planlint.coverageProvider.find('area:model-innovation')?.status, 'missing');
    const roots = planlint.coverageProvider.getChildren().map((n) => n.id);
    assert.deepEqual(roots.filter((id) => id.startsWith('area:')), cli.areas.map((a) => `area:${a.id}`));
    assert.equal(planlint.coverageProvider.find('target:2030')?.status, 'missing');
    assert.equal(planlint.coverageProvider.find('target:2025')?.status, 'quantified');
  });

  test('a covered measure\'s tree item reveals its evidence', async () => {
    const planlint = await api();
    const uri = workspaceUri(DRAFT);
    await open(uri);
    const node = await waitFor('the transport node', () => planlint.coverageProvider.find('measure:key-areas/transport'));
    const item = planlint.coverageProvider.getTreeItem(node);
    assert.equal(item.command?.command, 'planlint.coverageView.reveal');
    const evidence = planlintCheck(uri.fsPath)
      .coverage.areas.find((a) => a.id === 'key-areas')!
      .measures.find((m) => m.id === 'transport')!.evidence.map((e) => e.line);
    assert.ok(evidence.length > 0);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { selection: new vscode.Range(0, 0, 0, 0) });
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const line = await waitFor('the cursor on an evidence line', () => {
      const l = vscode.window.activeTextEditor?.selection.active.line;
      return l !== undefined && evidence.includes(l) && l;
    });
    assert.ok(line > 0);
  });

  test('the status bar shows the coverage score', async () => {
    const planlint = await api();
    const uri = workspaceUri(DRAFT);
    await open(uri);
    const percent = Math.round(planlintCheck(uri.fsPath).coverage.score * 100);
    const text = await waitFor('the score in the status bar', () => /\d+%/.test(planlint.statusBarItem.text) && planlint.statusBarItem.text);
    assert.equal(text, `$(checklist) ${vscode.l10n.t('Coverage {0}%', percent)}`);
    assert.equal(planlint.statusBarItem.command, 'planlint.showCoverage');
  });
});
