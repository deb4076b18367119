/**
 * The mock never contradicts itself: a resource created through one operation reads back the same
 * through every operation that returns it (values compared, whatever type each table gives a field).
 */
import { describe, expect, it } from 'vitest';
import { createMockKooDrive, makeMockState } from '../src/index.js';
import { goodHeaders } from './helpers.js';

const BASE = 'https://intl.myhuaweicloud-koodrive.com/koodrive/ose';
const mockClock = () => new Date('2025-11-03T07:01:40Z');

async function call(mock: ReturnType<typeof createMockKooDrive>, method: string, path: string, body?: unknown) {
  const response = await mock.handle(
    new Request(`${BASE}${path}`, {
      method,
      headers: { ...goodHeaders(), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }),
  );
  const json = (await response.json()) as { code: number; data?: unknown; [key: string]: unknown };
  expect(json.code, `${method} ${path}: ${JSON.stringify(json)}`).toBe(0);
  return json;
}

/** The fields two views of a resource share, as text, so that 100 and "100" compare equal. */
function shared(a: Record<string, unknown>, b: Record<string, unknown>) {
  const keys = Object.keys(a).filter((key) => key in b && a[key] !== undefined && b[key] !== undefined);
  const asText = (view: Record<string, unknown>) => Object.fromEntries(keys.map((key) => [key, String(view[key])]));
  return [asText(a), asText(b), keys] as const;
}

describe('a space created by CreateSpace', () => {
  it('reads back the same through GetSpace, GetSpaceByContainerID, batchGetSpace and GetSpaceV2', async () => {
    const mock = createMockKooDrive({ state: makeMockState(), clock: mockClock });
    const ownerId = '1505084218764547999';
    const created = (await call(mock, 'POST', `/v1/space/${ownerId}`, { type: 1, capacity: 100 })).data as Record<
      string,
      unknown
    >;
    const containerId = String(created.containerId);
    const views: [string, Record<string, unknown>][] = [
      ['GetSpace', (await call(mock, 'GET', `/v1/space/${ownerId}?type=1`)).data as Record<string, unknown>],
      [
        'GetSpaceByContainerID',
        (await call(mock, 'GET', `/v1/space/container/${containerId}`)).data as Record<string, unknown>,
      ],
      [
        'batchGetSpace',
        (
          (await call(mock, 'GET', `/v1/space/batchGetSpace?ownerId=${ownerId}&type=1`)).data as Record<
            string,
            unknown
          >[]
        )[0] ?? {},
      ],
      [
        'GetSpaceV2',
        ((await call(mock, 'GET', `/v2/space/${ownerId}?type=1`)).data as Record<string, unknown>[])[0] ?? {},
      ],
    ];
    for (const [operation, view] of views) {
      const [fromCreate, fromRead, keys] = shared(created, view);
      expect(keys, operation).toEqual(expect.arrayContaining(['ownerId', 'containerId', 'bizRootFileId', 'capacity']));
      expect(fromRead, operation).toEqual(fromCreate);
    }
  });
});

describe('a group space created by CreateGroupSpace', () => {
  it('reads back through GetGroupSpaceList and GetSpace', async () => {
    const mock = createMockKooDrive({ state: makeMockState(), clock: mockClock });
    const created = await call(mock, 'POST', '/v1/space/group', { name: 'readers', capacity: 30, addGroupUsers: [] });
    const id = String(created.id);
    const list = (await call(mock, 'GET', '/v1/space/groupList?offset=0&limit=100')).groups as Record<
      string,
      unknown
    >[];
    const listed = list.find((group) => group.id === id);
    expect(listed).toBeDefined();
    const space = (await call(mock, 'GET', `/v1/space/${id}?type=2`)).data as Record<string, unknown>;
    expect(String(space.capacity)).toBe('30');
    expect(String(listed?.capacity)).toBe('30');
    expect(space.containerId).toBe(listed?.containerId);
  });
});
