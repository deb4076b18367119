import { serviceStatusView } from '../../../factories/org.js';
import { subscribedCapacity } from '../../state/org-model.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/** The subscription (`state.org.subscription`), with the capacity the space pools add up to. */
export const GetService: MockHandler = (_request, { state }) =>
  ok({ data: serviceStatusView(state.org, subscribedCapacity(state, state.org)) });
