/** The KooDrive result codes the mock answers with (from the reference's error code list). */
export const resultCodes = {
  success: 0,
  badRequest: 13000101,
  parameterValidationFailed: 13000102,
  innerInvokeFailure: 13000201,
} as const;

export interface KooDriveErrorBody {
  code: number;
  msg: string;
}

export const errorBody = (code: number, msg: string): KooDriveErrorBody => ({ code, msg });
