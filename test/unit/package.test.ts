// The .vsix holds only what runs: bundles, manifest, nls, l10n, snippets, grammars, schemas, icon,
// README, LICENSE, CHANGELOG. No sources, tests, source maps or node_modules slip in.
// Packs the current tree (needs `npm run build` first, as `npm test` does) into a temp .vsix, and
// also checks planlint-<version>.vsix from `npm run package` when it is there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; icon: string };
const scratch = mkdtempSync(join(tmpdir(), 'planlint-vsix-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Paths inside extension/ that may ship (vsce renames README/LICENSE/CHANGELOG). */
const ALLOWED = [
  /^dist\/(client|server|cli)\/[\w.-]+\.js$/,
  /^package\.json$/,
  /^package\.nls(\.[\w-]+)?\.json$/,
  /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  /^snippets\/[\w.-]+\.code-snippets$/,
  /^syntaxes\/[\w.-]+\.json$/,
  /^schemas\/[\w.-]+\.json$/,
  /^images\/icon\.png$/,
  /^readme\.md$/,
  /^LICENSE\.txt$/,
  /^changelog\.md$/,
];
const REQUIRED = [
  'dist/client/extension.js',
  'dist/server/server.js',
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  pkg.icon,
  'readme.md',
  'LICENSE.txt',
  'changelog.md',
];

function vsixEntries(vsix: string): string[] {
  const r = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`unzip -Z1 ${vsix} failed: ${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean);
}

function checkEntries(entries: string[]): void {
  expect(entries).toContain('extension.vsixmanifest');
  expect(entries).toContain('[Content_Types].xml');
  const files = entries
    .filter((e) => e !== 'extension.vsixmanifest' && e !== '[Content_Types].xml')
    .map((e) => {
      expect(e.startsWith('extension/'), e).toBe(true);
      return e.slice('extension/'.length);
    });
  expect(files.filter((f) => !ALLOWED.some((re) => re.test(f)))).toEqual([]);
  for (const f of REQUIRED) expect(files).toContain(f);
  // Nothing of node_modules, sources, tests or source maps.
  expect(files.filter((f) => /node_modules|\.map$|\.ts$|(^|\/)test/.test(f))).toEqual([]);
}

describe('the packaged extension', () => {
  it('packs (offline, without prompts) only what runs', () => {
    expect(existsSync(join(root, 'dist/client/extension.js')), 'run `npm run build` first').toBe(true);
    const out = join(scratch, 'check.vsix');
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    checkEntries(vsixEntries(out));
  });

  it('planlint-<version>.vsix from `npm run package`, when built, holds only what runs and no source maps', () => {
    const built = join(root, `planlint-${pkg.version}.vsix`);
    // Only the CI order (package before this run) guarantees it exists; the packing above always runs.
    if (!existsSync(built)) return;
    const entries = vsixEntries(built);
    checkEntries(entries);
    const r = spawnSync('unzip', ['-p', built, 'extension/dist/client/extension.js'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.stdout).not.toMatch(/sourceMappingURL=data:/); // production: maps external, not inlined
  });
});
