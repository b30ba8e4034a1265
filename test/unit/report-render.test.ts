// The report pages in a real browser (headless Chromium via playwright-core): no console errors,
// no requests, A4 print, the webview page's script (reveal on click / Enter, live update), the
// CSP at work. Screenshots go to test-results/report/. Chromium is required: CI installs it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareReports, renderCompareHtml, renderReportHtml } from '../../server/src/report';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/codeServer';
import { analyseFile, repoRoot } from './report-support';

// Browser globals inside page.evaluate callbacks (the test project has no DOM lib; these stay in this module).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;

const outDir = join(repoRoot, 'test-results', 'report');
const NONCE = 'testNonce0123456789abc';
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is required for the report render test and was not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set PLANLINT_CHROMIUM`);
  }
  mkdirSync(outDir, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface Watched {
  page: Page;
  problems: string[];
}

/** A page that records console errors and warnings, page errors, dialogs and every request but the page itself. */
async function open(file: string, opts: { webview?: boolean; width?: number } = {}): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1100, height: 900 } });
  const problems: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url() !== url) problems.push(`request: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  if (opts.webview) {
    // what VS Code gives a webview: acquireVsCodeApi; here its messages are collected
    await page.addInitScript(() => {
      const w = window as unknown as { posted: unknown[]; acquireVsCodeApi: () => unknown };
      w.posted = [];
      w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m), getState: () => undefined, setState: () => undefined });
    });
  }
  await page.goto(url);
  return { page, problems };
}

function write(name: string, html: string): string {
  const file = join(outDir, name);
  writeFileSync(file, html);
  return file;
}

const posted = (page: Page) => page.evaluate(() => (window as unknown as { posted: Record<string, unknown>[] }).posted);

describe('the report page in Chromium', () => {
  it.each([
    ['city-draft.zh', 'examples/city-draft.zh.md'],
    ['province-draft.en', 'examples/province-draft.en.md'],
  ])('%s renders with no console errors and no requests; screenshots kept', async (name, draft) => {
    const a = analyseFile(draft);
    const { page, problems } = await open(write(`${name}.html`, renderReportHtml(a.report, { generator: 'PlanLint' })));
    expect(await page.locator('h1').innerText()).toBe(a.checked.model.title!.text);
    expect(await page.locator('#matrix tbody tr').count()).toBe(a.checked.result.coverage.areas.length);
    // the stylesheet applied (the CSP allowed it by hash): a missing area's cell has the "bad" tint
    const missing = page.locator('#matrix td.cell.tone-bad').first();
    if ((await missing.count()) > 0) expect(await missing.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('.score-value').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThan(30);
    await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
    await page.screenshot({ path: join(outDir, `${name}.top.png`) });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('prints on A4: the PDF pages are A4 and nothing is wider than the paper', async () => {
    const a = analyseFile('examples/province-draft.en.md');
    // 210 mm − 2 × 12 mm margins ≈ 703 CSS px
    const { page, problems } = await open(write('print.html', renderReportHtml(a.report)), { width: 703 });
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(outDir, 'province-draft.en.pdf'), pdf);
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(1);
    for (const [w, h] of boxes) {
      expect(Math.abs(w - 595.28)).toBeLessThan(2); // A4 in points
      expect(Math.abs(h - 841.89)).toBeLessThan(2);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('the comparison page renders with no console errors; screenshot kept', async () => {
    const d = compareReports(analyseFile('test/fixtures/report/round1.zh.md').report, analyseFile('test/fixtures/report/round2.zh.md').report);
    const { page, problems } = await open(write('compare.zh.html', renderCompareHtml(d)));
    expect(await page.locator('#gained li').count()).toBe(1);
    await page.screenshot({ path: join(outDir, 'compare.zh.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('the webview page in Chromium', () => {
  const a = analyseFile('examples/city-draft.zh.md');
  const source = { uri: 'file:///drafts/city-draft.zh.md', version: 3 };
  const html = renderReportHtml({ ...a.report, source }, { webview: { nonce: NONCE } });

  it('tells the extension what it rendered, and asks to reveal the line of a clicked finding or an evidence line (Enter)', async () => {
    const { page, problems } = await open(write('webview.html', html), { webview: true });
    await expect.poll(() => posted(page)).toContainEqual({
      type: 'rendered',
      uri: source.uri,
      version: 3,
      score: `${Math.round(a.report.score * 100)}%`,
      areas: a.report.areas.length,
      findings: a.report.findings.length,
      lines: await page.locator('[data-line]').count(),
    });
    const finding = a.report.findings[a.report.findings.length - 1];
    await page.locator('#findings tbody tr').last().locator('.loc').click();
    await expect.poll(async () => (await posted(page)).filter((m) => m.type === 'reveal')).toEqual([{ type: 'reveal', line: finding.at.line, character: finding.at.character }]);
    const transport = a.report.areas.find((x) => x.id === 'key-areas')!.measures.find((m) => m.id === 'transport')!;
    await page.locator('#m-key-areas-transport blockquote .loc').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await posted(page)).filter((m) => m.type === 'reveal').length).toBe(2);
    expect((await posted(page)).filter((m) => m.type === 'reveal')[1]).toEqual({ type: 'reveal', line: transport.evidence[0].line, character: transport.evidence[0].character });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('swaps in an updated report without reloading, keeping the scroll position', async () => {
    const { page, problems } = await open(write('webview-update.html', html), { webview: true });
    await expect.poll(async () => (await posted(page)).length).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 600));
    const b = analyseFile('test/fixtures/report/round2.zh.md');
    const next = renderReportHtml({ ...b.report, source: { ...source, version: 4 } }, { webview: { nonce: NONCE } });
    await page.evaluate((h) => {
      (window as unknown as { marker: boolean }).marker = true;
      window.postMessage({ type: 'update', html: h }, '*');
    }, next);
    await expect.poll(async () => (await posted(page)).filter((m) => m.type === 'rendered').map((m) => m.version)).toEqual([3, 4]);
    expect(await page.locator('h1').innerText()).toBe(b.checked.model.title!.text);
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true); // same document
    expect(await page.evaluate(() => window.scrollY)).toBe(600);
    expect(await page.title()).toContain('第二轮');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('the CSP refuses what the page does not bring: inline style attributes, scripts without the nonce, outside requests', async () => {
    const { page, problems } = await open(write('webview-csp.html', html), { webview: true });
    await expect.poll(async () => (await posted(page)).length).toBe(1);
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.id = 'styled';
      div.setAttribute('style', 'color: rgb(255, 0, 0)');
      document.body.append(div);
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
      const img = document.createElement('img');
      img.src = 'http://127.0.0.1:9/x.png';
      document.body.append(img);
    });
    expect(await page.locator('#styled').evaluate((e) => getComputedStyle(e).color)).not.toBe('rgb(255, 0, 0)');
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await expect.poll(() => problems.filter((p) => /Content Security Policy/.test(p)).length).toBeGreaterThanOrEqual(3);
    // the image was never fetched: Chromium refused it before it left the page
    expect(problems.filter((p) => p.startsWith('failed:'))).toEqual(['failed: http://127.0.0.1:9/x.png csp']);
    await page.close();
  }, 60_000);
});
