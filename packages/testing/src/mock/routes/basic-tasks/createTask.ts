import type { createTaskRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import { findUser } from '../../state/org-model.js';
import { userMissing } from '../../state/org-replies.js';
import { nextTaskId } from '../../state/task-engine.js';
import type { MockBasicTask } from '../../state/tasks.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

const invalid = (problem: string) =>
  fail(resultCodes.parameterValidationFailed, `parameter validation failed: ${problem}`);

/**
 * Creates a basic task, NEW at first, answering its `taskId` at the top level: a handover
 * (taskType 0, the default when it is left out) of `srcUserId`'s data to `dstUserId`, both users of
 * the organization and not the same, or a batch import of users (1) with `orgId` and `orgUserId`.
 * The task then runs on the mock's clock (state/tasks.ts); `state.tasks.nextTaskFailure` makes it
 * fail with that code. The handover itself moves nothing in the mock: the reference does not say
 * what "transfer and delete" does to the files or to the source user.
 */
export const createTask: MockHandler = ({ body, headers }, { state, now }) => {
  const request = body as createTaskRequestBody;
  const taskType = request.taskType ?? 0;
  let taskName: string;
  if (taskType === 0) {
    if (!request.srcUserId || !request.dstUserId)
      return invalid('a handover (taskType 0) needs srcUserId and dstUserId');
    const source = findUser(state.org, request.srcUserId);
    const recipient = findUser(state.org, request.dstUserId);
    if (!source || !recipient) return userMissing();
    if (source.id === recipient.id) return invalid('srcUserId and dstUserId name the same user');
    taskName = `handover of ${source.name} to ${recipient.name}`;
  } else {
    if (!request.orgId || !request.orgUserId) return invalid('a batch import (taskType 1) needs orgId and orgUserId');
    taskName = `user import ${request.resultId ?? ''}`.trim();
  }
  const { nextTaskFailure } = state.tasks;
  delete state.tasks.nextTaskFailure;
  const task: MockBasicTask = {
    taskId: nextTaskId(state.tasks, '15340870'),
    taskName,
    taskType,
    tenantId: state.org.tenantId,
    userId: headers['x-user-id'] ?? '',
    ...(request.srcUserId ? { srcUserId: request.srcUserId } : {}),
    ...(request.dstUserId ? { dstUserId: request.dstUserId } : {}),
    ...(request.orgId ? { orgId: request.orgId } : {}),
    ...(request.orgUserId ? { orgUserId: request.orgUserId } : {}),
    ...(request.resultId ? { resultId: request.resultId } : {}),
    status: 0,
    createdAt: now().getTime(),
    ...(nextTaskFailure ? { plannedFailure: nextTaskFailure } : {}),
  };
  state.tasks.basicTasks.push(task);
  return ok({ taskId: task.taskId });
};
