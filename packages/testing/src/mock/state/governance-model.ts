/**
 * What the governance routes and the task engine share: the mock's preset templates, whose
 * permission applies to a member of a space, and writing the audit log.
 */
import { type Capabilities, operationIndex } from '@koodrive/types';
import { makeOwnerId } from '../../factories/ids.js';
import type { MockReply, MockRequest, MockState } from '../types.js';
import {
  ANONYMOUS_TEMPLATE_ID,
  allCapabilities,
  capabilitiesOf,
  type MockAuditLog,
  type MockGovernance,
  type MockPermissionTemplate,
} from './governance.js';
import { findUser } from './org-model.js';

const PRESET_TIME = '2025-01-01T00:00:00.000Z';

/**
 * The mock's preset templates (templateType 0). KooDrive has presets, but the reference does not
 * list them: these names and flags are ours. "Upload" is the name the reference's
 * InitialMemberPermission example shows.
 */
export function presetTemplates(company: string): MockPermissionTemplate[] {
  const preset = (index: number, name: string, description: string, capabilities: Capabilities) => ({
    id: makeOwnerId(index + 1, '15906265'),
    name,
    description,
    templateType: 0 as const,
    status: 1 as const,
    company,
    createTime: PRESET_TIME,
    updateTime: PRESET_TIME,
    capabilities,
  });
  const everything = allCapabilities();
  return [
    preset(0, 'Manage', 'Every permission', everything),
    preset(1, 'Edit', 'Every permission but online editing', { ...everything, editPermission: false }),
    preset(
      2,
      'Upload',
      'View, list and upload',
      capabilitiesOf('viewPermission', 'listChildNodePermission', 'uploadPermission', 'addChildNodePermission'),
    ),
    preset(
      3,
      'Download',
      'View, list, download and copy',
      capabilitiesOf('viewPermission', 'listChildNodePermission', 'downloadPermission', 'copyPermission'),
    ),
    preset(4, 'Preview', 'View and list only', capabilitiesOf('viewPermission', 'listChildNodePermission')),
  ];
}

/** A fresh governance state: the presets ("Edit" the default), nothing else. */
export function makeGovernanceState(company: string): MockGovernance {
  const templates = presetTemplates(company);
  return {
    templates,
    memberPermissions: [],
    initialPermissions: [],
    defaultTemplateId: (templates[1] as MockPermissionTemplate).id,
    moderation: [],
    auditLogs: [],
    sequence: 0,
  };
}

/** The next 19-digit ID of a kind (templates, audit logs), never given before. */
export function nextGovernanceId(governance: MockGovernance, prefix: string): string {
  governance.sequence += 1;
  return makeOwnerId(governance.sequence, prefix);
}

export function findTemplate(governance: MockGovernance, id: unknown): MockPermissionTemplate | undefined {
  return governance.templates.find((template) => template.id === String(id));
}

/** Whether a template is in use: the default, or assigned to a member or a space (queryPermissionTemplateRef). */
export function isTemplateUsed(governance: MockGovernance, id: string): boolean {
  return (
    governance.defaultTemplateId === id ||
    governance.memberPermissions.some((entry) => entry.templateId === id) ||
    governance.initialPermissions.some((entry) => entry.templateId === id)
  );
}

/** The flags an assignment grants: the anonymous template's own, or the template's. */
export function grantedBy(
  governance: MockGovernance,
  assignment: { templateId: string; capabilities?: Capabilities },
): Capabilities | undefined {
  if (assignment.templateId === ANONYMOUS_TEMPLATE_ID) return assignment.capabilities;
  return findTemplate(governance, assignment.templateId)?.capabilities;
}

/** A user's IDs: the request's form and the mock's other one (the reference uses both). */
function idsOf(state: MockState, userId: string): Set<string> {
  const user = findUser(state.org, userId);
  return new Set([userId, ...(user ? [user.id, user.userId] : [])]);
}

/**
 * The permission that applies to a user in a space (and, when given, on a file of it): their own
 * entry for the file, else for the space, else the space's initial permission, else the default
 * template. Individual spaces have no members: their owner and the administrators may do anything
 * there, so no flags apply (undefined).
 */
