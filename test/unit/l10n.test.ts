/** Every t('…') string literal in server/src (all layers) has a zh-cn translation, and no translation is empty. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCnBundle } from '../../server/src/l10n';

const root = path.resolve(__dirname, '../../server/src');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** String literals passed as the first argument of `t(` (not `x.t(`, `it(`, `split(`). */
function tLiterals(source: string): string[] {
  const out: string[] = [];
  const re = /(?<![\w$.])t\(\s*(['"])((?:\\.|(?!\1)[^\\\n])*)\1/g;
  for (const m of source.matchAll(re)) out.push(m[2].replace(/\\(['"\\])/g, '$1').replace(/\\n/g, '\n'));
  return out;
}

describe('zh-cn translations', () => {
  const files = sources(root);
  const keys = new Map<string, string>();
  for (const f of files) for (const k of tLiterals(readFileSync(f, 'utf8'))) if (!keys.has(k)) keys.set(k, path.relative(root, f));

  it('finds the t() strings it checks', () => {
    expect(tLiterals(`t('a {0}', x); it('no'); s.split(':'); x.t('no'); t("b")`)).toEqual(['a {0}', 'b']);
    expect(keys.size).toBeGreaterThan(20);
  });

  it('has a zh-cn translation for every t() string in server/src', () => {
    const missing = [...keys].filter(([k]) => !(k in zhCnBundle)).map(([k, f]) => `${f}: ${k}`);
    expect(missing).toEqual([]);
  });

  it('keeps every placeholder of the English text in the translation', () => {
    const bad: string[] = [];
    for (const [k, zh] of Object.entries(zhCnBundle)) {
      if (typeof zh !== 'string' || zh.trim() === '') {
        bad.push(`${k}: empty`);
        continue;
      }
      const ph = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join(',');
      if (ph(k) !== ph(zh)) bad.push(`${k}: placeholders ${ph(k)} vs ${ph(zh)}`);
    }
    expect(bad).toEqual([]);
  });
});
