/**
 * The 22 operations of the sharing, collaboration and message groups, each called by name through
 * the client against the mock KooDrive over HTTP, as two users of one organization: what one does
 * shows in what the other sees. The last test checks that every operation of the five groups was
 * called and answered 200.
 */
import { operationIndex } from '@koodrive/types';
import { describe, expect, it } from 'vitest';
import {
  batchCancel,
  batchDeleteMessage,
  batchReadMessage,
  createBatchTask,
  createShare,
  downloadShareFile,
  exitShare,
  getBatchTask,
  getShareByMeDetail,
  getShareInfo,
  getShareWithMeDetail,
  getUnreadCount,
  ListRecentlyAccess,
  ListRelatedToMe,
  listMessages,
  listShareByMe,
  listShareFiles,
  listShareWithMe,
  updateShare,
  updateSpecificMessageState,
  verifyExtractCode,
  visitShare,
} from '../src/generated/operations/index.js';
import { KooDriveApiError, unwrap } from '../src/index.js';
import { OWNER, RECIPIENT, SHARING_GROUPS, upload, useSharingWorld } from './sharing-helpers.js';

const messagesOf = (data: { messages?: unknown }) =>
  (Array.isArray(data.messages) ? data.messages : []) as { id: string; context: string; state: number }[];

