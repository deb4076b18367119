/**
 * Long-running work the mock KooDrive keeps (`state.tasks`): batch jobs (CreateJob: copy, delete,
 * move, restore, decompress, package download, empty the recycle bin) and basic tasks (createTask:
 * user handovers and batch imports of users).
 *
 * Both advance on the mock's clock (the `clock` option): a job is pending (0) for
 * `timing.pendingMs`, processing (1) for `timing.processingMs`, then completed (2), when its work is
 * done on the file tree all at once; a basic task goes NEW (0) → EXECUTING (1) → SUCCESS (2) or
 * FAILED (3) on the same timing. CancelJob stops a pending or processing job (3) before it touches
 * anything. Tests move the clock, or set the timing to 0 for work that ends at once.
 */
import type { UserImportResultDto } from '@koodrive/types';

/** How long work waits and runs, in milliseconds of the mock's clock. */
export interface MockTaskTiming {
  pendingMs: number;
  processingMs: number;
}

/**
 * How one file of a job fared: an element of GetJobDetail's `taskInfos`. The reference does not
 * document these fields; this shape is the mock's: `code` 0 or the 13000xxx code of the failure.
 */
export interface MockJobItem {
  fileId: string;
  code: number;
  msg: string;
  /** The new file a copy or decompression made. */
  newFileId?: string;
  /** For a decompression, the archive entry this item extracted. */
  entry?: string;
}

/**
 * An archive entry, as GetJobDetail's `uncompressedFileList` holds it for decompression jobs. Its
 * fields are not documented there; the mock uses listFile's UncompressedFileinfoList fields.
 */
export interface MockArchiveEntry {
  name: string;
  /** "1" a file, "2" a directory. */
  type: '1' | '2';
  fileSize: string;
  updateAt: string;
  code: string;
}

/** A batch job. */
export interface MockJob {
  taskId: string;
  /** 1 copy, 2 delete, 3 move, 4 restore, 5 decompress, 6 package download, 7 empty the recycle bin. */
  taskType: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  actionType?: 101 | 201 | 202 | 301 | 501 | 502 | 503 | 701;
  taskName: string;
  /** The creator (X-User-Id). */
  userId: string;
  tenantId: string;
  srcContainerId: string;
  dstContainerId: string;
  fileIds: string[];
  newFilePath?: string;
  uncompressFilePaths?: string[];
  password?: string;
  /** 0 pending, 1 processing, 2 completed, 3 canceled. */
  status: 0 | 1 | 2 | 3;
  /** Times in ms of the mock's clock. */
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  /** 0 to 100 (a percentage: the reference gives no unit, this is the mock's). */
  progress: number;
  /** Once completed: 1 all succeeded, 2 partly failed, 3 all failed. */
  taskResultCode?: 1 | 2 | 3;
  items: MockJobItem[];
  archiveEntries: MockArchiveEntry[];
  /** A package download's link, through the mock's storage. */
  downloadUrl?: string;
}

/** A basic task: a handover (taskType 0) or a batch import of users (1). */
export interface MockBasicTask {
  taskId: string;
  taskName: string;
  taskType: 0 | 1;
  tenantId: string;
  /** The creator (X-User-Id). */
  userId: string;
  srcUserId?: string;
  dstUserId?: string;
  orgId?: string;
  orgUserId?: string;
  resultId?: string;
  /** 0 NEW, 1 EXECUTING, 2 SUCCESS, 3 FAILED. */
  status: 0 | 1 | 2 | 3;
  /** Why it failed: an "18xxxxxx" code. */
  resultCode?: string;
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  /** The result code it will fail with, when a test planned a failure. */
  plannedFailure?: string;
  /** A batch import's result, fixed when the task ends. */
  importResult?: UserImportResultDto;
}

/** Everything the task routes keep, and what tests may script. */
export interface MockTasks {
  jobs: MockJob[];
  basicTasks: MockBasicTask[];
  timing: MockTaskTiming;
  /**
   * Files that fail in every job, by file ID, with the code and message of the failure: a test's
   * way to get a partly failed job when the tree itself would not refuse.
   */
  failingFiles: Record<string, { code: number; msg: string }>;
  /** The next basic task created fails with this result code (then it is cleared). */
  nextTaskFailure?: string;
  /** getHandoverDstUserInfo's answer per handed-over user ID; default: the organization's administrator. */
  handoverRecipients: Record<string, { id: string; name: string }>;
  /** What a batch import task's getTaskResult answers; default the reference's example. */
  importResult: UserImportResultDto;
  /** Numbers the next IDs. */
  sequence: number;
}

/** The result code of a failed handover, as the reference's example shows it (its meaning is not documented). */
export const HANDOVER_FAILURE_CODE = '18000205';

/** An empty task state with the default timing: 100 ms pending, 200 ms processing. */
export function makeTasksState(overrides: Partial<MockTasks> = {}): MockTasks {
  return {
    jobs: [],
    basicTasks: [],
    timing: { pendingMs: 100, processingMs: 200 },
    failingFiles: {},
    handoverRecipients: {},
    importResult: { successCount: 1, failCount: 1, failInfoList: [{ userName: 'ss' }] },
    sequence: 0,
    ...overrides,
  };
}
