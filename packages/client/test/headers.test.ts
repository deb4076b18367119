import { describe, expect, it, vi } from 'vitest';
import { clientFor, onlyRequest, QUOTA_PATH, TOKEN, USER_ID, useMockKooDrive } from './helpers.js';

const context = useMockKooDrive();
const fixedClock = () => new Date('2025-11-03T07:01:40.999Z');

describe('what GetSpaceUsageByQuota puts on the wire', () => {
  it('sends the documented path and the query parameters it was given', async () => {
    const kd = clientFor(context.mock);
    await kd.GET(QUOTA_PATH, { params: { query: { limit: 10, offset: 20 } } });
    const { method, url } = onlyRequest(context.mock);
    expect(method).toBe('GET');
    expect(url.pathname).toBe('/koodrive/ose/v1/space/usage/quota');
    expect(url.searchParams.get('limit')).toBe('10');
    expect(url.searchParams.get('offset')).toBe('20');
  });

  it('sends X-User-Id, X-Date from the clock, a 58-character X-Traceid and language en-US', async () => {
    const kd = clientFor(context.mock, { clock: fixedClock });
    const result = await kd.GET(QUOTA_PATH);
    const { headers } = onlyRequest(context.mock);
    expect(headers['x-user-id']).toBe(USER_ID);
    expect(headers['x-date']).toBe('20251103T070140Z');
    expect(headers['x-traceid']).toMatch(/^[0-9a-f]{58}$/);
    expect(headers.language).toBe('en-US');
    expect(result.traceId).toBe(headers['x-traceid']);
  });

  it('sends Host as the URL authority, with the port, as app authentication signs it', async () => {
    await clientFor(context.mock).GET(QUOTA_PATH);
    expect(onlyRequest(context.mock).headers.host).toBe(new URL(context.mock.url).host);
  });

  it('makes a new trace ID for every call', async () => {
    const kd = clientFor(context.mock);
    await kd.GET(QUOTA_PATH);
    await kd.GET(QUOTA_PATH);
    const [first, second] = context.mock.requests.map((request) => request.headers['x-traceid']);
    expect(first).not.toBe(second);
  });

  it('uses the trace ID, language and user the caller sets on one request', async () => {
    const traceId = 'a'.repeat(58);
    const kd = clientFor(context.mock, { language: 'zh-CN' });
    await kd.GET(QUOTA_PATH, { params: { header: { 'X-Traceid': traceId, 'X-User-Id': '42' } } });
    const { headers } = onlyRequest(context.mock);
    expect(headers['x-traceid']).toBe(traceId);
    expect(headers['x-user-id']).toBe('42');
    expect(headers.language).toBe('zh-CN');
  });

  it('takes trace IDs from a generator given to the client', async () => {
    const kd = clientFor(context.mock, { traceId: () => 'b'.repeat(58) });
    await kd.GET(QUOTA_PATH);
    expect(onlyRequest(context.mock).headers['x-traceid']).toBe('b'.repeat(58));
  });
});

describe('token authorization forms', () => {
  it.each([
    ['bearer', `Bearer ${TOKEN}`],
    ['bearer-plus', `Bearer+${TOKEN}`],
    ['bare', TOKEN],
  ] as const)('writes format %s as %s', async (format, expected) => {
    const kd = clientFor(context.mock, { auth: { type: 'token', token: TOKEN, format } });
    const { error } = await kd.GET(QUOTA_PATH);
    expect(error).toBeUndefined();
    expect(onlyRequest(context.mock).headers.authorization).toBe(expected);
  });

  it('defaults to Bearer with a space', async () => {
    await clientFor(context.mock).GET(QUOTA_PATH);
    expect(onlyRequest(context.mock).headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it.each([`Bearer+${TOKEN}`, `Bearer ${TOKEN}`, `AT+${TOKEN}`])(
    'sends a token that carries its scheme (%s) as is',
    async (token) => {
      const kd = clientFor(context.mock, { auth: { type: 'token', token, format: 'bearer' } });
      await kd.GET(QUOTA_PATH);
      expect(onlyRequest(context.mock).headers.authorization).toBe(token);
    },
  );

  it('calls a token function for every request', async () => {
    const token = vi.fn(async () => TOKEN);
    const kd = clientFor(context.mock, { auth: { type: 'token', token } });
    await kd.GET(QUOTA_PATH);
    await kd.GET(QUOTA_PATH);
    expect(token).toHaveBeenCalledTimes(2);
    expect(context.mock.requests.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('gets 401 as a typed error for a token the service refuses', async () => {
    const kd = clientFor(context.mock, { auth: { type: 'token', token: 'not-the-token' } });
    const { error } = await kd.GET(QUOTA_PATH);
    expect(error?.status).toBe(401);
    expect(error?.message).not.toContain('not-the-token');
  });
});
