import type { KooDriveResult } from './response/read-result.js';

/**
 * The data of a call, or its KooDriveApiError thrown: `const page = await unwrap(kd.GET(...))`.
 */
export async function unwrap<Data>(pending: Promise<KooDriveResult<Data>> | KooDriveResult<Data>): Promise<Data> {
  const result = await pending;
  if (result.error) throw result.error;
  return result.data as Data;
}
