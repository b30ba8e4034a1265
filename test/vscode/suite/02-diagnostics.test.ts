import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, SEVERITY, api, codeOf, key, open, planlintCheck, planlintDiagnostics, waitFor, workspaceUri } from '../helpers';

suite('diagnostics', () => {
  test('a Chinese draft without model-innovation and a 2030 target gets both warnings', async () => {
    await api();
    const uri = workspaceUri(DRAFT);
    await open(uri);
    const diags = await waitFor('planlint diagnostics on the draft', () => {
      const d = planlintDiagnostics(uri);
      return d.length > 0 && d;
    });
    const expected = planlintCheck(uri.fsPath).diagnostics;
    const area = expected.find((d) => d.rule === 'area-missing');
    const target = expected.find((d) => d.rule === 'target-missing');
    assert.deepEqual(area?.data, { area: 'model-innovation' });
    assert.equal(target?.data?.year, 2030);

    for (const want of [area!, target!]) {
      const got = diags.filter((d) => codeOf(d) === want.rule);
      assert.equal(got.length, 1, `one ${want.rule} diagnostic`);
      const d = got[0];
      assert.equal(d.source, 'planlint');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(d.message, want.message);
      assert.equal(d.range.start.line, want.range.start.line);
      const code = d.code as { value: string; target: vscode.Uri };
      assert.ok(code.target instanceof vscode.Uri, 'code links to the rule doc (codeDescription)');
      assert.match(code.target.toString(), new RegExp(want.rule));
    }
    assert.match(area!.message, /模式创新|model-innovation|Innovative/i);
    assert.match(target!.message, /2030/);
  });

  test('the editor shows exactly what `planlint check` reports', async () => {
    const uri = workspaceUri(DRAFT);
    await open(uri);
    const expected = planlintCheck(uri.fsPath).diagnostics.map((d) => key(d.rule, SEVERITY[d.severity], d.message, d.range)).sort();
    const got = await waitFor('the same diagnostics as the CLI', () => {
      const now = planlintDiagnostics(uri).map((d) => key(codeOf(d), d.severity, d.message, d.range)).sort();
      return now.length === expected.length && now;
    });
    assert.deepEqual(got, expected);
  });
});
