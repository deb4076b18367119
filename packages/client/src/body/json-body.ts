/**
 * JSON for request bodies, exact for int64: a bigint is written as a JSON number with all its
 * digits (JSON.stringify throws on bigint). Bodies without one take JSON.stringify's path alone.
 * The client loads this only for a body JSON.stringify refused.
 */
export function stringifyJsonBody(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError) || !holdsBigint(value, new Set())) throw error;
    return writeJson(value, '') ?? 'null';
  }
}

function holdsBigint(value: unknown, seen: Set<object>): boolean {
  if (typeof value === 'bigint') return true;
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((item) => holdsBigint(item, seen));
}

/** JSON.stringify's rules (toJSON, undefined and functions skipped or null in arrays), plus bigint. */
function writeJson(value: unknown, key: string): string | undefined {
  let current = value;
  if (typeof current === 'object' && current !== null && typeof (current as { toJSON?: unknown }).toJSON === 'function')
    current = (current as { toJSON(key: string): unknown }).toJSON(key);
  if (typeof current === 'bigint') return current.toString();
  if (typeof current !== 'object' || current === null) return JSON.stringify(current);
  if (Array.isArray(current))
    return `[${current.map((item, index) => writeJson(item, String(index)) ?? 'null').join(',')}]`;
  const members: string[] = [];
  for (const [name, item] of Object.entries(current)) {
    const written = writeJson(item, name);
    if (written !== undefined) members.push(`${JSON.stringify(name)}:${written}`);
  }
  return `{${members.join(',')}}`;
}
