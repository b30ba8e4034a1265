import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type CodeAction, CodeActionRequest } from 'vscode-languageclient/node';
import { DRAFT, api, codeOf, copyOf, open, planlintDiagnostics, waitFor } from '../helpers';

suite('quick fix', () => {
  test('the quick fix names the diagnostic it fixes, after the language client’s round trip', async () => {
    const { client } = await api();
    const uri = await copyOf(DRAFT, 'quickfix-diagnostic.zh.md');
    await open(uri);
    const finding = await waitFor('the area-missing finding', () => planlintDiagnostics(uri).find((d) => codeOf(d) === 'area-missing'));
    // vscode.executeCodeActionProvider hands back new CodeActions without their diagnostics (VS Code
    // copies title, kind, edit and command only), so ask the server as VS Code's provider does: with
    // the editor's diagnostic converted back by the client.
    const sent = client.code2ProtocolConverter.asDiagnostic(finding);
    assert.equal((sent.data as { area?: string } | undefined)?.area, 'model-innovation', 'data survives the client');
    // By method name: the request type objects of this test bundle are not the extension's.
    const actions = (await client.sendRequest(CodeActionRequest.method, {
      textDocument: { uri: client.code2ProtocolConverter.asUri(uri) },
      range: sent.range,
      context: { diagnostics: [sent], only: ['quickfix'] },
    })) as CodeAction[];
    const insert = actions.find((a) => a.isPreferred);
    assert.ok(insert, `no insert among ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(insert.diagnostics, [sent]);
    for (const a of actions) assert.deepEqual(a.diagnostics, [sent], a.title);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the area-missing fix inserts the model-innovation skeleton and only inserts', async () => {
    await api();
    const uri = await copyOf(DRAFT, 'quickfix.zh.md');
    const editor = await open(uri);
    const original = editor.document.getText();
    const finding = await waitFor('the area-missing finding', () =>
      planlintDiagnostics(uri).find((d) => codeOf(d) === 'area-missing'),
    );
    // Right after diagnostics arrive the provider may answer [] once (a registration cancels it): retry.
    let seen: string[] = [];
    const action = await waitFor('an insert action for the finding', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value, 50,
      );
      seen = actions.map((a) => `${a.title} [${a.kind?.value}] edit=${!!a.edit} diags=${a.diagnostics?.map(codeOf).join(',')}`);
      // The insert for this finding (the others offered here disable the rule with a comment).
      return actions.find((a) => a.edit && /insert|插入/i.test(a.title) && !/disable|停用|禁用/i.test(a.title));
    }, 10_000).catch((err: Error) => {
      throw new Error(`${err.message}; actions offered:\n${seen.join('\n')}`);
    });
    assert.match(action.title, /Innovative management model|开展模式创新/);
    assert.ok(await vscode.workspace.applyEdit(action.edit!), 'applyEdit succeeded');

    await waitFor('the area-missing finding to go', () =>
      !planlintDiagnostics(uri).some((d) => codeOf(d) === 'area-missing'),
    );
    const text = editor.document.getText();
    // The original text is intact: the new text is the original with one block inserted.
    let prefix = 0;
    while (prefix < original.length && original[prefix] === text[prefix]) prefix++;
    let suffix = 0;
    while (suffix < original.length - prefix && original[original.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
    assert.equal(prefix + suffix, original.length, 'only an insertion');
    // The block may start mid-line when it shares a prefix with the next heading ("## 五、"): compare lines.
    const added = text.split('\n').filter((l) => !original.split('\n').includes(l));
    assert.ok(added.some((l) => /^#{2,} .*开展模式创新/.test(l)), `added lines:\n${added.join('\n')}`);
    for (const measure of ['区域', '城市', '产业园区', '企业']) {
      assert.ok(added.some((l) => new RegExp(`^#{3,} .*开展${measure}减污降碳协同创新`).test(l)), `no ${measure} measure heading`);
    }
    assert.ok(planlintDiagnostics(uri).some((d) => codeOf(d) === 'target-missing'), 'the 2030 finding stays');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
