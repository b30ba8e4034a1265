import { describe, expect, it } from 'vitest';
import { aligned, convertUnit, findValues, parseChineseNumber } from './values';

const read = (s: string) => findValues(aligned(s)).map((v) => ({ value: v.value, unit: v.unit, q: v.qualifier, text: s.slice(v.start, v.end) }));

describe('findValues', () => {
  it.each([
    ['新增大宗固废综合利用率达到60%', [{ value: 60, unit: '%', q: 'at-least', text: '60%' }]],
    ['利用率60%以上', [{ value: 60, unit: '%', q: 'at-least', text: '60%以上' }]],
    ['利用率不低于60%', [{ value: 60, unit: '%', q: 'at-least', text: '60%' }]],
    ['利用率百分之六十', [{ value: 60, unit: '%', q: undefined, text: '百分之六十' }]],
    ['占比百分之五十左右', [{ value: 50, unit: '%', q: 'about', text: '百分之五十左右' }]],
    ['reach 60 per cent of sales', [{ value: 60, unit: '%', q: 'at-least', text: '60 per cent' }]],
    ['about 50 percent', [{ value: 50, unit: '%', q: 'about', text: '50 percent' }]],
    ['再生铝产量1150万吨', [{ value: 1150, unit: '万吨', q: undefined, text: '1150万吨' }]],
    ['利用率达到６０％', [{ value: 60, unit: '%', q: 'at-least', text: '６０％' }]],
    ['再生鋁產量1150萬噸', [{ value: 1150, unit: '万吨', q: undefined, text: '1150萬噸' }]],
    ['PM2.5年均浓度降至32微克/立方米', [{ value: 32, unit: '微克/立方米', q: undefined, text: '32微克/立方米' }]],
    ['百分之三十点五', [{ value: 30.5, unit: '%', q: undefined, text: '百分之三十点五' }]],
    ['比2020年下降19%', [{ value: 19, unit: '%', q: undefined, text: '19%' }]],
    ['控制在5%以内', [{ value: 5, unit: '%', q: 'at-most', text: '5%以内' }]],
  ])('%s', (s, expected) => {
    expect(read(s)).toEqual(expected);
  });

  it('reads no quantity in years, periods and codes', () => {
    for (const s of ['（2023—2025年）', '到2025年', 'DB11/T 2308-2024', 'CO2', 'PM2.5', '“十四五”时期', '形成一批典型经验']) {
      expect(read(s)).toEqual([]);
    }
  });

  it('keeps the low end of a range', () => {
    const [v] = findValues(aligned('提高到20%—25%'));
    expect([v.value, v.high, v.unit]).toEqual([20, 25, '%']);
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['六十', 60],
    ['六十五', 65],
    ['十五', 15],
    ['一百', 100],
    ['五', 5],
    ['三十点五', 30.5],
  ])('%s = %d', (s, n) => expect(parseChineseNumber(s)).toBe(n));
  it('rejects non-numerals', () => {
    expect(parseChineseNumber('六六')).toBeNaN();
    expect(parseChineseNumber('')).toBeNaN();
  });
});

describe('convertUnit', () => {
  it('converts mass units and refuses mismatches', () => {
    expect(convertUnit(11500000, '吨', '万吨')).toBe(1150);
    expect(convertUnit(11.5, 'million tonnes', '万吨')).toBe(1150);
    expect(convertUnit(60, '%', '%')).toBe(60);
    expect(convertUnit(60, '%', '万吨')).toBeUndefined();
  });
});
