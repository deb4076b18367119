/**
 * What a storage endpoint's refusal says. Object storage (S3, OBS, the mock) answers errors with
 * XML: `<Error><Code>AccessDenied</Code><Message>Request has expired</Message>…</Error>`.
 */

/** The code and message of a storage error body; what could not be read is left out. */
export interface StorageRefusal {
  code?: string;
  message?: string;
}

const tag = (xml: string, name: string) => {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return match?.[1]?.trim() || undefined;
};

/** Reads a refusal's body (its first 4 kB) and frees the connection. */
export async function readRefusal(response: Response): Promise<StorageRefusal> {
  let text = '';
  try {
    text = (await response.text()).slice(0, 4096);
  } catch {
    // A body cut short says nothing more than the status.
  }
  const refusal: StorageRefusal = {};
  const code = tag(text, 'Code');
  const message = tag(text, 'Message');
  if (code) refusal.code = code;
  if (message) refusal.message = message;
  return refusal;
}

/** Whether a refusal says the presigned URL has expired (S3: 403 AccessDenied "Request has expired"). */
export function isExpiredUrl(status: number, refusal: StorageRefusal): boolean {
  return status === 403 && /expired/i.test(`${refusal.code ?? ''} ${refusal.message ?? ''}`);
}

/** When a presigned URL's own query says it expires (X-Amz-Date + X-Amz-Expires), in ms; undefined when it does not say. */
export function urlExpiry(url: string): number | undefined {
  let query: URLSearchParams;
  try {
    query = new URL(url).searchParams;
  } catch {
    return undefined;
  }
  const date = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(query.get('X-Amz-Date') ?? '');
  const expires = Number(query.get('X-Amz-Expires'));
  if (!date || !Number.isFinite(expires) || expires <= 0) return undefined;
  const [, year, month, day, hour, minute, second] = date.map(Number) as number[];
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second) + expires * 1000;
}
