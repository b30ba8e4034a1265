// Every string the CLI passes to t() has a Chinese translation.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCnBundle } from '../../server/src/l10n';

const cliDir = resolve(__dirname, '../../server/src/cli');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('CLI strings', () => {
  it('are all translated to zh-cn', () => {
    const keys = new Set<string>();
    for (const file of sources(cliDir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\(.)/g, '$1'));
    }
    expect(keys.size).toBeGreaterThan(40);
    expect([...keys].filter((k) => !(k in zhCnBundle))).toEqual([]);
  });
});
