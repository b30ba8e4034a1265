/** Entry of the `planlint` command (bundled to dist/cli/cli.js; bin/planlint.js requires it); also the entry of its check workers. */
import { isCheckWorker, serveChecks } from './pool';
import { main } from './program';
import { checker } from './run';

if (isCheckWorker()) {
  serveChecks((options, cwd) => checker(options, cwd));
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`planlint: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
