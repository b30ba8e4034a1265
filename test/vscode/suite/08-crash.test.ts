import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { DRAFT, SEVERITY, api, codeOf, key, open, planlintCheck, planlintDiagnostics, waitFor, workspaceUri } from '../helpers';

/** The server's process id, from its test hooks (PLANLINT_TEST_HOOKS=1); undefined while it is not running. */
async function serverPid(): Promise<number | undefined> {
  const { client } = await api();
  if (client.state !== State.Running) return undefined;
  try {
    const state = await client.sendRequest<{ pid: number }>('planlint/_test/state');
    return state.pid;
  } catch {
    return undefined;
  }
}

/** Diagnostics in the editor exactly as `planlint check` reports them. */
function sameAsCli(uri: vscode.Uri, expected: string[]): string[] | false {
  const now = planlintDiagnostics(uri).map((d) => key(codeOf(d), d.severity, d.message, d.range)).sort();
  return now.length === expected.length && now.every((k, i) => k === expected[i]) && now;
}

suite('crash recovery', () => {
  test('the server is killed: the client restarts it, the diagnostics come back, the user is told once', async () => {
    const { crashPolicy, client } = await api();
    const uri = workspaceUri(DRAFT);
    await open(uri);
    const expected = planlintCheck(uri.fsPath).diagnostics.map((d) => key(d.rule, SEVERITY[d.severity], d.message, d.range)).sort();
    await waitFor('the diagnostics of the draft', () => sameAsCli(uri, expected));
    const told = crashPolicy.told.restarting;
    const first = await waitFor('the server process id (test hooks)', () => serverPid());

    process.kill(first, 'SIGKILL');
    const second = await waitFor('a new server process', async () => {
      const pid = await serverPid();
      return pid !== undefined && pid !== first && pid;
    }, 60_000);
    assert.notEqual(second, first);
    // the restarted server gets the open documents again and publishes their diagnostics
    await waitFor('the same diagnostics from the new server', async () => {
      const pid = await serverPid();
      return pid === second && sameAsCli(uri, expected);
    }, 60_000);
    // an edit is checked by the new server
    const editor = await open(uri);
    const line = editor.document.lineCount;
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), '\n## 五、开展模式创新\n\n开展区域减污降碳协同创新。\n'));
    await waitFor('the edit checked: model-innovation no longer missing', () =>
      !planlintDiagnostics(uri).some((d) => codeOf(d) === 'area-missing' && /模式创新|model-innovation|Innovative/i.test(d.message)));
    await vscode.commands.executeCommand('workbench.action.files.revert');

    // two more crashes in a row: restarted each time, still no second message
    let pid = second;
    for (let i = 0; i < 2; i++) {
      process.kill(pid, 'SIGKILL');
      pid = await waitFor(`restart ${i + 2}`, async () => {
        const p = await serverPid();
        return p !== undefined && p !== pid && p;
      }, 60_000);
    }
    await waitFor('diagnostics after the third restart', () => sameAsCli(uri, expected), 60_000);
    assert.equal(crashPolicy.told.restarting, told + 1, 'one message for the crash episode, not one per crash');
    assert.equal(crashPolicy.told.gaveUp, 0);
    assert.equal(client.state, State.Running);

    // a manual restart starts a fresh episode and leaves a running server for the suites after this one
    await vscode.commands.executeCommand('planlint.restartServer');
    await waitFor('the server running after the manual restart', async () => (await serverPid()) !== undefined, 60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
