// Bundles the extension-host suite, its runners and the UI story into out/test/ (esbuild).
// `vscode` comes from the extension host; mocha, Playwright and test-electron load from node_modules.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const suites = readdirSync('test/vscode/suite').filter((f) => f.endsWith('.test.ts'));
rmSync('out/test', { recursive: true, force: true });
await esbuild.build({
  entryPoints: {
    'vscode/index': 'test/vscode/index.ts',
    'vscode/runCodeServer': 'test/vscode/runCodeServer.ts',
    'vscode/runElectron': 'test/vscode/runElectron.ts',
    'e2e/story': 'test/e2e/story.ts',
    'e2e/report': 'test/e2e/report.ts',
    ...Object.fromEntries(suites.map((f) => [`vscode/suite/${f.replace(/\.ts$/, '')}`, `test/vscode/suite/${f}`])),
  },
  outdir: 'out/test',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
  loader: { '.yaml': 'text' },
  sourcemap: 'inline',
  logLevel: 'warning',
});
