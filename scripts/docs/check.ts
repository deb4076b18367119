/**
 * `pnpm docs:check`: compares KooDrive reference pages with the spec and reports what differs.
 *
 *   pnpm docs:check --page FILE       one page (HTML as the site serves it, or text copied from it)
 *   pnpm docs:check --from DIR        saved pages named by operationId (GetSpaceUsageByQuota.html)
 *   pnpm docs:check --online          each operation's externalDocs page, fetched politely, cached on disk
 *   --operation ID (repeatable)       only these operations (with --from or --online)
 *   --json                            the report as JSON
 *   --spec DIR                        another spec folder (default: spec/)
 *   --cache DIR, --max-age HOURS      the online cache (default node_modules/.cache/koodrive-docs, 12 h)
 *
 * Exit code: 0 when every page agrees (apart from recorded readings), 1 when one differs or
 * documents an operation the spec lacks, 2 when one is cut off or unreadable, 64 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/paths.ts';
import { checkFolder, checkOnline, checkPage } from './check-pages.ts';
import { PoliteFetcher } from './fetch-pages.ts';
import { exitCode, formatJson, formatText, type PageResult } from './report.ts';
import { loadSpec } from './spec-reader.ts';

const usage = 'usage: pnpm docs:check (--page FILE | --from DIR | --online) [--operation ID]... [--json] [--spec DIR]';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      page: { type: 'string', multiple: true },
      from: { type: 'string' },
      online: { type: 'boolean', default: false },
      operation: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      spec: { type: 'string' },
      cache: { type: 'string' },
      'max-age': { type: 'string' },
    },
    allowPositionals: false,
  });
}
try {
  args = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(64);
}
const { values } = args;
const sources = [values.page?.length, values.from, values.online].filter(Boolean).length;
if (sources !== 1) {
  console.error(`choose one source of pages.\n${usage}`);
  process.exit(64);
}
// pnpm runs scripts from the repository root; paths given on the command line are the caller's.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by pnpm to where it was called from, not a build input
const cwd = process.env.INIT_CWD ?? process.cwd();
const spec = loadSpec(values.spec ? resolve(cwd, values.spec) : join(repoRoot, 'spec'));
const only = values.operation?.length ? new Set(values.operation) : undefined;

let results: PageResult[];
if (values.page) {
  results = values.page.map((file) => {
    const path = resolve(cwd, file);
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (error) {
      return { source: file, status: 'unreadable', problem: (error as Error).message } as PageResult;
    }
    return checkPage(content, file, spec);
  });
} else if (values.from) {
  results = checkFolder(resolve(cwd, values.from), spec, only);
} else {
  const maxAge = Number(values['max-age'] ?? 12);
  if (!Number.isFinite(maxAge) || maxAge < 0) {
    console.error(`--max-age must be a number of hours, got "${values['max-age']}"`);
    process.exit(64);
  }
  const fetcher = new PoliteFetcher({
    cacheDir: values.cache ? resolve(cwd, values.cache) : join(repoRoot, 'node_modules/.cache/koodrive-docs'),
    maxAgeMs: maxAge * 3600_000,
  });
  results = await checkOnline(spec, fetcher, only);
}

console.log(values.json ? formatJson(results) : formatText(results));
process.exitCode = exitCode(results);
