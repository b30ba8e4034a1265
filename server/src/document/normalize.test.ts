import { describe, expect, test } from 'vitest';
import { normalize } from './normalize';

describe('normalize', () => {
  test('Traditional (Hubei style) to Simplified, with Taiwan phrases', () => {
    expect(normalize('減污降碳協同增效')).toBe('减污降碳协同增效');
    expect(normalize('重點產業結構最佳化調整')).toBe('重点产业结构优化调整');
    expect(normalize('湖北省減污降碳協同增效實施方案')).toBe('湖北省减污降碳协同增效实施方案');
  });

  test('NFKC: full-width digits, letters and punctuation', () => {
    expect(normalize('到２０２５年，ＰＭ２．５浓度下降１０％')).toBe('到2025年,pm2.5浓度下降10%');
    expect(normalize('（一）指导思想')).toBe('(一)指导思想');
  });

  test('ASCII lower-case and collapsed whitespace', () => {
    expect(normalize('  By 2025,\n\tCarbon   INTENSITY  ')).toBe('by 2025, carbon intensity');
  });

  test('Simplified text is unchanged', () => {
    expect(normalize('推进工业领域协同增效')).toBe('推进工业领域协同增效');
  });

  test('does not throw on lone surrogates or NUL', () => {
    expect(normalize('a\uD800b\u0000c')).toBe('a\uD800b\u0000c');
  });
});
