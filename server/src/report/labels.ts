/** Status and severity words and the report pages' icons; the CLI's text and Markdown formats use the same words. Colour is never the only signal: every status has an icon and a word. */
import type { AreaStatus, MeasureStatus, Severity, TargetStatus } from '../analysis/types';
import { t } from '../l10n';
import type { IndicatorStatus } from './model';

export type Status = AreaStatus | MeasureStatus | TargetStatus | IndicatorStatus;

export const ICON: Record<Status, string> = {
  covered: '✓',
  partial: '◐',
  mentioned: '○',
  missing: '✗',
  quantified: '✓',
  qualitative: '◐',
  meets: '✓',
  above: '✓',
  below: '✗',
  'not-stated': '○',
  'not-compared': '–',
};

/** The colour class of a status: good, part, weak, bad or none. */
export const TONE: Record<Status, 'good' | 'part' | 'weak' | 'bad' | 'none'> = {
  covered: 'good',
  partial: 'part',
  mentioned: 'weak',
  missing: 'bad',
  quantified: 'good',
  qualitative: 'part',
  meets: 'good',
  above: 'good',
  below: 'bad',
  'not-stated': 'weak',
  'not-compared': 'none',
};

export function statusLabel(s: Status): string {
  switch (s) {
    case 'covered':
      return t('covered');
    case 'partial':
      return t('partial');
    case 'mentioned':
      return t('mentioned');
    case 'missing':
      return t('missing');
    case 'quantified':
      return t('quantified');
    case 'qualitative':
      return t('qualitative');
    case 'meets':
      return t('meets the national value');
    case 'above':
      return t('exceeds the national value');
    case 'below':
      return t('weaker than national');
    case 'not-stated':
      return t('not stated');
    case 'not-compared':
      return t('not compared');
  }
}

export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', information: 'ℹ', hint: '•' };

export function severityLabel(s: Severity): string {
  switch (s) {
    case 'error':
      return t('error');
    case 'warning':
      return t('warning');
    case 'information':
      return t('information');
    case 'hint':
      return t('hint');
  }
}

/** "2 warnings" / "警告 2". */
export function severityCount(s: Severity, n: number): string {
  switch (s) {
    case 'error':
      return t('{0} errors', n);
    case 'warning':
      return t('{0} warnings', n);
    case 'information':
      return t('{0} information', n);
    case 'hint':
      return t('{0} hints', n);
  }
}

export function levelLabel(level: string): string {
  switch (level) {
    case 'province':
      return t('province');
    case 'city':
      return t('city');
    case 'county':
      return t('county');
    case 'park':
      return t('industrial park');
    case 'enterprise':
      return t('enterprise');
    default:
      return level;
  }
}

/** 62% / 1150 万吨 / 3 million tonnes. */
export function quantity(value: number, unit: string): string {
  return unit === '%' || unit === '‰' ? `${value}${unit}` : `${value} ${unit}`;
}

export function nationalQuantity(n: { value: number; unit: string; comparison: 'at-least' | 'about' | 'at-most' }): string {
  const sign = n.comparison === 'at-least' ? '≥ ' : n.comparison === 'at-most' ? '≤ ' : '≈ ';
  return sign + quantity(n.value, n.unit);
}

/** 1-based line for people. */
export function lineLabel(line: number): string {
  return t('line {0}', line + 1);
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
