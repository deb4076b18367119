/** Setups of the sharing operations: shares of createDirectory's folder, made by createShare. */
import { addFile } from '@koodrive/testing';
import { USER_ID } from '../credentials.ts';
import { ownFolder, ownSpace, type Setup, withBody, withParams } from './helpers.ts';

/** The newest share (createShare's). */
function lastShare(state: Parameters<Setup>[1]) {
  const share = state.sharing.shares.at(-1);
  if (!share) throw new Error('the mock’s data has no share: did createShare succeed?');
  return share;
}

export const sharingSetups: Record<string, Setup> = {
  // A folder of the caller's own space, shared by link.
  createShare: (input, state) =>
    withBody(input, { containerId: ownSpace(state), fileIds: [ownFolder(state)], scope: 1 }),
  // The documented expiry has passed.
  updateShare: (input) => withBody(input, { expireTime: new Date(Date.now() + 86_400_000).toISOString() }),
  // A file inside the shared folder, downloaded by the share's owner.
  downloadShareFile: async (input, state) => {
    const share = lastShare(state);
    const file = await addFile(state, {
      containerId: share.containerId,
      parentId: share.fileIds[0] ?? 'root',
      name: 'prism-download.txt',
      content: 'shared content',
    });
    return withBody(input, { shareId: share.shareId, fileId: file.id });
  },
  // A share another user made for the caller: createShare's, as if its owner were someone else.
  getShareWithMeDetail: (input, state) => {
    const share = lastShare(state);
    const owner = state.org.users.find((user) => user.userId !== USER_ID);
    if (!owner) throw new Error('the mock’s data has no user besides the caller');
    // Scope 3: shared with the people it names, here the caller.
    const received = {
      ...structuredClone(share),
      shareId: `${share.shareId}9`,
      ownerId: owner.userId,
      scope: 3 as const,
      userIds: [USER_ID],
      exitedBy: [],
    };
    state.sharing.shares.push(received);
    return withParams(input, { path: { shareId: received.shareId } });
  },
};
