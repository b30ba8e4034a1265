/** `planlint --help` and `planlint --version`. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { t } from '../l10n';
import { RULE_IDS } from '../analysis/types';

export function helpText(): string {
  return [
    t('Usage: planlint check [paths or globs…] [options]'),
    '       ' + t('planlint report FILE [--format html|md] [-o OUT] [options]'),
    '       ' + t('planlint report --compare OLD NEW [--format html|md] [-o OUT] [options]'),
    '',
    t('Checks Markdown drafts of local plans against the national Plan for synergizing the reduction of pollution and carbon emissions.'),
    t('With no path, checks the plans in the current folder. Folders are searched for *.md files.'),
    '',
    t('Options:'),
    '  --format text|json|sarif|markdown  ' + t('output format (default: text)'),
    '  --format html|md                   ' + t('report: page format (default: html, or md when OUT ends in .md)'),
    '  -o, --output OUT                   ' + t('report: write the page to OUT instead of stdout'),
    '  --compare                          ' + t('report: what changed from OLD to NEW'),
    '  --profile ID|PATH                  ' + t('profile to check against (default: national-2022)'),
    '  --config PATH                      ' + t('config file (default: found by walking up from each file)'),
    '  --level LEVEL                      ' + t('province, city, county, park or enterprise'),
    '  --locale en|zh-cn                  ' + t('language of messages (default: from LANG)'),
    '                                     ' + t('report: language of the page (default: the draft’s)'),
    '  --no-color                         ' + t('no colours in text output'),
    '  -h, --help                         ' + t('show this help'),
    '  -v, --version                      ' + t('show the version'),
    '',
    t('Exit codes: 0 no error-level finding, 1 some error-level finding, 2 the run failed.'),
    t('planlint report exits 0 when the page was written, 2 when the run failed.'),
    t('Rules: {0}', RULE_IDS.join(', ')),
    '',
  ].join('\n');
}

/** The package version, read from the package.json above this file (source or bundle). */
export function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'planlint' && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
