/**
 * Reads an operation's reference page (HTML or a text copy) into a DocPage: breadcrumb, date,
 * title, method and path, the numbered parameter tables with the object tables their types name,
 * the examples and the status codes, and which sections the page shows in full.
 */
import { basename } from 'node:path';
import { canonicalUrl, htmlBlocks } from './html-layout.ts';
import type { Block, DocExample, DocField, DocPage, DocParameter, PageSection } from './page-model.ts';
import { textBlocks } from './text-layout.ts';

const METHOD_LINE = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(\/\S*)/;
const SECTION_ORDER: PageSection[] = ['uri', 'query', 'path', 'header', 'requestBody', 'response', 'examples'];
const SCALARS = /^(strings?|integers?|longs?|booleans?|numbers?|doubles?|floats?|objects?)$/i;

/** The name of the object a Type cell refers to (`Array of SpaceQuotaUsage objects` → SpaceQuotaUsage). */
export function objectNameOf(type: string): string | undefined {
  const match = /^(?:Array of |List<)?([\w$]+?)(?: objects?|>)?$/i.exec(type.trim());
  const name = match?.[1];
  if (!name || SCALARS.test(name)) return undefined;
  const named = /^Array of .+ objects?$/i.test(type) || /^[\w$]+ objects?$/i.test(type) || /^List<[\w$]+>$/.test(type);
  return named ? name : undefined;
}

/** Parses an example's text as JSON, keeping the raw text and the parser's complaint when it fails. */
export function readExample(raw: string): DocExample {
  try {
    return { json: JSON.parse(raw), raw };
  } catch (error) {
    return { raw, error: (error as Error).message };
  }
}

type TableBlock = Extract<Block, { kind: 'table' }>;
type Side = 'request' | 'response';

interface Collected {
  tables: {
    role: 'query' | 'path' | 'header' | 'requestBody' | 'response' | 'object';
    side: Side;
    block: TableBlock;
  }[];
  lastSection: PageSection;
}

function fieldsOf(block: TableBlock): DocField[] {
  const column = (name: string) => block.header.findIndex((cell) => cell.toLowerCase() === name);
  const at = {
    name: column('parameter'),
    mandatory: column('mandatory'),
    type: column('type'),
    description: column('description'),
  };
  return block.rows.map((row) => {
    const mandatory = at.mandatory >= 0 ? row[at.mandatory] : undefined;
    return {
      name: row[Math.max(at.name, 0)] ?? '',
      ...(mandatory === undefined ? {} : { mandatory: /^(yes|是)$/i.test(mandatory) }),
      type: row[at.type] ?? '',
      description: at.description >= 0 ? (row[at.description] ?? '') : '',
    };
  });
}

/** Attaches to each field the fields of the object its type names, from the tables of the same side. */
function resolveObjects(
  fields: DocField[],
  objects: Map<string, DocField[]>,
  seen: Set<string> = new Set(),
): DocField[] {
  return fields.map((field) => {
    const objectName = objectNameOf(field.type);
    if (!objectName) return field;
    const table = objects.get(objectName);
    if (!table) return { ...field, objectName, missingTable: true };
    if (seen.has(objectName)) return { ...field, objectName };
    return { ...field, objectName, children: resolveObjects(table, objects, new Set([...seen, objectName])) };
  });
}

function roleOf(caption: string, section: string, has: Set<string>): Collected['tables'][number]['role'] {
  const lower = caption.toLowerCase();
  if (/query param/.test(lower)) return 'query';
  if (/path param/.test(lower)) return 'path';
  if (/header param/.test(lower)) return 'header';
  if (/body param/.test(lower)) return section === 'response' || /response/.test(lower) ? 'response' : 'requestBody';
  if (caption === '') {
    // Some copies leave tables untitled: the first of a section is its parameters, the rest are objects.
    if (section === 'uri') return has.has('query') ? 'object' : 'query';
    if (section === 'request')
      return has.has('header') ? (has.has('requestBody') ? 'object' : 'requestBody') : 'header';
    if (section === 'response') return has.has('response') ? 'object' : 'response';
  }
  return 'object';
}

