// The real Chinese language pack cannot be downloaded on these machines, so the Chinese-UI run
// installs a minimal test-only pack (test/e2e/zh-cn-pack: a few workbench labels) to make VS Code
// run with display language zh-cn; PlanLint's own strings then come from its zh-cn bundles.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, repoRoot, type Scratch } from '../support/codeServer';

export function installZhCnLanguagePack(scratch: Scratch): void {
  const vsix = join(scratch.dir, 'zh-cn-pack.vsix');
  const r = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', vsix],
    { cwd: join(repoRoot, 'test/e2e/zh-cn-pack'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (r.status !== 0) throw new Error(`packing the test language pack failed:\n${r.stdout}\n${r.stderr}`);
  installExtension(scratch, vsix);
  // `code-server --install-extension` does not register language packs (the running server's
  // language-pack service would); write the registry it reads at start-up ourselves.
  const dir = readdirSync(scratch.extensions).find((d) => d.startsWith('planlint-test.planlint-test-zh-cn-'));
  if (!dir) throw new Error('the test language pack did not install');
  writeFileSync(
    join(scratch.userData, 'languagepacks.json'),
    JSON.stringify({
      'zh-cn': {
        hash: `planlint-test-${dir}`,
        extensions: [{ extensionIdentifier: { id: 'planlint-test.planlint-test-zh-cn' }, version: '0.0.1' }],
        translations: { vscode: join(scratch.extensions, dir, 'translations', 'main.i18n.json') },
        label: '中文(简体)',
      },
    }),
  );
}
