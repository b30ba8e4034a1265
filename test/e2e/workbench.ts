// Small helpers that drive the VS Code workbench in the page the way a person does (keyboard,
// mouse) and wait on conditions, never on fixed sleeps. Selectors are from vscode-here.md.
import type { Locator, Page } from 'playwright-core';

// Generous: a loaded 2-core machine can take tens of seconds to draw the workbench.
export const TIMEOUT = 60_000;

/** Polls `probe` until it returns a value that is not undefined/false, or throws with `what`. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>, timeout = TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function workbenchReady(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 180_000 });
  // The explorer shows the folder once the remote file system is connected.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120_000 });
}

/** Ctrl+P, type the file name, Enter; waits for its tab to be active and the editor focused. */
export async function openFile(page: Page, name: string): Promise<void> {
  const tab = page.locator('.tabs-container .tab.active', { hasText: name });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    // Enter only once the filtered result is the focused row (quick open filters asynchronously).
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    try {
      await tab.waitFor({ state: 'visible', timeout: attempt < 3 ? 10_000 : TIMEOUT });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await waitUntil(`the editor of ${name} to have focus`, async () => (await activeEditor(page).getAttribute('class'))?.includes('focused'));
}

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** 1-based line and column from the status bar's "Ln X, Col Y". */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number } | undefined> {
  const text = await page.locator('[id="status.editor.selection"]').textContent({ timeout: 2000 });
  const m = /Ln (\d+), Col (\d+)/.exec(text ?? '') ?? /行 (\d+)，列 (\d+)/.exec(text ?? '');
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** Ctrl+G to a 1-based line; waits until the status bar reports it. */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`); // Ctrl+G opens quick open in its ":" (go to line) mode
  await page.keyboard.press('Enter');
  await waitUntil(`the cursor at line ${line}`, async () => (await cursorPosition(page))?.line === line);
}

/** Opens the Problems panel if it is not open (Ctrl+Shift+M toggles) and returns its rows' text. */
export async function showProblems(page: Page): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
  }
}

export async function problemRows(page: Page): Promise<string[]> {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => `${r.getAttribute('aria-label') ?? ''} ${r.textContent ?? ''}`),
  );
}

/** Runs a command by its (English or Chinese) title through the command palette. */
/** Opens the command palette on `title`; resolves once its row is shown (Enter then runs it). */
async function findCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await findCommand(page, title);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** "Developer: Reload Window" from the palette; resolves once the page has navigated to the new window. */
export async function reloadWindow(page: Page): Promise<void> {
  await findCommand(page, 'Developer: Reload Window');
  await Promise.all([page.waitForEvent('load', { timeout: 120_000 }), page.keyboard.press('Enter')]);
}

export async function squiggles(page: Page, kind: 'warning' | 'error' | 'info' | 'hint' = 'warning'): Promise<number> {
  return activeEditor(page).locator(`.squiggly-${kind}`).count();
}
