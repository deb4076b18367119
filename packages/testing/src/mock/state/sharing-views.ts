/**
 * Shares, files and records as the sharing pages' schemas show them (ShareFileInfo, ShareFile,
 * CommonShareLink, ShareByMeLink, ShareWithMeLink, …), built from the mock's state.
 */
import type {
  CommonShareLink,
  ShareByMeLink,
  ShareByMeLinkDetail,
  ShareFile,
  ShareFileInfo,
  ShareRecipient,
  ShareWithMeLink,
  UpdatedShareLink,
} from '@koodrive/types';
import type { MockState } from '../types.js';
import { findSpace, type MockFileNode } from './files.js';
import { findUser } from './org-model.js';
import type { MockShare } from './sharing.js';
import { nameOf, statusOf } from './sharing-model.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** What follows the last dot of a name (`txt`), as `fileSuffix`; undefined when there is none. */
function suffixOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1) : undefined;
}

/** A file or folder of a share as the share lists show it; recycled ones are flagged, ones deleted for good left out. */
export function shareFileInfo(state: MockState, fileId: string): ShareFileInfo | undefined {
  const node = state.files.nodes.get(fileId);
  if (node?.status !== 'ready') return undefined;
  const suffix = node.isFolder ? undefined : suffixOf(node.name);
  return {
    id: node.id,
    fileName: node.name,
    fileType: node.fileType,
    mimeType: node.mimeType,
    size: node.size,
    parentFolder: node.parentId ? [node.parentId] : [],
    ...(suffix ? { fileSuffix: suffix } : {}),
    containers: [node.containerId],
    recycled: node.recycled !== undefined,
  };
}

/** A file as listShareFiles lists it. */
export function shareFile(node: MockFileNode): ShareFile {
  const suffix = node.isFolder ? undefined : suffixOf(node.name);
  return {
    id: node.id,
    fileName: node.name,
    fileType: node.fileType,
    parentFolder: node.parentId ? [node.parentId] : [],
    ...(suffix ? { fileSuffix: suffix } : {}),
    size: node.size,
    containers: [node.containerId],
    editedTime: node.editedTime,
  };
}

/**
 * A share's display name: its file's name, or for several files the first one's followed by
 * 等多个文件 ("and more files"), as the reference describes listShareByMe's rows.
 */
export function displayNameOf(state: MockState, share: MockShare): string {
  const first = share.fileIds.map((id) => state.files.nodes.get(id)).find((node) => node !== undefined);
  const name = first?.name ?? share.fileIds[0] ?? '';
  return share.fileIds.length > 1 ? `${name}等多个文件` : name;
}

/**
 * The share's link. The one example the reference shows is a console URL ending in
 * `/cloudfile/#/sharelink/i/<short code>`; the mock gives the same shape on its own origin.
 */
export const linkUrlOf = (origin: string, share: MockShare) => `${origin}/cloudfile/#/sharelink/i/${share.shortUrl}`;

/** The share as its link shows it to anyone who may open it. */
export function commonShareLink(state: MockState, share: MockShare, now: number): CommonShareLink {
  return {
    shareId: share.shareId,
    shortUrl: share.shortUrl,
    shareTime: iso(share.createdAt),
    ownerId: share.ownerId,
    ownerName: nameOf(state, share.ownerId),
    ...(share.permission ? { permission: share.permission } : {}),
    expireTime: iso(share.expiresAt),
    status: statusOf(state, share, now),
    // The reference calls it the validity period; its examples show a number of days ("11", "3").
    expireDate: String(share.validDays),
  };
}

const filesOf = (state: MockState, share: MockShare) =>
  share.fileIds.map((id) => shareFileInfo(state, id)).filter((file) => file !== undefined);

