/**
 * KooDrive calls of a transfer, through the caller's client, whichever way it reports failures:
 * a client made with `throwOnError: true` throws, the default one returns `{ error }`; here both
 * become a thrown error, so a transfer's steps read as plain awaits.
 */
import type { OperationCaller, OperationData, OperationFunction, OperationInit, OperationName } from '@koodrive/client';

/** Any KooDrive client (`createKooDriveClient(...)`), with or without `throwOnError`. */
export type TransferClient = OperationCaller<boolean>;

/** Calls an operation and answers its data, or throws its error (a KooDriveError). */
export async function callData<Name extends OperationName>(
  operation: OperationFunction<Name>,
  kd: TransferClient,
  init: OperationInit<Name>,
): Promise<OperationData<Name>> {
  const result = (await (operation as (kd: TransferClient, init: unknown) => Promise<unknown>)(kd, init)) as {
    data?: unknown;
    error?: unknown;
  };
  if (result.error !== undefined) throw result.error;
  return result.data as OperationData<Name>;
}
