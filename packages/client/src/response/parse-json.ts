// A number token of 16 digits or more with no fraction or exponent: only such a token can be an
// integer beyond 2^53. A number token starts the text or follows `:`, `[` or `,` (and white
// space). Digits inside strings can match too; they only cost the slower, exact path below.
const LONG_INTEGER = /(?:^|[:[,])\s*(-?\d{16,})(?![\d.eE])/g;

/** Whether the text shows an integer token beyond 2^53 (or a string that looks like one). */
function showsUnsafeInteger(text: string): boolean {
  LONG_INTEGER.lastIndex = 0;
  for (let match = LONG_INTEGER.exec(text); match !== null; match = LONG_INTEGER.exec(text)) {
    if (!Number.isSafeInteger(Number(match[1]))) return true;
  }
  return false;
}

// A JSON string (skipped as it is) or a number token; only whole numbers beyond 2^53 are rewritten.
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
// Marks a big integer turned string: written escaped in the JSON text, read back as a NUL character.
const BIGINT_MARK = '\u0000bigint:';
const BIGINT_MARK_IN_JSON = '\\u0000bigint:';

/**
 * JSON.parse, except that integers beyond Number.MAX_SAFE_INTEGER become bigint instead of losing
 * digits (KooDrive's int64 fields, such as capacities in KB, can exceed 2^53).
 *
 * A body that shows no integer token beyond 2^53 is plain JSON.parse (IDs of 19 digits are
 * strings in KooDrive's answers, so most bodies are). Otherwise its big integer tokens (never
 * digits inside strings, which the pattern consumes whole) become marked strings, revived as bigint.
 */
export function parseJsonLosslessly(text: string): unknown {
  if (!showsUnsafeInteger(text)) return JSON.parse(text);
  const marked = text.replace(STRING_OR_NUMBER, (token) =>
    /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${BIGINT_MARK_IN_JSON}${token}"` : token,
  );
  return JSON.parse(marked, (_key, item) =>
    typeof item === 'string' && item.startsWith(BIGINT_MARK) ? BigInt(item.slice(BIGINT_MARK.length)) : item,
  );
}
