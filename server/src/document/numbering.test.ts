import { describe, expect, test } from 'vitest';
import { parseChineseNumeral, parseNumbering } from './numbering';

describe('parseChineseNumeral', () => {
  test.each([
    ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十九', 19], ['二十', 20], ['二十九', 29], ['九十九', 99],
    ['', 0], ['十十', 0], ['一二', 0], ['百', 0],
  ])('%s -> %i', (s, v) => expect(parseChineseNumeral(s)).toBe(v));
});

describe('parseNumbering', () => {
  const cases: Array<[string, string, number, string, string]> = [
    ['一、总体要求', 'chinese-dun', 1, '一、', '总体要求'],
    ['二、加强源头防控', 'chinese-dun', 2, '二、', '加强源头防控'],
    ['十、其他', 'chinese-dun', 10, '十、', '其他'],
    ['十一、附则', 'chinese-dun', 11, '十一、', '附则'],
    ['二十九、加强宣传', 'chinese-dun', 29, '二十九、', '加强宣传'],
    ['三．优化环境治理', 'chinese-dun', 3, '三．', '优化环境治理'],
    ['第一章 总则', 'chinese-dun', 1, '第一章', '总则'],
    ['第三部分 重点任务', 'chinese-dun', 3, '第三部分', '重点任务'],
    ['（一）指导思想', 'chinese-paren', 1, '（一）', '指导思想'],
    ['（十二）推进固体废物污染防治协同增效', 'chinese-paren', 12, '（十二）', '推进固体废物污染防治协同增效'],
    ['(二)工作原则', 'chinese-paren', 2, '(二)', '工作原则'],
    ['（二十六）加强组织领导', 'chinese-paren', 26, '（二十六）', '加强组织领导'],
    ['(3) 推广应用', 'arabic-paren', 3, '(3)', '推广应用'],
    ['（12）其他', 'arabic-paren', 12, '（12）', '其他'],
    ['1.坚持源头治理。', 'arabic-dot', 1, '1.', '坚持源头治理。'],
    ['1、坚持系统推进', 'arabic-dot', 1, '1、', '坚持系统推进'],
    ['１．坚持科学精准', 'arabic-dot', 1, '１．', '坚持科学精准'],
    ['４．坚持突出重点', 'arabic-dot', 4, '４．', '坚持突出重点'],
    ['12. Strengthen support', 'arabic-dot', 12, '12.', 'Strengthen support'],
    ['3. General requirements', 'arabic-dot', 3, '3.', 'General requirements'],
  ];
  test.each(cases)('%s', (text, style, value, raw, rest) => {
    expect(parseNumbering(text)).toEqual({ numbering: { style, value, raw }, rest });
  });

  test.each([
    '总体要求',
    '2025年目标',
    '1.5倍以上',
    '一、二级水源保护区划定',
    '2025. 到2025年',
    '（注）说明',
    'General requirements',
  ])('no numbering: %s', (text) => {
    expect(parseNumbering(text).numbering).toEqual({ style: 'none', value: 0, raw: '' });
  });
});
