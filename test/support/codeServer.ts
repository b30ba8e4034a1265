// Starts and stops code-server (a full VS Code 1.100 serving its workbench to a browser) for the
// extension-host and UI tiers. See ../shared/docs/vscode-here.md. Everything it writes lives in
// one scratch folder (XDG_*, TMPDIR, user data, extensions), and stop() always kills its whole
// process group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
/** The repository root: the nearest folder above this bundle whose package.json is planlint's. */
export const repoRoot = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'planlint') return dir;
    if (dirname(dir) === dir) throw new Error(`no planlint package.json above ${__dirname}`);
  }
})();

export function codeServerBin(): string {
  const cache = process.env.PLANLINT_CACHE ?? join(homedir(), '.cache', 'planlint');
  const bin = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} not found at ${bin}: run scripts/install-code-server.sh`);
  }
  return bin;
}

export interface Scratch {
  dir: string;
  userData: string;
  extensions: string;
  env: NodeJS.ProcessEnv;
}

/** A scratch folder with XDG dirs, TMPDIR, user data (quiet, deterministic settings) and an empty extensions dir. */
export function makeScratch(prefix: string, settings: Record<string, unknown> = {}): Scratch {
  const dir = mkdtempSync(join(tmpdir(), `planlint-${prefix}-`));
  const sub = (name: string) => {
    const p = join(dir, name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  const userData = sub('user-data');
  const extensions = sub('extensions');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: sub('xdg/config'),
    XDG_DATA_HOME: sub('xdg/data'),
    XDG_CACHE_HOME: sub('xdg/cache'),
    TMPDIR: sub('tmp'),
    // No extension gallery: these machines reach none, and the workbench would keep asking.
    EXTENSIONS_GALLERY: '{}',
  };
  // These variables would redirect code-server's own processes (we may run inside VS Code).
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'chat.commandCenter.enabled': false,
        'files.autoSave': 'off',
        ...settings,
      },
      null,
      2,
    ),
  );
  return { dir, userData, extensions, env };
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** `code-server --install-extension <vsix>` into the scratch extensions dir. */
export function installExtension(scratch: Scratch, vsix: string): void {
  const r = spawnSync(
    codeServerBin(),
    ['--install-extension', vsix, '--force', '--extensions-dir', scratch.extensions, '--user-data-dir', scratch.userData],
    { env: scratch.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
  );
  if (r.status !== 0) {
    throw new Error(`installing ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  process.stdout.write(r.stdout);
}

export interface CodeServer {
  port: number;
  origin: string;
  logFile: string;
  /** vscode-remote URI of an absolute path on this machine, as the workbench in the page sees it. */
  remoteUri(absPath: string): string;
  /** Kills the whole process group (SIGTERM, then SIGKILL), waits for it to go. Safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
// Last resort when the runner dies without reaching its finally blocks.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    process.exit(130);
  });
}

export interface StartOptions {
  locale?: string;
  extraArgs?: string[];
  readyTimeoutMs?: number;
}

export async function startCodeServer(scratch: Scratch, opts: StartOptions = {}): Promise<CodeServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = join(scratch.dir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', scratch.userData,
    '--extensions-dir', scratch.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(opts.locale ? ['--locale', opts.locale] : []),
    ...(opts.extraArgs ?? []),
  ];
  // detached: its own process group, so stop() reaches the extension host and every helper.
  const child = spawn(codeServerBin(), args, { env: scratch.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  let exited = false;
  const exitedPromise = new Promise<void>((res) =>
    child.once('exit', () => {
      exited = true;
      running.delete(child);
      res();
    }),
  );

  const stop = async () => {
    if (!exited) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(timer);
    }
    // Helpers that ignored SIGTERM may outlive the leader: finish the group.
    killGroup(child, 'SIGKILL');
    log.end();
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited during start-up:\n${readFileSync(logFile, 'utf8')}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${origin} in time:\n${readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    port,
    origin,
    logFile,
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath.split('/').map(encodeURIComponent).join('/')}`,
    stop,
  };
}

export function removeScratch(scratch: Scratch): void {
  if (process.env.PLANLINT_KEEP_SCRATCH) {
    console.log(`scratch kept at ${scratch.dir}`);
    return;
  }
  rmSync(scratch.dir, { recursive: true, force: true });
}

/** The Chromium flags that work on these machines (vscode-here.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const CHROMIUM_PATH = process.env.PLANLINT_CHROMIUM ?? '/usr/bin/chromium';
