/**
 * The soak's clients and calls: one client per way of authenticating (a static token, a session
 * signed in through the mock's OrgID page, an app signature), and the operations they call, some
 * by path (`kd.GET(path)`), some by operation function (`GetSpace(kd, init)`), safe to repeat or not.
 */
import {
  createKooDriveClient,
  createKooDriveSignIn,
  KooDriveAbortError,
  KooDriveApiError,
  type KooDriveClient,
  KooDriveConnectionError,
  KooDriveError,
  type KooDriveLogger,
  KooDriveSessionExpiredError,
  KooDriveTimeoutError,
} from '@koodrive/client';
import { GetSpace, GetSpaceUsageByOverview, GetSpaceUsageByUser } from '@koodrive/client/operations';
import { makeMockState } from '@koodrive/testing';
import type { AuthKind, CallOutcome } from './soak-rules.ts';
import { SOAK_CLIENT } from './soak-settings.ts';

/** The credentials the soak's mock accepts (test values, not secrets). */
export const SOAK_TOKEN = 'soak-token-5f1d2c';
export const SOAK_APP = { appId: 'soak-app', appSecret: 'soak-app-secret-93b7' } as const;
const SOAK_USER_ID = '1505084218764547200';

/** What a call gets: its signal and the trace id the soak follows it by. */
export interface CallInit {
  signal: AbortSignal;
  traceId: string;
}

/** An operation the soak calls. */
export interface SoakOperation {
  operationId: string;
  /** How it is called: `kd.GET(path)` or an operation function. */
  form: 'path' | 'function';
  /** Whether the spec says it is safe to repeat (so retried on transient failures). */
  repeatable: boolean;
  /** Its share of the calls, relative to the others. */
  weight: number;
  run(kd: KooDriveClient, init: CallInit): Promise<{ error?: unknown }>;
}

// A department space of the mock CLI's data (makeMockState, the same for every run).
function departmentOwnerId(): string {
  const space = makeMockState({ quotas: 1 }).spaces.find((candidate) => String(candidate.type) === '0');
  if (!space?.ownerId) throw new Error('the mock state has no department space to call GetSpace and UpdateSpace on');
  return space.ownerId;
}
const ownerId = departmentOwnerId();
const header = (traceId: string) => ({ 'X-Traceid': traceId });

/** The operations of the soak: reads and a write, by path and by function. */
export const SOAK_OPERATIONS: readonly SoakOperation[] = [
  {
    operationId: 'GetSpaceUsageByQuota',
    form: 'path',
    repeatable: true,
    weight: 3,
    run: (kd, { signal, traceId }) =>
      kd.GET('/koodrive/ose/v1/space/usage/quota', {
        params: { query: { limit: 10, offset: 0 }, header: header(traceId) },
        signal,
      }),
  },
  {
    operationId: 'GetSpaceUsageByUser',
    form: 'function',
    repeatable: true, // a POST the spec marks x-koodrive-idempotent
    weight: 2,
    run: (kd, { signal, traceId }) =>
      GetSpaceUsageByUser(kd, { params: { header: header(traceId) }, body: { limit: 10, offset: 0 }, signal }),
  },
  {
    operationId: 'GetSpace',
    form: 'function',
    repeatable: true,
    weight: 2,
    run: (kd, { signal, traceId }) =>
      GetSpace(kd, { params: { path: { ownerId }, query: { type: '0' }, header: header(traceId) }, signal }),
  },
  {
    operationId: 'GetSpaceUsageByOverview',
    form: 'function',
    repeatable: true,
    weight: 1,
    run: (kd, { signal, traceId }) => GetSpaceUsageByOverview(kd, { params: { header: header(traceId) }, signal }),
  },
  {
    operationId: 'UpdateSpace',
    form: 'path',
    repeatable: false,
    weight: 2,
    run: (kd, { signal, traceId }) =>
      kd.PUT('/koodrive/ose/v1/space/{ownerId}', {
        params: { path: { ownerId }, header: header(traceId) },
        body: { type: 0, status: '0' },
        signal,
      }),
  },
];

/** How a call ended: data, or which error. */
export function classifyOutcome(settled: { result?: { error?: unknown }; thrown?: unknown }): CallOutcome {
  const error = 'thrown' in settled ? settled.thrown : settled.result?.error;
  if (error === undefined) return 'ok';
  if (error instanceof KooDriveApiError) return `api ${error.status}`;
  if (!('thrown' in settled)) return 'untyped';
  if (error instanceof KooDriveAbortError) return 'aborted';
  if (error instanceof KooDriveTimeoutError) return 'timeout';
  if (error instanceof KooDriveConnectionError) return 'connection';
  if (error instanceof KooDriveSessionExpiredError) return 'session-ended';
  if (error instanceof KooDriveError) return 'other KooDriveError';
  return 'untyped';
}

/** The soak's three clients, and how to close them (the session signs out). */
export interface SoakClients {
  clients: Record<AuthKind, KooDriveClient>;
  close(): Promise<void>;
}

/** Creates the three clients against the mock at `baseUrl`, signing a session in through the mock's OrgID page. */
export async function createSoakClients(baseUrl: string, logger: Partial<KooDriveLogger>): Promise<SoakClients> {
  const common = { baseUrl, logger, timeout: SOAK_CLIENT.timeoutMs, retry: { ...SOAK_CLIENT.retry } };
  const signIn = createKooDriveSignIn(common);
  const { uri } = await signIn.signInUrl('soak.example.com');
  const page = await fetch(uri, { redirect: 'manual' });
  await page.arrayBuffer();
  const code = new URL(page.headers.get('location') ?? '', baseUrl).searchParams.get('code');
  if (!code) throw new Error(`the mock's sign-in page answered ${page.status} without a code`);
  const session = await signIn.createSession(code);
  return {
    clients: {
      token: createKooDriveClient({ ...common, userId: SOAK_USER_ID, auth: { type: 'token', token: SOAK_TOKEN } }),
      session: createKooDriveClient({ ...common, userId: session.userId, auth: session.auth }),
      app: createKooDriveClient({ ...common, userId: SOAK_USER_ID, auth: { type: 'app', ...SOAK_APP } }),
    },
    close: () => session.auth.logout(),
  };
}
