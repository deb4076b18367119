/**
 * Who may do what, and what was done (`state.governance`): permission templates, the permissions
 * of space members and the initial permissions of spaces (Refined Authorization, Permissions
 * Templates), file moderation records (File Moderation) and the audit log (Audit Log Management).
 *
 * Member permissions are state the other routes respect: a batch job refuses an item its creator
 * may not touch in that space (see `allows`). A member without an entry of their own has the
 * space's initial permission (addMemberInitialPermission), else the default template (ours: the
 * reference does not say what a member starts with).
 */
import type { Capabilities } from '@koodrive/types';

/** A permission template. `templateType` 0 preset (the mock's own), 1 custom; `status` 0 disabled, 1 enabled. */
export interface MockPermissionTemplate {
  id: string;
  name: string;
  description?: string;
  templateType: 0 | 1;
  status: 0 | 1;
  /** The OrgID organization or app the template belongs to. */
  company: string;
  createTime: string;
  updateTime: string;
  capabilities: Capabilities;
}

/** The anonymous template's ID: custom flags given with the assignment itself. */
export const ANONYMOUS_TEMPLATE_ID = '-1';

/**
 * A member's permission in a space (PermissionBatchUpdate), or on one file of it (`fileId`).
 * `templateId` is a template's ID, or "-1" with its own `capabilities`.
 */
export interface MockMemberPermission {
  /** The space's container ID. */
  container: string;
  /** 0 team (department) space, 1 group space, as PermissionBatchUpdate's `type`. */
  type: 0 | 1;
  /** The member's user ID, as the request gave it. */
  userId: string;
  templateId: string;
  /** Only for the anonymous template. */
  capabilities?: Capabilities;
  fileId?: string;
  updateTime: string;
}

/** What a new member of a group or department space starts with (addMemberInitialPermission). */
export interface MockInitialPermission {
  /** The group's or department's ID. */
  spaceId: string;
  templateId: string;
  capabilities?: Capabilities;
  updateTime: string;
}

/** A file moderation record (batchAudit), found by the file's SHA-256 and size. */
export interface MockModerationRecord {
  sha256: string;
  size: number;
  /** 1 normal, 2 low sensitivity, 3 high sensitivity. */
  auditResult: 1 | 2 | 3;
  /** A JSON string, stored and returned as it came. */
  auditDetail?: string;
  /** 10 machine, 20 manual, 30 machine and manual, 99 appeal review. batchAudit records are 20 (ours). */
  auditLevel: 10 | 20 | 30 | 99;
  /** Logged by KooDrive, never returned. */
  fileId?: string;
  updatedAt: number;
}

/**
 * A record of the audit log. The mock writes one for every request that changes something (an
 * operation that is not a GET and not marked idempotent in the spec) and for every batch job that
 * ends: `operation` is the operationId (`CreateJob`, `createPermissionTemplate`, …) or the job's
 * kind (`BatchCopy`, `BatchDelete`, …, the spec's names for taskType). `operateResult` 0 success,
 * 1 failure (the reference lists no values: ours).
 */
export interface MockAuditLog {
  logId: string;
  tenantId: string;
  operatorName: string;
  operatorId: string;
  /** ISO 8601, as the reference's example request writes times. */
  operateTime: string;
  operation: string;
  resource: string;
  operateResult: 0 | 1;
  operatorIP: string;
  /** Why it failed. */
  message?: string;
}

/** Everything the governance routes keep. */
export interface MockGovernance {
  templates: MockPermissionTemplate[];
  memberPermissions: MockMemberPermission[];
  initialPermissions: MockInitialPermission[];
  /** The template a member has when neither they nor their space has one; a preset. */
  defaultTemplateId: string;
  moderation: MockModerationRecord[];
  auditLogs: MockAuditLog[];
  /**
   * The users (X-User-Id) allowed what KooDrive keeps for whitelisted users (file moderation,
   * emptying the recycle bin by job); absent: everyone.
   */
  whitelist?: string[];
  /** Numbers the next IDs. */
  sequence: number;
}

/** Every permission flag of a template, in the order the Capabilities table lists them. */
const ALL_FLAGS = [
  'addChildNodePermission',
  'copyPermission',
  'deletePermission',
  'downloadPermission',
  'editPermission',
  'listChildNodePermission',
  'removeChildNodePermission',
  'renameFilePermission',
  'shareFilePermission',
  'uploadPermission',
  'viewPermission',
] as const satisfies readonly (keyof Capabilities)[];

/** Capabilities with the named flags granted and the others not. */
export function capabilitiesOf(...granted: (keyof Capabilities)[]): Capabilities {
  return Object.fromEntries(ALL_FLAGS.map((flag) => [flag, granted.includes(flag)])) as unknown as Capabilities;
}

/** Capabilities with every flag granted. */
export const allCapabilities = (): Capabilities => capabilitiesOf(...ALL_FLAGS);
