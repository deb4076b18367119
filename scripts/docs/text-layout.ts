/**
 * Cuts a page copied as text from the reference site into blocks. In such a copy every table cell
 * is a paragraph of its own: a numbered caption (`Table 2 Request header parameters`), the header
 * cells, then the rows' cells one after the other. A row starts at a parameter name followed by a
 * Mandatory value (`Yes`/`No`) or, in tables without that column, by a type; everything up to the
 * next row start is its description.
 */
import type { Block } from './page-model.ts';

/** The section headings of an operation's page, in the order the site prints them. */
export const SECTION_HEADINGS = [
  'Function',
  'Constraints',
  'Authorization Information',
  'URI',
  'Request Parameters',
  'Response Parameters',
  'Example Requests',
  'Example Responses',
  'Status Codes',
  'Error Codes',
];

const HEADER_CELLS = new Set([
  'parameter',
  'mandatory',
  'type',
  'description',
  'constraints',
  'range',
  'value range',
  'default value',
  'example',
  'status code',
  'error code',
  'error message',
]);

/** Whether a line is a section heading or a status sub-heading (`Status code: 200`). */
export const isHeading = (line: string): boolean =>
  SECTION_HEADINGS.includes(line) || /^Status code: \d{3}$/i.test(line);

const isCaption = (line: string) => /^Table \d+\b/.test(line);
const isName = (line: string) => /^[A-Za-z_$][\w$.\-[\]]*$/.test(line);
const isYesNo = (line: string | undefined) => line === 'Yes' || line === 'No';
/** The shapes the Type column takes: a scalar, `Array of …`, `… object(s)`, `List<…>`, `Map<…>`. */
export const isTypeCell = (line: string | undefined): boolean =>
  line !== undefined &&
  /^(String|Integer|Int|Int32|Int64|Long|Boolean|Double|Float|Number|Object|File|Array|Array of .+|List<.+>|Map<.+>|[\w$]+ objects?)$/i.test(
    line,
  );

/** How deep a line leaves the brackets of a JSON text (strings skipped), from `depth`. */
function bracketDepth(line: string, depth: number): number {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return depth;
}

/** Cuts a text copy of a page into blocks (blank lines carry no meaning in such a copy). */
export function textBlocks(content: string): Block[] {
  const lines = content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (isCaption(line)) {
      i = readTable(lines, i, blocks);
    } else if (isHeading(line)) {
      blocks.push({ kind: 'heading', text: line });
      i++;
    } else if (line.startsWith('{') || line.startsWith('[')) {
      const code: string[] = [];
      let depth = 0;
      do {
        const next = lines[i] as string;
        code.push(next);
        depth = bracketDepth(next, depth);
        i++;
      } while (depth > 0 && i < lines.length && !isHeading(lines[i] as string));
      blocks.push({ kind: 'code', text: code.join('\n') });
    } else {
      blocks.push({ kind: 'text', text: line });
      i++;
    }
  }
  return blocks;
}

/** Reads the table whose caption is at `start`; returns the index after it. */
function readTable(lines: string[], start: number, blocks: Block[]): number {
  const caption = (lines[start] as string).replace(/^Table \d+\s*/, '');
  let i = start + 1;
  const header: string[] = [];
  while (i < lines.length && HEADER_CELLS.has((lines[i] as string).toLowerCase())) header.push(lines[i++] as string);
  const lower = header.map((cell) => cell.toLowerCase());
  const mandatoryAt = lower.indexOf('mandatory');
  const typeAt = lower.indexOf('type');
  const ends = (index: number) =>
    index >= lines.length || isHeading(lines[index] as string) || isCaption(lines[index] as string);
  const rows: string[][] = [];

  if (typeAt < 0) {
    // A table of plain cells (status codes, error codes): rows of header.length cells.
    while (!ends(i) && header.length > 0) {
      rows.push(lines.slice(i, i + header.length));
      i += header.length;
    }
    // The status codes table ends the page, so reaching the end is no sign of a cut; a short last row is.
    const last = rows.at(-1);
    const complete = !last || last.length === header.length;
    blocks.push({ kind: 'table', caption, header, rows: complete ? rows : rows.slice(0, -1), complete });
    return Math.min(i, lines.length);
  }

  const startsRow = (index: number) =>
    isName(lines[index] as string) && (mandatoryAt >= 0 ? isYesNo(lines[index + 1]) : isTypeCell(lines[index + 1]));
  while (!ends(i)) {
    if (!startsRow(i)) {
      // Text between the header and the first row, or after the last: not part of the table.
      if (rows.length === 0) break;
      (rows.at(-1) as string[]).push(lines[i++] as string);
      continue;
    }
    const row = [lines[i++] as string];
    while (!ends(i) && !startsRow(i)) row.push(lines[i++] as string);
    rows.push(row);
  }
  // Cells past the Type column are the description (and any Constraints/Range/Default columns).
  const fixed = typeAt + 1;
  const shaped = rows.map((row) => [...row.slice(0, fixed), row.slice(fixed).join(' ')]);
  const last = shaped.at(-1);
  const cutOff = i >= lines.length;
  const lastComplete = !last || (last.length > fixed && (last[fixed] as string).length > 0);
  blocks.push({
    kind: 'table',
    caption,
    header: [...header.slice(0, fixed), 'Description'],
    rows: lastComplete ? shaped : shaped.slice(0, -1),
    complete: !cutOff && lastComplete && header.length > 0,
  });
  return i;
}
