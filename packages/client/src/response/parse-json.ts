/** Whether a parsed value holds a number beyond 2^53, which JSON.parse may have rounded. */
function holdsUnsafeNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isSafeInteger(value) && Number.isInteger(value);
  if (typeof value !== 'object' || value === null) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (holdsUnsafeNumber(item)) return true;
  return false;
}

// Where a number token of 16 digits or more could start: only such a token can exceed 2^53, and a
// number token starts the text or follows `:`, `[` or `,`. Digits inside strings can match too;
// they only cost the slower, exact path below.
const LONG_NUMBER = /(?:^|[:[,])\s*-?\d{16}/;
// A JSON string (skipped as it is) or a number token; only whole numbers beyond 2^53 are rewritten.
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
// Marks a big integer turned string: written escaped in the JSON text, read back as a NUL character.
const BIGINT_MARK = '\u0000bigint:';
const BIGINT_MARK_IN_JSON = '\\u0000bigint:';

/**
 * JSON.parse, except that integers beyond Number.MAX_SAFE_INTEGER become bigint instead of losing
 * digits (KooDrive's int64 fields, such as capacities in KB, can exceed 2^53).
 *
 * A body without a run of 16 digits where a number could be is plain JSON.parse. Otherwise
 * JSON.parse reads it first: an integer beyond 2^53 always parses to a whole number beyond 2^53,
 * so only a body that shows one is read again: its big integer tokens (never digits inside
 * strings, which the pattern consumes whole) become marked strings, revived as bigint.
 */
export function parseJsonLosslessly(text: string): unknown {
  if (!LONG_NUMBER.test(text)) return JSON.parse(text);
  const value: unknown = JSON.parse(text);
  if (!holdsUnsafeNumber(value)) return value;
  const marked = text.replace(STRING_OR_NUMBER, (token) =>
    /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${BIGINT_MARK_IN_JSON}${token}"` : token,
  );
  return JSON.parse(marked, (_key, item) =>
    typeof item === 'string' && item.startsWith(BIGINT_MARK) ? BigInt(item.slice(BIGINT_MARK.length)) : item,
  );
}
