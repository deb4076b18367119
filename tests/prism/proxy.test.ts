/**
 * Prism's validating proxy (`prism proxy <spec> <mock> --errors`) in front of the mock KooDrive,
 * and every operation of the spec called through @koodrive/client: Prism judges each request the
 * client sends and each answer the mock gives against the spec, independently of the mock's own
 * checks. An operation passes when no exchange has a violation and every credential its
 * `security` allows got at least one successful answer (HTTP 2xx, code 0) that the mock routed to it.
 *
 * Inputs: the documented one first (examples, else schemas); then the operation's setup, if it has
 * one (harness/setups.ts); then IDs from the mock's data (harness/ids-from-state.ts). The creating
 * operations run once before the tests, so that the others find the files, shares and jobs they
 * made; every operation starts from a copy of that data.
 */
import { type MockState, makeMockState, type RunningMockKooDrive, startMockKooDrive } from '@koodrive/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpecOperation } from '../../scripts/lib/spec-operations.ts';
import { type CallInput, documentedInput } from './harness/call-inputs.ts';
import {
  alternativeName,
  alternativesOf,
  authFor,
  createKooDriveClient,
  methodOf,
  mockCredentials,
  sentAlternative,
  USER_ID,
} from './harness/credentials.ts';
import { inputsWithStateIds } from './harness/ids-from-state.ts';
import { type RunningPrism, startPrism } from './harness/prism.ts';
import { type PrismExchange, prismFetch } from './harness/prism-fetch.ts';
import { describeExchange, describeResult } from './harness/report.ts';
import { createSchemaCheck } from './harness/schema-check.ts';
import { setups } from './harness/setups/index.ts';
import { document, operations, specForProxy } from './harness/spec.ts';

let mock: RunningMockKooDrive;
let prism: RunningPrism;
let proxySpec: ReturnType<typeof specForProxy> | undefined;
let exchanges: PrismExchange[] = [];
/** The mock's data each creating operation starts from: what the creating operations before it made. */
const beforeCreating = new Map<string, MockState>();
/** The mock's data the other operations start from: makeMockState's, and what the creating operations made. */
let baseline: MockState;
const accepts = createSchemaCheck(document);

/** Operations that make what others act on (a file, a share, a job): called once before the tests. */
const CREATING = /^(create|add)/i;

/** A client that sends `auth` to the mock's address, through Prism (which forwards to the mock). */
const clientFor = (auth: NonNullable<ReturnType<typeof authFor>>) =>
  createKooDriveClient({
    baseUrl: mock.url,
    userId: USER_ID,
    auth,
    retry: false,
    timeout: 15_000,
    fetch: prismFetch({ prismUrl: prism.url, onExchange: (exchange) => exchanges.push(exchange) }),
  });

/** Puts the mock's data back to a copy of `state`, so that no operation sees another's changes. */
function resetState(state: MockState) {
  for (const key of Object.keys(mock.state)) delete (mock.state as unknown as Record<string, unknown>)[key];
  Object.assign(mock.state, structuredClone(state));
}

/**
 * Calls an operation with one credential alternative: its documented input, then its setup (and
 * that with IDs from the mock's data), then the documented input with IDs from the mock's data,
 * until one succeeds. Returns every problem Prism or the credential check found on the way, and
 * whether a call succeeded.
 */
