/**
 * What docs:check and docs:draft read from a KooDrive reference page, whichever layout it came in
 * (the site's HTML or text copied from it). Both layouts are first cut into the same blocks, then
 * read by one interpreter (read-page.ts), so a fact is found the same way in either.
 */

/** One piece of a page, in reading order. */
export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; complete: boolean }
  | { kind: 'code'; text: string };

/** A row of a parameter table, with the object table its type names attached as `children`. */
export interface DocField {
  name: string;
  /** The Mandatory column: undefined when the table has none (response tables). */
  mandatory?: boolean;
  /** The Type column as printed: `Integer`, `Long`, `Array of SpaceQuotaUsage objects`, … */
  type: string;
  description: string;
  /** The fields of the object the type names, when the page has its table. */
  children?: DocField[];
  /** The name of the object the type refers to (`SpaceQuotaUsage`), when it refers to one. */
  objectName?: string;
  /** True when the type names an object whose table the page does not have (cut off). */
  missingTable?: boolean;
}

/** An example as the page shows it: parsed JSON when it parses, else the raw text and why not. */
export type DocExample = { json: unknown; raw: string } | { raw: string; error: string };

/** A parameter of the URI or the header table. */
export interface DocParameter extends DocField {
  in: 'path' | 'query' | 'header';
}

/** The parts of an operation's page that docs:check compares and docs:draft transcribes. */
export interface DocPage {
  /** Where the page came from (a file or URL), for messages. */
  source: string;
  layout: 'text' | 'html';
  /** The page name (e.g. `GetSpaceUsageByQuota`), from the URL or file name, when known. */
  pageName?: string;
  title?: string;
  breadcrumb: string[];
  /** The API group, the breadcrumb's element before the title. */
  group?: string;
  /** The "Updated on" date, `yyyy-mm-dd`. */
  updated?: string;
  method?: string;
  path?: string;
  parameters: DocParameter[];
  /** The request body's fields; undefined when the page has no body table. */
  requestBody?: DocField[];
  /** The 200 response's fields; undefined when the page has no 200 response table. */
  response?: DocField[];
  exampleRequest?: { line?: string; headers: string[]; body?: DocExample };
  exampleResponse?: DocExample;
  statusCodes: string[];
  /** Why the page is not complete (cut off, a table without rows, …); empty when it is complete. */
  problems: string[];
  /** Sections the page shows in full; a cut-off page leaves the later ones out. */
  complete: Record<PageSection, boolean>;
}

/** The sections docs:check compares separately, so that a page cut off in one still counts for the others. */
export type PageSection = 'uri' | 'query' | 'path' | 'header' | 'requestBody' | 'response' | 'examples';
