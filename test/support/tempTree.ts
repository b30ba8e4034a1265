// A fresh temporary folder for each test (removed after it) and a writer of files below it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export interface TempTree {
  /** The running test's folder. */
  readonly root: string;
  /** Writes `text` to `rel` below the root, making its folders; returns the file's path. */
  write(rel: string, text: string): string;
  /** The path of `rel` below the root. */
  at(rel: string): string;
}

/** Call at the top level of a test file: every test gets its own folder `<tmpdir>/<prefix>XXXXXX`. */
export function tempTree(prefix: string): TempTree {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const at = (rel: string) => join(root, rel);
  const write = (rel: string, text: string) => {
    const file = at(rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  return {
    get root() {
      return root;
    },
    write,
    at,
  };
}
