// Bundles the server, the CLI and the VS Code client with esbuild. Type-checking is separate (`npm run typecheck`).
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The built-in profile goes into the bundles as JSON text, which every server, CLI and worker start
 * reads in about a millisecond instead of parsing the YAML (~100 ms); server/src/profile/index.ts
 * reads either.
 */
const builtinProfileAsJson = {
  name: 'builtin-profile-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]profile[\\/][^\\/]+\.yaml$/ }, async (args) => ({
      contents: JSON.stringify(parseYaml(await readFile(args.path, 'utf8'))),
      loader: 'text',
    }));
  },
};

const common = {
  plugins: [builtinProfileAsJson],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? 'external' : 'linked',
  minify: production,
  logLevel: 'warning',
  loader: { '.yaml': 'text', '.code-snippets': 'json' },
  legalComments: 'none',
  // ESM-only dependencies (e.g. fdir inside tinyglobby) call createRequire(import.meta.url), empty in a CJS bundle.
  define: { 'import.meta.url': '__planlint_import_meta_url' },
  banner: { js: "const __planlint_import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { entryPoints: { 'server/server': 'server/src/server.ts' } },
  // checks documents too large for live checking off the server's thread (server/src/workspace/largeDocs.ts)
  { entryPoints: { 'server/largeDocWorker': 'server/src/workspace/largeDocWorker.ts' } },
  { entryPoints: { 'cli/cli': 'server/src/cli/main.ts' } },
  { entryPoints: { 'client/extension': 'client/src/extension.ts' }, external: ['vscode'] },
];

mkdirSync('dist', { recursive: true });
const contexts = await Promise.all(
  builds.map((b) => esbuild.context({ ...common, ...b, outdir: 'dist' })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
