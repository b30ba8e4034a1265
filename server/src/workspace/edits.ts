/**
 * The edits of every version of each open document (where, and the text put there), recorded as
 * the text document applies the client's changes, so that the model of a newer version is updated
 * from the edit alone: finding what changed by comparing two whole texts costs as much as the text
 * is long, and so does reading the new text before the edit is known (document/text.ts).
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { composeRegions, type EditRegion } from '../document/incremental';
import { EditedText, type TextReader } from '../document/text';
import { EditedDocument } from './editedDocument';

/** More unanalysed versions than this and the log is dropped (the update compares the texts instead). */
const MAX_ENTRIES = 512;
/** More edits than this between two analysed versions and the new text is read as it is (copied). */
const MAX_READ_THROUGH = 32;

export class EditLog {
  /** Per document, in order: the version a change event led from (`base`) and to, and its edits (with their text). */
  private entries = new Map<string, Array<{ base: number; version: number; edits: EditRegion[] | undefined }>>();
  /** Documents whose last change did not raise the version (a client's mistake): a version may now name two texts. */
  private reused = new Set<string>();

  /** A TextDocuments configuration that applies each change itself and records where it fell. */
  documents(): TextDocumentsConfiguration<EditedDocument> {
    return {
      create: (uri, languageId, version, content) => {
        this.entries.delete(uri);
        // a malformed open (no text, or not a string) is an empty document, not a failure on every read
        return new EditedDocument(uri, languageId, version, typeof content === 'string' ? content : '');
      },
      update: (doc, changes, version) => {
        const base = doc.version;
        let edits: EditRegion[] | undefined = [];
        for (const change of changes) {
          const r = edits ? regionOf(doc, change) : undefined;
          doc.update([change], version);
          if (r) edits?.push(r);
          else edits = undefined;
        }
        if (version > base) {
          this.record(doc.uri, base, version, edits);
        } else {
          this.entries.delete(doc.uri);
          this.reused.add(doc.uri);
        }
        return doc;
      },
    };
  }

  private record(uri: string, base: number, version: number, edits: EditRegion[] | undefined): void {
    let list = this.entries.get(uri);
    if (!list) this.entries.set(uri, (list = []));
    if (list.length >= MAX_ENTRIES) list.length = 0;
    list.push({ base, version, edits });
  }

  /**
   * The edit that leads from the text of version `from` (`base`, as the model of that version
   * reads it) to that of version `to`, with the text it put in, when every version in between was
   * recorded (undefined otherwise: the caller compares the texts).
   */
  editBetween(uri: string, from: number, to: number, base: TextReader): EditRegion | undefined {
    const list = this.entries.get(uri);
    if (!list || from === to) return undefined;
    let k = list.findIndex((e) => e.base === from);
    if (k < 0) return undefined;
    const edits: EditRegion[] = [];
    let at = from;
    for (; k < list.length && at !== to; k++) {
      const e = list[k];
      if (e.base !== at || !e.edits) return undefined;
      edits.push(...e.edits);
      at = e.version;
    }
    if (at !== to || edits.length === 0) return undefined;
    if (edits.length === 1) return edits[0];
    const region = edits.reduce((a, b) => composeRegions(a, b));
    if (edits.length > MAX_READ_THROUGH) return region;
    let text = base;
    for (const e of edits) text = new EditedText(text, e.start, e.oldEnd, e.insert ?? '');
    return { ...region, insert: text.slice(region.start, region.newEnd) };
  }

  /** Versions up to `version` are no longer needed (the model of `version` is the base of the next update). */
  trim(uri: string, version: number): void {
    const list = this.entries.get(uri);
    if (!list) return;
    const k = list.findIndex((e) => e.version > version);
    if (k < 0) list.length = 0;
    else if (k > 0) list.splice(0, k);
  }

  /** True (once) when the document's last change kept or lowered its version: what is kept under its versions is void. */
  takeReusedVersion(uri: string): boolean {
    return this.reused.delete(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.reused.delete(uri);
  }

  /** How many documents have a log (memory checks of the tests). */
  get size(): number {
    return this.entries.size;
  }
}

/** Offsets of a ranged change in the document before it applies (as TextDocument.update computes them). */
function regionOf(doc: EditedDocument, change: TextDocumentContentChangeEvent): EditRegion | undefined {
  if (!('range' in change) || !change.range) return undefined;
  const a = doc.offsetAt(change.range.start);
  const b = doc.offsetAt(change.range.end);
  const start = Math.min(a, b);
  const oldEnd = Math.max(a, b);
  return { start, oldEnd, newEnd: start + change.text.length, insert: change.text };
}
