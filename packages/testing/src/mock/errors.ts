/** The KooDrive result codes the mock answers with (from the reference's error code list). */
export const resultCodes = {
  success: 0,
  badRequest: 13000101,
  parameterValidationFailed: 13000102,
  innerInvokeFailure: 13000201,
  spaceMissing: 13000301,
  resourceMissing: 13000309,
  insufficientSpace: 13000311,
} as const;

/** The body KooDrive answers a failure with. */
export interface KooDriveErrorBody {
  code: number;
  msg: string;
}

/** A KooDrive failure body, `{ code, msg }`. */
export const errorBody = (code: number, msg: string): KooDriveErrorBody => ({ code, msg });
