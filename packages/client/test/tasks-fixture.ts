/**
 * A mock KooDrive with files and a clock the test moves, for the task and governance tests: one
 * mock per test file, its state rebuilt before each test.
 */
import {
  addFile,
  createFolder,
  ensureIndividualSpace,
  type MockState,
  makeMockState,
  type RunningMockKooDrive,
  startMockKooDrive,
} from '@koodrive/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createKooDriveClient, type KooDriveClientOptions } from '../src/index.js';
import { TOKEN, USER_ID } from './helpers.js';

export const APP_TOKEN = 'a7c0ffee5bd2f0a1c3e4b5a6978812aa0bb1cc2dd3ee4ff5';

/** What each test gets: the mock, its state, a client, the individual space's ID, and the clock's hand. */
export interface TaskWorld {
  mock: RunningMockKooDrive;
  state: MockState;
  /** The administrator's client, with a user token and an app-level token. */
  kd: ReturnType<typeof createKooDriveClient>;
  /** The administrator's individual space. */
  space: string;
  /** Moves the mock's clock on. */
  advance(ms: number): void;
  /** A client for another user of the organization (same tokens). */
  clientFor(userId: string, options?: Partial<KooDriveClientOptions>): ReturnType<typeof createKooDriveClient>;
}

/** Starts a mock whose clock only moves when the test says so. */
export function useTaskWorld(): TaskWorld {
  const world = {} as TaskWorld;
  let now = Date.UTC(2025, 10, 3, 7, 1, 40);
  beforeAll(async () => {
    world.mock = await startMockKooDrive({ tokens: [TOKEN], appTokens: [APP_TOKEN], clock: () => new Date(now) });
  });
  beforeEach(() => {
    now = Date.UTC(2025, 10, 3, 7, 1, 40);
    // A fresh state each test, put in place of the mock's (its routes hold the same object).
    const state = makeMockState();
    world.space = ensureIndividualSpace(state, USER_ID).containerId as string;
    Object.assign(world.mock.state, state);
    world.state = world.mock.state;
    world.mock.reset();
  });
  afterAll(() => world.mock.close());
  world.advance = (ms) => {
    now += ms;
  };
  world.clientFor = (userId, options = {}) =>
    createKooDriveClient({
      baseUrl: world.mock.url,
      userId,
      auth: { user: TOKEN, appToken: APP_TOKEN },
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      ...options,
    });
  Object.defineProperty(world, 'kd', { get: () => world.clientFor(USER_ID) });
  return world;
}

/** A folder in a space's root. */
export const folder = (state: MockState, space: string, name: string, parentId = 'root') =>
  createFolder(state, { containerId: space, parentId, name });

/** A file with text content. */
export const file = (state: MockState, space: string, parentId: string, name: string, content: string | Uint8Array) =>
  addFile(state, { containerId: space, parentId, name, content });
