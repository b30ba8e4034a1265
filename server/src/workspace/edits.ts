/**
 * The edit region of every version of each open document, recorded as the text document applies
 * the client's changes, so that the model of a newer version is updated from the region alone:
 * finding what changed by comparing two whole texts costs as much as the text is long.
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { composeRegions, type EditRegion } from '../document/incremental';

/** More unanalysed versions than this and the log is dropped (the update compares the texts instead). */
const MAX_ENTRIES = 512;

export class EditLog {
  /** Per document, in order: the version a change event led from (`base`) and to, and its region. */
  private entries = new Map<string, Array<{ base: number; version: number; region: EditRegion | undefined }>>();

  /** A TextDocuments configuration that applies each change itself and records where it fell. */
  documents(): TextDocumentsConfiguration<TextDocument> {
    return {
      create: (uri, languageId, version, content) => {
        this.entries.delete(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      update: (doc, changes, version) => {
        const base = doc.version;
        let region: EditRegion | undefined;
        let known = true;
        for (const change of changes) {
          const r = known ? regionOf(doc, change) : undefined;
          TextDocument.update(doc, [change], version);
          if (!r) known = false;
          else region = region ? composeRegions(region, r) : r;
        }
        this.record(doc.uri, base, version, known ? region : undefined);
        return doc;
      },
    };
  }

  private record(uri: string, base: number, version: number, region: EditRegion | undefined): void {
    let list = this.entries.get(uri);
    if (!list) this.entries.set(uri, (list = []));
    if (list.length >= MAX_ENTRIES) list.length = 0;
    list.push({ base, version, region });
  }

  /**
   * The region that leads from the text of version `from` to that of version `to`, when every
   * version in between was recorded (undefined otherwise: the caller compares the texts).
   */
  regionBetween(uri: string, from: number, to: number): EditRegion | undefined {
    const list = this.entries.get(uri);
    if (!list || from === to) return undefined;
    let k = list.findIndex((e) => e.base === from);
    if (k < 0) return undefined;
    let region: EditRegion | undefined;
    let at = from;
    for (; k < list.length && at !== to; k++) {
      const e = list[k];
      if (e.base !== at || !e.region) return undefined;
      region = region ? composeRegions(region, e.region) : e.region;
      at = e.version;
    }
    return at === to ? region : undefined;
  }

  /** Versions up to `version` are no longer needed (the model of `version` is the base of the next update). */
  trim(uri: string, version: number): void {
    const list = this.entries.get(uri);
    if (!list) return;
    const k = list.findIndex((e) => e.version > version);
    if (k < 0) list.length = 0;
    else if (k > 0) list.splice(0, k);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** How many documents have a log (memory checks of the tests). */
  get size(): number {
    return this.entries.size;
  }
}

/** Offsets of a ranged change in the document before it applies (as TextDocument.update computes them). */
function regionOf(doc: TextDocument, change: TextDocumentContentChangeEvent): EditRegion | undefined {
  if (!('range' in change) || !change.range) return undefined;
  const a = doc.offsetAt(change.range.start);
  const b = doc.offsetAt(change.range.end);
  const start = Math.min(a, b);
  const oldEnd = Math.max(a, b);
  return { start, oldEnd, newEnd: start + change.text.length };
}
