/** The failures the organization's routes answer with, worded once. */
import { resultCodes } from '../errors.js';
import { fail } from '../routes/replies.js';

/** HTTP 400, 13000309: no department has this ID. */
export const departmentMissing = (what = 'the department') =>
  fail(resultCodes.resourceMissing, `${what} does not exist`);

/** HTTP 400, 13000309: no user of the organization has this ID. */
export const userMissing = () => fail(resultCodes.resourceMissing, 'the user does not exist');

/** HTTP 400, 13000309: no group of this ID (and kind). */
export const groupMissing = () => fail(resultCodes.resourceMissing, 'the group does not exist');

/** HTTP 400, 13000101: a request the organization's rules refuse. */
export const refused = (msg: string) => fail(resultCodes.badRequest, msg);

/** HTTP 400, 13000311: the space pool has too little unallocated capacity. */
export const insufficientSpace = (what: string) =>
  fail(resultCodes.insufficientSpace, `insufficient space: the ${what} pool has too little unallocated capacity`);

/** HTTP 401, as the mock's authentication refuses: a session that cannot go on. */
export const unauthorized = (msg: string) => fail(resultCodes.badRequest, `authentication failed: ${msg}`, 401);

/** The `status` of a batch of group members: 0 when every user was handled, 1 when some were, 2 when none was. */
export function batchStatus(asked: number, failed: number): 0 | 1 | 2 {
  if (failed === 0) return 0;
  return failed < asked ? 1 : 2;
}
