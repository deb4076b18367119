/**
 * Remembers the last results of a pure function of a string: a test suite sends the same few
 * paths, with the same headers, over and over. At `limit` entries the memory starts again.
 */
export function remembered<T>(compute: (input: string) => T, limit = 512): (input: string) => T {
  const cache = new Map<string, T>();
  return (input) => {
    let output = cache.get(input);
    if (output === undefined) {
      output = compute(input);
      if (cache.size >= limit) cache.clear();
      cache.set(input, output);
    }
    return output;
  };
}
