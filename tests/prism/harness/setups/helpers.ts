/** What the setups share: input changes, and the records of the mock's data they act on. */
import type { MockState } from '@koodrive/testing';
import type { CallInput } from '../call-inputs.ts';
import { USER_ID } from '../credentials.ts';

/** Prepares an operation's call against the mock's data (which it may add to). */
export type Setup = (input: CallInput, state: MockState) => CallInput | Promise<CallInput>;

type Department = MockState['org']['departments'][number];

const SOURCE = 'set up for the mock’s data';

/** The input with fields of its body replaced. */
export const withBody = (input: CallInput, body: Record<string, unknown>): CallInput => ({
  ...input,
  source: SOURCE,
  body: { ...(input.body as Record<string, unknown>), ...body },
});

/** The input with some of its parameters replaced. */
export const withParams = (input: CallInput, params: Partial<CallInput['params']>): CallInput => ({
  ...input,
  source: SOURCE,
  params: {
    path: { ...input.params.path, ...params.path },
    query: { ...input.params.query, ...params.query },
    header: { ...input.params.header, ...params.header },
  },
});

/** The input as it is, once the setup has added to the mock's data. */
export const asIs = (input: CallInput): CallInput => ({ ...input, source: SOURCE });

/**
 * Prism's proxy parses JSON bodies and writes them again, so an integer beyond 2^53 in a request
 * body reaches the mock rounded. What a body names by an int64 number (a department, a user, a
 * permission template) is a twin of one of the mock's, with an ID below 2^53.
 */
export const ID_BELOW_2_53 = '4503599627370497';

/** A copy of `list[0]` with the ID `id`, added to the list. */
export function smallIdTwin<Item extends { id: string }>(list: Item[], id: string = ID_BELOW_2_53): Item {
  const original = list[0];
  if (!original) throw new Error('the mock’s data has no record to copy');
  const twin = { ...structuredClone(original), id };
  list.push(twin);
  return twin;
}

/** A department with no sub-department and no user, added to the mock's data under the root. */
export function emptyDepartment(state: MockState, id: string): Department {
  const department: Department = {
    id,
    parentId: state.org.rootDepartmentId,
    name: `Prism department ${id}`,
    deptId: id.padStart(32, 'a').slice(-32),
  };
  state.org.departments.push(department);
  return department;
}

/** The container of the caller's (USER_ID's) individual space. */
export function ownSpace(state: MockState): string {
  const own = state.userSpaces.find((space) => space.userId === USER_ID);
  if (!own?.containerId) throw new Error(`the mock’s data gives ${USER_ID} no individual space`);
  return own.containerId;
}

/** A folder of the caller's own space other than its root (the one createDirectory made). */
export function ownFolder(state: MockState): string {
  const containerId = ownSpace(state);
  const folder = [...state.files.nodes.values()].find(
    (node) => node.containerId === containerId && node.isFolder && node.parentId !== undefined,
  );
  if (!folder) throw new Error('the caller’s space has no folder: did createDirectory succeed?');
  return folder.id;
}

/** The first space of a type (`'0'` department, `'1'` individual, `'2'` group) in the mock's data. */
export function spaceOfType(state: MockState, type: string) {
  const space = state.spaces.find((candidate) => String(candidate.type) === type);
  if (!space?.ownerId || !space.containerId) throw new Error(`the mock’s data has no space of type ${type}`);
  return { ownerId: space.ownerId, containerId: space.containerId };
}
