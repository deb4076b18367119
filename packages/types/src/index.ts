/**
 * Types of the KooDrive API, generated from the OpenAPI spec in this repository's `spec/`.
 *
 * - `paths`, `components`, `operations`: openapi-typescript's output, for openapi-fetch and similar tools.
 * - A named type for every schema (`SpaceQuotaUsage`) and for each operation's inputs and result
 *   (`GetSpaceUsageByQuotaQuery`, `GetSpaceUsageByQuotaResponse`).
 * - `operationIndex`, `operationRules`, `specVersion`, `documentationDate`: facts about the spec at run time.
 *
 * Fields the spec declares int64 are `number | bigint`: values above 2^53 cannot be numbers
 * without losing digits.
 */
export type * from './generated/named.js';
export type { components, operations, paths, webhooks } from './generated/openapi.js';
export {
  documentationDate,
  type OperationId,
  operationIndex,
  operationRules,
  type ParameterRule,
  specVersion,
} from './generated/operations.js';
