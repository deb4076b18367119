import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTokenAuthorization, formatXDate, generateTraceId, TRACE_ID_LENGTH } from '../src/index.js';

describe('formatXDate', () => {
  it('writes UTC as yyyyMMddTHHmmssZ, dropping milliseconds', () => {
    expect(formatXDate(new Date('2025-11-03T07:01:40.999Z'))).toBe('20251103T070140Z');
  });

  it('always matches the documented pattern and reads back to the same second', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (date) => {
          const xDate = formatXDate(date);
          expect(xDate).toMatch(/^\d{8}T\d{6}Z$/);
          const iso = xDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
          expect(Date.parse(iso)).toBe(Math.floor(date.getTime() / 1000) * 1000);
        },
      ),
    );
  });
  it('formats each second once, and again for the next', () => {
    expect(formatXDate(new Date('2025-11-03T07:01:40.001Z'))).toBe('20251103T070140Z');
    expect(formatXDate(new Date('2025-11-03T07:01:40.999Z'))).toBe('20251103T070140Z');
    expect(formatXDate(new Date('2025-11-03T07:01:41.000Z'))).toBe('20251103T070141Z');
    expect(formatXDate(new Date('2025-11-03T07:01:40.500Z'))).toBe('20251103T070140Z');
    expect(() => formatXDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('generateTraceId', () => {
  it('makes 58 lower-case hex characters, different each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, generateTraceId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(new RegExp(`^[0-9a-f]{${TRACE_ID_LENGTH}}$`));
  });
});

describe('formatTokenAuthorization', () => {
  it('adds the chosen scheme to a bare token and never doubles one', () => {
    expect(formatTokenAuthorization('abc')).toBe('Bearer abc');
    expect(formatTokenAuthorization('abc', 'bearer-plus')).toBe('Bearer+abc');
    expect(formatTokenAuthorization('abc', 'bare')).toBe('abc');
    expect(formatTokenAuthorization('bearer abc', 'bearer-plus')).toBe('bearer abc');
    expect(formatTokenAuthorization('AT+abc')).toBe('AT+abc');
  });
});
