/**
 * Cuts a reference page as the site serves it (HTML) into blocks, with parse5 (the WHATWG parsing
 * algorithm, so a page cut off mid-tag still parses). Headings, paragraphs, `<pre>` code and tables
 * (caption, header cells, row cells) become blocks in document order; scripts, styles and
 * navigation are skipped; the breadcrumb (an element whose class names a crumb) becomes one
 * `A/ B/ C` text block, as it reads in a text copy.
 */
import { parse } from 'parse5';
import type { Block } from './page-model.ts';
import { isHeading } from './text-layout.ts';

/** The parts of a parse5 node this module reads (parse5's default tree adapter). */
interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'head', 'svg', 'button', 'form']);
const PARAGRAPHS = new Set(['p', 'li', 'dt', 'dd', 'figcaption']);
const INLINE = new Set([
  '#text',
  'a',
  'span',
  'b',
  'strong',
  'em',
  'i',
  'code',
  'sup',
  'sub',
  'u',
  'kbd',
  'samp',
  'font',
]);

const attr = (node: HtmlNode, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const children = (node: HtmlNode) => node.childNodes ?? [];
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text of a node and its descendants, as it renders (scripts and styles left out). */
function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (SKIPPED.has(node.nodeName)) return '';
  if (node.nodeName === 'br') return '\n';
  // Inline elements run on with their neighbours; block elements (paragraphs in a cell) are separate words.
  return children(node)
    .map((child) => (INLINE.has(child.nodeName) ? textOf(child) : ` ${textOf(child)} `))
    .join('');
}

/** Descendant elements named `tag`, not looking inside nested tables. */
function findAll(node: HtmlNode, tags: string[], found: HtmlNode[] = []): HtmlNode[] {
  for (const child of children(node)) {
    if (tags.includes(child.nodeName)) found.push(child);
    else if (child.nodeName !== 'table') findAll(child, tags, found);
  }
  return found;
}

function tableBlock(table: HtmlNode): Block {
  const caption = findAll(table, ['caption'])[0];
  const rows = findAll(table, ['tr']).map((tr) => findAll(tr, ['th', 'td']));
  const headerAt = rows.findIndex((cells) => cells.length > 0 && cells.every((cell) => cell.nodeName === 'th'));
  const header = headerAt >= 0 ? (rows[headerAt] as HtmlNode[]).map((cell) => squash(textOf(cell))) : [];
  const body = rows
    .filter((cells, index) => index !== headerAt && cells.length > 0)
    .map((cells) => cells.map((cell) => squash(textOf(cell))));
  // A row with fewer cells than the header (or an empty last cell) is where the page was cut.
  const last = body.at(-1);
  const complete = !last || (last.length >= header.length && (last.at(-1) ?? '') !== '');
  return {
    kind: 'table',
    caption: squash(caption ? textOf(caption) : '').replace(/^Table \d+\s*/, ''),
    header,
    rows: complete ? body : body.slice(0, -1),
    complete,
  };
}

function walk(node: HtmlNode, blocks: Block[]): void {
  for (const child of children(node)) {
    const name = child.nodeName;
    if (name === '#comment') continue;
    if (name === '#text') {
      const text = squash(child.value ?? '');
      if (text) blocks.push({ kind: isHeading(text) ? 'heading' : 'text', text });
    } else if (/crumb/i.test(attr(child, 'class') ?? '')) {
      const parts = findAll(child, ['a', 'span', 'li'])
        .filter((part) => !findAll(part, ['a', 'span', 'li']).length)
        .map((part) =>
          squash(textOf(part))
            .replace(/[/>›]\s*$/, '')
            .trim(),
        )
        .filter((part) => part && !/^[/>›]$/.test(part));
      if (parts.length) blocks.push({ kind: 'text', text: parts.join('/ ') });
    } else if (SKIPPED.has(name)) {
      // Scripts, styles, navigation: not the page's content.
    } else if (/^h[1-6]$/.test(name)) {
      const text = squash(textOf(child));
      if (text) blocks.push({ kind: 'heading', text });
    } else if (name === 'table') {
      blocks.push(tableBlock(child));
    } else if (name === 'pre') {
      blocks.push({ kind: 'code', text: textOf(child).trim() });
    } else if (PARAGRAPHS.has(name) && !findAll(child, ['table', 'pre', 'p']).length) {
      const text = squash(textOf(child));
      if (text) blocks.push({ kind: isHeading(text) ? 'heading' : 'text', text });
    } else {
      walk(child.content ?? child, blocks);
    }
  }
}

/** The page's canonical URL (`<link rel="canonical">`, else `og:url`), where the page name is read from. */
export function canonicalUrl(html: string): string | undefined {
  const links = findAll(parse(html) as HtmlNode, ['link', 'meta']);
  const canonical = links.find((link) => link.nodeName === 'link' && attr(link, 'rel') === 'canonical');
  const og = links.find((link) => link.nodeName === 'meta' && attr(link, 'property') === 'og:url');
  return (canonical && attr(canonical, 'href')) ?? (og && attr(og, 'content'));
}

/** Cuts an HTML page into blocks in document order. */
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  walk(parse(html) as HtmlNode, blocks);
  return blocks;
}
