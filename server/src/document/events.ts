/**
 * Markdown -> the top-level mdast nodes extract.ts reads, built straight from micromark's events
 * instead of by mdast-util-from-markdown: building every inline node and position object cost about
 * a third of a parse, and the units need only the block structure, offsets, inline HTML and the
 * plain text of headings. For what extract.ts and chunks.ts read (node types, offsets, children,
 * heading depth and text, front matter value) the nodes equal mdast's: test/unit/document-events.test.ts
 * compares both. Texts whose mdast needs more than the events say (link or footnote definitions,
 * task list items, a byte order mark) are not built here: `eventNodes` returns undefined and the
 * caller builds mdast.
 */
import type { RootContent } from 'mdast';
import { parse, postprocess, preprocess } from 'micromark';
import type { Event, Extension, ParseContext, Token } from 'micromark-util-types';

type Span = { start: { offset: number }; end: { offset: number } };
interface Node {
  type: string;
  position: Span;
  children?: Node[];
  depth?: number;
  value?: string;
}

const BLOCKS: Record<string, string> = {
  blockQuote: 'blockquote',
  codeFenced: 'code',
  codeIndented: 'code',
  atxHeading: 'heading',
  setextHeading: 'heading',
  paragraph: 'paragraph',
  htmlFlow: 'html',
  thematicBreak: 'thematicBreak',
  listOrdered: 'list',
  listUnordered: 'list',
  listItem: 'listItem',
  table: 'table',
  tableRow: 'tableRow',
  tableHeader: 'tableCell',
  tableData: 'tableCell',
  yaml: 'yaml',
};
const PARENTS = new Set(['blockquote', 'heading', 'paragraph', 'list', 'listItem', 'table', 'tableRow', 'tableCell']);
/** Tokens after which mdast is more than the events say: build it with mdast-util-from-markdown. */
const UNSUPPORTED = new Set(['definition', 'gfmFootnoteDefinition', 'taskListCheck']);
/** Heading text that is its own plain text: no inline markup, escapes, references, line breaks or NUL (read as U+FFFD). */
const PLAIN_HEADING = /^[^*_[\]!<&\\`~\r\n\0]*$/;

const span = (start: number, end: number): Span => ({ start: { offset: start }, end: { offset: end } });

const parsers = new WeakMap<Extension[], ParseContext>();
const FRESH = new Set(['constructs', 'content', 'defined', 'document', 'flow', 'lazy', 'string', 'text']);

/**
 * micromark's parser for these extensions, made once (merging the extensions' constructs cost as
 * much as tokenising a few hundred characters, for every group) and cleared of the last text's
 * state: its definitions, lazy lines, and whatever an extension kept on it.
 */
function parserFor(extensions: Extension[]): ParseContext {
  let p = parsers.get(extensions);
  if (!p) parsers.set(extensions, (p = parse({ extensions })));
  p.defined = [];
  p.lazy = {};
  for (const key of Object.keys(p)) if (!FRESH.has(key)) delete (p as unknown as Record<string, unknown>)[key];
  return p;
}

/**
 * The top-level nodes of `text` (undefined: build mdast instead). `extensions` are the parser's
 * micromark extensions; `headingText` gives the plain text of a heading's source when it has
 * markup (undefined: build mdast instead).
 */
export function eventNodes(text: string, extensions: Extension[], headingText: (source: string) => string | undefined): RootContent[] | undefined {
  // a byte order mark is dropped before parsing: offsets after it are one short (in mdast too), so
  // heading texts cannot be sliced from them
  if (text.includes(']:') || text.charCodeAt(0) === 0xfeff) return undefined;
  const events = withListItems(postprocess(parserFor(extensions).document().write(preprocess()(text, undefined, true))));
  const root: Node[] = [];
  const stack: Node[] = [];
  // inline content of the open heading or cell: where it starts and ends, and its HTML
  let content: { start: number; end: number; html: Node[] } | undefined;
  let inImage = 0;
  let yamlValue: string[] | undefined;
  for (const [kind, token] of events) {
    const type = token.type as string;
    if (UNSUPPORTED.has(type)) return undefined;
    const mapped = BLOCKS[type];
    if (kind === 'enter') {
      if (mapped) {
        const node: Node = { type: mapped, position: span(token.start.offset, token.end.offset) };
        if (PARENTS.has(mapped)) node.children = [];
        (stack.length ? stack[stack.length - 1].children! : root).push(node);
        stack.push(node);
        if (mapped === 'heading' || mapped === 'tableCell') content = undefined;
        if (mapped === 'yaml') yamlValue = [];
        continue;
      }
      switch (type) {
        case 'atxHeadingText':
        case 'setextHeadingText':
        case 'tableContent':
          if (type !== 'tableContent' || stack[stack.length - 1]?.type === 'tableCell') content = { start: token.start.offset, end: token.end.offset, html: [] };
          break;
        case 'image':
          inImage++;
          break;
        case 'htmlText':
          if (inImage === 0) {
            const html: Node = { type: 'html', position: span(token.start.offset, token.end.offset) };
            if (content) content.html.push(html);
            else stack[stack.length - 1]?.children?.push(html);
          }
          break;
        case 'atxHeadingSequence': {
          const heading = stack[stack.length - 1];
          if (heading?.type === 'heading' && heading.depth === undefined) heading.depth = token.end.offset - token.start.offset;
          break;
        }
        case 'setextHeadingLineSequence': {
          const heading = stack[stack.length - 1];
          if (heading?.type === 'heading') heading.depth = text.charCodeAt(token.start.offset) === 61 ? 1 : 2; // =
          break;
        }
        case 'yamlValue':
        case 'lineEnding':
          if (yamlValue && stack[stack.length - 1]?.type === 'yaml') yamlValue.push(text.slice(token.start.offset, token.end.offset));
          break;
      }
      continue;
    }
    if (type === 'image') inImage--;
    if (!mapped) continue;
    const node = stack.pop()!;
    node.position.end.offset = token.end.offset;
    if (node.type === 'yaml') {
      // as mdast-util-frontmatter: the value's lines without the first and last line ending
      node.value = yamlValue!.join('').replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
      yamlValue = undefined;
    } else if (node.type === 'heading' || node.type === 'tableCell') {
      let plain: string | undefined = '';
      if (content && node.type === 'heading') {
        const raw = text.slice(content.start, content.end);
        plain = PLAIN_HEADING.test(raw) ? raw : headingText(text.slice(node.position.start.offset, node.position.end.offset));
        if (plain === undefined) return undefined;
      }
      node.children = content ? inlineChildren(content, plain) : [];
      content = undefined;
    }
  }
  return root as unknown as RootContent[];
}

/**
 * Stand-ins for a heading's or cell's inline nodes with what extract.ts reads of them: the first
 * starts and the last ends where the content does, the first carries a heading's plain text, and
 * the HTML nodes are in between.
 */
function inlineChildren(c: { start: number; end: number; html: Node[] }, plain: string): Node[] {
  return [
    { type: 'text', value: plain, position: span(c.start, c.start) },
    { type: 'emphasis', children: c.html, position: span(c.start, c.end) },
    { type: 'text', value: '', position: span(c.end, c.end) },
  ];
}

/**
 * mdast-util-from-markdown's list preparation (its `prepareList`, MIT): listItem enter / exit
 * events around each item, ending an item before the blank lines that follow it. Lists are
 * prepared innermost first, each while it is last in the output.
 */
function withListItems(events: Event[]): Event[] {
  const out: Event[] = [];
  const lists: number[] = [];
  for (const event of events) {
    out.push(event);
    const type = event[1].type as string;
    if (type === 'listOrdered' || type === 'listUnordered') {
      if (event[0] === 'enter') lists.push(out.length - 1);
      else prepareList(out, lists.pop()!);
    }
  }
  return out;
}

function prepareList(events: Event[], start: number): void {
  const end = events.length - 1;
  let index = start - 1;
  let containerBalance = -1;
  let listItem: Token | undefined;
  let lineIndex: number | undefined;
  let firstBlankLineIndex: number | undefined;
  let atMarker: boolean | undefined;
  const insertions: { at: number; event: Event }[] = [];
  while (++index <= end) {
    const event = events[index];
    switch (event[1].type as string) {
      case 'listUnordered':
      case 'listOrdered':
      case 'blockQuote':
        containerBalance += event[0] === 'enter' ? 1 : -1;
        atMarker = undefined;
        break;
      case 'lineEndingBlank':
        if (event[0] === 'enter') {
          if (listItem && !atMarker && !containerBalance && !firstBlankLineIndex) firstBlankLineIndex = index;
          atMarker = undefined;
        }
        break;
      case 'linePrefix':
      case 'listItemValue':
      case 'listItemMarker':
      case 'listItemPrefix':
      case 'listItemPrefixWhitespace':
        break;
      default:
        atMarker = undefined;
    }
    const type = event[1].type as string;
    if ((!containerBalance && event[0] === 'enter' && type === 'listItemPrefix') || (containerBalance === -1 && event[0] === 'exit' && (type === 'listUnordered' || type === 'listOrdered'))) {
      if (listItem) {
        let tailIndex = index;
        lineIndex = undefined;
        while (tailIndex--) {
          const tailEvent = events[tailIndex];
          const tailType = tailEvent[1].type as string;
          if (tailType === 'lineEnding' || tailType === 'lineEndingBlank') {
            if (tailEvent[0] === 'exit') continue;
            if (lineIndex) (events[lineIndex][1] as { type: string }).type = 'lineEndingBlank';
            (tailEvent[1] as { type: string }).type = 'lineEnding';
            lineIndex = tailIndex;
          } else if (!['linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent'].includes(tailType)) {
            break;
          }
        }
        listItem.end = { ...(lineIndex ? events[lineIndex][1].start : event[1].end) };
        insertions.push({ at: lineIndex || index, event: ['exit', listItem, event[2]] });
      }
      if (type === 'listItemPrefix') {
        const item = { type: 'listItem', start: { ...event[1].start }, end: undefined } as unknown as Token;
        listItem = item;
        insertions.push({ at: index, event: ['enter', item, event[2]] });
        firstBlankLineIndex = undefined;
        atMarker = true;
      }
    }
  }
  const listEvents = events.splice(start);
  let insertion = 0;
  for (let i = 0; i < listEvents.length; i++) {
    while (insertion < insertions.length && insertions[insertion].at === start + i) events.push(insertions[insertion++].event);
    events.push(listEvents[i]);
  }
}
