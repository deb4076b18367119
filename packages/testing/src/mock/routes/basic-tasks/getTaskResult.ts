import { resultCodes } from '../../errors.js';
import { findUser } from '../../state/org-model.js';
import { findTask } from '../../state/task-engine.js';
import type { MockBasicTask } from '../../state/tasks.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * The result of a task that has ended. For a batch import, `state.tasks.importResult` as it was
 * when the task ended (the reference's example by default). For a handover the reference shows
 * no result; the mock answers one user handed over, or failed with the task's result code.
 * Without `taskId`, the caller's latest import task. A task still running: HTTP 400, 13000101.
 */
export const getTaskResult: MockHandler = ({ query, headers }, { state }) => {
  const caller = headers['x-user-id'] ?? '';
  const task: MockBasicTask | undefined =
    query.taskId === undefined
      ? state.tasks.basicTasks.filter((candidate) => candidate.taskType === 1 && candidate.userId === caller).at(-1)
      : findTask(state, query.taskId);
  if (!task)
    return fail(resultCodes.resourceMissing, `task ${String(query.taskId ?? '(latest import)')} does not exist`);
  if (task.status < 2) return fail(resultCodes.badRequest, `task ${task.taskId} has not ended yet`);
  if (task.importResult) return ok({ data: structuredClone(task.importResult) });
  const succeeded = task.status === 2;
  const source = findUser(state.org, task.srcUserId ?? '');
  return ok({
    data: {
      successCount: succeeded ? 1 : 0,
      failCount: succeeded ? 0 : 1,
      failInfoList: succeeded ? [] : [{ userName: source?.name ?? task.srcUserId ?? '', desc: task.resultCode ?? '' }],
    },
  });
};
