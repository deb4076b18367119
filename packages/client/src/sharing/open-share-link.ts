/**
 * Opening a share through its link, as a recipient's browser does: visitShare, getShareInfo, then
 * verifyExtractCode when the share has an access code, keeping the `kdstoken` it returns for every
 * later call on the share's files (listShareFiles, downloadShareFile, createBatchTask,
 * getBatchTask), where it travels as a body field.
 */
import type { CommonShareLink, listShareFilesRequestBody, ShareFile } from '@koodrive/types';
import type { KooDriveClient } from '../client.js';
import { KooDriveApiError, KooDriveError, KooDriveValidationError } from '../errors.js';
import {
  createBatchTask,
  downloadShareFile,
  getBatchTask,
  getShareInfo,
  listShareFiles,
  verifyExtractCode,
  visitShare,
} from '../generated/operations/access-links.js';
import { type PollingOptions, pollUntilFinal } from '../jobs/poll.js';
import type { FetchLike } from '../pipeline.js';
import { KooDriveShareLinkError } from './share-link-error.js';
import { isFinal, readShareTask, type ShareTaskState } from './share-task.js';
import { shortCodeOf } from './short-code.js';

/** Any KooDrive client, with or without `throwOnError`. */
export type ShareClient = KooDriveClient<boolean>;

/** Options of `openShareLink`. */
export interface OpenShareLinkOptions {
  /** The share's access code, when it has one. */
  extractCode?: string;
  /** Aborts the calls that open the link. */
  signal?: AbortSignal;
  /** What `download()` GETs presigned links with; default the global `fetch`. */
  fetch?: FetchLike;
}

/** What `files()` takes: a folder of the share, a name filter, the order, the page size. */
export interface ShareFilesOptions {
  /** A folder of the share to list; the share's top level when absent. */
  parentFolder?: string;
  /** Keeps the files whose name matches. */
  fileName?: string;
  /** 1 name, 2 size, 4 time of the last change (the default). */
  sortType?: 1 | 2 | 4;
  /** 1 ascending, 2 descending (the default). */
  sortDirection?: 1 | 2;
  /** Files per request, at most 100 (the default). */
  pageSize?: number;
  signal?: AbortSignal;
}

/** What the task starters take beside the files. */
export interface ShareTaskOptions {
  /** The space holding the files; default the one the share's files are in (learned when the link was opened). */
  containerId?: string;
  signal?: AbortSignal;
}

/** A share opened through its link. */
export interface OpenedShare {
  /** The share's short code. */
  readonly shortUrl: string;
  readonly shareId: string;
  /** The share as its link shows it (getShareInfo): owner, times, permissions, state. */
  readonly info: CommonShareLink;
  /** The space the share's files are in, when the share had a file to show it. */
  readonly containerId: string | undefined;
  /** Whether an extraction code was verified (a kdstoken is held for the share's calls). */
  readonly verified: boolean;
  /** The share's files (or a folder's), page by page through `kd.paginate` as the loop asks. */
  files(options?: ShareFilesOptions): AsyncGenerator<ShareFile, void, undefined>;
  /** A presigned link to one file of the share (downloadShareFile). Keep it to yourself: it opens the file. */
  downloadUrl(fileId: string, options?: { signal?: AbortSignal }): Promise<string>;
  /**
   * One file's bytes: its link from downloadShareFile, then a GET of it. The answer's body is the
   * file. A link the storage refuses as expired (403) is asked for again once.
   */
  download(fileId: string, options?: { signal?: AbortSignal }): Promise<Response>;
  /** Starts an archive of files and folders of the share (createBatchTask, taskType 1); answers the task's ID. */
  startDownloadTask(fileIds: readonly string[], options?: ShareTaskOptions & { zipName?: string }): Promise<string>;
  /** Starts saving files of the share to a folder of the caller's (createBatchTask, taskType 2); answers the task's ID. */
  startSaveTask(
    fileIds: readonly string[],
    target: { containerId: string; fileId: string },
    options?: ShareTaskOptions,
  ): Promise<string>;
  /** A task's state now (getBatchTask). */
  getTask(taskId: string, options?: { signal?: AbortSignal }): Promise<ShareTaskState>;
  /** Reads a task until it is done or cancelled (1 s, growing to 10 s, between reads unless `interval` says). */
  waitForTask(taskId: string, options?: PollingOptions): Promise<ShareTaskState>;
  /** The kdstoken verifyExtractCode returned, for calls of your own; undefined when no code was verified. */
  kdstoken(): string | undefined;
}

