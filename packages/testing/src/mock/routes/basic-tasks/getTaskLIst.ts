import { basicTaskInfoView } from '../../../factories/tasks.js';
import { resultCodes } from '../../errors.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * Basic tasks in the order they were created, of one `taskType` and in the given `status`es when
 * asked, `pageSize` (100 by default) at a time under `taskList`. The cursor is the mock's own (the
 * position of the next page, a digit string); `nextCursor` is left out on the last page.
 */
export const getTaskLIst: MockHandler = ({ query }, { state }) => {
  const cursor = query.pageCursor === undefined ? '' : String(query.pageCursor);
  if (cursor !== '' && !/^\d+$/.test(cursor)) {
    return fail(resultCodes.parameterValidationFailed, 'query pageCursor: not a cursor this service gave');
  }
  const statuses = query.status === undefined ? undefined : ([] as unknown[]).concat(query.status).map(Number);
  const tasks = state.tasks.basicTasks.filter(
    (task) =>
      (query.taskType === undefined || task.taskType === Number(query.taskType)) &&
      (statuses === undefined || statuses.includes(task.status)),
  );
  const start = cursor === '' ? 0 : Number(cursor);
  const end = start + Number(query.pageSize ?? 100);
  return ok({
    taskList: tasks.slice(start, end).map(basicTaskInfoView),
    ...(end < tasks.length ? { nextCursor: String(end) } : {}),
  });
};
