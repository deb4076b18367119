import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { sampleFromPattern } from '../lib/pattern-sample.ts';
import { sampleFromSchema } from '../lib/schema-sample.ts';

const document = {
  components: {
    schemas: {
      Size: { type: ['integer', 'string'], format: 'int64', minimum: 0, pattern: '^[0-9]+$' },
      Folder: {
        type: 'object',
        required: ['name', 'children'],
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Folder' } },
        },
      },
    },
  },
};
const sample = (schema: object) => sampleFromSchema(document, schema);

describe('sampleFromSchema', () => {
  it('prefers what the schema documents: const, examples, example, default, enum', () => {
    expect(sample({ type: 'string', const: 'fixed' })).toBe('fixed');
    expect(sample({ type: 'integer', examples: [42, 7] })).toBe(42);
    expect(sample({ type: 'string', example: 'shown' })).toBe('shown');
    expect(sample({ type: 'integer', default: 100 })).toBe(100);
    expect(sample({ type: 'integer', enum: [3, 1, 2] })).toBe(3);
  });

  it('builds objects from their required properties only, following $refs', () => {
    expect(
      sample({
        type: 'object',
        required: ['size'],
        properties: { size: { $ref: '#/components/schemas/Size' }, note: { type: 'string' } },
      }),
    ).toEqual({ size: 1 });
  });

  it('keeps numbers within their bounds', () => {
    expect(sample({ type: 'integer', minimum: 5, maximum: 9 })).toBe(5);
    expect(sample({ type: 'integer', maximum: 0 })).toBe(0);
    expect(sample({ type: 'integer', exclusiveMinimum: 1 })).toBe(2);
    expect(() => sample({ type: 'integer', minimum: 5, maximum: 1 })).toThrow('no number lies between 5 and 1');
  });

  it('makes strings from patterns, formats and lengths', () => {
    expect(sample({ type: 'string', pattern: '^\\d{8}T\\d{6}Z$' })).toBe('00000000T000000Z');
    expect(sample({ type: 'string', format: 'date-time' })).toBe('2025-11-03T07:01:40Z');
    expect(sample({ type: 'string', minLength: 10 })).toHaveLength(10);
    expect(sample({ type: 'string', maxLength: 3 })).toHaveLength(3);
  });

  it('gives arrays one item, or minItems, or none when maxItems is 0', () => {
    expect(sample({ type: 'array', items: { type: 'boolean' } })).toEqual([true]);
    expect(sample({ type: 'array', minItems: 2, items: { type: 'integer' } })).toEqual([1, 1]);
    expect(sample({ type: 'array', maxItems: 0, items: { type: 'integer' } })).toEqual([]);
  });

  it('merges allOf and takes the first branch of oneOf', () => {
    expect(
      sample({
        allOf: [
          { type: 'object', required: ['code'], properties: { code: { type: 'integer', minimum: 0 } } },
          { type: 'object', required: ['name'], properties: { name: { type: 'string', enum: ['a'] } } },
        ],
      }),
    ).toEqual({ code: 1, name: 'a' });
    expect(sample({ oneOf: [{ type: 'boolean' }, { type: 'string' }] })).toBe(true);
  });

  it('stops recursive schemas', () => {
    const folder = sample({ $ref: '#/components/schemas/Folder' }) as { children: unknown[] };
    expect(JSON.stringify(folder).length).toBeLessThan(1000);
  });

  it('is deterministic, and what it builds the schema accepts', () => {
    const request = {
      type: 'object',
      required: ['size', 'limit', 'when', 'ids'],
      properties: {
        size: { $ref: '#/components/schemas/Size' },
        limit: { type: 'integer', minimum: 1, maximum: 100 },
        when: { type: 'string', pattern: '^\\d{8}T\\d{6}Z$' },
        ids: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[0-9]{19}$' } },
      },
    };
    const withRequest = { components: { schemas: { ...document.components.schemas, Request: request } } };
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(withRequest, 'doc');
    const value = sampleFromSchema(withRequest, request);
    expect(sampleFromSchema(withRequest, request)).toEqual(value);
    expect(ajv.validate({ $ref: 'doc#/components/schemas/Request' }, value)).toBe(true);
  });
});

describe('sampleFromPattern', () => {
  it.each([
    ['^[0-9]+$', '0'],
    ['^\\d+$', '0'],
    ['^(100|[1-9][0-9]?)$', '100'],
    ['^-?[0-9]+$', '0'],
    ['^[A-F]{2}-\\w{3}$', 'AA-aaa'],
    ['^(?:ab|cd)?x$', 'x'],
    ['^(?!\\.{1,2}$)(?=.*\\S)[^<>|:"*?/\\\\]+$', 'a'],
    ['^\\u0041\\.z$', 'A.z'],
  ])('%s → %s', (pattern, expected) => {
    expect(sampleFromPattern(pattern)).toBe(expected);
    expect(new RegExp(pattern, 'u').test(expected)).toBe(true);
  });

  it('refuses what it cannot build, naming the pattern', () => {
    expect(() => sampleFromPattern('^(a)\\1$')).toThrow(
      'cannot build a string for the pattern "^(a)\\\\1$": back-references',
    );
    expect(() => sampleFromPattern('^[a-z')).toThrow('a character class is not closed');
    expect(() => sampleFromPattern('^(?!x)x$')).toThrow('"x" does not match');
  });
});
