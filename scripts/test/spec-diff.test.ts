import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../lib/spec-diff.ts';

const quota = (overrides: Record<string, unknown> = {}) => ({
  parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
  responses: {
    '200': {
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              data: { type: 'array', items: { $ref: '#/components/schemas/Row' } },
            },
          },
        },
      },
    },
  },
  ...overrides,
});
const spec = (
  operation: Record<string, unknown>,
  row: Record<string, unknown> = { type: 'object', properties: { quota: { type: 'string' } } },
  more = {},
) => ({
  paths: { '/quota': { get: operation }, ...more },
  components: { schemas: { Row: row } },
});
const kinds = (before: object, after: object) =>
  diffSpecs(before, after).map(({ kind, where, what }) => `${kind}: ${where}: ${what}`);

describe('diffSpecs', () => {
  it('finds nothing between equal specs', () => {
    expect(kinds(spec(quota()), spec(quota()))).toEqual([]);
  });

  it('reads allOf members as part of the schema: a field moved into one is not removed, a required added beside one is', () => {
    const body = (items: Record<string, unknown>) =>
      quota({
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', properties: { parts: { type: 'array', items } } } },
          },
        },
      });
    const inline = { type: 'object', properties: { quota: { type: 'string' } } };
    const moved = { allOf: [{ $ref: '#/components/schemas/Row' }] };
    expect(kinds(spec(body(inline)), spec(body(moved)))).toEqual([]);
    expect(kinds(spec(body(moved)), spec(body({ ...moved, required: ['quota'] })))).toEqual([
      'breaking: GET /quota body.parts[].quota: now required',
    ]);
  });

  it('calls a response field that may now be absent breaking', () => {
    const row = (required: string[]) => ({ type: 'object', required, properties: { quota: { type: 'string' } } });
    expect(kinds(spec(quota(), row(['quota'])), spec(quota(), row([])))).toEqual([
      'breaking: GET /quota response.data[].quota: may now be absent',
    ]);
  });

  it('calls a new operation or optional parameter additive', () => {
    const after = spec(
      quota({ parameters: [...quota().parameters, { name: 'offset', in: 'query', schema: { type: 'integer' } }] }),
      undefined,
      {
        '/more': { post: quota() },
      },
    );
    expect(kinds(spec(quota()), after)).toEqual([
      'additive: POST /more: operation added',
      'additive: GET /quota query offset: parameter added',
    ]);
  });

  it.each([
    ['a removed operation', spec(quota()), { paths: {}, components: {} }, 'breaking: GET /quota: operation removed'],
    [
      'a removed parameter',
      spec(quota()),
      spec(quota({ parameters: [] })),
      'breaking: GET /quota query limit: parameter removed',
    ],
    [
      'a new required parameter',
      spec(quota()),
      spec(
        quota({
          parameters: [
            ...quota().parameters,
            { name: 'type', in: 'query', required: true, schema: { type: 'string' } },
          ],
        }),
      ),
      'breaking: GET /quota query type: new required parameter',
    ],
    [
      'an input type narrowed',
      spec(quota({ parameters: [{ name: 'limit', in: 'query', schema: { type: ['integer', 'string'] } }] })),
      spec(quota()),
      'breaking: GET /quota query limit: no longer accepts string',
    ],
    [
      'a response field removed, through a $ref',
      spec(quota()),
      spec(quota(), { type: 'object', properties: {} }),
      'breaking: GET /quota response.data[].quota: field removed',
    ],
    [
      'a response field that may now be another type',
      spec(quota()),
      spec(quota(), { type: 'object', properties: { quota: { type: ['string', 'integer'] } } }),
      'breaking: GET /quota response.data[].quota: may now be integer',
    ],
    [
      'a new required body field',
      spec(quota({ requestBody: { content: { 'application/json': { schema: { type: 'object', properties: {} } } } } })),
      spec(
        quota({
          requestBody: {
            content: {
              'application/json': {
                schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
              },
            },
          },
        }),
      ),
      'breaking: GET /quota body.name: new required field',
    ],
    [
      'an enum value dropped from an input',
      spec(quota({ parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', enum: [0, 1, 2] } }] })),
      spec(quota({ parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', enum: [0, 1] } }] })),
      'breaking: GET /quota query limit: enum lost [2]',
    ],
  ])('calls %s breaking', (_case, before, after, expected) => {
    expect(kinds(before, after)).toContain(expected);
  });
});
