// `npm run test:e2e:report`: the reviewer's report in a real VS Code (code-server) in Chromium, with
// the packaged .vsix installed, driven like a person: open the draft, run "PlanLint: Open Coverage
// Report" from the command palette, read the page in the webview, click a finding's line in it
// (the editor moves there), edit the draft (the page follows), save and reload the window (the page
// comes back). Screenshots go to
// test-results/e2e-report/; --docs-images copies the README one to docs/images/report-vscode.png.
// Exits 0 when every step passed. Options: --timeout <s> (whole run, default 600).
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type FrameLocator, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS, CHROMIUM_PATH, installExtension, makeScratch, removeScratch, repoRoot, startCodeServer,
} from '../support/codeServer';
import { planlintCheck } from './oracle';
import { check, logger, prepare } from './prepare';
import { activeEditor, cursorPosition, goToLine, openFile, reloadWindow, runCommand, squiggles, waitUntil, workbenchReady } from './workbench';

const { values: opts } = parseArgs({
  options: {
    timeout: { type: 'string', default: '600' },
    'docs-images': { type: 'boolean', default: false },
  },
});

const DRAFT = 'city-draft.zh.md';
const results = join(repoRoot, 'test-results', 'e2e-report');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const vsix = join(repoRoot, `planlint-${pkg.version}.vsix`);
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;

const log = logger('e2e-report');

/** The report page inside the webview (VS Code nests the page in an iframe inside the webview's iframe). */
function reportFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function main(): Promise<number> {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  prepare(log, vsix);

  const scratch = makeScratch('e2e-report');
  installExtension(scratch, vsix);
  const workspace = join(scratch.dir, 'workspace');
  cpSync(join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const server = await startCodeServer(scratch);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  let passed = 0;
  let failed = 0;
  const step = async (name: string, run: () => Promise<void>) => {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '');
    const started = Date.now();
    try {
      await run();
      await page.screenshot({ path: join(results, `${slug}.png`) });
      passed++;
      log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return true;
    } catch (err) {
      await page.screenshot({ path: join(results, `${slug}-failure.png`) }).catch(() => undefined);
      failed++;
      log(`FAIL ${name}\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return false;
    }
  };

  try {
    const draft = join(workspace, DRAFT);
    const cli = planlintCheck(repoRoot, draft);
    const score = `${Math.round(cli.coverage.score * 100)}%`;
    const target = cli.diagnostics.find((d) => d.rule === 'target-missing');
    check(target, 'the fixture draft lacks its 2030 targets');
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`);
    await workbenchReady(page);

    const opened = await step('open the report beside the draft', async () => {
      await openFile(page, DRAFT);
      await waitUntil('diagnostics in the draft', async () => (await squiggles(page, 'warning')) > 0);
      await runCommand(page, `PlanLint: ${nls['command.openReport']}`);
      const frame = reportFrame(page);
      await frame.locator('#report .score-value').waitFor({ timeout: 60_000 });
      check((await frame.locator('.score-value').textContent()) === score, `the page shows ${score}`);
      check((await frame.locator('#matrix tbody tr').count()) === cli.coverage.areas.length, 'a matrix row per area');
      check((await frame.locator('#findings tbody tr').count()) === cli.diagnostics.length, 'a row per finding');
      check((await frame.locator('h1').textContent()) === '江岭市减污降碳协同增效实施方案（征求意见稿）', 'the draft title');
      // beside the draft: two editor groups, the report in the second
      check((await page.locator('.editor-group-container').count()) === 2, 'two editor groups');
      await frame.locator('#matrix').scrollIntoViewIfNeeded();
    });
    if (opened && opts['docs-images']) {
      mkdirSync(join(repoRoot, 'docs', 'images'), { recursive: true });
      copyFileSync(join(results, 'open-the-report-beside-the-draft.png'), join(repoRoot, 'docs', 'images', 'report-vscode.png'));
    }

    await step('clicking a finding line in the page moves the editor there', async () => {
      await goToLine(page, 1);
      const row = reportFrame(page).locator('#findings tbody tr', { hasText: 'target-missing' });
      await row.locator('.loc').click();
      await waitUntil(`the cursor at line ${target.range.start.line + 1}`, async () => (await cursorPosition(page))?.line === target.range.start.line + 1);
      check((await page.locator('.tabs-container .tab.active', { hasText: DRAFT }).count()) > 0, 'the draft is the active editor');
    });

    await step('the page follows the draft as it is edited', async () => {
      const at = readFileSync(draft, 'utf8').split('\n').findIndex((l) => l.startsWith('到2025年'));
      await activeEditor(page).click();
      await goToLine(page, at + 1);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.insertText('到2030年，全市新增大宗固废综合利用率达到70%。');
      await waitUntil('the target-missing finding to leave the page', async () => {
        const rules = await reportFrame(page).locator('#findings tbody tr .rule').allTextContents();
        return rules.length === cli.diagnostics.length - 1 && !rules.includes('target-missing');
      });
      check((await reportFrame(page).locator('#target-2030 .badge').textContent())?.includes('已量化'), '2030 now quantified (the page is in the draft’s language)');
    });

    await step('the report comes back after the window reloads', async () => {
      await activeEditor(page).click();
      await page.keyboard.press('Control+S');
      await waitUntil('the save to reach the disk', async () => readFileSync(draft, 'utf8').includes('到2030年，全市新增大宗固废综合利用率'));
      const saved = planlintCheck(repoRoot, draft);
      // "Developer: Reload Window" waits for the workbench to store its editors (the report's
      // state with them) before the page goes; a bare browser reload races that store (it failed
      // in CI once: the restored window had no report).
      await reloadWindow(page);
      await workbenchReady(page);
      const frame = reportFrame(page);
      await frame.locator('#report .score-value').waitFor({ timeout: 60_000 });
      check((await frame.locator('h1').textContent()) === '江岭市减污降碳协同增效实施方案（征求意见稿）', 'the restored page shows the draft');
      await waitUntil('the restored page to list the saved draft’s findings', async () => {
        const rules = await frame.locator('#findings tbody tr .rule').allTextContents();
        return rules.length === saved.diagnostics.length && !rules.includes('target-missing');
      });
      check((await frame.locator('.score-value').textContent()) === `${Math.round(saved.coverage.score * 100)}%`, 'the restored page shows the saved draft’s score');
    });
  } finally {
    if (pageErrors.length) log(`page errors:\n${pageErrors.join('\n')}`);
    await browser.close().catch(() => undefined);
    await server.stop();
    copyFileSync(server.logFile, join(results, 'code-server.log'));
    removeScratch(scratch);
  }
  log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

const timer = setTimeout(() => {
  log(`did not finish within ${opts.timeout} s`);
  process.exit(1);
}, Number(opts.timeout) * 1000);
main().then(
  (code) => {
    clearTimeout(timer);
    process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
