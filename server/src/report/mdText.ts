/** Text from a draft or a profile, made inert in Markdown (no emphasis, links, HTML or table breaks). */
export function mdText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~#!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** Inline code that survives backticks in the text (and pipes, in a table cell). */
export function mdCode(text: string, inTable = false): string {
  let flat = text.replace(/\r\n|\r|\n/g, ' ');
  if (inTable) flat = flat.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((s) => s.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
