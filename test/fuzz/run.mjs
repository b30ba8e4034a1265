#!/usr/bin/env node
// `npm run fuzz -- --runs N [--seed S] [--scale X] [--log FILE]`: the fuzz tier (test/fuzz) with more
// cases than CI runs. Builds the bundles first (the CLI/server property runs the built ones), then
// runs vitest on test/fuzz with PLANLINT_FUZZ_* set, and prints one summary line per property.
// Hung or failing inputs are saved under test-results/fuzz/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 2_147_483_647) },
    scale: { type: 'string', default: '1' },
    log: { type: 'string', default: join(root, 'test-results/fuzz/summary.tsv') },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: npm run fuzz -- [--runs N] [--seed S] [--scale X] [--log FILE]');
  process.exit(0);
}
for (const [name, v] of [['runs', values.runs], ['seed', values.seed], ['scale', values.scale]]) {
  if (!(Number(v) > 0)) {
    console.error(`fuzz: --${name} must be a positive number, not ${v}`);
    process.exit(2);
  }
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 2);

const log = resolve(values.log);
if (existsSync(log)) rmSync(log);
console.log(`fuzz: ${values.runs} runs per property, seed ${values.seed}, scale ${values.scale}`);
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PLANLINT_FUZZ_RUNS: values.runs, PLANLINT_FUZZ_SEED: values.seed, PLANLINT_FUZZ_SCALE: values.scale, PLANLINT_FUZZ_LOG: log },
});
if (existsSync(log)) {
  console.log('\nproperty\tseed\tcases\tchars\tlargest\tfindings\tactions\tinserts\tresult');
  process.stdout.write(readFileSync(log, 'utf8').replace(/\w+=/g, ''));
  console.log(`(also in ${log}; rerun one seed with --seed)`);
}
process.exit(r.status ?? 2);
