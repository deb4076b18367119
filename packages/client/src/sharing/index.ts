/**
 * `@koodrive/client/sharing`: opening a share through its link as a recipient (`openShareLink`):
 * its files page by page, single-file downloads and the share's tasks, with the extraction code's
 * kdstoken kept for every call. A module of its own, so the client's entry does not grow with it.
 * The 22 operations of the sharing, collaboration and message groups are called by name from
 * `@koodrive/client/operations` (createShare, listShareWithMe, listMessages, …).
 */
export type { PollInterval, PollingOptions } from '../jobs/poll.js';
export {
  type OpenedShare,
  type OpenShareLinkOptions,
  openShareLink,
  type ShareClient,
  type ShareFilesOptions,
  type ShareTaskOptions,
} from './open-share-link.js';
export { KooDriveShareLinkError, type ShareLinkProblem } from './share-link-error.js';
export { readShareTask, type ShareTaskResult, type ShareTaskState, type ShareTaskStatus } from './share-task.js';
export { shortCodeOf } from './short-code.js';
