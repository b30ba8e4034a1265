/** Numbering prefixes of Chinese (and English) official documents: 一、 （一） 1. （1）. */
import type { Numbering, NumberingStyle } from './types';

const CN_DIGITS = '一二三四五六七八九';
const CN = '[一二三四五六七八九十]{1,3}';
const AR = '[0-9０-９]{1,2}';

/** Value of a Chinese numeral 1–99 (一, 十, 十一, 二十, 二十九); 0 when not one. */
export function parseChineseNumeral(s: string): number {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return 0;
  const [, a, ten, b] = m;
  if (!ten) return a && !b ? CN_DIGITS.indexOf(a) + 1 : 0;
  return (a ? CN_DIGITS.indexOf(a) + 1 : 1) * 10 + (b ? CN_DIGITS.indexOf(b) + 1 : 0);
}

function arabic(s: string): number {
  return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

interface Pattern {
  style: Exclude<NumberingStyle, 'none'>;
  re: RegExp;
  value: (digits: string) => number;
}

const PATTERNS: Pattern[] = [
  // 第一章 / 第3部分 count as chapters
  { style: 'chinese-dun', re: new RegExp(`^第(${CN}|${AR})(?:章|部分|篇)(?:[、：:．.]|\\s)*`), value: (d) => parseChineseNumeral(d) || arabic(d) },
  // 一、 (also 一． / 一.); not "一、二级…" (one-and-two-level)
  { style: 'chinese-dun', re: new RegExp(`^(${CN})\\s*[、．.](?![一二三四五六七八九十]+[级类等期批档种])`), value: parseChineseNumeral },
  { style: 'chinese-paren', re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)][、．.]?`), value: parseChineseNumeral },
  { style: 'arabic-paren', re: new RegExp(`^[（(]\\s*(${AR})\\s*[）)][、．.]?`), value: arabic },
  { style: 'arabic-paren', re: new RegExp(`^(${AR})[）)]`), value: arabic },
  { style: 'arabic-dot', re: new RegExp(`^(${AR})\\s*[.．、](?![0-9０-９])`), value: arabic },
];

export const NO_NUMBERING: Numbering = { style: 'none', value: 0, raw: '' };

/** Split a leading numbering prefix off `text`. `rest` has leading whitespace removed. */
export function parseNumbering(text: string): { numbering: Numbering; rest: string } {
  const t = text.replace(/^\s+/, '');
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const value = p.value(m[1]);
    if (value <= 0) continue;
    const raw = m[0].replace(/\s+$/, '');
    return { numbering: { style: p.style, value, raw }, rest: t.slice(m[0].length).replace(/^\s+/, '') };
  }
  return { numbering: NO_NUMBERING, rest: t };
}

/** Rank in the official hierarchy: 一、 > （一） > 1. > （1）; unnumbered last. */
export function styleRank(style: NumberingStyle): number {
  switch (style) {
    case 'chinese-dun':
      return 1;
    case 'chinese-paren':
      return 2;
    case 'arabic-dot':
      return 3;
    case 'arabic-paren':
      return 4;
    default:
      return 5;
  }
}
