import type { CreateUserRequestBody } from '@koodrive/types';
import { resultCodes } from '../../errors.js';
import type { MockUser } from '../../state/org.js';
import { addUserSpace, findDepartment, findUser, freshId } from '../../state/org-model.js';
import { departmentMissing, insufficientSpace, refused } from '../../state/org-replies.js';
import type { MockHandler } from '../../types.js';
import { fail, ok } from '../replies.js';

/**
 * Adds someone from the organization's OrgID directory (`state.org.directory`) to KooDrive, in the
 * given department (the root by default) with the given role (ordinary by default), and gives
 * them an individual space of the subscription's default size. Answers the new user's `id` in
 * `data.id` (the spec's reading of DeptData as the created object's ID). Refuses someone already a
 * user, an ID not in the directory, the user limit reached, and an individual pool too small.
 */
export const CreateUser: MockHandler = ({ body }, { state }) => {
  const { userId, modifyUserInfoReq } = body as CreateUserRequestBody;
  const { org } = state;
  if (findUser(org, userId)) return refused('the user is already in KooDrive');
  const person = org.directory.find((candidate) => candidate.userId === userId);
  if (!person) return fail(resultCodes.resourceMissing, 'no OrgID user of the organization has this ID');
  if (org.users.length >= org.subscription.userMaxCount) {
    return refused('the organization has reached its maximum number of users');
  }
  const deptId = modifyUserInfoReq.deptId || org.rootDepartmentId;
  if (!findDepartment(org, deptId)) return departmentMissing();
  const user: MockUser = {
    id: freshId(
      '16000000',
      org.users.map((candidate) => candidate.id),
    ),
    userId,
    name: person.name,
    deptId,
    mobile: person.mobile,
    role: Number(modifyUserInfoReq.role ?? '1'),
    status: 0,
    innerUserId: freshId(
      '36952817',
      org.users.map((candidate) => candidate.innerUserId),
    ),
  };
  if (!addUserSpace(state, org, user)) return insufficientSpace('individual space');
  org.users.push(user);
  org.directory.splice(org.directory.indexOf(person), 1);
  return ok({ data: { id: user.id } });
};
