/**
 * Calls by operation name: the generated functions of @koodrive/client/operations go through the
 * same pipeline as the path form, are grouped by API group, and tree-shake: a bundle that imports
 * one operation carries none of the others.
 */
import { makeSpaceQuotaUsageList, type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import { operationIndex } from '@koodrive/types';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as operations from '../src/generated/operations/index.js';
import { GetSpaceUsageByQuota, spaceManagement } from '../src/generated/operations/index.js';
import { createKooDriveClient, KooDriveApiError } from '../src/index.js';
import { TOKEN, USER_ID } from './helpers.js';

describe('calls by operation name', () => {
  let mock: RunningMockKooDrive;
  beforeAll(async () => {
    mock = await startMockKooDrive({ tokens: [TOKEN], state: { spaceQuotaUsage: makeSpaceQuotaUsageList(7) } });
  });
  afterAll(() => mock.close());
  const client = (extra = {}) =>
    createKooDriveClient({ baseUrl: mock.url, userId: USER_ID, auth: { type: 'token', token: TOKEN }, ...extra });

  it('exist for every operation of the spec, with its facts', () => {
    const functions = Object.entries(operations).filter(([, value]) => typeof value === 'function');
    expect(functions.map(([name]) => name).sort()).toEqual(Object.keys(operationIndex).sort());
    for (const [name, call] of functions) {
      const facts = (call as unknown as { operation: { id: string; method: string; path: string } }).operation;
      const indexed = operationIndex[name as keyof typeof operationIndex];
      expect([facts.id, facts.method, facts.path]).toEqual([name, indexed.method, indexed.path]);
    }
  });

  it('go through the same pipeline as the path form', async () => {
    const kd = client();
    const { data, traceId } = await GetSpaceUsageByQuota(kd, { params: { query: { limit: 3 } } });
    expect(data?.data).toHaveLength(3);
    const request = mock.requests.at(-1);
    expect(request?.operationId).toBe('GetSpaceUsageByQuota');
    expect(request?.headers['x-traceid']).toBe(traceId);
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('are grouped by API group', async () => {
    expect(spaceManagement.GetSpaceUsageByQuota).toBe(GetSpaceUsageByQuota);
    const rows: unknown[] = [];
    for await (const row of client().paginate(spaceManagement.GetSpaceUsageByQuota, undefined, { pageSize: 2 }))
      rows.push(row);
    expect(rows).toHaveLength(7);
  });

  it('throw every failure on a client created with throwOnError', async () => {
    const kd = client({ throwOnError: true });
    mock.use('GetSpaceUsageByQuota', () => ({ status: 400, body: { code: 13000102, msg: 'bad limit' } }));
    await expect(GetSpaceUsageByQuota(kd)).rejects.toThrow(KooDriveApiError);
    await expect(kd.GET('/koodrive/ose/v1/space/usage/quota')).rejects.toThrow('code 13000102: bad limit');
    mock.reset();
  });
});

describe('tree shaking', () => {
  it('leaves out every operation an app does not import', async () => {
    const entry = new URL('../src/generated/operations/index.ts', import.meta.url).pathname;
    const result = await build({
      stdin: { contents: `import { GetSpace } from '${entry}'; console.log(GetSpace);`, resolveDir: '.', loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      external: ['openapi-fetch'],
    });
    const bundle = result.outputFiles[0]?.text ?? '';
    // Each operation's facts start with its id (other names may appear in messages about reserved path values).
    const bundled = (name: string) => new RegExp(`\\b"?id"?:\\s*"${name}"`).test(bundle);
    expect(bundled('GetSpace')).toBe(true);
    expect(Object.keys(operationIndex).filter((name) => name !== 'GetSpace' && bundled(name))).toEqual([]);
  });
});
