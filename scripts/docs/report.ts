/**
 * Writes docs:check's results: for people, nothing for an operation that agrees and one line per
 * difference for one that does not, grouped breaking / additive / other, then a summary; for tools,
 * the same as JSON. Also decides the exit code.
 */
import type { Comparison, Difference } from './compare.ts';

/** What docs:check found for one page. */
export interface PageResult {
  /** The spec's operation the page was compared with, when one was found. */
  operationId?: string;
  specFile?: string;
  source: string;
  updated?: string;
  status: 'agrees' | 'differs' | 'cut-off' | 'unreadable' | 'not-in-spec';
  comparison?: Comparison;
  /** Why the page could not be read, or why it matched no operation. */
  problem?: string;
}

const KINDS: Difference['kind'][] = ['breaking', 'additive', 'other'];

/** The status of a compared page: differs, else cut off when the page is incomplete, else agrees. */
export function statusOf(comparison: Comparison, pageProblems: string[]): PageResult['status'] {
  if (comparison.differences.length) return 'differs';
  return pageProblems.length ? 'cut-off' : 'agrees';
}

const line = (d: Difference) => `    ${d.at}: ${d.what} (page: ${d.documented}; spec: ${d.spec})`;

/** The human report. */
export function formatText(results: PageResult[]): string {
  const out: string[] = [];
  for (const result of results) {
    if (result.status === 'agrees') continue;
    const name = result.operationId ?? '(no operation)';
    const where = [
      result.specFile && `spec/${result.specFile}`,
      `page ${result.source}`,
      result.updated && `updated ${result.updated}`,
    ]
      .filter(Boolean)
      .join(', ');
    out.push(`${name} (${where})`);
    if (result.problem)
      out.push(`  ${result.status === 'not-in-spec' ? 'not in the spec' : 'unreadable'}: ${result.problem}`);
    const comparison = result.comparison;
    if (comparison) {
      if (result.status === 'cut-off') out.push('  the page is cut off: only what it shows in full was compared');
      for (const kind of KINDS) {
        const of = comparison.differences.filter((d) => d.kind === kind);
        if (of.length) out.push(`  ${kind}`, ...of.map(line));
      }
      if (comparison.explained.length)
        out.push(
          `  covered by recorded readings: ${comparison.explained.map(({ difference }) => difference.at).join(', ')}`,
        );
      for (const note of comparison.notes) out.push(`  note: ${note}`);
    }
  }
  const count = (status: PageResult['status']) => results.filter((r) => r.status === status).length;
  const differences = results.flatMap((r) => r.comparison?.differences ?? []);
  const byKind = KINDS.map((kind) => `${differences.filter((d) => d.kind === kind).length} ${kind}`).join(', ');
  const explained = results.reduce((sum, r) => sum + (r.comparison?.explained.length ?? 0), 0);
  out.push(
    `docs:check: ${results.length} page(s): ${count('agrees')} agree, ${count('differs')} differ (${byKind}), ` +
      `${count('cut-off')} cut off, ${count('unreadable')} unreadable, ${count('not-in-spec')} not in the spec; ` +
      `${explained} difference(s) covered by recorded readings`,
  );
  return out.join('\n');
}

/** The JSON report: every result, agreeing ones included, with the readings that applied. */
export function formatJson(results: PageResult[]): string {
  return JSON.stringify(
    {
      results: results.map((result) => ({
        ...result,
        comparison: result.comparison && {
          differences: result.comparison.differences,
          explained: result.comparison.explained,
          notes: result.comparison.notes,
        },
      })),
    },
    null,
    2,
  );
}

/** 1 when a page differs or documents an operation the spec lacks, else 2 when one could not be read in full, else 0. */
export function exitCode(results: PageResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.status === 'differs' || r.status === 'not-in-spec')) return 1;
  if (results.some((r) => r.status === 'cut-off' || r.status === 'unreadable')) return 2;
  return 0;
}
