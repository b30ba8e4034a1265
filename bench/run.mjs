#!/usr/bin/env node
// npm run bench [-- --json] [-- --quick]
//
// Builds the product, generates realistic drafts (Chinese plans with tables and lists) of ~20 KB,
// ~100 KB and ~1 MB and a corpus of 200 drafts in a temp folder, and measures, each figure with its
// baseline from the same run:
//   cold    check of a draft in-process vs remark (as PlanLint configures it) parsing the same text
//   edit    single-character edits sent to the built server over LSP stdio: didChange -> the matching
//           publishDiagnostics, p50 / p95, vs a full parse + analysis of the same text in-process;
//           the diagnostics debounce is 0 (planlint.debounceMs via workspace/configuration)
//   memory  the server's RSS and heap (after GC) with the 1 MB draft and 50 typical drafts open
//   corpus  `planlint check` over the 200 drafts vs markdownlint-cli2 over the same files
// Progress goes to stderr; the report (or, with --json, one JSON object) to stdout.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { generateDraft, rng, writeCorpus } from './generate.mjs';
import { positionOf, Server } from './lsp.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const quick = args.includes('--quick');
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

const SIZES = { '20KB': 20_000, '100KB': 100_000, '1MB': 1_000_000 };
// small drafts check in tens of milliseconds, where one collection of the young generation is a tenth
const COLD_RUNS = quick ? { '20KB': 3, '100KB': 2, '1MB': 1 } : { '20KB': 31, '100KB': 11, '1MB': 3 };
const EDITS = quick ? 25 : 120;
const WARMUP_EDITS = quick ? 20 : 60;
const CORPUS_RUNS = quick ? 1 : 3;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// ---------------------------------------------------------------- build

async function build(tmp) {
  log('building dist/ (scripts/build.mjs)');
  process.chdir(root);
  await import(pathToFileURL(join(root, 'scripts/build.mjs')).href);
  const out = join(tmp, 'engine.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'bench/engine.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    loader: { '.yaml': 'text', '.code-snippets': 'json' },
    define: { 'import.meta.url': '__planlint_import_meta_url' },
    banner: { js: "const __planlint_import_meta_url = require('url').pathToFileURL(__filename).href;" },
  });
  return createRequire(import.meta.url)(out);
}

// ---------------------------------------------------------------- 1. cold check

function cold(engine) {
  const profile = engine.loadBuiltinProfile();
  const check = (text) => engine.checkText(text, { profile, config: {} });
  // warm up the JIT and the lazily loaded dictionaries on a draft that is not measured
  for (let i = 0; i < 3; i++) {
    const w = generateDraft(900 + i, 50_000);
    engine.remark.parse(w);
    check(w);
  }
  const out = {};
  for (const [size, bytes] of Object.entries(SIZES)) {
    const p = [];
    const r = [];
    for (let k = 0; k < COLD_RUNS[size]; k++) {
      // a different draft each run, so no memo from an earlier run helps
      const text = generateDraft(100 + k, bytes);
      const order = k % 2 ? ['planlint', 'remark'] : ['remark', 'planlint'];
      for (const which of order) {
        const t0 = performance.now();
        if (which === 'remark') engine.remark.parse(text);
        else check(text);
        (which === 'remark' ? r : p).push(performance.now() - t0);
      }
    }
    out[size] = { planlintMs: round(median(p), 1), remarkMs: round(median(r), 1), ratio: round(median(p) / median(r)) };
    log(`cold ${size}: planlint ${out[size].planlintMs} ms, remark ${out[size].remarkMs} ms`);
  }
  return out;
}

// ---------------------------------------------------------------- 2. edits over LSP

const SERVER = join(root, 'dist/server/server.js');
const TYPED = '的是在和了有一不为发展推进加强绿色低碳协同治理排放能源';

async function edits(engine, tmp) {
  const profile = engine.loadBuiltinProfile();
  const out = {};
  for (const [size, bytes] of Object.entries(SIZES)) {
    let text = generateDraft(200, bytes);
    const uri = pathToFileURL(join(tmp, `edit-${size}.md`)).toString();
    const server = await Server.start({ bundle: SERVER, cwd: root, folder: tmp, settings: { debounceMs: 0 } });
    try {
      server.open(uri, text);
      await server.diagnostics(uri, 1);
      const r = rng(300);
      const times = [];
      let version = 1;
      for (let i = 0; i < EDITS + WARMUP_EDITS; i++) {
        // a character typed, or one deleted, at a random place (never a line end)
        let at = r.int(text.length);
        const del = r.chance(0.2) && text[at] !== '\n' && at < text.length;
        if (!del && r.chance(0.5)) at = text.lastIndexOf('\n', at) + 1 + r.int(8); // often near a line start
        at = Math.min(at, text.length);
        const range = { start: positionOf(text, at), end: positionOf(text, del ? at + 1 : at) };
        const insert = del ? '' : TYPED[r.int(TYPED.length)];
        text = text.slice(0, at) + insert + text.slice(del ? at + 1 : at);
        version++;
        const wait = server.diagnostics(uri, version);
        const t0 = performance.now();
        server.change(uri, version, range, insert);
        const { at: t1 } = await wait;
        if (i >= WARMUP_EDITS) times.push(t1 - t0);
      }
      // the baseline: parse and analyse the same text from scratch (once unmeasured: the JIT may
      // have dropped the engine's code while the server was measured)
      engine.checkText(text, { profile, config: {} });
      const full = [];
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        engine.checkText(text, { profile, config: {} });
        full.push(performance.now() - t0);
      }
      const p50 = median(times);
      out[size] = { p50Ms: round(p50), p95Ms: round(percentile(times, 95)), fullMs: round(median(full), 1), speedup: round(median(full) / p50, 1) };
      log(`edit ${size}: p50 ${out[size].p50Ms} ms, p95 ${out[size].p95Ms} ms, full ${out[size].fullMs} ms`);
    } finally {
      await server.stop();
    }
  }
  return out;
}

