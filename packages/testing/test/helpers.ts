export const QUOTA_PATH = '/koodrive/ose/v1/space/usage/quota';
export const TOKEN = 'c69b0f40334782d560bb154032cf22ef43d671843c4ffbad';

/** Headers a well-behaved KooDrive client sends, to be overridden one at a time. */
export function goodHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    authorization: `Bearer ${TOKEN}`,
    'x-user-id': '1505084218764547200',
    'x-date': '20251103T070140Z',
    'x-traceid': 'f'.repeat(58),
    language: 'en-US',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
