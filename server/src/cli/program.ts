/** The `planlint` command: arguments in, output and exit code out. */
import { setLocale, t } from '../l10n';
import { localeArg, parseCommand, type CheckOptions } from './args';
import { formatJson } from './format/json';
import { formatMarkdown } from './format/markdown';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { helpText, version } from './help';
import { exitCode, type RunReport } from './report';
import { runReport } from './reportCommand';
import { runCheck, SetupError } from './run';

function systemLocale(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || undefined;
}

function format(run: RunReport, options: CheckOptions): string {
  switch (options.format) {
    case 'json':
      return formatJson(run);
    case 'sarif':
      return formatSarif(run);
    case 'markdown':
      return formatMarkdown(run);
    case 'text':
      return formatText(run, options.color);
  }
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  setLocale(localeArg(argv) ?? systemLocale());
  const command = parseCommand(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(helpText());
      return 0;
    case 'version':
      process.stdout.write(version() + '\n');
      return 0;
    case 'error':
      process.stderr.write(`planlint: ${command.message}\n`);
      return 2;
  }
  if (command.kind === 'report') {
    try {
      return await runReport(command.options, cwd);
    } catch (e) {
      return failed(e);
    }
  }
  let run: RunReport;
  try {
    run = await runCheck(command.options, cwd);
  } catch (e) {
    return failed(e);
  }
  for (const failure of run.failures) process.stderr.write(`planlint: ${failure}\n`);
  await write(format(run, command.options));
  return exitCode(run);
}

/** SetupError: invalid --config / --profile; anything else (a broken built-in profile) is reported the same way. */
function failed(e: unknown): 2 {
  const message = e instanceof SetupError || !process.env.PLANLINT_DEBUG ? (e as Error).message : (e as Error).stack;
  process.stderr.write(`planlint: ${message}\n`);
  return 2;
}

/** Waits for stdout to drain so large outputs are not cut when piped. */
function write(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}
