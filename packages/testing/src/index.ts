export { makeContainerId, makeOwnerId, TENANT_ID } from './factories/ids.js';
export * from './factories/org.js';
export * from './factories/space.js';
export { makeSpaceQuotaUsage, makeSpaceQuotaUsageList } from './factories/space-quota-usage.js';
export { type MockStateSizes, makeMockState } from './factories/state.js';
export { fixtures, schemaExamples } from './fixtures/index.js';
export {
  APP_SIGNATURE_WINDOW_MS,
  type AppSignatureCheck,
  parseXDate,
  readAppAuthorization,
  type SignedRequestParts,
  verifyAppSignature,
} from './mock/app-signature.js';
export {
  CORS_EXPOSED_HEADERS,
  type CorsOptions,
  type CorsOrigins,
  type CorsPolicy,
  corsAllowedHeaders,
  createCorsPolicy,
  isLoopbackOrigin,
  normalizeOrigin,
} from './mock/cors.js';
export { errorBody, type KooDriveErrorBody, resultCodes } from './mock/errors.js';
export {
  CANONICAL_REQUEST_HEADER,
  createMockKooDrive,
  type MockKooDrive,
  type MockKooDriveOptions,
} from './mock/mock-koodrive.js';
export { createOperationMatcher, formatLogEntry, type MockLogEntry } from './mock/request-log.js';
export { type MockServerOptions, type RunningMockKooDrive, startMockKooDrive } from './mock/server.js';
export { createSpecAjv, createSpecValidator, type SpecValidator } from './mock/spec-validator.js';
export type {
  MockDepartment,
  MockGroupMember,
  MockOrganization,
  MockOrgIdPerson,
  MockSession,
  MockSessionEnd,
  MockSignInCode,
  MockSubscription,
  MockUser,
  MockUserGroup,
} from './mock/state/org.js';
export {
  ORGID_AUTHORIZE_PATH,
  issueSignInCode,
  SIGN_IN_CODE_TTL_MS,
  TOKEN_IDLE_MS,
} from './mock/state/sessions.js';
export type {
  MockAllocation,
  MockContext,
  MockHandler,
  MockReply,
  MockRequest,
  MockState,
  RecordedRequest,
} from './mock/types.js';