/** A row of listShareByMe. */
export function shareByMeLink(state: MockState, share: MockShare, origin: string, now: number): ShareByMeLink {
  const space = findSpace(state, share.containerId);
  return {
    shareId: share.shareId,
    shortUrl: share.shortUrl,
    linkUrl: linkUrlOf(origin, share),
    shareTime: iso(share.createdAt),
    scope: share.scope,
    files: filesOf(state, share),
    displayName: displayNameOf(state, share),
    expireTime: iso(share.expiresAt),
    status: statusOf(state, share, now),
    ...(share.comment !== undefined ? { comment: share.comment } : {}),
    viewCnt: share.viewCnt,
    downloadCnt: share.downloadCnt,
    saveCnt: share.saveCnt,
    containerId: share.containerId,
    ...(space?.teamName ? { containerName: space.teamName } : {}),
  };
}

function named(state: MockState, kind: 'dept' | 'group' | 'user', id: string): ShareRecipient {
  const org = state.org;
  const name =
    kind === 'dept'
      ? org?.departments.find((department) => department.id === id)?.name
      : kind === 'group'
        ? org?.groups.find((group) => group.id === id)?.groupName
        : org && findUser(org, id)?.name;
  return name ? { id, name } : { id };
}

/** getShareByMeDetail's share. */
export function shareByMeDetail(state: MockState, share: MockShare, origin: string, now: number): ShareByMeLinkDetail {
  return {
    shareId: share.shareId,
    shortUrl: share.shortUrl,
    linkUrl: linkUrlOf(origin, share),
    shareTime: iso(share.createdAt),
    scope: share.scope,
    depts: share.deptIds.map((id) => named(state, 'dept', id)),
    groups: share.groupIds.map((id) => named(state, 'group', id)),
    users: share.userIds.map((id) => named(state, 'user', id)),
    displayName: displayNameOf(state, share),
    ...(share.permission ? { permission: share.permission } : {}),
    ...(share.extractCode !== undefined ? { extractCode: share.extractCode } : {}),
    expireTime: iso(share.expiresAt),
    status: statusOf(state, share, now),
    ...(share.comment !== undefined ? { comment: share.comment } : {}),
  };
}

/**
 * updateShare's share. That page numbers `status` differently (0 by the expiry time, 1 file
 * deleted, 2 invalid, 3 expired): an expired share is 3 there.
 */
export function updatedShareLink(state: MockState, share: MockShare, origin: string, now: number): UpdatedShareLink {
  const status = statusOf(state, share, now);
  return {
    shareId: share.shareId,
    shortUrl: share.shortUrl,
    ...(share.extractCode !== undefined ? { extractCode: share.extractCode } : {}),
    createTime: iso(share.createdAt),
    updateTime: iso(share.updatedAt),
    expireTime: iso(share.expiresAt),
    linkUrl: linkUrlOf(origin, share),
    shareTime: iso(share.createdAt),
    scope: share.scope,
    displayName: displayNameOf(state, share),
    status: status === 2 ? 3 : status,
    viewCnt: share.viewCnt,
    downloadCnt: share.downloadCnt,
    saveCnt: share.saveCnt,
  };
}

/** A row of listShareWithMe (getShareWithMeDetail's share is the same fields, fewer of them). */
export function shareWithMeLink(state: MockState, share: MockShare, origin: string, now: number): ShareWithMeLink {
  return {
    shareId: share.shareId,
    shortUrl: share.shortUrl,
    linkUrl: linkUrlOf(origin, share),
    shareTime: iso(share.createdAt),
    ownerId: share.ownerId,
    ownerName: nameOf(state, share.ownerId),
    displayName: displayNameOf(state, share),
    files: filesOf(state, share),
    ...(share.permission ? { permission: share.permission } : {}),
    expireTime: iso(share.expiresAt),
    status: statusOf(state, share, now),
    ...(share.comment !== undefined ? { comment: share.comment } : {}),
    containerId: share.containerId,
    downloadCnt: share.downloadCnt,
    saveCnt: share.saveCnt,
    scope: share.scope,
    updateTime: iso(share.updatedAt),
    viewCnt: share.viewCnt,
  };
}
