import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../src/generated/document.js';
import { documentationDate, operationIndex, specVersion } from '../src/index.js';

type Operation = { operationId?: string; tags?: string[] };
const paths = openapiDocument.paths as Record<string, Record<string, Operation>>;

describe('@koodrive/types at run time', () => {
  it('indexes every operation of the spec by operationId, with its method and path', () => {
    const fromSpec = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
        .map(([method, operation]) => [operation.operationId, method.toUpperCase(), path]),
    );
    const fromIndex = Object.entries(operationIndex).map(([id, { method, path }]) => [id, method, path]);
    expect(fromIndex.sort()).toEqual(fromSpec.sort());
    expect(operationIndex.GetSpaceUsageByQuota).toMatchObject({ method: 'GET', tag: 'Space Management' });
  });

  it('records the spec version and the date of the reference it was transcribed from', () => {
    const info = openapiDocument.info as Record<string, unknown>;
    expect(specVersion).toBe(info.version);
    expect(documentationDate).toBe(info['x-koodrive-documentation-date']);
    expect(documentationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