/** Reads a page's blocks; `source` names it in messages, `pageName` is its operationId when known. */
export function readBlocks(blocks: Block[], source: string, layout: DocPage['layout'], pageName?: string): DocPage {
  const page: DocPage = {
    source,
    layout,
    ...(pageName ? { pageName } : {}),
    breadcrumb: [],
    parameters: [],
    statusCodes: [],
    problems: [],
    complete: { uri: true, query: true, path: true, header: true, requestBody: true, response: true, examples: true },
  };
  let section = 'preamble';
  let status: string | undefined;
  let heading: string | undefined;
  const collected: Collected = { tables: [], lastSection: 'uri' };
  const roles = new Set<string>();
  const seenHeadings = new Set<string>();
  const untitledObjects: TableBlock[] = [];

  for (const block of blocks) {
    if (block.kind === 'heading') {
      const sectionOf: Record<string, string> = {
        Function: 'function',
        URI: 'uri',
        'Request Parameters': 'request',
        'Response Parameters': 'response',
        'Example Requests': 'exampleRequests',
        'Example Responses': 'exampleResponses',
        'Status Codes': 'statusCodes',
        'Error Codes': 'errorCodes',
      };
      const statusMatch = /^Status code: (\d{3})$/i.exec(block.text);
      if (statusMatch) status = statusMatch[1];
      else if (sectionOf[block.text]) {
        section = sectionOf[block.text] as string;
        seenHeadings.add(block.text);
        status = undefined;
      } else if (section === 'preamble' && !heading) heading = block.text;
      continue;
    }
    if (block.kind === 'text') {
      const text = block.text;
      const date = /Updated on (\d{4}-\d{2}-\d{2})/.exec(text);
      if (/^Help Center\s*\//.test(text) && page.breadcrumb.length === 0) {
        page.breadcrumb = text
          .split('/')
          .map((part) => part.trim())
          .filter(Boolean);
      } else if (date && !page.updated) {
        page.updated = date[1];
      } else if (section === 'preamble' && !heading) {
        heading = text;
      } else if (section === 'uri' && !page.method) {
        const line = METHOD_LINE.exec(text);
        if (line) {
          page.method = (line[1] as string).toUpperCase();
          page.path = (line[2] as string).split('?')[0];
        }
      } else if (section === 'exampleRequests') {
        readRequestLine(page, text);
      } else if (section === 'statusCodes' && /^\d{3}$/.test(text)) {
        // A text copy without a caption on the status table: the codes are the three-digit cells.
        page.statusCodes.push(text);
      }
      continue;
    }
    if (block.kind === 'code') {
      if (section === 'exampleRequests') readRequestCode(page, block.text);
      else if (section === 'exampleResponses' && (status ?? '200') === '200' && !page.exampleResponse) {
        page.exampleResponse = readExample(block.text);
        collected.lastSection = 'examples';
      }
      continue;
    }
    // A table.
    if (section === 'statusCodes') {
      page.statusCodes = block.rows.map((row) => row[0] ?? '').filter(Boolean);
      continue;
    }
    if (section === 'response' && status && status !== '200') continue;
    const role = roleOf(block.caption, section, roles);
    roles.add(role);
    const side: Side = section === 'response' ? 'response' : 'request';
    collected.tables.push({ role, side, block });
    if (role === 'object' && block.caption === '') untitledObjects.push(block);
    collected.lastSection = role === 'object' ? (side === 'response' ? 'response' : 'requestBody') : role;
    if (!block.complete) {
      page.complete[collected.lastSection] = false;
      page.problems.push(`the table "${block.caption || 'untitled'}" is cut off after ${block.rows.length} row(s)`);
    }
  }

  page.title = heading ?? page.breadcrumb.at(-1);
  if (page.breadcrumb.length >= 2) page.group = page.breadcrumb.at(-2);
  assemble(page, collected, untitledObjects);

  if (!page.method || !page.path) {
    page.problems.push('no method and path in a URI section: not an operation page, or cut off before it');
    page.complete.uri = false;
  }
  if (!seenHeadings.has('Status Codes')) {
    // Every complete page ends with its status codes: without them the page was cut off, and
    // the section it was cut in and every later one cannot be compared.
    const cutAt = SECTION_ORDER.indexOf(collected.lastSection);
    for (const later of SECTION_ORDER.slice(cutAt)) page.complete[later] = false;
    page.problems.push(`the page ends before its Status Codes section (cut off in ${collected.lastSection})`);
  }
  return page;
}

