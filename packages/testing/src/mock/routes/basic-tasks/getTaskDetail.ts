import { resultCodes } from '../../errors.js';
import { findTask } from '../../state/task-engine.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/** A basic task's state as of the mock's clock, its fields at the top level; `resultCode` only when it failed. */
export const getTaskDetail: MockHandler = ({ pathParams }, { state }) => {
  const task = findTask(state, pathParams.task_id);
  if (!task) return fail(resultCodes.resourceMissing, `task ${pathParams.task_id} does not exist`);
  const { taskId, taskName, taskType, tenantId, userId, status, resultCode } = task;
  return ok({ taskId, taskName, taskType, tenantId, userId, status, ...(resultCode ? { resultCode } : {}) });
};