/** The data of a call, or its error thrown (a client without `throwOnError` returns it). */
async function dataOf<Data>(pending: Promise<{ data?: Data; error?: unknown }>): Promise<Data> {
  const result = await pending;
  if (result.error !== undefined) throw result.error;
  return result.data as Data;
}

/**
 * Whether the service refused a request (rather than failing to answer it): what a missing or
 * wrong extraction code gets. The reference documents no code for either, so any 400, 403 or
 * business error counts; a 401 (the user's own token) or a server error does not.
 */
const isRefusal = (error: unknown): error is KooDriveApiError =>
  error instanceof KooDriveApiError && ['bad-request', 'forbidden', 'business-error'].includes(error.kind);

function checkId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new KooDriveValidationError(field, 'must be a non-empty string');
  return value;
}

function checkFileIds(fileIds: unknown): string[] {
  if (!Array.isArray(fileIds) || fileIds.length === 0) {
    throw new KooDriveValidationError('fileIds', 'must be a non-empty list of file IDs');
  }
  return fileIds.map((id, index) => checkId(`fileIds[${index}]`, id));
}

/**
 * Opens a share through its link (or short code), as a recipient: visitShare → getShareInfo →
 * verifyExtractCode (with `extractCode`), then lists one file to make sure the share opens and to
 * learn the space its files are in. Throws a KooDriveShareLinkError when the share has expired, or
 * when its extraction code is missing or wrong (`reason` says which); other failures as the calls
 * report them (a share that does not exist: the KooDriveApiError of visitShare).
 *
 * @example
 * const share = await openShareLink(kd, 'https://…/cloudfile/#/sharelink/i/1808628918203192833', { extractCode: '31945314' });
 * for await (const file of share.files()) console.log(file.fileName);
 * const response = await share.download(fileId);
 */
