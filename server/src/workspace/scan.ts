/** Markdown files under the workspace folders (for "check all plan files"). */
import { glob } from 'tinyglobby';

export const IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.vscode-test/**'];

export async function markdownFiles(folders: string[]): Promise<string[]> {
  const found = await Promise.all(
    folders.map((cwd) => glob(['**/*.md', '**/*.markdown'], { cwd, absolute: true, ignore: IGNORED, dot: false, followSymbolicLinks: false })),
  );
  return [...new Set(found.flat())].sort();
}
