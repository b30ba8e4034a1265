import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, api, codeOf, copyOf, open, planlintDiagnostics, waitFor } from '../helpers';

suite('commands', () => {
  test('planlint.insertAllMissing inserts every missing skeleton, keeping the original lines', async () => {
    await api();
    const uri = await copyOf(DRAFT, 'insert-all.zh.md');
    const editor = await open(uri);
    const originalLines = editor.document.getText().split('\n');
    await waitFor('the area-missing finding', () => planlintDiagnostics(uri).some((d) => codeOf(d) === 'area-missing'));
    await vscode.commands.executeCommand('planlint.insertAllMissing');
    await waitFor('no area-missing and no measure-missing finding', () => {
      const codes = planlintDiagnostics(uri).map(codeOf);
      return editor.document.getText().length > originalLines.join('\n').length && !codes.includes('area-missing') && !codes.includes('measure-missing');
    });
    // Every original line is still there, in order.
    const lines = editor.document.getText().split('\n');
    let i = 0;
    for (const line of lines) if (i < originalLines.length && line === originalLines[i]) i++;
    assert.equal(i, originalLines.length, 'original lines preserved in order');
    assert.match(editor.document.getText(), /开展模式创新/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('planlint.openNationalMeasure shows the measure of the profile from the server: number, title, wording, evidence terms', async () => {
    await api();
    const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('planlint.openNationalMeasure', 'key-areas', 'transport');
    assert.ok(editor, 'the command returns the editor');
    assert.equal(editor.document.uri.scheme, 'planlint-national');
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[0], lang === 'zh' ? '# （九）推进交通运输协同增效' : '# （九）Promote synergy in transport');
    assert.ok(lines.some((l) => l.startsWith('> ')), 'the national wording is quoted');
    assert.ok(lines.some((l) => l.includes('公转铁') || l.includes('railway')), 'evidence terms are listed');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('planlint.checkWorkspace puts findings of files nobody opened into Problems', async () => {
    await api();
    const unopened = await copyOf(DRAFT, 'unopened.zh.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()));
    const result = await vscode.commands.executeCommand<{ files: number; plans: number; cancelled: boolean }>('planlint.checkWorkspace');
    assert.ok(result, 'the command returns its result');
    assert.equal(result.cancelled, false);
    assert.ok(result.plans >= 2 && result.files > result.plans, `files ${result.files}, plans ${result.plans}`);
    const codes = await waitFor('diagnostics on the unopened file', () => {
      const c = planlintDiagnostics(unopened).map(codeOf);
      return c.length > 0 && c;
    });
    assert.ok(codes.includes('area-missing') && codes.includes('target-missing'), codes.join(', '));
  });
});
