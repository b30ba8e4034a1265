// What the UI story compares the workbench against: the built `planlint` CLI (the same engine,
// so the editor must agree with `planlint check`), the built-in snippets, and plain text checks.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CliDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  data?: { area?: string; measure?: string; year?: number; indicator?: string };
}
export interface CliMeasure {
  id: string;
  status: string;
  evidence: Array<{ line: number; text: string }>;
}
export interface CliArea {
  id: string;
  status: string;
  measures: CliMeasure[];
}
export interface CliFile {
  path: string;
  language: string;
  coverage: { score: number; areas: CliArea[]; targets: Array<{ year: number; status: string }> };
  diagnostics: CliDiagnostic[];
}

/** `planlint check <file> --format json` with the built CLI; exit 0 or 1 are both results. */
export function planlintCheck(repoRoot: string, file: string, env: NodeJS.ProcessEnv = process.env): CliFile {
  const cli = join(repoRoot, 'dist', 'cli', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', file, '--format', 'json'], { encoding: 'utf8', env });
  if (r.status !== 0 && r.status !== 1) throw new Error(`planlint check failed (${r.status}): ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { files: CliFile[] };
  if (out.files.length !== 1) throw new Error(`expected one file in planlint output, got ${out.files.length}`);
  return out.files[0];
}

/**
 * The text a snippet inserts when accepted and left at once (Escape): every placeholder keeps its
 * default, mirrors repeat it, bare tab stops are empty. Supports what the built-in snippets use.
 */
export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  const placeholder = /\$\{(\d+):((?:[^{}\\]|\\.)*)\}/g;
  for (const m of text.matchAll(placeholder)) if (!defaults.has(m[1])) defaults.set(m[1], m[2]);
  return text
    .replace(placeholder, (_, _n: string, def: string) => def)
    .replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '')
    .replace(/\$(\d+)/g, (_, n: string) => defaults.get(n) ?? '')
    .replace(/\\([$}\\])/g, '$1');
}

export function builtinSnippet(repoRoot: string, file: string, prefix: string): { body: string | string[] } {
  const all = JSON.parse(readFileSync(join(repoRoot, 'snippets', file), 'utf8')) as Record<
    string,
    { prefix: string | string[]; body: string | string[] }
  >;
  const hit = Object.values(all).find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(prefix));
  if (!hit) throw new Error(`no snippet with prefix ${prefix} in snippets/${file}`);
  return hit;
}

/**
 * When `updated` is `original` with exactly one contiguous block inserted (nothing removed or
 * changed), returns that block and the offset it went in at; otherwise undefined.
 */
export function singleInsertion(original: string, updated: string): { offset: number; text: string } | undefined {
  if (updated.length <= original.length) return undefined;
  let prefix = 0;
  while (prefix < original.length && original[prefix] === updated[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < original.length - prefix &&
    original[original.length - 1 - suffix] === updated[updated.length - 1 - suffix]
  ) {
    suffix++;
  }
  if (prefix + suffix !== original.length) return undefined;
  return { offset: prefix, text: updated.slice(prefix, updated.length - suffix) };
}
