/**
 * A mock KooDrive over HTTP on loopback, with an individual space for the test user, and a client
 * that calls it with a token: what the transfer tests run against.
 */
import { createKooDriveClient, type KooDriveClient } from '@koodrive/client';
import {
  ensureIndividualSpace,
  type MockStorageOptions,
  makeMockState,
  type RunningMockKooDrive,
  startMockKooDrive,
} from '@koodrive/testing';

export const USER_ID = '1505084218764547200';
export const TOKEN = 'transfer-token';

/** The running mock, its client and the test user's space. */
export interface TransferMock {
  mock: RunningMockKooDrive;
  kd: KooDriveClient;
  containerId: string;
  rootFolderId: string;
  close(): Promise<void>;
}

/** Starts the mock (its storage options as given) and a client for it. */
export async function startTransferMock(storage: MockStorageOptions = {}): Promise<TransferMock> {
  const state = makeMockState();
  const space = ensureIndividualSpace(state, USER_ID);
  const mock = await startMockKooDrive({ tokens: [TOKEN], state, storage });
  const kd = createKooDriveClient({
    baseUrl: mock.url,
    userId: USER_ID,
    auth: { type: 'token', token: TOKEN },
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  return {
    mock,
    kd,
    containerId: space.containerId as string,
    rootFolderId: space.bizRootFileId as string,
    close: () => mock.close(),
  };
}

/** Deterministic pseudo-random bytes (xorshift), so that no two parts are alike. */
export function makeBytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let index = 0; index < size; index += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[index] = x & 255;
    bytes[index + 1] = (x >>> 8) & 255;
    bytes[index + 2] = (x >>> 16) & 255;
    bytes[index + 3] = (x >>> 24) & 255;
  }
  return bytes;
}
