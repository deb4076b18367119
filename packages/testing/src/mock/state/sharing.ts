/**
 * What the mock KooDrive holds of sharing and collaboration (`state.sharing`): the shares people
 * made over the file tree, the temporary share tokens (`kdstoken`) verifyExtractCode issued, the
 * share tasks, the messages sharing events produced, and the record of what each user did with
 * files (ListRecentlyAccess) and of the links they opened (ListRelatedToMe).
 *
 * Users are told apart by the request's X-User-Id: the owner of a share is the X-User-Id that
 * created it, and a recipient is anyone whose X-User-Id is one of the IDs the share names (a user's
 * `id` or `userId`, or the users of a named department or group of `state.org`).
 *
 * Behaviour the reference does not document is the mock's own and labelled so where it is decided
 * (state/sharing-model.ts): the result codes of refusals, how long a kdstoken lives, the text of
 * messages, which events record an access.
 */

/** What recipients may do (the reference's SharePermission). */
export interface MockSharePermission {
  preview?: boolean;
  edit?: boolean;
  download?: boolean;
}

/** A share someone made with createShare. */
export interface MockShare {
  /** 19 digits. */
  shareId: string;
  /** The short code that ends the share's link (19 digits). */
  shortUrl: string;
  /** The X-User-Id that created it. */
  ownerId: string;
  /** 1 anyone with the link, 2 the enterprise's users, 3 the departments, groups, users or numbers named. */
  scope: 1 | 2 | 3;
  containerId: string;
  /** The shared files and folders, in the order given. */
  fileIds: string[];
  deptIds: string[];
  groupIds: string[];
  userIds: string[];
  phoneNumbers: string[];
  permission?: MockSharePermission;
  /** The access code; absent when the share has none (it then opens without verifyExtractCode). */
  extractCode?: string;
  comment?: string;
  /** The last validDays given (createShare, or updateShare with a value other than 0). */
  validDays: number;
  /** ms of the mock's clock. */
  createdAt: number;
  updatedAt: number;
  /** When the share stops opening, ms of the mock's clock. */
  expiresAt: number;
  /** X-User-Ids of recipients who left it with exitShare. */
  exitedBy: string[];
  /** Set by batchCancel: the share no longer exists for anyone. */
  cancelledAt?: number;
  viewCnt: number;
  downloadCnt: number;
  saveCnt: number;
}

/** A temporary share token verifyExtractCode issued. */
export interface MockShareToken {
  token: string;
  shareId: string;
  /** The access code it was issued for: changing the code (updateShare) ends the token. */
  extractCode: string;
  issuedAt: number;
  expiresAt: number;
}

/** The outcome for one file of a share task. */
export interface MockShareTaskItem {
  fileId: string;
  /** '0' pending, '1' succeeded, '2' failed (the reference's TaskInfo.status). */
  status: '0' | '1' | '2';
  /** The copy's ID, for a save that succeeded. */
  newFileId?: string;
  srcContainerId: string;
  /** Why it failed, for tests to read (not sent: TaskInfo has no such field). */
  problem?: string;
}

/** A share task createBatchTask started. */
export interface MockShareTask {
  taskId: string;
  shareId: string;
  /** The X-User-Id that started it. */
  userId: string;
  /** 1 download as an archive, 2 save to the caller's space. */
  taskType: 1 | 2;
  containerId: string;
  fileIds: string[];
  zipName?: string;
  target?: { fileId: string; containerId: string };
  /** 0 pending, 1 running, 2 done, 3 cancelled. */
  taskStatus: 0 | 1 | 2 | 3;
  /** 1 all succeeded, 2 some failed, 3 all failed; set once done. */
  taskResultCode?: 1 | 2 | 3;
  progress: number;
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  /** The archive's link, for a finished download. */
  downloadUrl?: string;
  items: MockShareTaskItem[];
}

/** A message of the Message Notification group. */
export interface MockMessage {
  /** 19 digits. */
  id: string;
  /** The X-User-Ids (all the IDs of one user) it was sent to. */
  recipient: string[];
  /** Who caused it: a user's name (or X-User-Id when the organization does not know them). */
  sender: string;
  /** "000" share, "001" team, "002" system, "003" administration. */
  type: '000' | '001' | '002' | '003';
  /** The message's text. */
  context: string;
  /** 0 unread, 1 read. */
  state: 0 | 1;
  createdAt: number;
  /** The share it is about, for tests to find it. */
  shareId?: string;
}

/** Something a user did with a file, as ListRecentlyAccess lists it. */
export interface MockAccess {
  /** The X-User-Id that did it. */
  userId: string;
  fileId: string;
  containerId: string;
  /** 1 view, 2 edit, 3 share, 4 save, 5 upload, 6 save from a share. */
  operateType: 1 | 2 | 3 | 4 | 5 | 6;
  at: number;
  /** The share it went through, when someone else's. */
  shareId?: string;
}

/** A share link a user opened (visitShare): ListRelatedToMe lists these beside the shares naming them. */
export interface MockVisit {
  userId: string;
  shareId: string;
  at: number;
}

/** Everything the mock holds of sharing, messages and collaboration. */
export interface MockSharing {
  shares: MockShare[];
  tokens: MockShareToken[];
  tasks: MockShareTask[];
  messages: MockMessage[];
  access: MockAccess[];
  visits: MockVisit[];
  /** How long a kdstoken lives (the mock's choice: the reference does not say); default 30 minutes. */
  tokenTtlMs: number;
  /** Counter behind new IDs, so that a fresh mock makes the same IDs every time. */
  sequence: number;
}

/** An empty sharing state. */
export function createMockSharing(options: { tokenTtlMs?: number } = {}): MockSharing {
  return {
    shares: [],
    tokens: [],
    tasks: [],
    messages: [],
    access: [],
    visits: [],
    tokenTtlMs: options.tokenTtlMs ?? 30 * 60 * 1000,
    sequence: 0,
  };
}
