// Preloaded into the language server by the benchmark (node -r): on SIGUSR2, collect garbage and
// write process.memoryUsage() to $PLANLINT_BENCH_MEMORY. The server itself is not changed.
const { writeFileSync } = require('node:fs');
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  writeFileSync(process.env.PLANLINT_BENCH_MEMORY, JSON.stringify(process.memoryUsage()));
});
