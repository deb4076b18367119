import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder, checkPage } from '../docs/check-pages.ts';
import { compareOperation } from '../docs/compare.ts';
import { readPage } from '../docs/read-page.ts';
import { parseReadings } from '../docs/readings.ts';
import { exitCode, formatJson, formatText } from '../docs/report.ts';
import { loadSpec } from '../docs/spec-reader.ts';
import { repoRoot } from '../lib/paths.ts';

const fixtures = join(import.meta.dirname, 'fixtures/docs');
const spec = loadSpec(join(repoRoot, 'spec'));
const page = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const quota = () => {
  const op = spec.operations.find((candidate) => candidate.operationId === 'GetSpaceUsageByQuota');
  if (!op) throw new Error('the spec has no GetSpaceUsageByQuota');
  return op;
};

describe('docs:check on GetSpaceUsageByQuota', () => {
  it.each(['GetSpaceUsageByQuota.txt', 'GetSpaceUsageByQuota.html'])(
    'finds %s in agreement with the spec apart from its recorded readings',
    (name) => {
      const result = checkPage(page(name), name, spec);
      expect(result.status).toBe('agrees');
      expect(result.comparison?.differences).toEqual([]);
      expect(result.comparison?.explained.map(({ difference, reading }) => [difference.at, reading.why])).toEqual([
        ['parameters.header.Authorization', expect.stringContaining('form-encoded space')],
        ['responses.200.code', expect.stringContaining('both forms')],
      ]);
      expect(formatText([result])).toMatch(/^docs:check: 1 page\(s\): 1 agree, 0 differ/);
      expect(exitCode([result])).toBe(0);
    },
  );

  const derived = readdirSync(join(fixtures, 'derived')).filter((file) => !file.endsWith('.report'));
  it.each(derived)('reports %s as expected', (name) => {
    const result = checkPage(page(`derived/${name}`), `derived/${name}`, spec);
    expect(`${formatText([result])}\n`).toBe(page(`derived/${name}.report`));
  });

  it('classifies each derived page in the terms of spec:diff, with the exit code to match', () => {
    const outcome = (name: string) => {
      const result = checkPage(page(`derived/GetSpaceUsageByQuota.${name}`), name, spec);
      return [
        result.status,
        result.comparison?.differences.map((d) => `${d.kind} ${d.at}: ${d.what}`),
        exitCode([result]),
      ];
    };
    expect(outcome('parameter-added.txt')).toEqual([
      'differs',
      ['additive parameters.query.keyWord: parameter added'],
      1,
    ]);
    expect(outcome('field-mandatory.txt')).toEqual(['differs', ['breaking parameters.query.limit: now required'], 1]);
    expect(outcome('integer-to-long.txt')).toEqual([
      'differs',
      ['breaking responses.200.total: may now be int64 (number | bigint)'],
      1,
    ]);
    expect(outcome('path-changed.txt')).toEqual(['differs', ['breaking path: the path changed'], 1]);
    expect(outcome('newer-date.txt')).toEqual(['differs', ['other x-koodrive-updated: the page was updated since'], 1]);
    expect(outcome('truncated.txt')).toEqual(['cut-off', [], 2]);
    expect(outcome('truncated.html')).toEqual(['cut-off', [], 2]);
  });

  it('reports a Long query parameter as additive (inputs widen) and a removed response field as breaking', () => {
    const text = page('GetSpaceUsageByQuota.txt')
      .replace('limit\n\nNo\n\nInteger', 'limit\n\nNo\n\nLong')
      .replace('totalUsed\n\nLong\n\nUsed in total.\n', '');
    const { differences } = compareOperation(readPage(text, 'GetSpaceUsageByQuota.txt'), quota(), spec.securitySchemes);
    expect(differences.map((d) => `${d.kind} ${d.at}: ${d.what}`)).toEqual([
      'additive parameters.query.limit: also accepts int64',
      'breaking responses.200.data.totalUsed: field removed',
    ]);
  });

  it('reports an example that differs, and only notes one that is not JSON', () => {
    const changed = page('GetSpaceUsageByQuota.txt').replace('"success"', '"OK"');
    const broken = page('GetSpaceUsageByQuota.txt').replace('"success"', '"success",');
    const differs = compareOperation(readPage(changed, 'x.txt'), quota(), spec.securitySchemes);
    expect(differs.differences).toEqual([
      {
        kind: 'other',
        at: 'responses.200.examples',
        what: "the page's example differs",
        documented: '{"code":0,"msg":"OK"}',
        spec: '{"code":0,"msg":"success"}',
      },
    ]);
    const notJson = compareOperation(readPage(broken, 'x.txt'), quota(), spec.securitySchemes);
    expect(notJson.differences).toEqual([]);
    expect(notJson.notes).toEqual([
      expect.stringMatching(/^responses\.200\.examples: the page's example is not valid JSON/),
    ]);
  });

  it('reports a difference again once its reading is gone, and a reading covers what lies under it', () => {
    const withoutReadings = { ...quota(), readings: [], schemeReadings: [] };
    const parsed = readPage(page('GetSpaceUsageByQuota.txt'), 'x.txt');
    expect(compareOperation(parsed, withoutReadings, spec.securitySchemes).differences.map((d) => d.at)).toEqual([
      'parameters.header.Authorization',
      'responses.200.code',
    ]);
    const broad = parseReadings([{ at: 'responses.200', documented: 'd', spec: 's', why: 'w' }], 'test');
    const covered = compareOperation(parsed, { ...withoutReadings, readings: broad }, spec.securitySchemes);
    expect(covered.differences.map((d) => d.at)).toEqual(['parameters.header.Authorization']);
  });

  it('says so when the page documents an operation the spec does not have', () => {
    const text = page('GetSpaceUsageByQuota.txt')
      .replace(/Querying Space Usage by Quota/g, 'Querying Space Usage by Region')
      .replace(/usage\/quota/g, 'usage/region');
    const result = checkPage(text, 'GetSpaceUsageByRegion.txt', spec);
    expect(result).toMatchObject({ status: 'not-in-spec', operationId: 'GetSpaceUsageByRegion' });
    expect(result.problem).toMatch(/pnpm docs:draft GetSpaceUsageByRegion\.txt/);
    expect(exitCode([result])).toBe(1);
  });

  it('reads a folder of saved pages named by operationId', () => {
    const results = checkFolder(join(fixtures, 'derived'), spec);
    expect(results.map((r) => r.status)).toEqual([
      'differs',
      'differs',
      'differs',
      'differs',
      'differs',
      'cut-off',
      'cut-off',
    ]);
    expect(JSON.parse(formatJson(results)).results).toHaveLength(7);
  });
});

describe('recorded readings', () => {
  it.each([
    [{}, 'x-koodrive-readings must be a list'],
    [[{ at: 'responses.200.code', documented: 'String', spec: 'x' }], 'x-koodrive-readings[0] has no why'],
    [
      [{ at: 'examples', documented: 'a', spec: 'b', why: 'c' }],
      'x-koodrive-readings[0] at "examples" is not a location',
    ],
    [['text'], 'x-koodrive-readings[0] must be an object'],
  ])('refuses %j, naming the problem', (value, message) => {
    expect(() => parseReadings(value, 'paths/space/X.yaml')).toThrow(`paths/space/X.yaml: ${message}`);
  });

  it('are valid in every operation of the spec (loadSpec checks them)', () => {
    expect(spec.operations.length).toBeGreaterThanOrEqual(18);
    const space = spec.operations.filter((op) => op.file.startsWith('paths/space/'));
    expect(space).toHaveLength(18);
    expect(space.every((op) => op.readings.some((r) => r.at === 'responses.200.code'))).toBe(true);
  });
});

describe('the docs:check command', () => {
  const run = (...args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/docs/check.ts', ...args], {
          cwd: repoRoot,
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { code: failed.status, out: `${failed.stdout}${failed.stderr}` };
    }
  };

  it('exits 0 with --page on an agreeing page, and prints JSON with --json', () => {
    const result = run('--page', 'scripts/test/fixtures/docs/GetSpaceUsageByQuota.html', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).results[0]).toMatchObject({ status: 'agrees', operationId: 'GetSpaceUsageByQuota' });
  });

  it('exits 1 with --from on a folder where pages differ, and 64 on bad usage', () => {
    const from = run('--from', 'scripts/test/fixtures/docs/derived');
    expect(from.code).toBe(1);
    expect(from.out).toMatch(
      /docs:check: 7 page\(s\): 0 agree, 5 differ \(3 breaking, 1 additive, 1 other\), 2 cut off/,
    );
    expect(run().code).toBe(64);
    expect(run('--page', 'a', '--online').out).toMatch(/choose one source of pages/);
  });
}, 30_000);