function assemble(page: DocPage, collected: Collected, untitledObjects: TableBlock[]): void {
  const objects: Record<Side, Map<string, DocField[]>> = { request: new Map(), response: new Map() };
  for (const { role, side, block } of collected.tables) {
    if (role === 'object' && block.caption)
      objects[side].set(block.caption.trim().split(/\s+/)[0] as string, fieldsOf(block));
  }
  // An untitled object table belongs to the first object a type names that has no table yet.
  const unnamed = [...untitledObjects];
  for (const side of ['request', 'response'] as Side[]) {
    const pending = (fields: DocField[]) => {
      for (const field of fields) {
        const name = objectNameOf(field.type);
        if (name && !objects[side].has(name) && unnamed.length) {
          const block = unnamed.shift() as TableBlock;
          objects[side].set(name, fieldsOf(block));
          pending(fieldsOf(block));
        }
      }
    };
    for (const { role, block } of collected.tables) {
      if (role !== 'object' && (side === 'response') === (role === 'response')) pending(fieldsOf(block));
    }
  }
  const lookup = (side: Side) => new Map([...objects[side === 'request' ? 'response' : 'request'], ...objects[side]]);
  for (const { role, block } of collected.tables) {
    if (role === 'query' || role === 'path' || role === 'header') {
      const fields = resolveObjects(fieldsOf(block), lookup('request'));
      page.parameters.push(...fields.map((field): DocParameter => ({ ...field, in: role })));
    } else if (role === 'requestBody') {
      page.requestBody = [...(page.requestBody ?? []), ...resolveObjects(fieldsOf(block), lookup('request'))];
    } else if (role === 'response') {
      page.response = [...(page.response ?? []), ...resolveObjects(fieldsOf(block), lookup('response'))];
    }
  }
  const missing = (fields: DocField[] | undefined, where: PageSection) => {
    const walk = (list: DocField[]) => {
      for (const field of list) {
        if (field.missingTable) {
          page.complete[where] = false;
          page.problems.push(`${field.name} is typed ${field.type}, whose table the page does not show`);
        }
        walk(field.children ?? []);
      }
    };
    walk(fields ?? []);
  };
  missing(page.requestBody, 'requestBody');
  missing(page.response, 'response');
}

function readRequestLine(page: DocPage, text: string): void {
  page.exampleRequest ??= { headers: [] };
  const request = page.exampleRequest;
  // A text copy may run the request line and a header together: `/path Authorization:Bearer+…`.
  for (const part of text.split(/\s+(?=[\w-]+:\S)/)) {
    if (METHOD_LINE.test(part) || part.startsWith('/')) request.line ??= part;
    else if (/^[\w-]+\s*:\s*\S/.test(part) && request.line) request.headers.push(part);
  }
}

function readRequestCode(page: DocPage, code: string): void {
  const lines = code.split('\n');
  const jsonAt = lines.findIndex((line) => /^\s*[{[]/.test(line));
  for (const line of jsonAt >= 0 ? lines.slice(0, jsonAt) : lines) if (line.trim()) readRequestLine(page, line.trim());
  if (jsonAt >= 0) {
    page.exampleRequest ??= { headers: [] };
    page.exampleRequest.body = readExample(lines.slice(jsonAt).join('\n'));
  }
}

/** Reads a page from its content: HTML when it looks like markup, else a text copy. */
export function readPage(content: string, source: string, pageName?: string): DocPage {
  const html = /^\s*</.test(content);
  const fromUrl = html ? canonicalUrl(content) : undefined;
  const name =
    pageName ??
    (fromUrl ? basename(new URL(fromUrl).pathname, '.html') : undefined) ??
    (/^https?:/.test(source) ? basename(new URL(source).pathname, '.html') : basename(source).replace(/\..*$/, ''));
  // A saved page is named by its operationId; `GetSpaceUsageByQuota.newer-date.txt` is a variant of it.
  return readBlocks(html ? htmlBlocks(content) : textBlocks(content), source, html ? 'html' : 'text', name);
}
