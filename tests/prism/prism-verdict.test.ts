/** How the harness reads Prism's verdicts: its header, and the error documents it answers with. */
import { describe, expect, it } from 'vitest';
import { readPrismVerdict } from './harness/prism-fetch.ts';

const problem = (body: object) =>
  [new Headers({ 'content-type': 'application/problem+json' }), JSON.stringify(body)] as const;

describe('readPrismVerdict', () => {
  it('reads the sl-violations header', () => {
    const header = JSON.stringify([
      { location: ['response', 'body', 'total'], severity: 'Error', code: 'minimum', message: 'must be >= 0' },
    ]);
    expect(readPrismVerdict(new Headers({ 'sl-violations': header }), '{}')).toEqual([
      { where: 'response.body.total', severity: 'Error', message: 'must be >= 0' },
    ]);
  });

  it('reports a header it cannot parse rather than dropping it', () => {
    const [violation] = readPrismVerdict(new Headers({ 'sl-violations': 'Too many violations! [{"loc' }), '');
    expect(violation).toMatchObject({ where: 'sl-violations', severity: 'Error' });
  });

  it('reads a refused request (422) as request violations', () => {
    const [headers, body] = problem({
      type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
      title: 'Invalid request',
      validation: [{ location: ['query', 'limit'], severity: 'Error', message: 'must be integer' }],
    });
    expect(readPrismVerdict(headers, body)).toEqual([
      { where: 'request.query.limit', severity: 'Error', message: 'UNPROCESSABLE_ENTITY: must be integer' },
    ]);
  });

  it('reads a refused credential (401) and other Prism errors without a list', () => {
    const [headers, body] = problem({
      type: 'https://stoplight.io/prism/errors#UNAUTHORIZED',
      title: 'Invalid security scheme used',
    });
    expect(readPrismVerdict(headers, body)).toEqual([
      { where: 'request', severity: 'Error', message: 'UNAUTHORIZED: Invalid security scheme used' },
    ]);
    const [otherHeaders, other] = problem({
      type: 'https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR',
      title: 'Route not resolved',
    });
    expect(readPrismVerdict(otherHeaders, other)).toEqual([
      { where: 'NO_PATH_MATCHED_ERROR', severity: 'Error', message: 'NO_PATH_MATCHED_ERROR: Route not resolved' },
    ]);
  });

  it('reports a response violation once when both the header and the error document carry it', () => {
    const listed = [{ location: ['response', 'body', 'total'], severity: 'Error', message: 'must be integer' }];
    const headers = new Headers({
      'content-type': 'application/problem+json',
      'sl-violations': JSON.stringify(listed),
    });
    const body = JSON.stringify({ type: 'https://stoplight.io/prism/errors#VIOLATIONS', validation: listed });
    expect(readPrismVerdict(headers, body)).toEqual([
      { where: 'response.body.total', severity: 'Error', message: 'must be integer' },
    ]);
  });

  it('finds nothing in a valid answer or in a problem document that is not Prism’s', () => {
    expect(readPrismVerdict(new Headers({ 'content-type': 'application/json' }), '{"code":0}')).toEqual([]);
    const [headers, body] = problem({ type: 'https://example.com/problem', title: 'not Prism' });
    expect(readPrismVerdict(headers, body)).toEqual([]);
  });
});
