// The traffic a network carries, from its document's `traffic`: the flows of consignments at the
// reference volume (volume 1) and what that volume is. The queue model sends these flows through
// the network; the congestion model routes them the same way to load its capacity-limited places.
import { InvalidArgumentError } from '../../errors.js';
import { requireNetwork, type Network } from '../../network/network.js';
import type { FlowSpec, TodayVolume } from './types.js';

/** Weeks in a year (365.25 / 7). */
export const WEEKS_PER_YEAR = 365.25 / 7;

/** The network's flows, or null when its document declares no `traffic`. */
export function networkFlows(network: Network): readonly FlowSpec[] | null {
  requireNetwork(network);
  return network.spec.traffic?.flows ?? null;
}

/** What volume 1 is on `network`, or null when its document declares no `traffic`. */
export function referenceVolume(network: Network): TodayVolume | null {
  requireNetwork(network);
  const t = network.spec.traffic;
  if (t === undefined) return null;
  return { year: t.year, description: t.description, teuPerYear: t.teuPerYear, tonnesPerYear: t.tonnesPerYear, ...(t.source !== undefined ? { source: t.source } : {}) };
}

/**
 * The flows to run: `flows` when given, else the network's own; `InvalidArgumentError` on `field`
 * when there are neither.
 */
export function flowsFor(network: Network, flows: readonly FlowSpec[] | undefined, field = 'flows'): readonly FlowSpec[] {
  const own = flows ?? networkFlows(network);
  if (own === null) throw new InvalidArgumentError(field, undefined, `flows: network ${network.id} declares no traffic (a "traffic" section with its flows), so give them`);
  return own;
}
