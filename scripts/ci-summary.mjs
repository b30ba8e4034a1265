// Adds up what every test tier of .ci/run reported and prints one closing line:
// "ci: N passed, M failed, K skipped". Exits 1 when a tier is missing or anything failed.
import { existsSync, readFileSync } from 'node:fs';

const tiers = [];
const vitest = 'test-results/vitest.json';
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'));
  tiers.push({ name: 'vitest', passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests });
} else tiers.push({ name: 'vitest', missing: true });

for (const [name, log] of [
  ['extension host', 'test-results/exthost.log'],
  ['UI story', 'test-results/e2e.log'],
  ['report in VS Code', 'test-results/e2e-report.log'],
]) {
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  let passed = 0, failed = 0, seen = false;
  for (const line of lines) {
    const m = /(\d+) passed, (\d+) failed\s*$/.exec(line);
    if (m) { passed += Number(m[1]); failed += Number(m[2]); seen = true; }
  }
  tiers.push(seen ? { name, passed, failed, skipped: 0 } : { name, missing: true });
}

let passed = 0, failed = 0, skipped = 0, missing = false;
for (const t of tiers) {
  if (t.missing) { console.log(`  ${t.name}: no result`); missing = true; continue; }
  console.log(`  ${t.name}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
  passed += t.passed; failed += t.failed; skipped += t.skipped;
}
console.log(`ci: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed || missing || passed === 0 ? 1 : 0);
