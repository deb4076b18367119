import { describe, expect, it, vi } from 'vitest';
import { createKooDriveClient, KooDriveValidationError } from '../src/index.js';
import { QUOTA_PATH, TOKEN, USER_ID } from './helpers.js';

function clientWithSpy() {
  const fetch = vi.fn(async (_request: Request) => Response.json({ code: 0, msg: 'success' }));
  const kd = createKooDriveClient({ userId: USER_ID, auth: { type: 'token', token: TOKEN }, fetch });
  return { kd, fetch };
}

describe('request input is checked against the spec before anything is sent', () => {
  it.each([
    ['a limit that is not a whole number', { limit: 1.5 }, 'query limit: must be a whole number, got 1.5'],
    ['a limit given as text', { limit: 'ten' }, 'query limit: must be a whole number, got "ten"'],
    ['a negative offset', { offset: -1 }, 'query offset: must be a whole number of at least 0, got -1'],
  ])('refuses %s, naming the parameter, the operation and the trace id', async (_case, query, message) => {
    const { kd, fetch } = clientWithSpy();
    const failure = await kd.GET(QUOTA_PATH, { params: { query: query as never } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KooDriveValidationError);
    const error = failure as KooDriveValidationError;
    expect(error.message.startsWith(`GetSpaceUsageByQuota: ${message} (trace id `)).toBe(true);
    expect(error.message).toMatch(/\(trace id [0-9a-f]{58}\)$/);
    expect(error).toMatchObject({ field: message.split(':')[0], operationId: 'GetSpaceUsageByQuota' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('lets valid values through', async () => {
    const { kd, fetch } = clientWithSpy();
    await kd.GET(QUOTA_PATH, { params: { query: { limit: 0, offset: 100 } } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([
    [{ retry: { maxRetries: -1 } }, 'retry.maxRetries: must be a whole number of at least 0, got -1'],
    [{ timeout: 0 }, 'timeout: must be a positive number of milliseconds, got 0'],
  ])('refuses call options %j', async (options, message) => {
    const { kd, fetch } = clientWithSpy();
    await expect(kd.GET(QUOTA_PATH, options as never)).rejects.toThrow(message);
    expect(fetch).not.toHaveBeenCalled();
  });
});
