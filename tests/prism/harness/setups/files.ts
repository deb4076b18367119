/** Setups of the file operations, and of the batch jobs and tasks that act on files and users. */
import { addFile } from '@koodrive/testing';
import { USER_ID } from '../credentials.ts';
import { asIs, ownFolder, ownSpace, type Setup, spaceOfType, withBody, withParams } from './helpers.ts';

/** A zip archive with no entry: its end-of-central-directory record alone. */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

/** The ID of the newest batch job (CreateJob's). */
function lastJob(state: Parameters<Setup>[1]): string {
  const job = state.tasks.jobs.at(-1);
  if (!job) throw new Error('the mock’s data has no batch job: did CreateJob succeed?');
  return job.taskId;
}

export const fileSetups: Record<string, Setup> = {
  // A folder in the caller's own space, for the file operations that follow.
  createDirectory: (input, state) => withBody(input, { containerId: ownSpace(state), parentFolder: ['root'] }),
  // A new file goes into the caller's root folder (`root`, as the spec says), beside createDirectory's folder.
  createFile: (input) => withBody(input, { parentFolder: ['root'], fileName: 'prism-file.bin' }),
  // One part as long as the file createFile started (its length comes from the schema: 1 byte).
  uploadUrl: (input) => withBody(input, { multiParts: [{ partNumber: 1, partSize: 1, partOffset: 0 }] }),
  // The caller's own individual space (file lists act in it).
  getPersonalFiles: (input, state) => withBody(input, { containerId: ownSpace(state), parentFileId: 'root' }),
  // A department's team space, named by the department and the space.
  getDepartmentFiles: (input, state) => {
    const { ownerId, containerId } = spaceOfType(state, '0');
    return withBody(withParams(input, { path: { groupId: ownerId } }), { containerId, parentFileId: 'root' });
  },
  // The first page of a search takes an empty cursor.
  Search: (input) => {
    const body = input.body as { pageInfo?: Record<string, unknown> };
    return withBody(input, { pageInfo: { ...body.pageInfo, pageCursor: '' } });
  },
  // An archive to list: the smallest zip there is, with no entry.
  listFile: async (input, state) => {
    const archive = await addFile(state, {
      containerId: ownSpace(state),
      parentId: 'root',
      name: 'prism-empty.zip',
      content: EMPTY_ZIP,
    });
    return withBody(input, { containerId: archive.containerId, fileId: archive.id });
  },
  // A copy of createDirectory's folder into the same space's root.
  CreateJob: (input, state) =>
    withBody(input, {
      taskType: 1,
      taskInfo: { fileInfo: [{ fileId: ownFolder(state) }], srcContainerId: ownSpace(state), newFilePath: 'root' },
      dstContainerId: ownSpace(state),
    }),
  // The job CreateJob started (the tests keep jobs pending, so it can be cancelled).
  CancelJob: (input, state) => withBody(input, { jobId: lastJob(state) }),
  GetJobDetail: (input, state) => withParams(input, { path: { job_id: lastJob(state) } }),
  // Without a taskId, the caller's latest user import, which must have ended.
  getTaskResult: (input, state) => {
    state.tasks.basicTasks.push({
      taskId: 'prism-import-task',
      taskName: 'user import',
      taskType: 1,
      tenantId: state.org.tenantId,
      userId: USER_ID,
      status: 2,
      createdAt: Date.now(),
    });
    return asIs(input);
  },
};