export async function openShareLink(
  kd: ShareClient,
  link: string,
  options: OpenShareLinkOptions = {},
): Promise<OpenedShare> {
  const shortUrl = shortCodeOf(link);
  const { extractCode, signal } = options;
  if (extractCode !== undefined && (typeof extractCode !== 'string' || extractCode === '')) {
    throw new KooDriveValidationError('extractCode', 'must be a non-empty string when given');
  }
  const fetchLink: FetchLike = options.fetch ?? ((request, init) => fetch(request, init));
  const withSignal = (own?: AbortSignal) => ((own ?? signal) ? { signal: own ?? signal } : {});

  await dataOf(visitShare(kd, { params: { query: { shortUrl } }, ...withSignal() }));
  const { link: info } = await dataOf(getShareInfo(kd, { params: { query: { shortUrl } }, ...withSignal() }));
  if (!info?.shareId) throw new KooDriveError(`getShareInfo answered no share for the link ${shortUrl}`);
  if (info.status === 2) {
    throw new KooDriveShareLinkError('expired', shortUrl, info.expireTime ? { detail: `at ${info.expireTime}` } : {});
  }
  const shareId = info.shareId;

  let token: string | undefined;
  if (extractCode !== undefined) {
    try {
      const verified = await dataOf(verifyExtractCode(kd, { body: { shortUrl, extractCode }, ...withSignal() }));
      token = verified.kdstoken || undefined;
    } catch (error) {
      if (isRefusal(error)) throw new KooDriveShareLinkError('extract-code-wrong', shortUrl, { cause: error });
      throw error;
    }
    if (token === undefined) throw new KooDriveError(`verifyExtractCode answered no kdstoken for the link ${shortUrl}`);
  }
  const withToken = <Body extends object>(body: Body) => (token === undefined ? body : { ...body, kdstoken: token });

  let containerId: string | undefined;
  try {
    const probe = await dataOf(listShareFiles(kd, { body: withToken({ shortUrl, pageSize: 1 }), ...withSignal() }));
    containerId = probe.files?.[0]?.containers?.[0];
  } catch (error) {
    if (token === undefined && isRefusal(error)) {
      throw new KooDriveShareLinkError('extract-code-missing', shortUrl, { cause: error });
    }
    throw error;
  }

  const spaceOf = (given: string | undefined) => {
    const space = given ?? containerId;
    if (!space) {
      throw new KooDriveValidationError(
        'containerId',
        'the share showed no file to learn its space from: pass { containerId }',
      );
    }
    return checkId('containerId', space);
  };

  async function downloadUrl(fileId: string, own: { signal?: AbortSignal } = {}): Promise<string> {
    const body = withToken({ shareId, fileId: checkId('fileId', fileId) });
    const { downloadUrl: url } = await dataOf(downloadShareFile(kd, { body, ...withSignal(own.signal) }));
    if (!url) throw new KooDriveError(`downloadShareFile answered no link for file ${fileId} of share ${shareId}`);
    return url;
  }

  async function download(fileId: string, own: { signal?: AbortSignal } = {}): Promise<Response> {
    const active = own.signal ?? signal;
    for (let attempt = 0; ; attempt++) {
      const response = await fetchLink(new Request(await downloadUrl(fileId, own)), active ? { signal: active } : {});
      if (response.ok) return response;
      await response.body?.cancel().catch(() => undefined);
      // A presigned link refused as expired: one fresh link. The link itself never goes into an error.
      if (response.status === 403 && attempt === 0) continue;
      throw new KooDriveError(
        `the storage answered HTTP ${response.status} to the download of file ${fileId} of share ${shareId}`,
      );
    }
  }

  async function startTask(body: Parameters<typeof createBatchTask>[1]['body'], own: ShareTaskOptions) {
    const { taskId } = await dataOf(createBatchTask(kd, { body: withToken(body), ...withSignal(own.signal) }));
    if (!taskId) throw new KooDriveError(`createBatchTask answered no task ID for share ${shareId}`);
    return taskId;
  }

  async function readTask(taskId: string, own?: AbortSignal) {
    const body = withToken({ shareId, taskId: checkId('taskId', taskId) });
    const result = await getBatchTask(kd, { body, ...withSignal(own) });
    if (result.error !== undefined) throw result.error;
    return { value: readShareTask(taskId, result.data), traceId: result.traceId };
  }

  return {
    shortUrl,
    shareId,
    info,
    containerId,
    verified: token !== undefined,
    files(filesOptions: ShareFilesOptions = {}) {
      const { pageSize, signal: own, ...filters } = filesOptions;
      const body: listShareFilesRequestBody = withToken({ shortUrl, ...filters });
      return kd.paginate(listShareFiles, { body, ...withSignal(own) }, pageSize === undefined ? {} : { pageSize });
    },
    downloadUrl,
    download,
    startDownloadTask(fileIds, own = {}) {
      const { zipName } = own;
      return startTask(
        {
          taskType: 1,
          shareId,
          containerId: spaceOf(own.containerId),
          fileIds: checkFileIds(fileIds),
          ...(zipName ? { zipName } : {}),
        },
        own,
      );
    },
    startSaveTask(fileIds, target, own = {}) {
      const targetFileId = {
        containerId: checkId('target.containerId', target?.containerId),
        fileId: checkId('target.fileId', target?.fileId),
      };
      return startTask(
        { taskType: 2, shareId, containerId: spaceOf(own.containerId), fileIds: checkFileIds(fileIds), targetFileId },
        own,
      );
    },
    async getTask(taskId, own = {}) {
      return (await readTask(taskId, own.signal)).value;
    },
    waitForTask(taskId, polling = {}) {
      return pollUntilFinal(
        {
          read: (own) => readTask(taskId, own),
          isFinal,
          polled: { operationId: 'getBatchTask', method: 'POST', path: '/koodrive/ose/v1/share/taskDetail' },
        },
        polling,
      );
    },
    kdstoken: () => token,
  };
}
