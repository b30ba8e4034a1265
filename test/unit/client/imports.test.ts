// The client bundle must not pull in the server: client/src may import from server/src only the
// protocol (request types and shared interfaces), which itself imports nothing but
// vscode-languageserver-protocol. The profile, the analysis etc. come over LSP requests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const clientDir = join(root, 'client');
const protocol = join(root, 'server/src/protocol.ts');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Module specifiers of static imports / re-exports, `import()` and `require()` calls. */
export function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  for (const m of code.matchAll(/\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

/** Where a relative specifier points (without extension); packages stay as they are. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? resolve(dirname(file), spec).replace(/\.(ts|js)$/, '') : spec;
}

describe('client imports', () => {
  it('finds every kind of import', () => {
    const src = [
      "import * as vscode from 'vscode';",
      "import type { A } from '../../server/src/protocol';",
      "import {\n  B,\n  type C,\n} from './b';",
      "export { D } from './d';",
      "import './side-effect';",
      "const e = await import('../e');",
      "const f = require('f');",
      "// import { no } from './comment';",
      "/* import { no } from './block'; */",
    ].join('\n');
    expect(specifiers(src)).toEqual(['vscode', '../../server/src/protocol', './b', './d', './side-effect', '../e', 'f']);
  });

  const files = sources(clientDir);

  it('scans the client sources', () => {
    expect(files.map((f) => relative(root, f))).toContain('client/src/extension.ts');
    expect(files.length).toBeGreaterThan(8);
  });

  it('imports nothing of the server but server/src/protocol.ts', () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const to = target(file, spec);
        if (!spec.startsWith('.')) continue;
        const inClient = !relative(clientDir, to).startsWith('..');
        if (!inClient && to !== protocol.replace(/\.ts$/, '')) bad.push(`${relative(root, file)}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the protocol itself imports only vscode-languageserver-protocol', () => {
    expect(new Set(specifiers(readFileSync(protocol, 'utf8')))).toEqual(new Set(['vscode-languageserver-protocol']));
  });
});