// ---------------------------------------------------------------- 3. memory

async function memory(tmp, corpus) {
  const file = join(tmp, 'memory.json');
  const server = await Server.start({
    bundle: SERVER,
    cwd: root,
    folder: tmp,
    settings: { debounceMs: 0 },
    nodeArgs: ['--expose-gc', '-r', join(root, 'bench/memory-probe.cjs')],
    env: { PLANLINT_BENCH_MEMORY: file },
  });
  try {
    const docs = [[pathToFileURL(join(tmp, 'big.md')).toString(), generateDraft(400, SIZES['1MB'])]];
    for (const p of corpus.slice(0, 50)) docs.push([pathToFileURL(p).toString(), readFileSync(p, 'utf8')]);
    for (const [uri, text] of docs) server.open(uri, text);
    await Promise.all(docs.map(([uri]) => server.diagnostics(uri, 1)));
    server.child.kill('SIGUSR2');
    for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
    const m = JSON.parse(readFileSync(file, 'utf8'));
    const out = { rssMB: round(m.rss / 2 ** 20, 1), heapMB: round(m.heapUsed / 2 ** 20, 1) };
    log(`memory: RSS ${out.rssMB} MB, heap ${out.heapMB} MB with ${docs.length} documents open`);
    return out;
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- 4. corpus

function timed(cmd, cmdArgs, cwd) {
  return new Promise((resolveRun, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cmd, ...cmdArgs], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      // both exit 1 when they find something; 2 means the run itself failed
      if (code !== 0 && code !== 1) reject(new Error(`${cmd} exited ${code}: ${err.slice(0, 500)}`));
      else resolveRun(performance.now() - t0);
    });
  });
}

async function corpusRun(dir) {
  const planlint = [];
  const markdownlint = [];
  const mdl = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  for (let k = 0; k < CORPUS_RUNS; k++) {
    planlint.push(await timed(join(root, 'bin/planlint.js'), ['check', dir], dir));
    markdownlint.push(await timed(mdl, ['*.md'], dir));
  }
  const out = { planlintMs: round(median(planlint), 0), markdownlintMs: round(median(markdownlint), 0), ratio: round(median(planlint) / median(markdownlint)) };
  log(`corpus: planlint ${out.planlintMs} ms, markdownlint-cli2 ${out.markdownlintMs} ms`);
  return out;
}

// ---------------------------------------------------------------- report

function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    loadavg: loadavg().map((x) => round(x, 1)),
  };
}

function text(r) {
  const lines = [];
  const m = r.machine;
  lines.push(`PlanLint benchmark — ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, load ${r.loadBefore.join(' ')} → ${m.loadavg.join(' ')}`);
  lines.push('');
  lines.push('cold check (in-process) vs remark (GFM + front matter) on the same text; goal ≤ 1.15×');
  for (const [s, c] of Object.entries(r.cold)) lines.push(`  ${s.padEnd(6)} planlint ${String(c.planlintMs).padStart(8)} ms   remark ${String(c.remarkMs).padStart(8)} ms   ×${c.ratio}`);
  lines.push('');
  lines.push('keystroke → diagnostics over LSP (debounce 0) vs full parse + analysis; goal p50 ≤ 5 ms (100 KB), ≤ 15 ms (1 MB)');
  for (const [s, e] of Object.entries(r.edit)) lines.push(`  ${s.padEnd(6)} p50 ${String(e.p50Ms).padStart(7)} ms   p95 ${String(e.p95Ms).padStart(7)} ms   full ${String(e.fullMs).padStart(8)} ms   speed-up ×${e.speedup}`);
  lines.push('');
  lines.push(`server memory with the 1 MB draft + 50 drafts open: RSS ${r.memory.rssMB} MB, heap ${r.memory.heapMB} MB (goal RSS ≤ 200 MB)`);
  lines.push(`corpus of 200 drafts: planlint check ${r.corpus.planlintMs} ms, markdownlint-cli2 ${r.corpus.markdownlintMs} ms (×${r.corpus.ratio}; goal < 1)`);
  return lines.join('\n') + '\n';
}

async function main() {
  const loadBefore = loadavg().map((x) => round(x, 1));
  const tmp = mkdtempSync(join(tmpdir(), 'planlint-bench-'));
  try {
    const engine = await build(tmp);
    log('generating the corpus of 200 drafts');
    const corpusDir = join(tmp, 'corpus');
    const corpus = writeCorpus(corpusDir, 200);
    const result = { cold: cold(engine) };
    result.edit = await edits(engine, tmp);
    result.memory = await memory(tmp, corpus);
    result.corpus = await corpusRun(corpusDir);
    result.machine = machine();
    result.loadBefore = loadBefore;
    result.notes = [
      `edit: diagnostics debounce 0 (planlint.debounceMs); the first ${WARMUP_EDITS} edits of each draft warm the JIT up and are not counted`,
      'remark = unified + remark-parse + remark-gfm + remark-frontmatter over the whole text',
    ];
    process.stdout.write(asJson ? JSON.stringify(result) + '\n' : text(result));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
