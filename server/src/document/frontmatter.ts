/** YAML front matter: parsed with `yaml`; a parse error is kept (with its 0-based document line), never thrown. */
import { parseDocument } from 'yaml';
import type { FrontMatter, Range } from './types';

/**
 * @param raw YAML text between the fences
 * @param contentLine 0-based document line where the YAML text starts
 */
export function parseFrontMatter(raw: string, range: Range, contentLine: number): FrontMatter {
  try {
    const doc = parseDocument(raw, { prettyErrors: true, logLevel: 'error' });
    const err = doc.errors[0];
    if (err) {
      const line = contentLine + Math.max(0, (err.linePos?.[0].line ?? 1) - 1);
      return { raw, data: undefined, error: { message: err.message.split('\n')[0], line }, range };
    }
    return { raw, data: doc.toJS({ maxAliasCount: 100 }), range };
  } catch (e) {
    return { raw, data: undefined, error: { message: e instanceof Error ? e.message : String(e), line: contentLine }, range };
  }
}
