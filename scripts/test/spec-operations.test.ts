import { describe, expect, it } from 'vitest';
import { listOperations } from '../lib/spec-operations.ts';

const document = {
  security: [{ kooDriveToken: [] }],
  components: {
    parameters: {
      XUserId: { name: 'X-User-Id', in: 'header', required: true, schema: { type: 'string' }, example: '1' },
    },
    responses: {
      BadRequest: {
        content: {
          'application/json': {
            schema: { type: 'object' },
            examples: { failed: { value: { code: 13000102, msg: 'parameter validation failed' } } },
          },
        },
      },
    },
  },
  paths: {
    '/space/{ownerId}': {
      parameters: [{ name: 'ownerId', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'GetSpace',
        parameters: [
          { $ref: '#/components/parameters/XUserId' },
          { name: 'type', in: 'query', required: true, schema: { type: 'integer' }, examples: { one: { value: 1 } } },
        ],
        responses: {
          '200': { content: { 'application/json': { schema: { type: 'object' } } } },
          '400': { $ref: '#/components/responses/BadRequest' },
        },
      },
      delete: {
        operationId: 'DeleteSpace',
        security: [],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '204': { description: 'no body' } },
      },
    },
  },
};

describe('listOperations', () => {
  it('lists every operation with its parameters, body, JSON responses and security', () => {
    const [get, remove] = listOperations(document);
    expect(get).toMatchObject({
      operationId: 'GetSpace',
      method: 'GET',
      path: '/space/{ownerId}',
      security: [['kooDriveToken']],
      parameters: [
        { name: 'ownerId', in: 'path', required: true },
        { name: 'X-User-Id', in: 'header', required: true, example: '1' },
        { name: 'type', in: 'query', required: true, example: 1 },
      ],
    });
    expect(Object.keys(get?.responses ?? {})).toEqual(['200', '400']);
    expect(get?.responses['400']?.examples).toEqual({ failed: { code: 13000102, msg: 'parameter validation failed' } });
    expect(remove).toMatchObject({
      operationId: 'DeleteSpace',
      method: 'DELETE',
      security: [],
      requestBody: { required: true },
    });
    expect(remove?.responses).toEqual({});
  });

  it('refuses an operation without an operationId, naming it', () => {
    expect(() => listOperations({ paths: { '/x': { post: { responses: {} } } } })).toThrow(
      'POST /x has no operationId',
    );
  });
});
