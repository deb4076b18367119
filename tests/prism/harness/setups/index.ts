/**
 * Inputs for the mock's stateful routes that neither the reference's examples nor IDs from the
 * mock's data satisfy alone: a flow that needs a sign-in code or a live session, a department that
 * can be deleted, a folder of the caller's own space, a share made for the caller, IDs that must
 * stay below 2^53 to cross Prism's proxy. Each takes the documented input and the mock's data
 * (which it may add to) and returns the input to send; IDs from the mock's data are then tried
 * on its result too. A stateful route added to the mock that refuses every generic input fails
 * its operation with "no successful call", naming the answers: give it an entry here.
 */
import { fileSetups } from './files.ts';
import { governanceSetups } from './governance.ts';
import type { Setup } from './helpers.ts';
import { orgSetups } from './org.ts';
import { sharingSetups } from './sharing.ts';

export type { Setup } from './helpers.ts';

/** The setups, by operationId. */
export const setups: Record<string, Setup> = { ...orgSetups, ...fileSetups, ...sharingSetups, ...governanceSetups };
