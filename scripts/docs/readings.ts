/**
 * Recorded readings: where the spec departs from a page on purpose, written down in the spec
 * (`x-koodrive-readings` on an operation or a security scheme) with the reason, so that docs:check
 * does not report the same difference again and a reviewer sees why it is there.
 *
 * A reading covers the difference at its location and every difference below it
 * (`responses.200.data` covers `responses.200.data.type`).
 */

/** One reading: where, what the page says, what the spec has instead, and why. */
export interface Reading {
  at: string;
  documented: string;
  spec: string;
  why: string;
}

const LOCATION =
  /^(method|path|security|summary|x-koodrive-updated|parameters(\.(path|query|header)(\.[^.\s]+)?)?|requestBody(\.[^\s]+)?|responses\.\d{3}(\.[^\s]+)?)$/;

/**
 * Checks and returns the readings of an `x-koodrive-readings` value; `where` names its file or
 * scheme in errors. Throws on a malformed entry, naming it.
 */
export function parseReadings(value: unknown, where: string): Reading[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new Error(`${where}: x-koodrive-readings must be a list of {at, documented, spec, why}`);
  return value.map((entry, index) => {
    const problem = (what: string) => new Error(`${where}: x-koodrive-readings[${index}] ${what}`);
    if (!entry || typeof entry !== 'object') throw problem('must be an object with at, documented, spec and why');
    const reading = entry as Record<string, unknown>;
    for (const key of ['at', 'documented', 'spec', 'why']) {
      if (typeof reading[key] !== 'string' || (reading[key] as string).trim() === '')
        throw problem(`has no ${key} (a non-empty string)`);
    }
    if (!LOCATION.test(reading.at as string))
      throw problem(
        `at "${reading.at}" is not a location: method, path, security, summary, x-koodrive-updated, parameters[.<in>[.<name>]], requestBody[.<field>…] or responses.<status>[.<field>…]`,
      );
    return { at: reading.at, documented: reading.documented, spec: reading.spec, why: reading.why } as Reading;
  });
}

/** The first reading that covers a difference at `at` (the same location, or one above it). */
export function readingFor(at: string, readings: Reading[]): Reading | undefined {
  return readings.find((reading) => at === reading.at || at.startsWith(`${reading.at}.`));
}
