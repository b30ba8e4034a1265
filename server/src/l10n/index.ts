/**
 * Localisation for every user-visible string the server and CLI produce. English strings are the
 * keys (as `@vscode/l10n` expects); the zh-cn.*.json files beside this one hold the Chinese, one
 * file per layer so that each layer keeps its own strings.
 */
import * as l10n from '@vscode/l10n';
import analysis from './zh-cn.analysis.json';
import features from './zh-cn.features.json';
import cli from './zh-cn.cli.json';
import profile from './zh-cn.profile.json';
import team from './zh-cn.team.json';
import report from './zh-cn.report.json';

const zhCn: Record<string, string> = { ...profile, ...analysis, ...features, ...cli, ...team, ...report };
let current: 'en' | 'zh-cn' = 'en';

/** Accepts VS Code / LSP locales (`zh-cn`, `zh-CN`, `zh-Hans`) and POSIX ones (`zh_CN.UTF-8`). */
export function setLocale(locale: string | undefined): void {
  const zh = !!locale && /^zh([-_](cn|hans|sg))?([._@-]|$)/i.test(locale);
  current = zh ? 'zh-cn' : 'en';
  l10n.config({ contents: zh ? zhCn : {} });
}

export function getLocale(): 'en' | 'zh-cn' {
  return current;
}

/** The UI language, for picking profile titles and the like. */
export function uiLang(): 'zh' | 'en' {
  return current === 'zh-cn' ? 'zh' : 'en';
}

/** Runs `fn` with the given locale (e.g. a report in the draft's language), then restores the current one. */
export function withLocale<T>(locale: string, fn: () => T): T {
  const previous = current;
  setLocale(locale);
  try {
    return fn();
  } finally {
    setLocale(previous);
  }
}

/** Every Chinese string, for the completeness test. */
export const zhCnBundle: Readonly<Record<string, string>> = zhCn;

export const t = l10n.t;
