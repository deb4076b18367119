const BIGINT_MARK = '\u0000bigint:';

/**
 * JSON.stringify that writes bigint values as plain JSON integers, so a handler can answer with
 * int64 values above 2^53 exactly as a Java service would.
 */
export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? `${BIGINT_MARK}${item}` : item));
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}
