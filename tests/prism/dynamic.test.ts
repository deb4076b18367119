/**
 * Prism's mock with dynamic responses (`prism mock -d <spec>`): for every operation, Prism makes up
 * each response the spec allows (200, 400, 401, 500: any value its schemas accept) and the client
 * must read it as the spec means it: the body as data when it is a success, otherwise a
 * KooDriveApiError that carries the status, code and message. Then a property test: Prism's numbers
 * stop at 2^53, so many generated 200 responses get integers beyond it in their int64 fields, which
 * the client must read exactly, as bigint.
 */
import { KooDriveApiError } from '@koodrive/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaresInt64, type Int64Slot, int64Slots, valueAt, withBigIntegers } from '../../scripts/lib/int64-slots.ts';
import type { SpecOperation } from '../../scripts/lib/spec-operations.ts';
import { documentedInput } from './harness/call-inputs.ts';
import { alternativesOf, authFor, createKooDriveClient, methodOf, USER_ID } from './harness/credentials.ts';
import { type RunningPrism, startPrism } from './harness/prism.ts';
import { type PrismExchange, prismFetch } from './harness/prism-fetch.ts';
import { describeExchange } from './harness/report.ts';
import { document, operations, specPath } from './harness/spec.ts';

let prism: RunningPrism;
/** How often a response Prism made up is asked for again when Prism's own validator rejects it. */
const GENERATION_ATTEMPTS = 5;

beforeAll(async () => {
  // json-schema-faker, which Prism generates with, ignores maxProperties when it fills
  // additionalProperties (43% of getFile's answers broke its 30-pair limit): maps stay empty.
  // No --seed: Prism seeds its generator anew for every response, so with one every answer of an
  // operation would be the same; a failure message shows the answer instead.
  prism = await startPrism(['mock', '-d', '--json-schema-faker-fillProperties=false', specPath]);
});
afterAll(() => prism?.stop());

interface CallOptions {
  /** The status Prism is asked to answer with (`Prefer: code=…`). */
  status: string;
  rewriteBody?: (text: string) => string;
}

/** Calls an operation through the client, with the first credential its `security` allows, against Prism's mock. */
async function callThroughPrism(operation: SpecOperation, { status, rewriteBody }: CallOptions) {
  const auth = alternativesOf(operation.security)
    .map((alternative) => authFor(alternative, operation.security))
    .find((found) => found !== undefined);
  if (!auth) throw new Error(`${operation.operationId}: no credential of the tests fits its security`);
  const exchanges: PrismExchange[] = [];
  let received = '';
  const client = createKooDriveClient({
    baseUrl: prism.url,
    userId: USER_ID,
    auth,
    retry: false,
    timeout: 15_000,
    fetch: prismFetch({
      prismUrl: prism.url,
      headers: () => ({ Prefer: `code=${status}` }),
      onExchange: (exchange) => exchanges.push(exchange),
      rewriteBody: (text) => {
        received = rewriteBody ? rewriteBody(text) : text;
        return received;
      },
    }),
  });
  const input = documentedInput(document, operation);
  const result = await methodOf(client, operation.method)(operation.path, {
    params: input.params,
    ...(input.body === undefined ? {} : { body: input.body }),
  });
  const exchange = exchanges.at(-1);
  if (!exchange || exchanges.length !== 1)
    throw new Error(`${operation.operationId}: expected one exchange, got ${exchanges.length}`);
  return { result, exchange, received };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Numbers as JSON.parse gives them: a bigint the client revived compares with Prism's number. */
const asNumbers = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? Number(item) : item)));

/** What the client should have made of an answer, checked; problems in words. */
function readingProblems(
  operation: SpecOperation,
  {
    result,
    exchange,
    received,
  }: { result: { data?: unknown; error?: unknown }; exchange: PrismExchange; received: string },
): string[] {
  const where = `${describeExchange(exchange)}`;
  const body: unknown = JSON.parse(received);
  const code = isRecord(body) ? body.code : undefined;
  const succeeded =
    exchange.status >= 200 &&
    exchange.status < 300 &&
    isRecord(body) &&
    (code === undefined || /^0+$/.test(String(code)));
  if (succeeded) {
    if (result.error) return [`${where}: a success read as an error: ${String(result.error)}`];
    try {
      expect(asNumbers(result.data)).toEqual(body);
    } catch {
      return [`${where}: the data differs from the body: ${received.slice(0, 300)}`];
    }
    return [];
  }
  const error = result.error;
  if (!(error instanceof KooDriveApiError))
    return [`${where}: a failure (code ${JSON.stringify(code)}) not read as a KooDriveApiError: ${String(error)}`];
  const problems: string[] = [];
  const expectedCode = typeof code === 'number' || /^\d+$/.test(String(code)) ? Number(code) : undefined;
  if (error.status !== exchange.status) problems.push(`${where}: error.status is ${error.status}`);
  if (error.code !== expectedCode) problems.push(`${where}: error.code is ${error.code}, the body says ${code}`);
  const msg = isRecord(body) ? body.msg : undefined;
  if (typeof msg === 'string' && msg !== '' && error.msg !== msg)
    problems.push(`${where}: error.msg is ${JSON.stringify(error.msg)}, the body says ${JSON.stringify(msg)}`);
  if (error.operationId !== operation.operationId) problems.push(`${where}: error.operationId is ${error.operationId}`);
  return problems;
}

