/**
 * Reading quantities out of plan text: 60%, 60%以上, 不低于60%, 百分之六十, 60 per cent, 1150万吨.
 * Works on `aligned()` text, a length-preserving normalisation, so offsets stay valid in the original.
 */
import { traditionalToSimplified } from '../document/simplify';
import { perText } from './memo';

let t2s: ((s: string) => string) | undefined;
const charMemo = new Map<number, string>();

function simplifiedChar(ch: string): string {
  const code = ch.charCodeAt(0);
  const known = charMemo.get(code);
  if (known !== undefined) return known;
  let out = ch;
  try {
    t2s ??= traditionalToSimplified('tw');
    const c = t2s(ch);
    if (c.length === 1) out = c;
  } catch {
    // keep the character
  }
  charMemo.set(code, out);
  return out;
}

const WIDE = /[\uff01-\uff5e\u3000A-Z]/g;
const HAN = /[\u3400-\u9fff]/;

/**
 * Same length as `text`, character for character: full-width ASCII to ASCII, ideographic space to
 * space, upper to lower case, Traditional characters to Simplified ones.
 */
export const aligned = perText(alignedUncached);

function alignedUncached(text: string): string {
  let out = text.replace(WIDE, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0).toLowerCase();
    return c.toLowerCase();
  });
  if (HAN.test(out)) {
    let whole: string | undefined;
    try {
      t2s ??= traditionalToSimplified('tw');
      whole = t2s(out);
    } catch {
      whole = undefined;
    }
    if (whole !== undefined && whole.length === out.length) out = whole;
    else {
      let chars = '';
      for (let i = 0; i < out.length; i++) {
        const c = out.charCodeAt(i);
        chars += c >= 0x3400 && c <= 0x9fff ? simplifiedChar(out[i]) : out[i];
      }
      out = chars;
    }
  }
  return out;
}

export type Qualifier = 'at-least' | 'about' | 'at-most';

export interface ParsedValue {
  value: number;
  /** Upper end of a range like 60%–65%. */
  high?: number;
  /** Canonical unit: %, 百分点, 吨, 万吨, 亿吨, million tonnes, 万千瓦, 个, … */
  unit: string;
  /** Offsets of the number and its unit (and 以上 / 左右 after it) in the text. */
  start: number;
  end: number;
  qualifier?: Qualifier;
}

