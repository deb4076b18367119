const BIGINT_MARK = '\u0000bigint:';

/**
 * JSON.stringify that writes bigint values as plain JSON integers, so a handler can answer with
 * int64 values above 2^53 exactly as a Java service would.
 */
export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? `${BIGINT_MARK}${item}` : item));
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

// A JSON string (kept as it is) or a number token.
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const BIG_MARK = '\u0000big:';

/**
 * JSON.parse that reads integers beyond 2^53 as bigint, so that a handler sees an int64 request
 * field with all its digits (JSON.parse would round 9007199254740993 to …992).
 */
export function parseJsonExactly(text: string): unknown {
  let big = false;
  const marked = text.replace(STRING_OR_NUMBER, (token) => {
    if (token.startsWith('"') || !/^-?\d{16,}$/.test(token) || Number.isSafeInteger(Number(token))) return token;
    big = true;
    return `"\\u0000big:${token}"`;
  });
  if (!big) return JSON.parse(text);
  return JSON.parse(marked, (_key, value) =>
    typeof value === 'string' && value.startsWith(BIG_MARK) ? BigInt(value.slice(BIG_MARK.length)) : value,
  );
}
