/**
 * What the governance routes share: their failures, worded once, and checking an assignment of a
 * template (PermissionBatchUpdate, addMemberInitialPermission).
 */
import type { Capabilities, SpaceInfo } from '@koodrive/types';
import { resultCodes } from '../errors.js';
import { fail } from '../routes/replies.js';
import type { MockReply, MockState } from '../types.js';
import { ANONYMOUS_TEMPLATE_ID, type MockPermissionTemplate } from './governance.js';
import { findTemplate } from './governance-model.js';
import { findDepartment } from './org-model.js';

/** HTTP 400, 13000102, as the spec check words it. */
export const invalid = (problem: string) =>
  fail(resultCodes.parameterValidationFailed, `parameter validation failed: ${problem}`);

/** HTTP 400, 13000309: no template of this ID. */
export const templateMissing = (id: unknown) =>
  fail(resultCodes.resourceMissing, `permission template ${String(id)} does not exist`);

/** HTTP 400, 13000101: a whitelisted-only feature asked by someone else. */
export const notWhitelisted = () => fail(resultCodes.badRequest, 'file moderation is for whitelisted users only');

/**
 * A template assignment, checked: the anonymous template ("-1") needs its `capabilities`; another
 * must exist and be enabled (a disabled template cannot be given: the mock's reading of `status`).
 */
export function checkAssignment(
  state: MockState,
  templateId: string,
  capabilities: Capabilities | undefined,
  where: string,
): MockReply | { template?: MockPermissionTemplate } {
  if (templateId === ANONYMOUS_TEMPLATE_ID) {
    return capabilities ? {} : invalid(`${where}: the anonymous template (-1) needs capabilities`);
  }
  const template = findTemplate(state.governance, templateId);
  if (!template) return templateMissing(templateId);
  if (template.status !== 1) return fail(resultCodes.badRequest, `permission template ${templateId} is disabled`);
  return { template };
}

/** Whether a checked assignment came back as a refusal. */
export const isReply = (value: unknown): value is MockReply =>
  value instanceof Response || (typeof value === 'object' && value !== null && 'body' in value);

/** A group's or department's space: `spaceType` 1 group, 0 department, as Refined Authorization numbers them. */
export function ownedSpace(state: MockState, spaceId: string): { spaceType: 0 | 1; space?: SpaceInfo } | undefined {
  const group = state.org.groups.find((candidate) => candidate.id === spaceId);
  const department = group ? undefined : findDepartment(state.org, spaceId);
  if (!group && !department) return undefined;
  const space = state.spaces.find((candidate) => candidate.ownerId === spaceId && String(candidate.type) !== '1');
  return { spaceType: group ? 1 : 0, ...(space ? { space } : {}) };
}
