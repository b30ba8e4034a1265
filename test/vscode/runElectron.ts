// `npm run test:vscode`: the extension-host suite in a downloaded VS Code (@vscode/test-electron).
// Needs a machine that can download VS Code; where none can be (as on the PlanLint build
// machines), use `npm run test:vscode:codeserver`, which runs the same suite in code-server.
// Option: --workspace <dir or .code-workspace file> (copied; default: test/fixtures/workspace).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../support/codeServer';

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'planlint-electron-'));
  const workspace = join(scratch, 'workspace');
  const { values } = parseArgs({ options: { workspace: { type: 'string', default: join(repoRoot, 'test/fixtures/workspace') } } });
  const source = resolve(values.workspace!);
  const workspaceFile = source.endsWith('.code-workspace');
  cpSync(workspaceFile ? dirname(source) : source, workspace, { recursive: true });
  await runTests({
    version: process.env.PLANLINT_VSCODE_VERSION ?? '1.100.3', // the oldest version engines.vscode allows
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out/test/vscode/index.js'),
    launchArgs: [
      workspaceFile ? join(workspace, basename(source)) : workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${join(scratch, 'user-data')}`,
      `--extensions-dir=${join(scratch, 'extensions')}`,
    ],
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  console.error('If VS Code cannot be downloaded here, run `npm run test:vscode:codeserver` instead.');
  process.exit(1);
});
