// Team workflows in the multi-root fixture (test/fixtures/team-workspace/team.code-workspace:
// folders `province` and `parks`). Runs only in that workspace (see ../index.ts); the runner
// opens it with `--workspace …/team.code-workspace`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SaveSnippetResult } from '../../../client/src/saveSnippet';
import { SEVERITY, api, codeOf, key, open, planlintCheck, planlintDiagnostics, waitFor } from '../helpers';

function folderUri(name: string, ...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  if (!folder) throw new Error(`workspace folder ${name} is not open: run this suite in the team workspace`);
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

const PARK_DRAFT = () => folderUri('parks', 'drafts', 'lingang-park.zh.md');
const PROVINCE_DRAFT = () => folderUri('province', 'drafts', 'province-plan.zh.md');

/** The fixture's libraries (other snippets, VS Code's and PlanLint's own, carry other descriptions). */
const LIBRARIES = new Set(['consultancy', 'park-common', 'team-snippets']);

/** Library snippets offered on the draft's last (empty) line, as "prefix [library]". */
async function librarySnippets(uri: vscode.Uri): Promise<string[]> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    new vscode.Position(doc.lineCount - 1, 0),
  );
  return list.items
    .filter((i) => typeof i.label === 'object' && LIBRARIES.has(i.label.description ?? ''))
    .map((i) => {
      const label = i.label as vscode.CompletionItemLabel;
      return `${label.label} [${label.description}]`;
    })
    .sort();
}

/** The editor's PlanLint diagnostics equal `planlint check` on the same file (same config found). */
async function sameAsCli(uri: vscode.Uri): Promise<string[]> {
  const expected = planlintCheck(uri.fsPath).diagnostics.map((d) => key(d.rule, SEVERITY[d.severity], d.message, d.range)).sort();
  const got = await waitFor(`the CLI's diagnostics on ${uri.fsPath}`, () => {
    const now = planlintDiagnostics(uri).map((d) => key(codeOf(d), d.severity, d.message, d.range)).sort();
    return now.length === expected.length && now.join('\n') === expected.join('\n') && now;
  });
  assert.deepEqual(got, expected);
  return got;
}

