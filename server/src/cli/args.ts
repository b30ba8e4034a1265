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

export const REPORT_FORMATS = ['html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `planlint report FILE` or `planlint report --compare OLD NEW`. */
export interface ReportOptions {
  /** One draft, or the old and the new round with `compare`. */
  paths: string[];
  compare: boolean;
  format: ReportFormat;
  /** Write the page here instead of stdout. */
  output?: string;
  profile?: string;
  config?: string;
  /** Language of the page; default: the draft's. */
  locale?: 'en' | 'zh-cn';
  level?: Level;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'report'; options: ReportOptions }
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
  output: { type: 'string', short: 'o' },
  compare: { type: 'boolean' },
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
  if (command !== 'check' && command !== 'report') return { kind: 'error', message: t('unknown command "{0}" (try planlint --help)', command) };
  if (command === 'check' && (values.output !== undefined || values.compare)) {
    return { kind: 'error', message: t('{0} is an option of planlint report', values.compare ? '--compare' : '--output') };
  }
  if (command === 'report') return parseReport(values, paths);

  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    return { kind: 'error', message: t('--format must be one of {0}', FORMATS.join(', ')) };
  }
  const c = common(values);
  if ('error' in c) return { kind: 'error', message: c.error };
  return {
    kind: 'check',
    options: {
      paths,
      format,
      profile: values.profile,
      config: values.config,
      locale: c.locale,
      level: c.level,
      color: values['no-color'] ? false : (values.color ?? defaultColor()),
    },
  };
}

function common(values: { locale?: string; level?: string; profile?: string; config?: string }): { error: string } | { locale?: 'en' | 'zh-cn'; level?: Level } {
  let locale: 'en' | 'zh-cn' | undefined;
  if (values.locale !== undefined) {
    const l = values.locale.toLowerCase().replace('_', '-');
    if (l !== 'en' && l !== 'zh-cn') return { error: t('--locale must be en or zh-cn') };
    locale = l;
  }
  if (values.level !== undefined && !LEVELS.includes(values.level as Level)) {
    return { error: t('--level must be one of {0}', LEVELS.join(', ')) };
  }
  for (const key of ['profile', 'config'] as const) {
    if (values[key] === '') return { error: t('--{0} needs a value', key) };
  }
  return { locale, level: values.level as Level | undefined };
}

function parseReport(
  values: { format?: string; output?: string; compare?: boolean; locale?: string; level?: string; profile?: string; config?: string },
  paths: string[],
): Command {
  const compare = !!values.compare;
  if (compare ? paths.length !== 2 : paths.length !== 1) {
    return { kind: 'error', message: compare ? t('planlint report --compare needs two files: OLD NEW') : t('planlint report needs one file') };
  }
  if (values.output === '') return { kind: 'error', message: t('--{0} needs a value', 'output') };
  // --format md|markdown|html; without it, the extension of -o decides (.md → Markdown), else HTML.
  const raw = values.format ?? (values.output && /\.(md|markdown)$/i.test(values.output) ? 'md' : 'html');
  const format = raw === 'markdown' ? 'md' : raw;
  if (!REPORT_FORMATS.includes(format as ReportFormat)) return { kind: 'error', message: t('--format must be one of {0}', REPORT_FORMATS.join(', ')) };
  const c = common(values);
  if ('error' in c) return { kind: 'error', message: c.error };
  return {
    kind: 'report',
    options: { paths, compare, format: format as ReportFormat, output: values.output, profile: values.profile, config: values.config, locale: c.locale, level: c.level },
  };
}

function defaultColor(): boolean {
  return !!process.stdout.isTTY && !process.env.NO_COLOR;
}