export function permissionOf(
  state: MockState,
  userId: string,
  containerId: string,
  fileId?: string,
): { templateId: string; capabilities: Capabilities } | undefined {
  const space = state.spaces.find((candidate) => candidate.containerId === containerId);
  if (!space || space.type === '1') return undefined;
  const { governance } = state;
  const ids = idsOf(state, userId);
  const own = governance.memberPermissions.filter((entry) => entry.container === containerId && ids.has(entry.userId));
  const entry =
    own.find((candidate) => fileId !== undefined && candidate.fileId === fileId) ??
    own.find((candidate) => !candidate.fileId);
  const initial = governance.initialPermissions.find((candidate) => candidate.spaceId === space.ownerId);
  const assignment = entry ?? initial ?? { templateId: governance.defaultTemplateId };
  const capabilities = grantedBy(governance, assignment);
  return capabilities ? { templateId: assignment.templateId, capabilities } : undefined;
}

/** Whether a user may do what `flag` grants in a space (on a file of it). */
export function allows(
  state: MockState,
  userId: string,
  containerId: string,
  flag: keyof Capabilities,
  fileId?: string,
): boolean {
  const permission = permissionOf(state, userId, containerId, fileId);
  return permission === undefined || permission.capabilities[flag];
}

/** Whether a user is on the whitelist of whitelisted-only features (everyone, when there is none). */
export const isWhitelisted = (state: MockState, userId: string) =>
  state.governance.whitelist === undefined || state.governance.whitelist.includes(userId);

/** How many audit records the mock keeps. */
export const AUDIT_LOG_LIMIT = 10_000;

/** Adds a record to the audit log (the oldest dropped past AUDIT_LOG_LIMIT). */
export function writeAuditLog(
  state: MockState,
  record: Omit<MockAuditLog, 'logId' | 'tenantId' | 'operatorName'> & { operatorName?: string },
): MockAuditLog {
  const user = findUser(state.org, record.operatorId);
  const log: MockAuditLog = {
    logId: nextGovernanceId(state.governance, '17200000'),
    tenantId: state.org.tenantId,
    operatorName: record.operatorName ?? user?.name ?? record.operatorId,
    ...record,
  };
  const logs = state.governance.auditLogs;
  logs.push(log);
  // A long soak against the mock would otherwise grow the log without end: the oldest go first.
  if (logs.length > AUDIT_LOG_LIMIT) logs.splice(0, logs.length - AUDIT_LOG_LIMIT);
  return log;
}

// The fields that name what a request acted on, in the order they are looked for.
const RESOURCE_FIELDS = [
  'fileId',
  'jobId',
  'taskId',
  'id',
  'containerId',
  'container',
  'dstContainerId',
  'spaceId',
  'name',
];

function resourceOf(request: MockRequest, reply: { body?: unknown }): string {
  const fromPath = Object.values(request.pathParams)[0];
  if (fromPath) return fromPath;
  // What the request made (CreateJob answers the new job's ID as `data`, createTask as `taskId`).
  const answered = reply.body as { data?: unknown; taskId?: unknown } | undefined;
  if (typeof answered?.data === 'string') return answered.data;
  if (typeof answered?.taskId === 'string') return answered.taskId;
  if (typeof request.body !== 'object' || request.body === null) return '';
  for (const field of RESOURCE_FIELDS) {
    const value = (request.body as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  }
  return '';
}

/**
 * Writes the audit record of a request that changes something (not a GET, not marked idempotent
 * in the spec), after its handler answered: success when HTTP 2xx with code 0.
 */
export function auditRequest(state: MockState, request: MockRequest, reply: MockReply, now: Date): void {
  const facts = (operationIndex as Record<string, { method: string; idempotent?: boolean }>)[request.operationId];
  if (!facts || facts.method === 'GET' || facts.idempotent || reply instanceof Response) return;
  const body = reply.body as { code?: unknown; msg?: unknown } | undefined;
  const succeeded = (reply.status ?? 200) < 300 && Number(body?.code ?? 0) === 0;
  writeAuditLog(state, {
    operatorId: request.headers['x-user-id'] ?? '',
    operateTime: now.toISOString(),
    operation: request.operationId,
    resource: resourceOf(request, reply),
    operateResult: succeeded ? 0 : 1,
    operatorIP: request.headers['x-forwarded-for']?.split(',')[0]?.trim() || '127.0.0.1',
    ...(succeeded ? {} : { message: String(body?.msg ?? '') }),
  });
}
