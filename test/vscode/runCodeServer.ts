// `npm run test:vscode:codeserver`: runs the extension-host mocha suite inside code-server.
// code-server refuses --extensionDevelopmentPath/--extensionTestsPath on its command line, but
// the workbench URL payload works (as @vscode/test-web does); the suite's output and exit code
// come back through codeAutomationLog / codeAutomationExit. Exits with the suite's code.
// Options: --extension <dir> (default: the repo), --tests <file> (default: out/test/vscode/index.js),
// --workspace <dir or .code-workspace file> (copied, the file with its folder; default:
// test/fixtures/workspace), --timeout <s> (default 480).
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS, CHROMIUM_PATH, makeScratch, removeScratch, repoRoot, startCodeServer, type CodeServer,
} from '../support/codeServer';

const { values } = parseArgs({
  options: {
    extension: { type: 'string', default: repoRoot },
    tests: { type: 'string', default: join(repoRoot, 'out/test/vscode/index.js') },
    workspace: { type: 'string', default: join(repoRoot, 'test/fixtures/workspace') },
    timeout: { type: 'string', default: '480' },
  },
});
const extensionPath = resolve(values.extension!);
const testsPath = resolve(values.tests!);
const timeoutMs = Number(values.timeout) * 1000;
const resultsDir = join(repoRoot, 'test-results', 'vscode');

async function main(): Promise<number> {
  for (const [what, p] of [['extension', join(extensionPath, 'package.json')], ['tests', testsPath]]) {
    if (!existsSync(p)) throw new Error(`${what} not found: ${p} (build first: npm run build && node scripts/build-tests.mjs)`);
  }
  const started = Date.now();
  const scratch = makeScratch('exthost');
  // the server's test hooks (its process id for the crash-recovery suite); the extension host passes the environment on
  scratch.env.PLANLINT_TEST_HOOKS = '1';
  const workspace = join(scratch.dir, 'workspace');
  const source = resolve(values.workspace!);
  const workspaceFile = source.endsWith('.code-workspace');
  cpSync(workspaceFile ? dirname(source) : source, workspace, { recursive: true });
  const opened = workspaceFile ? `workspace=${encodeURIComponent(join(workspace, basename(source)))}` : `folder=${encodeURIComponent(workspace)}`;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    server = await startCodeServer(scratch);
    console.log(`code-server on ${server.origin} (${Date.now() - started} ms)`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    let resolveExit!: (code: number) => void;
    const exit = new Promise<number>((res) => (resolveExit = res));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' ? process.stderr : process.stdout).write(line.endsWith('\n') ? line : line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));

    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ];
    const url = `${server.origin}/?${opened}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timeout = new Promise<number>((res) => {
      timer = setTimeout(() => {
        console.error(`extension-host tests did not finish within ${timeoutMs / 1000} s`);
        res(1);
      }, timeoutMs);
    });
    const code = await Promise.race([exit, timeout]);
    console.log(`extension-host suite exited with ${code} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (code !== 0) {
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: join(resultsDir, 'failure.png') }).catch(() => undefined);
      if (pageErrors.length) console.error(`page errors:\n${pageErrors.join('\n')}`);
      console.error(`--- code-server log ---\n${readFileSync(server.logFile, 'utf8')}`);
    }
    return code;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    removeScratch(scratch);
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack ?? err.message : err);
    process.exit(1);
  },
);