suite('team workspace', () => {
  suiteSetup(async () => {
    await api();
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['province', 'parks'],
    );
  });

  test('each folder’s config applies: the park profile at park level, the national one at province level, as in the CLI', async () => {
    await open(PARK_DRAFT());
    await sameAsCli(PARK_DRAFT());
    const codes = planlintDiagnostics(PARK_DRAFT()).map((d) => codeOf(d)).sort();
    // Custom framework: no 2030 target, the enterprise chapter not required of a park.
    assert.deepEqual(codes, ['measure-missing', 'target-below-national']);

    await open(PROVINCE_DRAFT());
    await sameAsCli(PROVINCE_DRAFT());
    const province = planlintDiagnostics(PROVINCE_DRAFT());
    // The province config raises measure-missing to a warning; national areas are checked.
    assert.ok(province.some((d) => codeOf(d) === 'measure-missing' && d.severity === vscode.DiagnosticSeverity.Warning));
    assert.ok(province.some((d) => codeOf(d) === 'area-missing' && /model-innovation/.test(d.message)));
  });

  test('Open National Measure shows the profile that applies to the draft: the park framework in the parks folder', async () => {
    const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    const heading = async (area: string, measure: string) => {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('planlint.openNationalMeasure', area, measure);
      const text = editor.document.getText();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      return text.split('\n')[0];
    };
    const { tracker } = await api();
    await open(PARK_DRAFT());
    await waitFor('the park draft to be tracked', () => tracker.trackedDocument?.uri.toString() === PARK_DRAFT().toString());
    assert.equal(await heading('energy', 'renewables'), lang === 'zh' ? '# （一）提高可再生能源利用比例' : '# （一）Raise the share of renewable energy');
    await open(PROVINCE_DRAFT());
    await waitFor('the province draft to be tracked', () => tracker.trackedDocument?.uri.toString() === PROVINCE_DRAFT().toString());
    assert.equal(await heading('key-areas', 'transport'), lang === 'zh' ? '# （九）推进交通运输协同增效' : '# （九）Promote synergy in transport');
  });

  test('completion offers the folder’s libraries, two with the same prefix each labelled', async () => {
    await open(PARK_DRAFT());
    const park = await waitFor('library snippets in the park draft', async () => {
      const items = await librarySnippets(PARK_DRAFT());
      return items.length >= 3 && items;
    });
    assert.deepEqual(park, ['mb-2025 [consultancy]', 'mb-2025 [park-common]', 'xhh-gz [park-common]']);
    await open(PROVINCE_DRAFT());
    assert.deepEqual(await librarySnippets(PROVINCE_DRAFT()), ['mb-2025 [team-snippets]', 'qy-xt [team-snippets]']);
  });

  test('Save selection as team snippet writes a valid entry that the next completion offers', async () => {
    const editor = await open(PARK_DRAFT());
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('实施园区循环化改造'));
    assert.ok(line > 0);
    editor.selection = new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length);
    const library = folderUri('parks', 'snippets', 'park-common', 'targets.code-snippets');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(library));
    const saved = await vscode.commands.executeCommand<SaveSnippetResult>('planlint.saveSelectionAsSnippet', {
      library: 'park-common',
      prefix: 'xhh-new',
      description: '循环化改造（临港表述）',
    });
    assert.deepEqual(saved, { file: library.fsPath, name: '循环化改造（临港表述）' });
    const after = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(library))) as Record<string, { prefix: string; body: string[] }>;
    const old = JSON.parse(before) as Record<string, unknown>;
    for (const name of Object.keys(old)) assert.deepEqual(after[name], old[name], `${name} kept`);
    assert.deepEqual(after['循环化改造（临港表述）'], {
      prefix: 'xhh-new',
      description: '循环化改造（临港表述）',
      body: [editor.document.lineAt(line).text],
    });
    const items = await waitFor('the new snippet in completion', async () => {
      const now = await librarySnippets(PARK_DRAFT());
      return now.includes('xhh-new [park-common]') && now;
    });
    assert.ok(items.includes('mb-2025 [consultancy]'));
    await vscode.workspace.fs.writeFile(library, new TextEncoder().encode(before));
  });

  test('a bad library file gets a config-error at its line; the other snippets keep working', async () => {
    await open(PARK_DRAFT());
    const file = folderUri('parks', 'snippets', 'consultancy', 'phrasing.code-snippets');
    const good = await vscode.workspace.fs.readFile(file);
    const bad = ['{', '  "Fine": { "prefix": "fine", "body": "ok" },', '  "Broken": { "prefix": 7, "body": "x" }', '}', ''].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(bad));
    // The next completion re-reads the file (a file watcher may report it first).
    const items = await waitFor('completion after the edit', async () => {
      const now = await librarySnippets(PARK_DRAFT());
      return now.includes('fine [consultancy]') && now;
    });
    assert.deepEqual(items, ['fine [consultancy]', 'mb-2025 [park-common]', 'xhh-gz [park-common]']);
    const [problem] = await waitFor('the problem on the library file', () => {
      const d = planlintDiagnostics(file);
      return d.length > 0 && d;
    });
    assert.equal(codeOf(problem), 'config-error');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(problem.range.start.line, 2);
    assert.match(problem.message, /Snippet "Broken": prefix must be a string or a list/);

    await vscode.workspace.fs.writeFile(file, good);
    await waitFor('the problem cleared', async () => {
      await librarySnippets(PARK_DRAFT());
      return planlintDiagnostics(file).length === 0;
    });
  });

  test('the contributed snippets schema validates a library file as it is edited', async () => {
    const file = folderUri('parks', 'snippets', 'consultancy', 'scratch.code-snippets');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{\n  "No prefix": { "body": "x" }\n}\n'));
    try {
      await open(file);
      // VS Code's JSON language service (not PlanLint) reports the schema's required prefix.
      const [problem] = await waitFor('a JSON schema problem in the editor', () => {
        const d = vscode.languages.getDiagnostics(file).filter((x) => x.source !== 'planlint' && /prefix/.test(x.message));
        return d.length > 0 && d;
      });
      assert.equal(problem.range.start.line, 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
    }
  });
});
