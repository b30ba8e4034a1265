import { describe, expect, test } from 'vitest';
import { lineStarts, offsetAt, positionAt } from './positions';

const idx = (text: string) => ({ text, lineStarts: lineStarts(text) });

describe('positions', () => {
  test('line starts for LF, CRLF and lone CR', () => {
    expect(lineStarts('a\nbc\r\nd\re')).toEqual([0, 2, 6, 8]);
    expect(lineStarts('')).toEqual([0]);
    expect(lineStarts('x\n')).toEqual([0, 2]);
  });

  test('positionAt / offsetAt round-trip over CRLF', () => {
    const i = idx('ab\r\ncd\r\n\r\nef');
    expect(positionAt(i, 0)).toEqual({ line: 0, character: 0 });
    expect(positionAt(i, 4)).toEqual({ line: 1, character: 0 });
    expect(positionAt(i, 10)).toEqual({ line: 3, character: 0 });
    expect(positionAt(i, 11)).toEqual({ line: 3, character: 1 });
    // inside a CRLF: clamped to the end of the line content
    expect(positionAt(i, 3)).toEqual({ line: 0, character: 2 });
    expect(offsetAt(i, { line: 1, character: 1 })).toBe(5);
    expect(offsetAt(i, { line: 1, character: 99 })).toBe(6);
    expect(offsetAt(i, { line: 99, character: 0 })).toBe(12);
    expect(offsetAt(i, { line: -1, character: 3 })).toBe(0);
  });

  test('UTF-16 characters for astral code points', () => {
    const i = idx('𠀀𠀁a\n😀b');
    expect(positionAt(i, 4)).toEqual({ line: 0, character: 4 }); // 'a' after two surrogate pairs
    expect(positionAt(i, 8)).toEqual({ line: 1, character: 2 }); // 'b'
    expect(offsetAt(i, { line: 1, character: 2 })).toBe(8);
  });

  test('clamps out-of-range offsets', () => {
    const i = idx('ab');
    expect(positionAt(i, -5)).toEqual({ line: 0, character: 0 });
    expect(positionAt(i, 50)).toEqual({ line: 0, character: 2 });
    expect(positionAt(i, Number.NaN)).toEqual({ line: 0, character: 0 });
  });
});