/** A generated body, as a success: its `code` set to 0 (still a value the spec allows). */
const withSuccessCode = (text: string) => JSON.stringify({ ...JSON.parse(text), code: 0 });

/**
 * A call answered with a response Prism made up for `status`. A violation of the response alone is
 * Prism's generator disagreeing with its validator, never the client's doing: the answer is asked
 * for again, and kept (to be reported) only when every attempt has one.
 */
async function generatedAnswer(operation: SpecOperation, options: CallOptions) {
  let answer = await callThroughPrism(operation, options);
  for (let attempt = 1; attempt < GENERATION_ATTEMPTS; attempt++) {
    const { violations } = answer.exchange;
    if (violations.length === 0 || violations.some((violation) => !violation.where.startsWith('response'))) break;
    answer = await callThroughPrism(operation, options);
  }
  return answer;
}

describe(`Prism's dynamic mock: the client reads every response the spec allows (${operations.length} operations)`, () => {
  for (const operation of operations) {
    it(`${operation.operationId}: ${Object.keys(operation.responses).join(', ')}`, async () => {
      const problems: string[] = [];
      expect(Object.keys(operation.responses), `${operation.operationId} documents no JSON response`).not.toEqual([]);
      // Prism's `code` is any the spec allows, so a 200 mostly reads as a business error: each
      // success status is also read with `code: 0`, as a success.
      const calls = Object.keys(operation.responses).flatMap((status): CallOptions[] =>
        status.startsWith('2') ? [{ status }, { status, rewriteBody: withSuccessCode }] : [{ status }],
      );
      for (const options of calls) {
        const answer = await generatedAnswer(operation, options);
        const { exchange } = answer;
        for (const violation of exchange.violations)
          problems.push(`${describeExchange(exchange)}: ${violation.where}: ${violation.message}`);
        if (String(exchange.status) !== options.status) {
          problems.push(`${describeExchange(exchange)}: asked for ${options.status}`);
          continue;
        }
        problems.push(...readingProblems(operation, answer));
      }
      expect(problems, `${operation.operationId}:\n${problems.join('\n')}`).toEqual([]);
    });
  }
});

const BEYOND_2_53 = 2n ** 53n + 1n;
const INT64_MAX = 2n ** 63n - 1n;

describe('int64 fields beyond 2^53, in generated responses', () => {
  const withInt64 = operations.filter(
    (operation) => operation.responses['200'] && declaresInt64(document, operation.responses['200'].schema),
  );

  it('finds operations whose responses declare int64 fields', () => {
    expect(withInt64.length).toBeGreaterThan(0);
  });

  it('reads every one exactly, as bigint', async () => {
    let injected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withInt64),
        fc.array(fc.tuple(fc.bigInt({ min: BEYOND_2_53, max: INT64_MAX }), fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        async (operation, draws) => {
          let slots: Int64Slot[] = [];
          let values: bigint[] = [];
          const { result, exchange } = await callThroughPrism(operation, {
            status: '200',
            rewriteBody: (text) => {
              const body = JSON.parse(text) as Record<string, unknown>;
              body.code = 0;
              slots = int64Slots(document, operation.responses['200']?.schema ?? true, body);
              // Negative only where the schema allows it (sizes and counts start at 0).
              values = slots.map((slot, index) => {
                const [magnitude, negative] = draws[index % draws.length] as [bigint, boolean];
                return negative && !(slot.minimum !== undefined && slot.minimum >= 0) ? -magnitude : magnitude;
              });
              return slots.length === 0 ? JSON.stringify(body) : withBigIntegers(body, slots, values);
            },
          });
          // The answer's reading is what is tested here: its request must be valid, and what Prism made up was rewritten.
          const requestViolations = exchange.violations.filter((violation) => !violation.where.startsWith('response'));
          expect(requestViolations, describeExchange(exchange)).toEqual([]);
          expect(result.error, `${operation.operationId}: ${String(result.error)}`).toBeUndefined();
          slots.forEach((slot, index) => {
            expect(valueAt(result.data, slot.path), `${operation.operationId} ${slot.path.join('.')}`).toBe(
              values[index],
            );
          });
          injected += slots.length;
        },
      ),
      { numRuns: Math.max(150, 3 * withInt64.length) },
    );
    expect(injected).toBeGreaterThan(0);
  });
});
