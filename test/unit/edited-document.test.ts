/**
 * The server's open documents read an edited text through the text before the edit instead of
 * copying it (server/src/workspace/editedDocument.ts, document/text.ts). On random edit sequences
 * they must behave exactly as vscode-languageserver-textdocument's TextDocument — text, line count,
 * offsets and positions, also for ranges past the end, reversed ranges, \r\n split by an edit and
 * whole-text changes — and the edit log must hand the update the edit between two versions.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EditedText } from '../../server/src/document/text';
import { EditedDocument } from '../../server/src/workspace/editedDocument';
import { EditLog } from '../../server/src/workspace/edits';

const CHARS = ['a', '测', '\n', '\r\n', '\r', ' ', '目标', '\n\n', ''];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((xs) => xs.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 14 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);
const events = fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 24 });

function expectSame(a: TextDocument, b: EditedDocument): void {
  expect(b.getText()).toBe(a.getText());
  expect(b.lineCount).toBe(a.lineCount);
  expect(b.version).toBe(a.version);
  const n = a.getText().length;
  for (let o = -1; o <= n + 1; o++) expect(b.positionAt(o)).toEqual(a.positionAt(o));
  for (let line = -1; line <= a.lineCount; line++) {
    for (let character = -1; character <= 12; character += 3) {
      const p = { line, character };
      expect(b.offsetAt(p)).toBe(a.offsetAt(p));
      expect(b.getText({ start: { line: 0, character: 1 }, end: p })).toBe(a.getText({ start: { line: 0, character: 1 }, end: p }));
    }
  }
}

describe('EditedDocument', () => {
  test('behaves as TextDocument on random edit sequences (settled now and then)', () => {
    fc.assert(
      fc.property(text, events, fc.array(fc.boolean(), { maxLength: 24 }), (initial, steps, settles) => {
        const a = TextDocument.create('file:///a.md', 'markdown', 1, initial);
        const b = new EditedDocument('file:///a.md', 'markdown', 1, initial);
        steps.forEach((changes, k) => {
          TextDocument.update(a, changes, k + 2);
          b.update(changes, k + 2);
          if (settles[k]) b.settle();
          expectSame(a, b);
        });
      }),
      { seed: 424242, numRuns: 300 },
    );
  });

  test('a long burst of edits is made flat on the way, with the same text', () => {
    const a = TextDocument.create('file:///a.md', 'markdown', 1, '一\n二\n');
    const b = new EditedDocument('file:///a.md', 'markdown', 1, '一\n二\n');
    for (let k = 0; k < 50; k++) {
      const c = { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: String(k % 10) };
      TextDocument.update(a, [c], k + 2);
      b.update([c], k + 2);
    }
    expect((b.content as EditedText).depth ?? 0).toBeLessThanOrEqual(16);
    expectSame(a, b);
  });
});

describe('EditLog.editBetween', () => {
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: text });
  test('the edit between two versions (several change events each, versions skipped) turns the old text into the new one', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (initial, steps) => {
        const log = new EditLog();
        const config = log.documents();
        let doc = config.create('file:///a.md', 'markdown', 1, initial);
        const texts = new Map([[1, initial]]);
        steps.forEach((edits, k) => {
          // each change's range on the text as the changes before it in the event left it
          const shadow = TextDocument.create('file:///s.md', 'markdown', 1, doc.getText());
          const changes = edits.map((e) => {
            const n = shadow.getText().length;
            const start = e.at % (n + 1);
            const c = { range: { start: shadow.positionAt(start), end: shadow.positionAt(Math.min(n, start + e.remove)) }, text: e.insert };
            TextDocument.update(shadow, [c], 2);
            return c;
          });
          doc = config.update(doc, changes, k + 2);
          texts.set(k + 2, doc.getText());
        });
        const last = steps.length + 1;
        for (let from = 1; from < last; from++) {
          const base = texts.get(from)!;
          const e = log.editBetween('file:///a.md', from, last, base);
          expect(e).toBeDefined();
          expect(e!.insert).toBeDefined();
          expect(base.slice(0, e!.start) + e!.insert + base.slice(e!.oldEnd)).toBe(texts.get(last));
          expect(e!.newEnd - e!.start).toBe(e!.insert!.length);
        }
        expect(log.editBetween('file:///a.md', last, last, texts.get(last)!)).toBeUndefined();
        log.trim('file:///a.md', last);
        expect(log.editBetween('file:///a.md', 1, last, initial)).toBeUndefined();
      }),
      { seed: 777, numRuns: 200 },
    );
  });
});

describe('EditedText', () => {
  test('reads as the edited string: characters and slices, edits stacked', () => {
    fc.assert(
      fc.property(text, fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: text }), { minLength: 1, maxLength: 8 }), (initial, edits) => {
        let reader: EditedText | string = initial;
        let plain = initial;
        for (const e of edits) {
          const start = e.at % (plain.length + 1);
          const oldEnd = Math.min(plain.length, start + e.remove);
          reader = new EditedText(reader, start, oldEnd, e.insert);
          plain = plain.slice(0, start) + e.insert + plain.slice(oldEnd);
          expect(reader.length).toBe(plain.length);
          for (let i = -1; i <= plain.length; i++) expect(Number.isNaN(reader.charCodeAt(i)) ? NaN : reader.charCodeAt(i)).toEqual(plain.charCodeAt(i));
          for (let a = 0; a <= plain.length; a += 3) for (let b = a; b <= plain.length + 2; b += 4) expect(reader.slice(a, b)).toBe(plain.slice(a, b));
          expect(reader.slice(0)).toBe(plain);
        }
      }),
      { seed: 99, numRuns: 300 },
    );
  });
});
