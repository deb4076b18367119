import type { createBatchTaskRequestBody } from '@koodrive/types';
import { callerOf, openShare } from '../../state/sharing-model.js';
import { startShareTask } from '../../state/sharing-tasks.js';
import { ok } from '../replies.js';
import { sharingRoute } from '../sharing-guard.js';

/**
 * Starts a share task on files of a share opened through its link (a share with an access code
 * wants its kdstoken): an archive to download (taskType 1) or a save to a folder of the caller's
 * (taskType 2). It starts pending; getBatchTask moves it on (see state/sharing-tasks.ts).
 */
export const createBatchTask = sharingRoute((request, { state, now }) => {
  const body = request.body as createBatchTaskRequestBody;
  const caller = callerOf(request.headers);
  const at = now().getTime();
  const share = openShare(state, { shareId: body.shareId }, caller, body.kdstoken, at);
  return ok({ taskId: startShareTask(state, share, caller, body, at).taskId });
});
