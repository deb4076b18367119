import { describe, expect, it } from 'vitest';
import { packageEntries, publicExports } from '../lib/public-api.ts';

describe('the public API', () => {
  const exports = publicExports();

  it('is read from every entry of every package', () => {
    const entries = new Set(exports.map(({ entry }) => entry));
    expect([...entries].sort()).toEqual([...packageEntries().keys()].sort());
    expect([...entries]).toEqual(
      expect.arrayContaining(['@koodrive/client', '@koodrive/client/operations', '@koodrive/types']),
    );
    expect(exports.length).toBeGreaterThan(150);
  });

  it('has a TSDoc comment on every export', () => {
    const undocumented = exports.filter(({ documented }) => !documented).map(({ entry, name }) => `${entry}: ${name}`);
    expect(undocumented).toEqual([]);
  });
});
