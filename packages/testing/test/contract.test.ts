/**
 * Contract: every example in the spec, every fixture and every factory output is valid against
 * the spec's own schemas. A fixture that drifts from the spec fails here.
 */
import { openapiDocument } from '@koodrive/types/openapi';
import { describe, expect, it } from 'vitest';
import { createSpecAjv, fixtures, makeSpaceQuotaUsage, makeSpaceQuotaUsageList } from '../src/index.js';

const ajv = createSpecAjv({ allErrors: true });

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Checks a value against the schema at a JSON pointer into the spec; returns ajv's complaints. */
function problems(schemaPointer: string, value: unknown): string[] {
  const validate = ajv.compile({ $ref: `koodrive#${schemaPointer}` });
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

interface Example {
  where: string;
  schemaPointer: string;
  value: unknown;
}

/** Finds every example in the document: schema `examples`, media type `examples`, parameter `example`. */
function examplesIn(node: unknown, pointer = ''): Example[] {
  if (typeof node !== 'object' || node === null) return [];
  const found: Example[] = [];
  const object = node as Record<string, unknown>;
  if (pointer.startsWith('/components/schemas/') && pointer.split('/').length === 4 && Array.isArray(object.examples)) {
    for (const [index, value] of object.examples.entries()) {
      found.push({ where: `${pointer}/examples/${index}`, schemaPointer: pointer, value });
    }
  }
  if (object.schema && object.examples && !Array.isArray(object.examples)) {
    for (const [name, example] of Object.entries(object.examples as Record<string, { value?: unknown }>)) {
      found.push({ where: `${pointer}/examples/${name}`, schemaPointer: `${pointer}/schema`, value: example.value });
    }
  }
  if (object.schema && 'example' in object) {
    found.push({ where: `${pointer}/example`, schemaPointer: `${pointer}/schema`, value: object.example });
  }
  for (const [key, child] of Object.entries(object))
    found.push(...examplesIn(child, `${pointer}/${escapePointer(key)}`));
  return found;
}

const examples = examplesIn(openapiDocument);
const quotaResponse = `/paths/${escapePointer('/koodrive/ose/v1/space/usage/quota')}/get/responses/200/content/application~1json/schema`;

describe('the spec’s examples', () => {
  it('include the documented request headers and responses', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.map((example) => example.where)).toContain(
      `/paths/${escapePointer('/koodrive/ose/v1/space/usage/quota')}/get/responses/200/content/application~1json/examples/documented`,
    );
  });

  it.each(examples.map((example) => [example.where, example] as const))('%s is valid', (_where, example) => {
    expect(problems(example.schemaPointer, example.value)).toEqual([]);
  });
});

describe('fixtures and factories', () => {
  it('the documented GetSpaceUsageByQuota response is a valid response', () => {
    expect(problems(quotaResponse, fixtures.GetSpaceUsageByQuota.documentedResponse)).toEqual([]);
  });

  it('the documented row is a valid SpaceQuotaUsage', () => {
    expect(problems('/components/schemas/SpaceQuotaUsage', fixtures.GetSpaceUsageByQuota.documentedRow)).toEqual([]);
  });

  it('factory rows and pages of them are valid', () => {
    const page = { code: 0, msg: 'success', data: makeSpaceQuotaUsageList(120), total: 120 };
    expect(problems(quotaResponse, page)).toEqual([]);
    expect(problems('/components/schemas/SpaceQuotaUsage', makeSpaceQuotaUsage({ totalUsed: 5 }))).toEqual([]);
  });

  it('the checks can fail: a row with a string total is refused', () => {
    expect(problems('/components/schemas/SpaceQuotaUsage', { quota: '1', totalUsed: 'lots' })).not.toEqual([]);
  });

  it('factory rows are realistic: used never exceeds capacity, capacity = allocations × quota in KB', () => {
    for (const row of makeSpaceQuotaUsageList(60)) {
      expect(Number(row.totalUsed)).toBeLessThanOrEqual(Number(row.totalCapacity));
      expect(Number(row.totalCapacity)).toBe(Number(row.totalAllocation) * Number(row.quota) * 1024 * 1024);
    }
  });
});
