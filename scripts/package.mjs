// `npm run package`: production build (minified, external source maps that stay out of the
// package), then `vsce package` offline into planlint-<version>.vsix. Prints the size.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = `planlint-${version}.vsix`;

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  // stdin ignored: vsce must never stop to ask a question (CI has no stdin)
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`${cmd} failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
}

run(process.execPath, ['scripts/build.mjs', '--production']);
run(process.execPath, [
  join(root, 'node_modules/@vscode/vsce/vsce'),
  'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out,
]);
const bytes = statSync(join(root, out)).size;
console.log(`${out}: ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)`);
