// The fix tests' drafts checked as the editor checks them, and inserts applied as the editor applies them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/engine';
import { type FixInput, type Insert, toTextEdits } from '../../server/src/fixes';
import { loadBuiltinProfile } from '../../server/src/profile';

const profile = loadBuiltinProfile();

/** What the fixes see of `text`: its model and analysis with the built-in profile and no config. */
export function fixInput(text: string): FixInput {
  const { model, result } = checkText(text, { profile, config: {} });
  return { model, result, profile };
}

/** `text` after the inserts, applied as one text-document edit. */
export function applyInserts(text: string, fi: FixInput, inserts: Insert[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///d.md', 'markdown', 1, text), toTextEdits(fi.model, inserts));
}
