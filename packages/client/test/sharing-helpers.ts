/**
 * What the sharing tests share: a mock KooDrive with an organization and a clock the tests move,
 * clients acting as three of its users, and an upload through the mock (createFile, a PUT of the
 * one part to the storage URL, completeFile), as any client would do it.
 */
import { createSpecAjv, makeMockState, type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import { operationIndex } from '@koodrive/types';
import { afterAll, beforeAll } from 'vitest';
import { completeFile, createFile } from '../src/generated/operations/index.js';
import { createKooDriveClient, type KooDriveClient, unwrap } from '../src/index.js';
import { TOKEN } from './helpers.js';

/** User 1 of the mock's organization (makeMockState), who shares. */
export const OWNER = '1505084200000000000';
/** User 2, whom shares name. */
export const RECIPIENT = '1505084200000000001';
/** User 3, whom no share names. */
export const OUTSIDER = '1505084200000000002';

/** The API groups of issue 16 (operationIndex tags). */
export const SHARING_GROUPS = [
  'Sharing - Shared by You',
  'Sharing - Shared with You',
  'Sharing - Access Links',
  'Collaboration Portal',
  'Message Notification',
];

const ajv = createSpecAjv({ allErrors: true });
const sharingOperations = Object.entries(operationIndex)
  .filter(([, facts]) => SHARING_GROUPS.includes(facts.tag))
  .map(([operationId, facts]) => ({
    operationId,
    method: facts.method,
    pattern: new RegExp(`^${facts.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    validate: ajv.compile({
      $ref: `koodrive#/paths/${facts.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${facts.method.toLowerCase()}/responses/200/content/application~1json/schema`,
    }),
  }));

/**
 * A fetch that checks every 200 answer of the five groups against the spec's response schema,
 * recording what does not fit: the mock's answers must be what a client typed by the spec expects.
 */
function schemaCheckingFetch(problems: string[]) {
  return async (request: Request, init?: { signal?: AbortSignal }) => {
    const response = await fetch(request, init);
    const path = new URL(request.url).pathname;
    // Literal paths first: /share/received must not be read as /share/{shareId}.
    const candidates = sharingOperations.filter((op) => op.method === request.method && op.pattern.test(path));
    const operation = candidates.find((op) => !op.pattern.source.includes('[^/]+')) ?? candidates[0];
    if (operation && response.status === 200) {
      const body = JSON.parse(await response.clone().text());
      if (!operation.validate(body)) {
        problems.push(`${operation.operationId}: ${ajv.errorsText(operation.validate.errors)}`);
      }
    }
    return response;
  };
}

/** The mock, its clock (ms; tests move it) and a client per user. */
export interface SharingWorld {
  mock: RunningMockKooDrive;
  /** Answers of the five groups that did not fit the spec's response schemas. */
  responseProblems: string[];
  clock: { now: number };
  owner: KooDriveClient;
  recipient: KooDriveClient;
  outsider: KooDriveClient;
  clientAs(userId: string): KooDriveClient;
}

/** Starts the mock for a test file and stops it after. */
export function useSharingWorld(): SharingWorld {
  const world = {
    clock: { now: Date.parse('2026-03-02T09:00:00Z') },
    responseProblems: [] as string[],
  } as SharingWorld;
  beforeAll(async () => {
    world.mock = await startMockKooDrive({
      tokens: [TOKEN],
      state: makeMockState(),
      clock: () => new Date(world.clock.now),
    });
    world.clientAs = (userId) =>
      createKooDriveClient({
        baseUrl: world.mock.url,
        userId,
        auth: { type: 'token', token: TOKEN },
        retry: { baseDelayMs: 1, maxDelayMs: 2 },
        fetch: schemaCheckingFetch(world.responseProblems),
      });
    world.owner = world.clientAs(OWNER);
    world.recipient = world.clientAs(RECIPIENT);
    world.outsider = world.clientAs(OUTSIDER);
  });
  afterAll(() => world.mock.close());
  // Checked after each test file's last test (in afterAll, so a failure names the file).
  afterAll(() => {
    if (world.responseProblems.length > 0)
      throw new Error(`answers outside the spec:\n${world.responseProblems.join('\n')}`);
  });
  return world;
}

/** Uploads a file to a folder of the caller's (`root` of their individual space by default); answers its IDs. */
export async function upload(
  kd: KooDriveClient,
  fileName: string,
  content: string,
  parentFolder = 'root',
): Promise<{ fileId: string; containerId: string }> {
  const bytes = new TextEncoder().encode(content);
  const created = await unwrap(
    createFile(kd, { body: { fileName, fileType: '45', parentFolder: [parentFolder], length: bytes.length } }),
  );
  const part = created.multiParts?.[0];
  if (!created.fileId || !created.containerId || !part?.uploadUrl) throw new Error('createFile gave no part to upload');
  const put = await fetch(part.uploadUrl, { method: 'PUT', body: bytes });
  if (!put.ok) throw new Error(`the part upload answered ${put.status}: ${await put.text()}`);
  await unwrap(completeFile(kd, { body: { fileId: created.fileId } }));
  return { fileId: created.fileId, containerId: created.containerId };
}