/** Unit spellings (aligned, lower-case) -> canonical unit. Longest first when building the pattern. */
const UNIT_SPELLINGS: Record<string, string> = {
  '%': '%',
  '‰': '‰',
  个百分点: '百分点',
  百分点: '百分点',
  'percentage points': '百分点',
  'percentage point': '百分点',
  'per cent': '%',
  percent: '%',
  pct: '%',
  万吨标准煤: '万吨标准煤',
  吨标准煤: '吨标准煤',
  亿吨: '亿吨',
  万吨: '万吨',
  吨: '吨',
  'million tonnes': 'million tonnes',
  'million tons': 'million tonnes',
  tonnes: '吨',
  tons: '吨',
  亿千瓦时: '亿千瓦时',
  万千瓦时: '万千瓦时',
  千瓦时: '千瓦时',
  万千瓦: '万千瓦',
  千瓦: '千瓦',
  gw: 'gw',
  mw: 'mw',
  万辆: '万辆',
  辆: '辆',
  vehicles: '辆',
  万平方米: '万平方米',
  平方米: '平方米',
  平方公里: '平方公里',
  公里: '公里',
  km: 'km',
  万亩: '万亩',
  亩: '亩',
  万立方米: '万立方米',
  立方米: '立方米',
  微克每立方米: '微克/立方米',
  '微克/立方米': '微克/立方米',
  'μg/m3': '微克/立方米',
  'μg/m³': '微克/立方米',
  'ug/m3': '微克/立方米',
  蒸吨: '蒸吨',
  万户: '万户',
  户: '户',
  万人: '万人',
  个: '个',
  家: '家',
  座: '座',
  处: '处',
  项: '项',
  台: '台',
  套: '套',
  条: '条',
  天: '天',
  days: '天',
  倍: '倍',
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const UNIT_ALT = Object.keys(UNIT_SPELLINGS)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
const NUM = '(\\d+(?:\\.\\d+)?)';
const ASCII_UNIT = /^[a-z]/;
/** number, optional range end, optional space, unit; the unit must not run into a following ASCII word. */
const ARABIC = new RegExp(`${NUM}(?:\\s*%?\\s*[-—–~～至到]\\s*${NUM})?\\s*(${UNIT_ALT})`, 'g');
const CN_PERCENT = /百分之([零〇一二两三四五六七八九十百点]+)(?:\s*[-—~～至到]\s*(?:百分之)?([零〇一二两三四五六七八九十百点]+))?/g;

const BEFORE: Array<[RegExp, Qualifier]> = [
  [/(不低于|不少于|至少|超过|高于|达到|提高到|提高至|提升到|提升至|at least|more than|over|above|no less than|reach|rise to|raised to)\s*$/, 'at-least'],
  [/(不超过|不高于|控制在|低于|at most|no more than|below|under|less than)\s*$/, 'at-most'],
  [/(约|大约|around|about|approximately|roughly)\s*$/, 'about'],
];
const AFTER: Array<[RegExp, Qualifier]> = [
  [/^\s*(及以上|以上|or more|or above|or higher)/, 'at-least'],
  [/^\s*(以内|以下|or less|or below)/, 'at-most'],
  [/^\s*(左右|上下)/, 'about'],
];

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Chinese numeral up to 999 with an optional decimal part (六十, 六十五, 十五, 一百, 三十点五); NaN if not one. */
export function parseChineseNumber(s: string): number {
  const [intPart, frac] = s.split('点');
  let total = 0;
  let digit = -1;
  for (const ch of intPart) {
    if (ch in CN_DIGIT) {
      if (digit >= 0) return NaN; // two digits in a row: not a numeral we read
      digit = CN_DIGIT[ch];
    } else if (ch === '十' || ch === '百') {
      const mult = ch === '十' ? 10 : 100;
      total += (digit < 0 ? 1 : digit) * mult;
      digit = -1;
    } else return NaN;
  }
  if (digit >= 0) total += digit;
  if (intPart === '') return NaN;
  if (frac !== undefined) {
    if (frac === '' || ![...frac].every((c) => c in CN_DIGIT)) return NaN;
    total += Number(`0.${[...frac].map((c) => CN_DIGIT[c]).join('')}`);
  }
  return total;
}

function qualify(text: string, start: number, end: number): { qualifier?: Qualifier; end: number } {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  for (const [re, q] of AFTER) {
    const m = re.exec(after);
    if (m) return { qualifier: q, end: end + m[0].length };
  }
  for (const [re, q] of BEFORE) if (re.test(before)) return { qualifier: q, end };
  return { end };
}

/** Every quantity with a unit in `text` (aligned), in order. Years (2025年) are not quantities. */
export function findValues(text: string): ParsedValue[] {
  const out: ParsedValue[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const start = m.index;
    const prev = start > 0 ? text[start - 1] : '';
    if (/[a-z0-9.]/.test(prev)) continue; // pm2.5, co2, db11/t 2308
    const spelled = m[3];
    const unitEnd = start + m[0].length;
    if (ASCII_UNIT.test(spelled) && /[a-z0-9]/.test(text[unitEnd] ?? '')) continue;
    const q = qualify(text, start, unitEnd);
    const value = Number(m[1]);
    const high = m[2] !== undefined ? Number(m[2]) : undefined;
    out.push({ value, high, unit: UNIT_SPELLINGS[spelled], start, end: q.end, qualifier: q.qualifier });
  }
  for (const m of text.matchAll(CN_PERCENT)) {
    const value = parseChineseNumber(m[1]);
    if (!Number.isFinite(value)) continue;
    const high = m[2] !== undefined ? parseChineseNumber(m[2]) : undefined;
    const start = m.index;
    const q = qualify(text, start, start + m[0].length);
    out.push({ value, high: Number.isFinite(high) ? high : undefined, unit: '%', start, end: q.end, qualifier: q.qualifier });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Tonnes per unit, for comparing 万吨 with 吨 or million tonnes. */
const MASS: Record<string, number> = { 吨: 1, 万吨: 1e4, 亿吨: 1e8, 'million tonnes': 1e6 };

/** `value` expressed in `to`, or undefined when the units do not compare. */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  const f = canonicalUnit(from);
  const t = canonicalUnit(to);
  if (f === t) return value;
  if (f in MASS && t in MASS) return (value * MASS[f]) / MASS[t];
  return undefined;
}

export function canonicalUnit(unit: string): string {
  const u = aligned(unit.trim());
  return UNIT_SPELLINGS[u] ?? u;
}
