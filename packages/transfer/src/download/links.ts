/**
 * Download links through getDownLoadUrl, which takes up to 100 files of one space per call: a
 * longer list is asked for 100 at a time. Each file has its own result: a URL, or the per-file
 * code and message the service gave instead.
 */
import { KooDriveError, KooDriveValidationError } from '@koodrive/client';
import { getDownLoadUrl } from '@koodrive/client/operations';
import { callData, type TransferClient } from '../koodrive-calls.js';

/** The most files getDownLoadUrl takes in one call. */
export const MAX_LINKS_PER_CALL = 100;

/** One file's download link, or why there is none. */
export interface DownloadLink {
  fileId: string;
  fileName?: string;
  /** Where to GET the file (a presigned storage URL: keep it to yourself). Absent when the service refused this file. */
  url?: string;
  /** The service's per-file result code, when it gave one. */
  code?: string;
  /** The service's per-file message, when it gave one. */
  msg?: string;
}

/** What `getDownloadLinks` takes. */
export interface DownloadLinksOptions {
  /** The space that holds the files. */
  containerId: string;
  fileIds: readonly string[];
  signal?: AbortSignal;
}

/**
 * The download links of any number of files of one space, in the order of `fileIds`, asked for
 * 100 at a time. A file the service did not answer for, or answered without a URL, has no `url`.
 */
export async function getDownloadLinks(kd: TransferClient, options: DownloadLinksOptions): Promise<DownloadLink[]> {
  const { containerId, fileIds, signal } = options;
  if (typeof containerId !== 'string' || containerId === '')
    throw new KooDriveValidationError('containerId', 'must name the space that holds the files');
  if (!Array.isArray(fileIds) || fileIds.some((id) => typeof id !== 'string' || id === ''))
    throw new KooDriveValidationError('fileIds', 'must be a list of file IDs (non-empty strings)');
  const links: DownloadLink[] = [];
  for (let start = 0; start < fileIds.length; start += MAX_LINKS_PER_CALL) {
    const batch = fileIds.slice(start, start + MAX_LINKS_PER_CALL);
    const answer = await callData(getDownLoadUrl, kd, {
      body: { containerId, fileIds: batch },
      ...(signal ? { signal } : {}),
    });
    const byId = new Map((answer.downloads ?? []).map((entry) => [entry.fileId, entry]));
    for (const fileId of batch) {
      const entry = byId.get(fileId);
      const link: DownloadLink = { fileId };
      if (entry?.fileName !== undefined) link.fileName = entry.fileName;
      if (entry?.url) link.url = entry.url;
      if (entry?.code !== undefined) link.code = String(entry.code);
      if (entry?.msg !== undefined) link.msg = entry.msg;
      if (!entry) link.msg = 'getDownLoadUrl answered nothing for this file';
      links.push(link);
    }
  }
  return links;
}

/** One file's link, or a KooDriveError saying why there is none. */
export async function getDownloadLink(
  kd: TransferClient,
  containerId: string,
  fileId: string,
  signal: AbortSignal | undefined,
): Promise<DownloadLink & { url: string }> {
  const [link] = await getDownloadLinks(kd, { containerId, fileIds: [fileId], ...(signal ? { signal } : {}) });
  if (!link?.url)
    throw new KooDriveError(
      `getDownLoadUrl gave no link for ${fileId} in ${containerId}${link?.code ? `: code ${link.code}` : ''}${link?.msg ? `, ${link.msg}` : ''}`,
    );
  return link as DownloadLink & { url: string };
}
