/**
 * docs:check's core, without the command line: reads pages, finds the spec's operation for each
 * and compares them. The sources (one file, a folder of saved pages, the site) only differ in how
 * the pages' text is obtained.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { compareOperation } from './compare.ts';
import type { PoliteFetcher } from './fetch-pages.ts';
import type { DocPage } from './page-model.ts';
import { readPage } from './read-page.ts';
import { type PageResult, statusOf } from './report.ts';
import type { LoadedSpec, SpecOperation } from './spec-reader.ts';

/** The spec's operation a page documents: by page name, else by method and path, else by title. */
export function operationForPage(page: DocPage, spec: LoadedSpec): SpecOperation | undefined {
  const { operations } = spec;
  return (
    operations.find((op) => op.operationId === page.pageName) ??
    operations.find((op) => page.pageName && op.pageUrl && basename(op.pageUrl, '.html') === page.pageName) ??
    operations.find((op) => op.method === page.method && op.path === page.path) ??
    operations.find((op) => page.title && op.operation.summary === page.title)
  );
}

/** Compares one page's text with the spec; `operationId` forces the operation (online, --from). */
export function checkPage(content: string, source: string, spec: LoadedSpec, operationId?: string): PageResult {
  let page: DocPage;
  try {
    page = readPage(content, source, operationId);
  } catch (error) {
    return { source, status: 'unreadable', problem: (error as Error).message };
  }
  const op = operationId
    ? spec.operations.find((candidate) => candidate.operationId === operationId)
    : operationForPage(page, spec);
  const base = { source, ...(page.updated ? { updated: page.updated } : {}) };
  if (!op) {
    if (!page.method && !page.title)
      return { ...base, status: 'unreadable', problem: page.problems.join('; ') || 'no operation page found in it' };
    return {
      ...base,
      ...(page.pageName ? { operationId: page.pageName } : {}),
      status: 'not-in-spec',
      problem: `${page.method ?? '?'} ${page.path ?? '?'} "${page.title ?? ''}": draft it with pnpm docs:draft ${source}`,
    };
  }
  if (!page.complete.uri && !page.title)
    return {
      ...base,
      operationId: op.operationId,
      specFile: op.file,
      status: 'unreadable',
      problem: page.problems.join('; '),
    };
  const comparison = compareOperation(page, op, spec.securitySchemes);
  return {
    ...base,
    operationId: op.operationId,
    specFile: op.file,
    status: statusOf(comparison, page.problems),
    comparison,
  };
}

/** The pages saved in `dir`, named by operationId (`GetSpaceUsageByQuota.html` or `.txt`). */
export function checkFolder(dir: string, spec: LoadedSpec, only?: Set<string>): PageResult[] {
  const files = readdirSync(dir)
    .filter((file) => ['.html', '.htm', '.txt'].includes(extname(file)))
    .sort();
  return files
    .filter((file) => !only || only.has(basename(file, extname(file))))
    .map((file) => {
      const name = basename(file, extname(file));
      const known = spec.operations.some((op) => op.operationId === name);
      return checkPage(readFileSync(join(dir, file), 'utf8'), join(dir, file), spec, known ? name : undefined);
    });
}

/** Every operation's `externalDocs` page, fetched politely (or from the cache). */
export async function checkOnline(spec: LoadedSpec, fetcher: PoliteFetcher, only?: Set<string>): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const op of spec.operations) {
    if (only && !only.has(op.operationId)) continue;
    if (!op.pageUrl) {
      results.push({
        operationId: op.operationId,
        specFile: op.file,
        source: '(none)',
        status: 'unreadable',
        problem: 'no externalDocs url',
      });
      continue;
    }
    const fetched = await fetcher.get(op.pageUrl);
    if (!fetched.ok) {
      results.push({
        operationId: op.operationId,
        specFile: op.file,
        source: op.pageUrl,
        status: 'unreadable',
        problem: fetched.error,
      });
      continue;
    }
    const result = checkPage(fetched.body, op.pageUrl, spec, op.operationId);
    if (fetched.stale) result.comparison?.notes.push('the site did not answer: compared with the cached copy');
    results.push(result);
  }
  return results;
}