async function callWith(operation: SpecOperation, alternative: readonly string[]) {
  const problems: string[] = [];
  const name = alternativeName(alternative);
  const auth = authFor(alternative, operation.security);
  // An alternative the client cannot be made to choose (two schemes at once) is not called.
  if (!auth) return { problems, succeeded: true };
  const call = methodOf(clientFor(auth), operation.method);
  const documented = documentedInput(document, operation);
  const setup = setups[operation.operationId];
  const attempts: string[] = [];
  // Built one group at a time, when the one before did not succeed (a setup adds to the mock's
  // data). A setup is the way the mock's data is meant to be used: it comes before the guesses.
  const candidates: (() => CallInput[] | Promise<CallInput[]>)[] = [
    () => [documented],
    async () => {
      // A setup whose prerequisite is missing (a creating operation failed) is a failed attempt, not a crash.
      const prepared = await (async () => setup?.(documented, mock.state))().catch((error: unknown) => {
        attempts.push(`setup: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      return prepared ? [prepared, ...inputsWithStateIds(document, prepared, operation, mock.state, accepts)] : [];
    },
    () => inputsWithStateIds(document, documented, operation, mock.state, accepts),
  ];
  const lazily = async function* () {
    for (const group of candidates) yield* await group();
  };
  for await (const input of lazily()) {
    exchanges = [];
    mock.reset();
    // A call the client refuses before sending throws: that is a failed attempt too.
    const result = await call(operation.path, {
      params: input.params,
      ...(input.body === undefined ? {} : { body: input.body }),
    }).catch((error: unknown) => ({ error, data: undefined, response: undefined }));
    for (const exchange of exchanges) {
      for (const violation of exchange.violations)
        problems.push(`[${name}] ${describeExchange(exchange)}: ${violation.where}: ${violation.message}`);
      if (!sentAlternative(exchange.requestHeaders.get('authorization'), alternative))
        problems.push(`[${name}] ${describeExchange(exchange)}: the client did not send the credential ${name}`);
    }
    const routed = mock.requests.some((request) => request.operationId === operation.operationId);
    attempts.push(`${input.source}: ${describeResult(result, routed)}`);
    const clean = exchanges.length > 0 && exchanges.every((exchange) => exchange.violations.length === 0);
    if (clean && !result.error && routed) return { problems, succeeded: true };
  }
  problems.push(`[${name}] no successful call: ${attempts.join('; ')}`);
  return { problems, succeeded: false };
}

beforeAll(async () => {
  mock = await startMockKooDrive({ ...mockCredentials, state: makeMockState(), maxRecordedRequests: 10 });
  proxySpec = specForProxy();
  prism = await startPrism(['proxy', proxySpec.file, mock.url, '--errors']);
  // Batch jobs and tasks stay pending through the run, so that CancelJob has one it may cancel.
  mock.state.tasks.timing = { pendingMs: 3_600_000, processingMs: 3_600_000 };
  // What the creating operations make stays for the others (their own tests repeat these calls
  // from the same data, and judge them).
  for (const operation of operations.filter((candidate) => CREATING.test(candidate.operationId))) {
    beforeCreating.set(operation.operationId, structuredClone(mock.state));
    for (const alternative of alternativesOf(operation.security))
      if ((await callWith(operation, alternative)).succeeded) break;
  }
  baseline = structuredClone(mock.state);
});
afterAll(async () => {
  await prism?.stop();
  await mock?.close();
  proxySpec?.remove();
});

describe(`Prism's validating proxy in front of the mock KooDrive (${operations.length} operations)`, () => {
  it('finds operations in the spec', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  for (const operation of operations) {
    it(`${operation.operationId}: ${operation.method} ${operation.path}`, async () => {
      const problems: string[] = [];
      for (const alternative of alternativesOf(operation.security)) {
        // Each call starts from the same data, so that one's changes (a deletion) cannot fail another.
        resetState(beforeCreating.get(operation.operationId) ?? baseline);
        problems.push(...(await callWith(operation, alternative)).problems);
      }
      expect(problems, `${operation.operationId}:\n${problems.join('\n')}`).toEqual([]);
    });
  }
});

describe('what the proxy catches (checks of the check)', () => {
  const QUOTA = '/koodrive/ose/v1/space/usage/quota';

  it('a mock answer the spec does not allow: named by operation and field', async () => {
    mock.use('GetSpaceUsageByQuota', () => ({
      body: { code: 0, msg: 'success', data: [{ quota: '1', totalAllocation: 'many' }], total: 1 },
    }));
    try {
      exchanges = [];
      const kd = clientFor({ user: mockCredentials.tokens[0] as string });
      const { error } = await kd.GET(QUOTA, { params: { query: { limit: 1 } } });
      expect(error).toBeDefined();
      expect(exchanges.flatMap((exchange) => exchange.violations)).toContainEqual(
        expect.objectContaining({ where: 'response.body.data.0.totalAllocation', severity: 'Error' }),
      );
    } finally {
      mock.reset();
    }
  });

  it('a client request the spec does not allow: refused by Prism before it reaches the mock', async () => {
    const kd = clientFor({ user: mockCredentials.tokens[0] as string });
    // A client that loses a required query parameter on the way out.
    kd.use({
      onRequest: ({ request }) => {
        const url = new URL(request.url);
        url.searchParams.delete('type');
        return new Request(url, request);
      },
    });
    exchanges = [];
    mock.reset();
    const { error } = await kd.GET('/koodrive/ose/v1/space/{ownerId}', {
      params: { path: { ownerId: '1505084218764547200' }, query: { type: '0' } },
    });
    expect(error).toBeDefined();
    expect(exchanges.flatMap((exchange) => exchange.violations)).toContainEqual(
      expect.objectContaining({ where: 'request.query', message: expect.stringContaining("'type'") }),
    );
    expect(mock.requests).toEqual([]);
  });
});
