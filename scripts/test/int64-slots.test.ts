import { describe, expect, it } from 'vitest';
import { declaresInt64, int64Slots, valueAt, withBigIntegers } from '../lib/int64-slots.ts';

const document = {
  components: {
    schemas: {
      Size: { type: ['integer', 'string'], format: 'int64', minimum: 0 },
      Row: {
        type: 'object',
        properties: {
          used: { $ref: '#/components/schemas/Size' },
          name: { type: 'string' },
          delta: { type: 'integer', format: 'int64' },
        },
      },
      Envelope: { type: 'object', properties: { code: { type: 'integer' }, msg: { type: 'string' } } },
    },
  },
};
const page = {
  allOf: [
    { $ref: '#/components/schemas/Envelope' },
    {
      type: 'object',
      properties: {
        total: { type: 'integer', format: 'int64' },
        data: {
          oneOf: [{ type: 'array', items: { $ref: '#/components/schemas/Row' } }, { $ref: '#/components/schemas/Row' }],
        },
      },
    },
  ],
};

describe('int64Slots', () => {
  it('finds int64 fields through allOf, oneOf, arrays and $refs, present or left out', () => {
    const body = {
      code: 0,
      msg: 'ok',
      data: [
        { used: '12', name: 'a' },
        { name: 'b', delta: 3 },
      ],
    };
    expect(int64Slots(document, page, body)).toEqual([
      { path: ['total'] },
      { path: ['data', 0, 'used'], minimum: 0 },
      { path: ['data', 0, 'delta'] },
      { path: ['data', 1, 'used'], minimum: 0 },
      { path: ['data', 1, 'delta'] },
    ]);
  });

  it('follows the oneOf branch that fits the value', () => {
    expect(int64Slots(document, page, { code: 0, data: { name: 'one' } }).map((slot) => slot.path)).toEqual([
      ['total'],
      ['data', 'used'],
      ['data', 'delta'],
    ]);
  });

  it('finds nothing where nothing is int64', () => {
    expect(int64Slots(document, { $ref: '#/components/schemas/Envelope' }, { code: 0, msg: 'ok' })).toEqual([]);
    expect(declaresInt64(document, { $ref: '#/components/schemas/Envelope' })).toBe(false);
    expect(declaresInt64(document, page)).toBe(true);
  });
});

describe('withBigIntegers', () => {
  it('writes each slot as an exact JSON integer, cycling the values', () => {
    const body = { total: 1, data: [{ used: '1' }, { used: '2' }], note: 'int64-0' };
    const slots = [{ path: ['total'] }, { path: ['data', 0, 'used'] }, { path: ['data', 1, 'used'] }];
    const text = withBigIntegers(body, slots, [9007199254740993n, -9223372036854775808n]);
    expect(text).toBe(
      '{"total":9007199254740993,"data":[{"used":-9223372036854775808},{"used":9007199254740993}],"note":"int64-0"}',
    );
    expect(body.total).toBe(1);
    expect(() => withBigIntegers(body, slots, [])).toThrow('at least one value');
  });

  it('valueAt reads a path', () => {
    expect(valueAt({ a: [{ b: 5n }] }, ['a', 0, 'b'])).toBe(5n);
    expect(valueAt({ a: null }, ['a', 'b'])).toBeUndefined();
  });
});
