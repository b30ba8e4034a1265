/** Command-line arguments of `planlint`, parsed with node:util parseArgs. */
import { parseArgs } from 'node:util';
import { LEVELS, type Level } from '../profile/types';
import { t } from '../l10n';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  paths: string[];
  format: Format;
  profile?: string;
  config?: string;
  locale?: 'en' | 'zh-cn';
  level?: Level;
  color: boolean;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'error'; message: string };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  profile: { type: 'string' },
  config: { type: 'string', short: 'c' },
  locale: { type: 'string' },
  level: { type: 'string' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The locale asked for on the command line, before anything else is parsed (so errors are localised too). */
export function localeArg(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice('--locale='.length) : argv[i + 1];
}

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { kind: 'help' };
  if (command !== 'check') return { kind: 'error', message: t('unknown command "{0}" (try planlint --help)', command) };

  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    return { kind: 'error', message: t('--format must be one of {0}', FORMATS.join(', ')) };
  }
  let locale: CheckOptions['locale'];
  if (values.locale !== undefined) {
    const l = values.locale.toLowerCase().replace('_', '-');
    if (l !== 'en' && l !== 'zh-cn') return { kind: 'error', message: t('--locale must be en or zh-cn') };
    locale = l;
  }
  if (values.level !== undefined && !LEVELS.includes(values.level as Level)) {
    return { kind: 'error', message: t('--level must be one of {0}', LEVELS.join(', ')) };
  }
  for (const key of ['profile', 'config'] as const) {
    if (values[key] === '') return { kind: 'error', message: t('--{0} needs a value', key) };
  }
  return {
    kind: 'check',
    options: {
      paths,
      format,
      profile: values.profile,
      config: values.config,
      locale,
      level: values.level as Level | undefined,
      color: values['no-color'] ? false : (values.color ?? defaultColor()),
    },
  };
}

function defaultColor(): boolean {
  return !!process.stdout.isTTY && !process.env.NO_COLOR;
}
