import { describe, expect, it, vi } from 'vitest';
import { createKooDriveClient, type KooDriveClientOptions, KooDriveValidationError, servers } from '../src/index.js';

const valid: KooDriveClientOptions = { userId: '1505084218764547200', auth: { type: 'token', token: 'secret-token' } };

function creationError(options: Partial<KooDriveClientOptions> | Record<string, unknown>): KooDriveValidationError {
  try {
    createKooDriveClient({ ...valid, ...options } as KooDriveClientOptions);
  } catch (error) {
    if (error instanceof KooDriveValidationError) return error;
    throw error;
  }
  throw new Error('the client was created');
}

describe('createKooDriveClient refuses bad options at creation', () => {
  it.each([
    [{ userId: '' }, 'userId', 'userId: must not be empty'],
    [{ userId: '15050842\r\nX-Evil: 1' }, 'userId', 'userId: must not contain CR or LF'],
    [{ language: 'en-US\n' }, 'language', 'language: must not contain CR or LF'],
    [{ language: 'français' }, 'language', 'language: must be printable ASCII'],
    [{ baseUrl: 'intl.myhuaweicloud-koodrive.com' }, 'baseUrl', 'baseUrl: must be an absolute https URL'],
    [{ baseUrl: 'ftp://example.com' }, 'baseUrl', 'baseUrl: must be an absolute https URL'],
    [{ auth: undefined }, 'auth', 'auth: is required'],
    [{ auth: { type: 'oauth' } }, 'auth.type', "auth.type: must be 'token'"],
    [{ auth: { type: 'token' } }, 'auth.token', 'auth.token: is missing'],
    [{ auth: { type: 'token', token: '' } }, 'auth.token', 'auth.token: is missing'],
    [{ auth: { type: 'token', token: 'abc\r\n' } }, 'auth.token', 'auth.token: must not contain CR or LF'],
    [{ auth: { type: 'token', token: 't', format: 'basic' } }, 'auth.format', 'auth.format: must be'],
    [{ headers: { 'X-Extra': 'a\nb' } }, 'headers.X-Extra', 'headers.X-Extra: must not contain CR or LF'],
  ])('%j → %s', (options, field, message) => {
    const error = creationError(options);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  it('never repeats the token in the error', () => {
    const error = creationError({ auth: { type: 'token', token: 'secret\ntoken' } });
    expect(error.message).not.toContain('secret');
  });

  it('defaults to the international endpoint', async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ code: 0, msg: 'success' }));
    await createKooDriveClient({ ...valid, fetch }).GET('/koodrive/ose/v1/space/usage/quota');
    expect(fetch.mock.calls[0]?.[0].url).toBe(`${servers.intl}/koodrive/ose/v1/space/usage/quota`);
  });
});

describe('bad request input is refused before anything is sent', () => {
  it.each([
    [
      'a trace ID of the wrong length',
      { 'X-Traceid': 'abc' },
      'header X-Traceid: must be exactly 58 characters, got 3',
    ],
    ['a user ID with a line break', { 'X-User-Id': '1\r\nHost: evil' }, 'header X-User-Id'],
  ])('%s', async (_case, header, message) => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ code: 0, msg: 'success' }));
    const kd = createKooDriveClient({ ...valid, fetch });
    await expect(kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { header } })).rejects.toThrow(message);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a token function that returns a broken token, without repeating it', async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ code: 0, msg: 'success' }));
    const kd = createKooDriveClient({ ...valid, fetch, auth: { type: 'token', token: () => 'leak\r\nme' } });
    const failure = await kd.GET('/koodrive/ose/v1/space/usage/quota').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KooDriveValidationError);
    expect(String(failure)).not.toContain('leak');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('raw headers given per request', () => {
  it('are checked by name before anything is sent', async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ code: 0, msg: 'success' }));
    const kd = createKooDriveClient({ ...valid, fetch });
    await expect(kd.GET('/koodrive/ose/v1/space/usage/quota', { headers: { 'X-Custom': 'x\r\ny' } })).rejects.toThrow(
      'headers X-Custom: must not contain CR or LF',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('may not name a header the client manages, in any letter case', async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ code: 0, msg: 'success' }));
    const kd = createKooDriveClient({ ...valid, fetch });
    const sent = (headers: Record<string, string>) =>
      kd.GET('/koodrive/ose/v1/space/usage/quota', { headers } as never);
    await expect(sent({ 'x-traceid': 'c'.repeat(58) })).rejects.toThrow(
      "headers x-traceid: is set by the client; raw headers cannot replace it (use params.header['X-Traceid'])",
    );
    await expect(sent({ 'X-User-ID': '42' })).rejects.toThrow("params.header['X-User-Id']");
    await expect(sent({ authorization: 'Bearer other' })).rejects.toThrow('raw headers cannot replace it');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('carries the trace ID and the user through params.header, spelled as documented', async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json({ code: 0, msg: 'success' }));
    const kd = createKooDriveClient({ ...valid, fetch });
    const { traceId } = await kd.GET('/koodrive/ose/v1/space/usage/quota', {
      params: { header: { 'X-Traceid': 'c'.repeat(58), 'X-User-Id': '42' } },
    });
    expect(traceId).toBe('c'.repeat(58));
    expect(fetch.mock.calls[0]?.[0].headers.get('X-Traceid')).toBe('c'.repeat(58));
    expect(fetch.mock.calls[0]?.[0].headers.get('X-User-Id')).toBe('42');
    await expect(
      kd.GET('/koodrive/ose/v1/space/usage/quota', { params: { header: { 'X-User-ID': '42' } } } as never),
    ).rejects.toThrow('header X-User-ID: is spelled X-User-Id in the spec');
  });
});
