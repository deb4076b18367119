/**
 * What the task helpers need of a client, and how they read a call's result whatever the client's
 * `throwOnError`: a failure the service answered is thrown, so a helper either has its data or fails.
 */
import type { OperationCaller } from '../operations/define-operation.js';

/** Any KooDrive client (`createKooDriveClient(...)`, with or without `throwOnError`). */
export type TaskClient = OperationCaller<boolean>;

/** The data and trace ID of a call, or its error thrown (a client without `throwOnError` returns it). */
export async function successOf<Data>(
  pending: Promise<{ data?: Data; error?: unknown; traceId?: string }>,
): Promise<{ value: Data; traceId?: string }> {
  const result = await pending;
  if (result.error !== undefined) throw result.error;
  return { value: result.data as Data, ...(result.traceId === undefined ? {} : { traceId: result.traceId }) };
}

/** The data of a call, or its error thrown. */
export const dataOf = async <Data>(pending: Promise<{ data?: Data; error?: unknown }>): Promise<Data> =>
  (await successOf(pending)).value;

/** An ID the service may send as a string or, past 2^53, as a number or bigint: always a string here. */
export const idText = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'bigint'
      ? String(value)
      : undefined;
