// `npm run test:e2e`: the writer's story of issue 4, played in a real VS Code (code-server) in
// Chromium with the packaged .vsix installed, driven by keyboard and mouse like a person.
// Screenshots of every step (and of every failure) go to test-results/e2e/. Closes with
// "N passed, M failed". Options: --timeout <s> (whole run, default 600), --docs-images (copy the
// README screenshots into docs/images/).
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import {
  CHROMIUM_ARGS, CHROMIUM_PATH, installExtension, makeScratch, removeScratch, repoRoot, startCodeServer,
  type CodeServer, type Scratch,
} from '../support/codeServer';
import { installZhCnLanguagePack } from './languagePack';
import { builtinSnippet, expandSnippet, planlintCheck, singleInsertion, type CliFile } from './oracle';
import { check, logger, prepare } from './prepare';
import {
  activeEditor, cursorPosition, goToLine, openFile, problemRows, runCommand, showProblems, squiggles, waitUntil,
  workbenchReady,
} from './workbench';

const { values: opts } = parseArgs({
  options: {
    timeout: { type: 'string', default: '600' },
    'docs-images': { type: 'boolean', default: false },
  },
});

const DRAFT = 'city-draft.zh.md';
const NEW_DRAFT = 'new-plan.md';
const results = join(repoRoot, 'test-results', 'e2e');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; publisher: string; name: string };
const vsix = join(repoRoot, `planlint-${pkg.version}.vsix`);
const nlsZh = JSON.parse(readFileSync(join(repoRoot, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
const nlsEn = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;

const log = logger('e2e');

interface NationalMeasure {
  id: string;
  number: string;
  title: { zh: string; en: string };
  wording: { zh: string; en: string };
}
interface NationalArea {
  id: string;
  number: string;
  title: { zh: string; en: string };
  measures: NationalMeasure[];
}
/** The built-in profile's areas, read from its source data. */
function nationalAreas(): NationalArea[] {
  const profile = parseYaml(readFileSync(join(repoRoot, 'server/src/profile/national-2022.yaml'), 'utf8')) as {
    areas: NationalArea[];
  };
  return profile.areas;
}
function nationalMeasure(area: string, measure: string): NationalMeasure {
  const m = nationalAreas().find((a) => a.id === area)?.measures.find((x) => x.id === measure);
  if (!m) throw new Error(`no measure ${area}/${measure} in the built-in profile`);
  return m;
}

/** Collapses the explorer's folder section and widens the side bar so the coverage view has room. */
async function roomForCoverage(page: Page): Promise<void> {
  const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'workspace' });
  if (await folders.count()) await folders.first().click();
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar && sidebar.width < 500) {
    // Drag the sash on the side bar's right edge, as a person would.
    const x = sidebar.x + sidebar.width;
    const y = sidebar.y + sidebar.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 250, y, { steps: 5 });
    await page.mouse.up();
  }
  // Park the mouse on the activity bar's empty part and give the editor the focus back.
  await page.mouse.move(20, sidebar ? sidebar.y + sidebar.height - 150 : 600);
  await page.keyboard.press('Control+1');
}

/** The English status words of the coverage view (client/src/coverageModel.ts). */
const STATUS_WORD: Record<string, string> = {
  covered: 'covered',
  partial: 'partly covered',
  mentioned: 'mentioned only',
  missing: 'missing',
};

/** The status bar entry of the extension (extension-contributed entries get an id ending in their own id). */
function coverageStatus(page: Page) {
  return page.locator('.statusbar-item[id$="planlint.coverage"]');
}

interface Session {
  scratch: Scratch;
  server: CodeServer;
  browser: Browser;
  page: Page;
  workspace: string;
  close(): Promise<void>;
}

