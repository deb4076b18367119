/**
 * Factories and views of the governance groups (Refined Authorization, Permissions Templates, File
 * Moderation, Audit Log Management): `makeX(overrides, index)` gives a valid, realistic X; the
 * `…View` functions turn the mock's records (state/governance.ts) into what the operations answer.
 */
import type { AuditData, BatchGetAudit, LogInfo, PermissionTemplate } from '@koodrive/types';
import type { MockAuditLog, MockModerationRecord, MockPermissionTemplate } from '../mock/state/governance.js';
import { presetTemplates } from '../mock/state/governance-model.js';
import { makeOwnerId, TENANT_ID } from './ids.js';
import { ADMINISTRATOR_USER_ID, ORG_ID } from './org.js';

/** A template as batchGetPermissionTemplate and listPermissionTemplate answer it. */
export function permissionTemplateView(template: MockPermissionTemplate): PermissionTemplate {
  const { description, ...rest } = template;
  return { ...rest, ...(description === undefined ? {} : { description }), capabilities: { ...template.capabilities } };
}

/** A moderation record as auditList lists it (`downloadUrl` when asked for). */
export function auditDataView(record: MockModerationRecord, downloadUrl?: string): AuditData {
  return {
    sha256: record.sha256,
    size: record.size,
    auditResult: record.auditResult,
    ...(record.auditDetail === undefined ? {} : { auditDetail: record.auditDetail }),
    auditLevel: record.auditLevel,
    ...(downloadUrl === undefined ? {} : { downloadUrl }),
  };
}

/** A moderation record as batchGet answers it. */
export function batchGetAuditView(record: MockModerationRecord): BatchGetAudit {
  const { downloadUrl: _url, ...view } = auditDataView(record);
  return view;
}

/** An audit log record as listAuditLogs answers it. */
export function logInfoView(log: MockAuditLog): LogInfo {
  return { ...log };
}

/** A custom permission template record; the mock's presets are `presetTemplates(company)`. */
export function makeMockPermissionTemplate(
  overrides: Partial<MockPermissionTemplate> = {},
  index = 0,
): MockPermissionTemplate {
  const preset = presetTemplates(ORG_ID)[index % 5] as MockPermissionTemplate;
  const time = new Date(Date.UTC(2025, 2, 1) + index * 86_400_000).toISOString();
  return {
    ...preset,
    id: makeOwnerId(index, '15906265'),
    name: `Custom ${index + 1}`,
    description: `Custom template ${index + 1}`,
    templateType: 1,
    createTime: time,
    updateTime: time,
    ...overrides,
  };
}

/** A template as the template operations answer it. */
export const makePermissionTemplate = (overrides: Partial<MockPermissionTemplate> = {}, index = 0) =>
  permissionTemplateView(makeMockPermissionTemplate(overrides, index));

/** A moderation record for the mock's state: a high-sensitivity verdict by machine unless overridden. */
export function makeMockModerationRecord(
  overrides: Partial<MockModerationRecord> = {},
  index = 0,
): MockModerationRecord {
  const hex = (index * 2654435761).toString(16).padStart(8, '0');
  return {
    sha256: `d5757c6fe0882122d45456d1ecd2fbce59abfb00f86508be7f623${hex}`.slice(0, 64).padEnd(64, '0'),
    size: 11239 + index,
    auditResult: 3,
    auditDetail: JSON.stringify({ label: 'sample', score: 0.97 }),
    auditLevel: 10,
    updatedAt: Date.UTC(2025, 0, 1) + index * 60_000,
    ...overrides,
  };
}

/** auditList's row for a made record. */
export const makeAuditData = (overrides: Partial<MockModerationRecord> = {}, index = 0): AuditData =>
  auditDataView(makeMockModerationRecord(overrides, index));

/** batchGet's row for a made record. */
export const makeBatchGetAudit = (overrides: Partial<MockModerationRecord> = {}, index = 0): BatchGetAudit =>
  batchGetAuditView(makeMockModerationRecord(overrides, index));

/** An audit log record for the mock's state: the administrator's successful CreateJob unless overridden. */
export function makeMockAuditLog(overrides: Partial<MockAuditLog> = {}, index = 0): MockAuditLog {
  return {
    logId: makeOwnerId(index, '17200000'),
    tenantId: TENANT_ID,
    operatorName: 'Tenant Administrator',
    operatorId: ADMINISTRATOR_USER_ID,
    operateTime: new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
    operation: 'CreateJob',
    resource: makeOwnerId(index, '13092431'),
    operateResult: 0,
    operatorIP: '127.0.0.1',
    ...overrides,
  };
}

/** listAuditLogs's row for a made record. */
export const makeLogInfo = (overrides: Partial<MockAuditLog> = {}, index = 0): LogInfo =>
  logInfoView(makeMockAuditLog(overrides, index));
