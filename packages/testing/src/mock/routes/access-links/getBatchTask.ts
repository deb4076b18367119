import type { getBatchTaskRequestBody } from '@koodrive/types';
import { callerOf, openShare, refuse, sameUser, sharingCodes, sharingOf } from '../../state/sharing-model.js';
import { advanceShareTask, taskView } from '../../state/sharing-tasks.js';
import { ok } from '../replies.js';
import { originOf, sharingRoute } from '../sharing-guard.js';

/**
 * A share task's state and its outcome per file (`taskInfos` as a list, which the spec accepts
 * beside the documented single object). Only the user who started it sees it (13000309 otherwise).
 * Each read moves the task one state on (pending → running → done), the mock's timing.
 */
export const getBatchTask = sharingRoute(async (request, context) => {
  const { state, now } = context;
  const body = request.body as getBatchTaskRequestBody;
  const caller = callerOf(request.headers);
  const share = openShare(state, { shareId: body.shareId }, caller, body.kdstoken, now().getTime());
  const task = sharingOf(state).tasks.find(
    (candidate) => candidate.taskId === body.taskId && candidate.shareId === share.shareId,
  );
  if (!task || !sameUser(state, caller, task.userId))
    refuse(sharingCodes.missing, `task ${body.taskId} does not exist`);
  await advanceShareTask(state, share, task, context, originOf(request));
  return ok(taskView(task));
});
