export * from './factories/files.js';
export * from './factories/governance.js';
export { makeContainerId, makeOwnerId, TENANT_ID } from './factories/ids.js';
export * from './factories/org.js';
export * from './factories/space.js';
export { makeSpaceQuotaUsage, makeSpaceQuotaUsageList } from './factories/space-quota-usage.js';
export { type MockStateSizes, makeMockState } from './factories/state.js';
export * from './factories/tasks.js';
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
  DEFAULT_FAULT_EXCLUDE,
  FAULT_KINDS,
  type FaultKind,
  type FaultOptions,
  parseFaultSpec,
  type ResolvedFaultOptions,
  resolveFaultOptions,
} from './mock/fault-options.js';
export {
  createFaultInjector,
  FAULT_REPORT_PATH,
  type FaultDecision,
  type FaultEvent,
  type FaultExchange,
  type FaultInjector,
  type FaultReport,
} from './mock/faults.js';
export {
  CANONICAL_REQUEST_HEADER,
  createMockKooDrive,
  type MockKooDrive,
  type MockKooDriveOptions,
} from './mock/mock-koodrive.js';
export { createOperationMatcher, formatLogEntry, type MockLogEntry } from './mock/request-log.js';
export { type MockServerOptions, type RunningMockKooDrive, startMockKooDrive } from './mock/server.js';
export { createSpecAjv, createSpecValidator, type SpecValidator, withAbsoluteRefs } from './mock/spec-validator.js';
export * from './mock/state/files.js';
export {
  ANONYMOUS_TEMPLATE_ID,
  allCapabilities,
  capabilitiesOf,
  type MockAuditLog,
  type MockGovernance,
  type MockInitialPermission,
  type MockMemberPermission,
  type MockModerationRecord,
  type MockPermissionTemplate,
} from './mock/state/governance.js';
export { makeGovernanceState, presetTemplates } from './mock/state/governance-model.js';
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
  issueSignInCode,
  ORGID_AUTHORIZE_PATH,
  SIGN_IN_CODE_TTL_MS,
  TOKEN_IDLE_MS,
} from './mock/state/sessions.js';
export * from './mock/state/sharing.js';
export { JOB_KINDS } from './mock/state/task-engine.js';
export {
  HANDOVER_FAILURE_CODE,
  type MockArchiveEntry,
  type MockBasicTask,
  type MockJob,
  type MockJobItem,
  type MockTasks,
  type MockTaskTiming,
  makeTasksState,
} from './mock/state/tasks.js';
export type { DownloadCutFault, MockStorageFaults, PartUploadFault, UrlExpiryFault } from './mock/storage/faults.js';
export { MAX_FILE_SIZE, MAX_PART_SIZE, MAX_PARTS, MIN_PART_SIZE, PART_ALIGNMENT } from './mock/storage/part-rules.js';
export { SHA256_IV, type Sha256Words } from './mock/storage/sha256-state.js';
export { type MockStorage, type MockStorageOptions, STORAGE_PREFIX } from './mock/storage/storage.js';
export type {
  MockAllocation,
  MockContext,
  MockHandler,
  MockReply,
  MockRequest,
  MockState,
  RecordedRequest,
} from './mock/types.js';
