/**
 * Sign in and list the organization: start the mock KooDrive, sign in the way a web front end
 * does (the sign-in URL, OrgID's redirect with a code, createSession), then walk the department
 * tree with the session's credential, print each department's users, the user groups and the
 * subscription's usage, and sign out. Run it with `pnpm example:org`.
 *
 * Against the real service, drop the mock and pass your own baseUrl (or none, for the
 * international endpoint); in a browser, send the user to the sign-in URL and read the `code`
 * from the page OrgID sends them back to.
 */
import { createKooDriveClient, createKooDriveSignIn, KooDriveError, unwrap } from '@koodrive/client';
import { CountUser, GetDepartmentList, GetQuotaUsed, GetUserGroupList, GetUserList } from '@koodrive/client/operations';
import { makeMockState, startMockKooDrive } from '@koodrive/testing';

const mock = await startMockKooDrive({ state: makeMockState({ departments: 4, users: 7, groups: 2 }) });

try {
  // 1. The sign-in URL for the front end's domain, and the code OrgID sends back. Here the
  //    mock's stand-in for OrgID's page signs the administrator in at once.
  const signIn = createKooDriveSignIn({ baseUrl: mock.url });
  const { uri } = await signIn.signInUrl('app.example.com');
  const redirect = await fetch(uri, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location') ?? '', uri).searchParams.get('code');
  if (!code) throw new Error(`the sign-in page sent no code (HTTP ${redirect.status})`);

  // 2. The code becomes a session: a credential that refreshes its token before KooDrive's 20
  //    idle minutes are up, and after a 401.
  const session = await signIn.createSession(code);
  console.log(`Signed in as ${session.user?.userName} (${session.userId}) of ${session.user?.orgName}\n`);
  const kd = createKooDriveClient({ baseUrl: mock.url, userId: session.userId, auth: session.auth });

  // 3. The department tree: without a department, the list holds the root; each level is one call.
  const { list: roots = [] } = await unwrap(GetDepartmentList(kd));
  const walk = async (departmentId: string, name: string, depth: number): Promise<void> => {
    const { total } = await unwrap(CountUser(kd, { params: { query: { deptId: departmentId } } }));
    console.log(`${'  '.repeat(depth)}${name} (${total} users)`);
    const { list: children = [] } = await unwrap(GetDepartmentList(kd, { params: { query: { departmentId } } }));
    for (const child of children) await walk(child.id ?? '', child.name ?? '?', depth + 1);
  };
  for (const root of roots) await walk(root.id ?? '', root.name ?? '?', 0);

  console.log('\nUsers');
  const users = kd.paginate(GetUserList, { params: { query: { offset: '0', limit: '5' } } });
  for await (const user of users) console.log(`  ${user.name?.padEnd(22)} ${user.deptName}`);

  console.log('\nUser groups');
  const groups = kd.paginate(GetUserGroupList, { params: { query: { pageSize: 10, pageCursor: '0', sourceType: 1 } } });
  for await (const group of groups) console.log(`  ${group.groupName}`);

  const { data: usage } = await unwrap(GetQuotaUsed(kd));
  console.log(
    `\nUsage: ${usage?.userCount} of ${usage?.userMaxCount} users, ` +
      `${usage?.spaceQuotaUsed} of ${usage?.spaceCapacity} GB of quota allocated`,
  );

  // 4. Signing out ends the session: the credential refuses further calls.
  await session.auth.logout();
  console.log('Signed out.');
} catch (error) {
  if (!(error instanceof KooDriveError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await mock.close();
}