describe('sharing, collaboration and messages, operation by operation', () => {
  const world = useSharingWorld();
  const fixture = {} as { fileId: string; containerId: string; shareId: string; shortUrl: string };

  it('shares (createShare), lists and reads back its shares (listShareByMe, getShareByMeDetail)', async () => {
    Object.assign(fixture, await upload(world.owner, 'plan.docx', 'the plan'));
    const created = await unwrap(
      createShare(world.owner, {
        body: {
          scope: 3,
          userIds: [RECIPIENT],
          fileIds: [fixture.fileId],
          containerId: fixture.containerId,
          extractCode: 'AbCd1234',
          comment: 'for review',
          validDays: 30,
        },
      }),
    );
    expect(created.code).toBe(0);
    expect(created.shareLink).toMatchObject({ extractCode: 'AbCd1234', comment: 'for review' });
    expect(created.shareLink?.linkUrl).toBe(`${world.mock.url}/cloudfile/#/sharelink/i/${created.shareLink?.shortUrl}`);
    Object.assign(fixture, { shareId: created.shareLink?.shareId, shortUrl: created.shareLink?.shortUrl });

    const mine = await unwrap(listShareByMe(world.owner, { params: { query: { displayName: 'PLAN' } } }));
    expect(mine.shareLinks?.map((row) => [row.shareId, row.displayName, row.scope, row.viewCnt])).toEqual([
      [fixture.shareId, 'plan.docx', 3, 0],
    ]);
    expect((await unwrap(listShareByMe(world.recipient))).shareLinks).toEqual([]);

    const detail = await unwrap(getShareByMeDetail(world.owner, { params: { path: { shareId: fixture.shareId } } }));
    expect(detail.shareLink).toMatchObject({
      users: [{ id: RECIPIENT, name: 'User 2' }],
      extractCode: 'AbCd1234',
      status: 0,
    });
    // Another user's share does not exist for the caller.
    const foreign = await getShareByMeDetail(world.recipient, { params: { path: { shareId: fixture.shareId } } });
    expect(foreign.error).toMatchObject({ status: 400, code: 13000309 });
  });

  it('shows the share to the user it names (listShareWithMe, getShareWithMeDetail, ListRelatedToMe)', async () => {
    const withMe = await unwrap(listShareWithMe(world.recipient));
    const walked = [];
    for await (const share of world.recipient.paginate(listShareWithMe)) walked.push(share.shareId);
    expect(walked).toEqual([fixture.shareId]);
    expect(withMe.shareLinks?.[0]).toMatchObject({
      shareId: fixture.shareId,
      ownerId: OWNER,
      ownerName: 'User 1',
      comment: 'for review',
    });
    const detail = await unwrap(
      getShareWithMeDetail(world.recipient, { params: { path: { shareId: fixture.shareId } } }),
    );
    expect(detail.shareLink).toMatchObject({ shareId: fixture.shareId, displayName: 'plan.docx' });
    expect(
      (await getShareWithMeDetail(world.outsider, { params: { path: { shareId: fixture.shareId } } })).error?.code,
    ).toBe(13000309);
    const related = await unwrap(ListRelatedToMe(world.recipient, { params: { query: { relatedType: '1' } } }));
    expect(related.total).toBe(1);
    expect(related.relatedToMeInfos?.[0]).toMatchObject({ id: fixture.shareId, operator: 'User 1', operateType: 1 });
  });

  it('opens the link step by step (visitShare, getShareInfo, verifyExtractCode, listShareFiles, downloadShareFile)', async () => {
    const query = { params: { query: { shortUrl: fixture.shortUrl } } };
    expect((await unwrap(visitShare(world.recipient, query))).code).toBe(0);
    const info = await unwrap(getShareInfo(world.recipient, query));
    expect(info.link).toMatchObject({ shareId: fixture.shareId, ownerId: OWNER, expireDate: '30' });
    const wrong = await verifyExtractCode(world.recipient, { body: { shortUrl: fixture.shortUrl, extractCode: 'x' } });
    expect(wrong.error).toBeInstanceOf(KooDriveApiError);
    const { kdstoken } = await unwrap(
      verifyExtractCode(world.recipient, { body: { shortUrl: fixture.shortUrl, extractCode: 'AbCd1234' } }),
    );
    const listed = await unwrap(listShareFiles(world.recipient, { body: { shortUrl: fixture.shortUrl, kdstoken } }));
    expect(listed.files?.map((file) => [file.id, file.fileSuffix])).toEqual([[fixture.fileId, 'docx']]);
    expect(listed.link?.shareId).toBe(fixture.shareId);
    const { downloadUrl } = await unwrap(
      downloadShareFile(world.recipient, { body: { shareId: fixture.shareId, fileId: fixture.fileId, kdstoken } }),
    );
    expect(await (await fetch(downloadUrl as string)).text()).toBe('the plan');

    // The view and the download are counted on the owner's side.
    const mine = await unwrap(listShareByMe(world.owner));
    expect(mine.shareLinks?.[0]).toMatchObject({ viewCnt: 1, downloadCnt: 1 });
  });

  it('runs a share task (createBatchTask, getBatchTask) and records what each user did (ListRecentlyAccess)', async () => {
    const { kdstoken } = await unwrap(
      verifyExtractCode(world.recipient, { body: { shortUrl: fixture.shortUrl, extractCode: 'AbCd1234' } }),
    );
    const { taskId } = await unwrap(
      createBatchTask(world.recipient, {
        body: {
          taskType: 1,
          shareId: fixture.shareId,
          containerId: fixture.containerId,
          fileIds: [fixture.fileId],
          kdstoken,
        },
      }),
    );
    const body = { taskId: taskId as string, shareId: fixture.shareId, kdstoken };
    expect((await unwrap(getBatchTask(world.recipient, { body }))).jobInfo).toMatchObject({
      taskStatus: 1,
      progress: 50,
    });
    const done = await unwrap(getBatchTask(world.recipient, { body }));
    expect(done.jobInfo).toMatchObject({ taskStatus: 2, taskResultCode: 1, progress: 100 });
    expect(done.jobInfo?.endTime).toMatch(/^\d{14}$/);
    expect(done.taskInfos).toEqual([{ fileId: fixture.fileId, status: '1', srcContainerId: fixture.containerId }]);
    // Only whoever started the task sees it.
    expect(
      (await getBatchTask(world.owner, { body: { taskId: body.taskId, shareId: fixture.shareId } })).error?.code,
    ).toBe(13000309);

    const recipientRecent = await unwrap(ListRecentlyAccess(world.recipient));
    expect(recipientRecent.list?.[0]).toMatchObject({
      operateType: 1,
      file: {
        id: fixture.fileId,
        name: 'plan.docx',
        collaboratorId: OWNER,
        collaborator: 'User 1',
        collaborateType: '3',
      },
    });
    const ownerRecent = await unwrap(ListRecentlyAccess(world.owner));
    expect(ownerRecent.list?.find((row) => row.file?.id === fixture.fileId)?.operateType).toBe(3);
  });

  it('reads and deletes messages (getUnreadCount, listMessages, batchReadMessage, batchDeleteMessage, updateSpecificMessageState)', async () => {
    const before = await unwrap(getUnreadCount(world.owner));
    const inbox = messagesOf(await unwrap(listMessages(world.owner, { params: { query: { state: 0 } } })));
    expect(inbox.length).toBe(before.count);
    expect(inbox[0]?.context).toMatch(/User 2 downloaded "plan.docx"/);

    // Cursor paging through kd.paginate, one message a page. (The row type is the field's, a list
    // or one MessageInfo, as the spec reads `messages`: paginate yields single messages.)
    const paged: { id?: string }[] = [];
    for await (const message of world.owner.paginate(
      listMessages,
      { params: { query: { state: 0 } } },
      { pageSize: 1 },
    )) {
      paged.push(message as { id?: string });
    }
    expect(paged.map((message) => message.id)).toEqual(inbox.map((message) => message.id));

    const read = await unwrap(
      batchReadMessage(world.owner, { body: { ids: [inbox[0]?.id as string, 'no-such-message'] } }),
    );
    expect(read.messages).toEqual([
      { id: inbox[0]?.id, changed: true },
      { id: 'no-such-message', changed: false },
    ]);
    expect((await unwrap(getUnreadCount(world.owner))).count).toBe((before.count as number) - 1);
    // Another user's message is not theirs to change.
    const recipientInbox = messagesOf(await unwrap(listMessages(world.recipient)));
    expect(
      (await unwrap(batchReadMessage(world.owner, { body: { ids: [recipientInbox[0]?.id as string] } }))).messages,
    ).toEqual([{ id: recipientInbox[0]?.id, changed: false }]);

    const deleted = await unwrap(batchDeleteMessage(world.owner, { body: { ids: [inbox[0]?.id as string] } }));
    expect(deleted.messages).toEqual([{ id: inbox[0]?.id, changed: true }]);
    expect(world.mock.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      bodyText: JSON.stringify({ ids: [inbox[0]?.id] }),
    });

    await unwrap(updateSpecificMessageState(world.recipient, { params: { query: { operate: 0 } } }));
    expect((await unwrap(getUnreadCount(world.recipient))).count).toBe(0);
    await unwrap(updateSpecificMessageState(world.recipient, { params: { query: { operate: 1 } } }));
    expect(messagesOf(await unwrap(listMessages(world.recipient)))).toEqual([]);
  });

  it('changes a share (updateShare), then the recipient leaves (exitShare) and the owner cancels (batchCancel)', async () => {
    const updated = await unwrap(
      updateShare(world.owner, {
        params: { path: { shareId: fixture.shareId } },
        body: { validDays: 3, comment: 'final version', userIds: [RECIPIENT, '1505084200000000003'] },
      }),
    );
    expect(updated.shareLink).toMatchObject({ shareId: fixture.shareId, status: 0 });
    expect(Date.parse(updated.shareLink?.expireTime as string)).toBe(world.clock.now + 3 * 86_400_000);
    // The user the update added is told; the one already named is not told again.
    const added = messagesOf(await unwrap(listMessages(world.clientAs('1505084200000000003'))));
    expect(added.map((message) => message.context)).toEqual(['User 1 shared "plan.docx" with you']);

    const exited = await unwrap(exitShare(world.recipient, { body: { shareIds: [fixture.shareId, '1234'] } }));
    expect(exited.subResponseList?.map((outcome) => [outcome.shareId, Number(outcome.code)])).toEqual([
      [fixture.shareId, 0],
      ['1234', 13000309],
    ]);
    expect((await unwrap(listShareWithMe(world.recipient))).shareLinks).toEqual([]);

    const cancelled = await unwrap(batchCancel(world.owner, { body: { shareIds: [fixture.shareId] } }));
    expect(cancelled.subResponseList).toEqual([{ shareId: fixture.shareId, code: 0, msg: 'success' }]);
    expect((await unwrap(listShareByMe(world.owner))).shareLinks).toEqual([]);
    const gone = await visitShare(world.recipient, { params: { query: { shortUrl: fixture.shortUrl } } });
    expect(gone.error).toMatchObject({ code: 13000309 });
  });

  it('called all 22 operations of the five groups, each answered 200 at least once, as the spec describes', () => {
    const expected = Object.entries(operationIndex)
      .filter(([, facts]) => SHARING_GROUPS.includes(facts.tag))
      .map(([operationId]) => operationId)
      .sort();
    expect(expected).toHaveLength(22);
    const answered = new Set(
      world.mock.requests.filter((request) => request.status === 200).map((request) => request.operationId),
    );
    expect(expected.filter((operationId) => !answered.has(operationId))).toEqual([]);
    // …and every answer fit the operation's response schema in the spec.
    expect(world.responseProblems).toEqual([]);
  });
});
