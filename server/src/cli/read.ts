/** Reads a draft once, as UTF-8 text, or says in a few words why it cannot. */
import { readFileSync } from 'node:fs';
import { t } from '../l10n';

export type ReadResult = { text: string } | { error: string };

export function readText(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: t('no such file') };
    if (code === 'EACCES' || code === 'EPERM') return { error: t('permission denied') };
    if (code === 'EISDIR') return { error: t('is a folder') };
    return { error: (e as Error).message };
  }
  if (bytes.includes(0)) return { error: t('binary file (NUL bytes)') };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a BOM
    return { text };
  } catch {
    return { error: t('not UTF-8 text') };
  }
}