async function openSession(name: string, locale?: string): Promise<Session> {
  const scratch = makeScratch(`e2e-${name}`);
  installExtension(scratch, vsix);
  if (locale === 'zh-cn') installZhCnLanguagePack(scratch);
  const workspace = join(scratch.dir, 'workspace');
  cpSync(join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  writeFileSync(join(workspace, NEW_DRAFT), '');
  const server = await startCodeServer(scratch, { locale });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: locale ?? 'en-US' });
  await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`);
  await workbenchReady(page);
  return {
    scratch, server, browser, page, workspace,
    async close() {
      await browser.close().catch(() => undefined);
      await server.stop();
      copyFileSync(server.logFile, join(results, `code-server-${name}.log`));
      removeScratch(scratch);
    },
  };
}

interface Step {
  name: string;
  run: () => Promise<void>;
}

async function main(): Promise<number> {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const t0 = Date.now();

  prepare(log, vsix);
  log(`prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  let passed = 0;
  let failed = 0;
  let session: Session | undefined;
  let stepNo = 0;
  const shot = async (slug: string) => {
    if (session) await session.page.screenshot({ path: join(results, `${slug}.png`) }).catch(() => undefined);
  };
  const runStep = async (step: Step) => {
    const slug = `${String(++stepNo).padStart(2, '0')}-${step.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`;
    const started = Date.now();
    try {
      // Start each step from a calm workbench: close whatever widget a failed step left open.
      for (let i = 0; i < 3; i++) await session?.page.keyboard.press('Escape');
      await step.run();
      await shot(slug);
      passed++;
      log(`ok   ${stepNo} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      await shot(`${slug}-failure`);
      failed++;
      log(`FAIL ${stepNo} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  };

  // What the engine says about the untouched draft: the UI must agree.
  const draftFixture = join(repoRoot, 'test/fixtures/workspace', DRAFT);
  const original = readFileSync(draftFixture, 'utf8');
  const before: CliFile = planlintCheck(repoRoot, draftFixture);
  const areaFinding = before.diagnostics.find((d) => d.rule === 'area-missing' && d.data?.area === 'model-innovation');
  const targetFinding = before.diagnostics.find((d) => d.rule === 'target-missing' && d.data?.year === 2030);
  const warnings = before.diagnostics.filter((d) => d.severity === 'warning');

  const steps: Step[] = [
    {
      name: 'Open the draft: squiggles, Problems, coverage score',
      async run() {
        check(areaFinding, `planlint check finds no area-missing for model-innovation in the fixture: ${JSON.stringify(before.diagnostics)}`);
        check(targetFinding, 'planlint check finds no target-missing 2030 in the fixture');
        const page = session!.page;
        await openFile(page, DRAFT);
        await waitUntil('warning squiggles in the draft', async () => (await squiggles(page, 'warning')) > 0, 60_000);
        await showProblems(page);
        const rows = await waitUntil('the Problems panel to list both warnings', async () => {
          const r = await problemRows(page);
          return [areaFinding, targetFinding].every((f) => r.some((row) => row.includes(f.message))) && r;
        });
        // Every warning of the CLI is there, with planlint as its source and its rule as code.
        for (const w of warnings) {
          const row = rows.find((r) => r.includes(w.message));
          check(row, `Problems lacks: ${w.message}\nrows:\n${rows.join('\n')}`);
          check(row.includes('planlint') && row.includes(w.rule), `row lacks source/code planlint(${w.rule}): ${row}`);
        }
        const statusText = await waitUntil('the coverage score in the status bar', async () => {
          const t = (await coverageStatus(page).textContent())?.trim();
          return t && /\d+\s*%/.test(t) ? t : undefined;
        });
        const percent = Math.round(before.coverage.score * 100);
        check(statusText.includes(`${percent}%`) || statusText.includes(`${percent} %`), `status bar "${statusText}" does not show ${percent}%`);
        // Clicking the score opens the coverage view, with the missing area marked.
        await coverageStatus(page).click();
        const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: nlsEn['view.coverage'] }) });
        const area = nationalAreas().find((a) => a.id === 'model-innovation')!;
        await view.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
        await roomForCoverage(page);
        const row = view.locator('.monaco-list-row', { hasText: area.number }).first();
        await row.waitFor({ state: 'visible' });
        const label = (await row.getAttribute('aria-label')) ?? '';
        check(label.includes(`, ${STATUS_WORD.missing}`), `coverage row of model-innovation is not "missing": ${label}`);
        await shot('coverage-view');
      },
    },
    {
      name: 'Quick fix inserts the model-innovation skeleton',
      async run() {
        const page = session!.page;
        await openFile(page, DRAFT);
        await goToLine(page, areaFinding!.range.start.line + 1, areaFinding!.range.start.character + 1);
        await page.keyboard.press('Control+.');
        const fixPattern = /模式创新|model-innovation|Innovative/i;
        const fix = page.locator('.action-widget .monaco-list-row', { hasText: fixPattern }).first();
        await fix.waitFor({ state: 'visible' });
        const label = (await fix.textContent())?.trim();
        check(label && /insert|插入/i.test(label), `the offered fix is not an insert: ${label}`);
        await shot('quick-fix-menu');
        // Keyboard, as a writer does (the widget's pointer block swallows synthetic clicks).
        await waitUntil('the insert to be the focused action', async () => {
          const focused = (await page.locator('.action-widget .monaco-list-row.focused').textContent()) ?? '';
          if (fixPattern.test(focused) && /insert|插入/i.test(focused)) return true;
          await page.keyboard.press('ArrowDown');
          return false;
        });
        await page.keyboard.press('Enter');
        await page.locator('.action-widget').waitFor({ state: 'hidden' });
        await showProblems(page);
        await waitUntil('the area-missing finding to disappear', async () => {
          const r = await problemRows(page);
          return !r.some((row) => row.includes(areaFinding!.message)) && r.some((row) => row.includes(targetFinding!.message));
        });
        await activeEditor(page).click({ position: { x: 300, y: 10 } }).catch(() => undefined);
        await page.keyboard.press('Control+S');
        const onDisk = join(session!.workspace, DRAFT);
        const inserted = await waitUntil('the save to reach the disk', async () =>
          singleInsertion(original, readFileSync(onDisk, 'utf8')),
        );
        const originalLines = new Set(original.split('\n'));
        const added = readFileSync(onDisk, 'utf8').split('\n').filter((l) => !originalLines.has(l));
        check(added.some((l) => /^#{2,} .*开展模式创新/.test(l)), `no model-innovation heading among the added lines:\n${added.join('\n')}`);
        const after = planlintCheck(repoRoot, onDisk);
        check(!after.diagnostics.some((d) => d.rule === 'area-missing' && d.data?.area === 'model-innovation'), 'planlint check still reports the area on the saved file');
        log(`inserted ${inserted.text.split('\n').length} lines at offset ${inserted.offset}`);
      },
    },
    {
      name: 'Coverage view: area states, click a measure to its evidence',
      async run() {
        const page = session!.page;
        const saved = planlintCheck(repoRoot, join(session!.workspace, DRAFT));
        await openFile(page, DRAFT);
        await coverageStatus(page).click();
        const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: nlsEn['view.coverage'] }) });
        await view.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
        await roomForCoverage(page);
        const numbers = new Map(nationalAreas().map((a) => [a.id, a.number]));
        const rows = await waitUntil('a row per area in the coverage view', async () => {
          const r = await view.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
          return saved.coverage.areas.every((a) => r.some((row) => row.startsWith(numbers.get(a.id)!))) && r;
        });
        log(`coverage view rows: ${rows.join(' | ')}`);
        for (const a of saved.coverage.areas) {
          const row = rows.find((r) => r.startsWith(numbers.get(a.id)!));
          check(row, `no coverage row for ${a.id} (${numbers.get(a.id)})`);
          const state = row.split(', ')[1] ?? '';
          check(state.startsWith(STATUS_WORD[a.status]), `${a.id}: the view says "${state}", planlint check says ${a.status}`);
        }
        // The measure "transport" is covered with evidence: expand its area and click it.
        const area = saved.coverage.areas.find((a) => a.id === 'key-areas');
        const measure = area?.measures.find((m) => m.id === 'transport');
        check(measure && measure.status === 'covered' && measure.evidence.length > 0, `transport is not covered with evidence: ${JSON.stringify(measure)}`);
        // Rows carry the national numbers in either UI language: 四、 is key-areas, （九） is transport.
        const measureRow = view.locator('.monaco-list-row', { hasText: '（九）' }).first();
        if (!(await measureRow.isVisible())) {
          await view.locator('.monaco-list-row', { hasText: '四、' }).first().click();
        }
        await measureRow.waitFor({ state: 'visible' });
        await measureRow.click();
        const lines = measure.evidence.map((e) => e.line + 1);
        const pos = await waitUntil(`the cursor on an evidence line of transport (${lines.join(', ')})`, async () => {
          const p = await cursorPosition(page);
          return p && lines.includes(p.line) && p;
        });
        log(`cursor moved to Ln ${pos.line}`);
      },
    },
    {
      name: 'Snippet prefix offers the plan skeleton',
      async run() {
        const page = session!.page;
        await openFile(page, NEW_DRAFT);
        await page.keyboard.type('planlint-plan');
        await page.keyboard.press('Control+Space');
        const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'planlint-plan' }).first();
        await item.waitFor({ state: 'visible' });
        const focused = page.locator('.suggest-widget .monaco-list-row.focused');
        const label = (await focused.getAttribute('aria-label')) ?? (await focused.textContent()) ?? '';
        check(/planlint-plan(?!-)/.test(label), `the focused suggestion is not the planlint-plan snippet: ${label}`);
        await shot('snippet-suggest');
        await page.keyboard.press('Enter');
        await page.locator('.suggest-widget').waitFor({ state: 'hidden' });
        await page.keyboard.press('Escape'); // leave snippet mode with the placeholders' defaults
        await page.keyboard.press('Control+S');
        const expected = expandSnippet(builtinSnippet(repoRoot, 'planlint.zh.code-snippets', 'planlint-plan').body);
        await waitUntil('the snippet text on disk', async () => readFileSync(join(session!.workspace, NEW_DRAFT), 'utf8') === expected);
      },
    },
    {
      name: 'Hover on a heading shows the national measure',
      async run() {
        const page = session!.page;
        await openFile(page, DRAFT);
        const line = original.split('\n').findIndex((l) => l.includes('严格生态环境准入管理'));
        check(line >= 0, 'fixture lacks the heading 严格生态环境准入管理');
        await goToLine(page, line + 1);
        const heading = activeEditor(page).locator('.view-line span', { hasText: '严格生态环境准入管理' }).last();
        await heading.hover();
        // The national measure (五) access-management, worded in the UI language (English here).
        const national = nationalMeasure('source-prevention', 'access-management');
        const hover = page.locator('.monaco-hover', { hasText: `${national.number}${national.title.en}` });
        await hover.waitFor({ state: 'visible' });
        const text = (await hover.textContent()) ?? '';
        check(text.includes(national.wording.en), `hover lacks the national wording "${national.wording.en}": ${text}`);
        check(text.includes('access-management'), `hover lacks the measure id: ${text}`);
        await shot('hover');
      },
    },
    {
      name: 'README gets no PlanLint diagnostics',
      async run() {
        const page = session!.page;
        await openFile(page, 'README.md');
        // The status bar entry follows the active editor: once it no longer shows the draft's score,
        // the client has looked at README.md.
        await waitUntil('the coverage entry to leave the draft', async () => {
          const visible = await coverageStatus(page).isVisible();
          const text = visible ? ((await coverageStatus(page).textContent()) ?? '') : '';
          return !visible || !/\d+\s*%/.test(text);
        });
        await showProblems(page);
        const rows = await problemRows(page);
        check(!rows.some((r) => r.includes('README.md')), `Problems lists README.md:\n${rows.join('\n')}`);
        check((await squiggles(page, 'warning')) + (await squiggles(page, 'info')) + (await squiggles(page, 'error')) === 0, 'README.md has squiggles');
      },
    },
  ];

  const deadline = setTimeout(() => {
    console.error(`e2e did not finish within ${opts.timeout} s`);
    void (session?.close() ?? Promise.resolve()).finally(() => {
      console.log(`${passed} passed, ${failed + 1} failed`);
      process.exit(1);
    });
  }, Number(opts.timeout) * 1000);

  try {
    log('starting the English session');
    session = await openSession('en');
    log(`workbench ready (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    for (const step of steps) await runStep(step);
  } catch (err) {
    failed++;
    log(`FAIL setup of the English session\n${err instanceof Error ? err.stack : String(err)}`);
  } finally {
    await session?.close();
    session = undefined;
  }

  try {
    log('starting the Chinese session (--locale zh-cn)');
    session = await openSession('zh', 'zh-cn');
    await runStep({
      name: 'Chinese UI: coverage view and messages in Chinese',
      async run() {
        const page = session!.page;
        await openFile(page, DRAFT);
        await waitUntil('warning squiggles in the draft', async () => (await squiggles(page, 'warning')) > 0, 60_000);
        await coverageStatus(page).click();
        const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: nlsZh['view.coverage'] }) });
        await view.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
        await showProblems(page);
        const rows = await waitUntil('Chinese messages in Problems', async () => {
          const r = await problemRows(page);
          return r.some((row) => row.includes('planlint') && /模式创新/.test(row)) && r;
        });
        log(`zh problems: ${rows.slice(0, 3).join(' | ')}`);
        await roomForCoverage(page);
        await shot('chinese-ui');
      },
    });
  } catch (err) {
    failed++;
    log(`FAIL setup of the Chinese session\n${err instanceof Error ? err.stack : String(err)}`);
  } finally {
    await session?.close();
    session = undefined;
    clearTimeout(deadline);
  }

  if (opts['docs-images'] && failed === 0) {
    const docs = join(repoRoot, 'docs', 'images');
    mkdirSync(docs, { recursive: true });
    for (const [from, to] of [
      ['quick-fix-menu', 'quick-fix.png'],
      ['coverage-view', 'coverage-view.png'],
      ['chinese-ui', 'chinese-ui.png'],
    ]) {
      copyFileSync(join(results, `${from}.png`), join(docs, to));
    }
    log(`screenshots copied to ${docs}`);
  }
  log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${results}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack ?? err.message : err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
