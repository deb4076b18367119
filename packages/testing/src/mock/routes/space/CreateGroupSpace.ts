import type { CreateGroupSpaceRequestBody } from '@koodrive/types';
import { makeContainerId, makeOwnerId } from '../../../factories/ids.js';
import { makeGroupSpaceInfo, makeSpaceInfo } from '../../../factories/space.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * Creates a group and its space. Answers as the reference's (older) example does, with the new
 * group's `id` and an empty `failedList`.
 */
export const CreateGroupSpace: MockHandler = ({ body, headers }, { state, now }) => {
  const { name, capacity = 20, addGroupUsers } = body as CreateGroupSpaceRequestBody;
  const index = state.groupSpaces.length + state.spaces.length + 1;
  const id = makeOwnerId(index, '14000099');
  const containerId = makeContainerId(9000 + index);
  const owner = headers['x-user-id'] ?? '';
  state.spaces.push(
    makeSpaceInfo({ ownerId: id, type: '2', capacity: Number(capacity), spaceUsed: 0, containerId }, index),
  );
  state.groupSpaces.push(
    makeGroupSpaceInfo(
      {
        id,
        capacity,
        spaceUsed: '0',
        containerId,
        userNum: addGroupUsers.length,
        ownerId: owner,
        ownerName: name,
        creator: owner,
        createTime: now().toISOString(),
      },
      index,
    ),
  );
  return ok({ id, failedList: [] });
};
