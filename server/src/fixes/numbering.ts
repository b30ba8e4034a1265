/** Writing section numbers in the document's own style: 四、 （五） (五) 4. ４． (4) IV. */
import type { Heading, NumberingStyle } from '../document/types';

/** The document model's styles plus Roman chapter numbers ("IV."), common in English drafts. */
export type FixNumberingStyle = NumberingStyle | 'roman';

export interface HeadingNumber {
  style: FixNumberingStyle;
  value: number;
  raw: string;
}

const ROMAN: [string, number][] = [
  ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
  ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [r, v] of ROMAN) while (n >= v) [out, n] = [out + r, n - v];
  return out;
}

export function parseRoman(s: string): number {
  let n = 0;
  let rest = s.toUpperCase();
  for (const [r, v] of ROMAN) while (rest.startsWith(r)) [n, rest] = [n + v, rest.slice(r.length)];
  return rest === '' && toRoman(n) === s.toUpperCase() ? n : 0;
}

const ROMAN_PREFIX = /^([IVXLC]{1,6})[.．]\s/;

/** The heading's numbering: the model's, or a Roman chapter number the model leaves unnumbered. */
export function numberOf(heading: Heading): HeadingNumber {
  if (heading.numbering.style !== 'none') return heading.numbering;
  const m = ROMAN_PREFIX.exec(heading.raw.trim());
  const value = m ? parseRoman(m[1]) : 0;
  return value > 0 ? { style: 'roman', value, raw: m![0].trim() } : heading.numbering;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 25 → 二十五 (up to 99). */
export function toChineseNumeral(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return DIGITS[n];
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

const FULLWIDTH_ZERO = 0xff10;

function arabicLike(sample: string, n: number): string {
  const fullWidth = /[０-９]/.test(sample);
  const s = String(n);
  return fullWidth ? [...s].map((d) => String.fromCharCode(FULLWIDTH_ZERO + Number(d))).join('') : s;
}

/** A numbering template taken from an existing heading: its prefix and the separator before the title. */
export interface NumberTemplate {
  style: FixNumberingStyle;
  /** A literal prefix as written, e.g. "（三）" or "3." — the number in it gets replaced. */
  raw: string;
  /** What stands between the number and the title ("" in Chinese, " " in English). */
  separator: string;
}

export function templateOf(heading: Heading): NumberTemplate {
  const { style, raw } = numberOf(heading);
  const at = raw ? heading.raw.indexOf(raw) : -1;
  const after = at >= 0 ? heading.raw.slice(at + raw.length) : ' ';
  return { style, raw, separator: /^\s*/.exec(after)![0] };
}

export function defaultTemplate(kind: 'chapter' | 'measure' | 'item', lang: 'zh' | 'en'): NumberTemplate {
  if (lang === 'zh') {
    if (kind === 'chapter') return { style: 'chinese-dun', raw: '一、', separator: '' };
    if (kind === 'measure') return { style: 'chinese-paren', raw: '（一）', separator: '' };
    return { style: 'arabic-dot', raw: '1.', separator: '' };
  }
  if (kind === 'chapter') return { style: 'arabic-dot', raw: '1.', separator: ' ' };
  if (kind === 'measure') return { style: 'arabic-paren', raw: '(1)', separator: ' ' };
  return { style: 'arabic-dot', raw: '1.', separator: ' ' };
}

/** The prefix for number `n` written like the template (keeps half/full-width brackets and digits, 第…章). */
export function formatNumber(template: NumberTemplate, n: number): string {
  const raw = template.raw;
  switch (template.style) {
    case 'none':
      return '';
    case 'roman':
      return raw.replace(/[IVXLC]+/, toRoman(n));
    case 'chinese-dun':
    case 'chinese-paren':
      if (/[一二三四五六七八九十]/.test(raw)) return raw.replace(/[零〇一二三四五六七八九十百]+/, toChineseNumeral(n));
      if (/[0-9０-９]/.test(raw)) return raw.replace(/[0-9０-９]+/, (m) => arabicLike(m, n));
      return (template.style === 'chinese-dun' ? '一、' : '（一）').replace('一', toChineseNumeral(n));
    case 'arabic-dot':
    case 'arabic-paren':
      return (raw || (template.style === 'arabic-dot' ? '1.' : '(1)')).replace(/[0-9０-９]+/, (m) => arabicLike(m, n));
  }
}

/** "四、加强源头防控" / "3. Strengthen source prevention" / "Targets" (unnumbered). */
export function numberedTitle(template: NumberTemplate, n: number, title: string): string {
  const prefix = formatNumber(template, n);
  return prefix ? prefix + template.separator + title : title;
}
