/**
 * Refusals of the mock's storage endpoint, written as S3 writes them: an XML `<Error>` with a
 * `Code` and a `Message` (and the details S3 adds for some codes), so that a client that handles
 * real object storage handles the mock the same way.
 */

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** An S3-style error response: `status`, `<Code>`, `<Message>` and extra elements in order. */
export function s3Error(
  status: number,
  code: string,
  message: string,
  extra: Record<string, string | number> = {},
  date = new Date(),
): Response {
  const details = Object.entries(extra)
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join('');
  const requestId = Math.floor(Math.random() * 0xffffffff)
    .toString(16)
    .toUpperCase()
    .padStart(8, '0');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${details}<RequestId>MOCK${requestId}</RequestId></Error>`;
  return new Response(body, {
    status,
    headers: {
      'content-type': 'application/xml',
      'content-length': String(new TextEncoder().encode(body).length),
      date: date.toUTCString(),
    },
  });
}

/** S3's message for a signature that does not match. */
export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
