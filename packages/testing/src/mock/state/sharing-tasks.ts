/**
 * Share tasks (createBatchTask / getBatchTask): downloading a share's files as one archive, or
 * saving them to a folder of the caller's.
 *
 * The reference gives the states (0 pending, 1 running, 2 done, 3 cancelled) and the outcome codes,
 * not the timing. The mock's choice: a task moves one state each time getBatchTask reads it
 * (pending → running at 50 % → done), so a client's polling is exercised and a test stays
 * deterministic whatever its clock. The work happens on the step to done: the archive is built
 * (state/share-archive.ts) or the files copied, each file with its own outcome.
 */
import type { createBatchTaskRequestBody, ShareJobInfo, ShareTaskInfo } from '@koodrive/types';
import type { MockContext, MockState } from '../types.js';
import { copyFile, findSpace, findTargetFolder, MockFileError, rootOf } from './files.js';
import { entriesOf, storeArchive } from './share-archive.js';
import type { MockShare, MockShareTask } from './sharing.js';
import { notify, recordAccess } from './sharing-events.js';
import {
  aliasesOf,
  inShare,
  isOwner,
  liveNode,
  nameOf,
  nextId,
  refuse,
  sharingCodes,
  sharingOf,
} from './sharing-model.js';
import { displayNameOf } from './sharing-views.js';

/**
 * Starts a task, refusing at once what cannot work: files of another space than the share's
 * (13000302), no files (13000102), a save without a target folder (13000102) or into another
 * user's individual space (13000410) or a target that is not a folder (13000304, 13000404).
 */
export function startShareTask(
  state: MockState,
  share: MockShare,
  caller: string,
  body: createBatchTaskRequestBody,
  now: number,
): MockShareTask {
  if (body.containerId !== share.containerId) {
    refuse(sharingCodes.fileNotInSpace, `the share's files are in space ${share.containerId}, not ${body.containerId}`);
  }
  if (body.fileIds.length === 0) refuse(sharingCodes.invalid, 'parameter validation failed: fileIds is empty');
  let target: MockShareTask['target'];
  if (body.taskType === 2) {
    if (!body.targetFileId)
      refuse(sharingCodes.invalid, 'parameter validation failed: a save (taskType 2) needs targetFileId');
    const space = findSpace(state, body.targetFileId.containerId);
    if (space?.type === '1' && !aliasesOf(state, caller).includes(space.ownerId)) {
      refuse(
        sharingCodes.noPermission,
        `no permission on space ${body.targetFileId.containerId}: it is another user's individual space`,
      );
    }
    const folder = findTargetFolder(state, body.targetFileId.containerId, body.targetFileId.fileId);
    target = { fileId: folder.id, containerId: folder.containerId };
  }
  const task: MockShareTask = {
    taskId: nextId(sharingOf(state), '17300000'),
    shareId: share.shareId,
    userId: caller,
    taskType: body.taskType as 1 | 2,
    containerId: body.containerId,
    fileIds: [...body.fileIds],
    ...(body.zipName ? { zipName: body.zipName } : {}),
    ...(target ? { target } : {}),
    taskStatus: 0,
    progress: 0,
    createdAt: now,
    items: body.fileIds.map((fileId) => ({ fileId, status: '0', srcContainerId: body.containerId })),
  };
  sharingOf(state).tasks.push(task);
  return task;
}

function finish(task: MockShareTask, now: number): void {
  const failed = task.items.filter((item) => item.status === '2').length;
  task.taskResultCode = failed === 0 ? 1 : failed < task.items.length ? 2 : 3;
  task.taskStatus = 2;
  task.progress = 100;
  task.endedAt = now;
}

async function runDownload(
  state: MockState,
  share: MockShare,
  task: MockShareTask,
  context: MockContext,
  origin: string,
) {
  const nodes = [];
  for (const item of task.items) {
    const node = liveNode(state, item.fileId);
    if (node && inShare(state, share, node)) {
      nodes.push(node);
      item.status = '1';
    } else {
      item.status = '2';
      item.problem = `file ${item.fileId} is not in this share`;
    }
  }
  if (nodes.length === 0) return;
  const archive = await storeArchive(state, {
    name: task.zipName ?? `${displayNameOf(state, share)}.zip`,
    containerId: share.containerId,
    ownerId: task.userId,
    entries: await entriesOf(state, nodes),
    now: context.now(),
  });
  task.downloadUrl = await context.storage.downloadUrl(origin, archive);
}

function runSave(state: MockState, share: MockShare, task: MockShareTask, now: Date) {
  const target = task.target as NonNullable<MockShareTask['target']>;
  for (const item of task.items) {
    const node = liveNode(state, item.fileId);
    if (!node || !inShare(state, share, node)) {
      item.status = '2';
      item.problem = `file ${item.fileId} is not in this share`;
      continue;
    }
    try {
      const folderId = target.fileId === 'root' ? rootOf(state, target.containerId).id : target.fileId;
      const copy = copyFile(state, node.id, folderId, { onConflict: 'rename', now });
      copy.ownerId = task.userId;
      item.status = '1';
      item.newFileId = copy.id;
      recordAccess(state, {
        userId: task.userId,
        fileId: copy.id,
        containerId: copy.containerId,
        operateType: 4,
        at: now.getTime(),
        shareId: share.shareId,
      });
    } catch (error) {
      if (!(error instanceof MockFileError)) throw error;
      item.status = '2';
      item.problem = error.message;
    }
  }
  if (task.items.some((item) => item.status === '1')) {
    share.saveCnt += 1;
    if (!isOwner(state, share, task.userId)) {
      const context = `${nameOf(state, task.userId)} saved files of your share "${displayNameOf(state, share)}"`;
      notify(state, { from: task.userId, to: [aliasesOf(state, share.ownerId)], context, share }, now.getTime());
    }
  }
}

/** Moves a task one state on (pending → running → done), doing its work on the last step. */
export async function advanceShareTask(
  state: MockState,
  share: MockShare,
  task: MockShareTask,
  context: MockContext,
  origin: string,
): Promise<void> {
  const now = context.now();
  if (task.taskStatus === 0) {
    task.taskStatus = 1;
    task.startedAt = now.getTime();
    task.progress = 50;
  } else if (task.taskStatus === 1) {
    if (task.taskType === 1) await runDownload(state, share, task, context, origin);
    else runSave(state, share, task, now);
    finish(task, now.getTime());
  }
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `yyyyMMddHHmmss`, UTC, as the reference gives a share task's times. */
export function taskTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** getBatchTask's answer for a task. */
export function taskView(task: MockShareTask): { jobInfo: ShareJobInfo; taskInfos: ShareTaskInfo[] } {
  return {
    jobInfo: {
      userId: task.userId,
      taskId: task.taskId,
      taskType: task.taskType,
      taskStatus: task.taskStatus,
      ...(task.taskResultCode !== undefined ? { taskResultCode: task.taskResultCode } : {}),
      createTime: taskTime(task.createdAt),
      ...(task.startedAt !== undefined ? { startTime: taskTime(task.startedAt) } : {}),
      ...(task.endedAt !== undefined ? { endTime: taskTime(task.endedAt) } : {}),
      progress: task.progress,
      ...(task.downloadUrl ? { downloadUrl: task.downloadUrl } : {}),
    },
    taskInfos: task.items.map((item) => ({
      fileId: item.fileId,
      status: item.status,
      ...(item.newFileId ? { newFileId: item.newFileId } : {}),
      srcContainerId: item.srcContainerId,
    })),
  };
}
