// One ferry or feeder service run alone in the queue model, fed with Poisson arrivals at its load's
// rates: the same vessels, berth, deadlines, cancellations and splitting as in `simulateFlow`, on a
// fixed stream, so the result is a deterministic function of the service and its load. It measures
// what has no closed form: the wait at a fleet (vessels that sail when full or at a deadline: at low
// volume a vessel waits to fill, near the fleet's capacity vessels are what is waited for), and, for
// every service, the landings — which consignments each voyage lands, and when — that the servers
// after the crossing see as clusters.
import { meanOf } from '../../network/distribution.js';
import type { FlowPlan, Plan } from '../flow/plan.js';
import { runReplication } from '../flow/replication.js';
import { FLOW_EVENT_BUDGET } from '../flow/budget.js';
import type { ServiceLoad } from './load.js';

/** Consignments measured: at least `FEWEST`, more near capacity (relaxation time ∝ 1 / (1 − ρ)²), at most `MOST`. */
const FEWEST = 1 << 13;
const MOST = 1 << 17;
/** Keys the run's streams (apart from any replication of `simulateFlow`). */
const RUN_KEY = 0x636f6e67;

/** What a service run alone measured. */
export interface ServiceRun {
  /** Waits from joining to the departure of the last part (hours), ascending. */
  readonly waits: Float64Array;
  /** Consignments whose last part sailed, in order of sailing: the hour their voyage lands, and their index in `load.arrivals`. */
  readonly landingHours: Float64Array;
  readonly landingArrivals: Int32Array;
  /** Hours measured. */
  readonly hours: number;
}

/**
 * Run `load`'s service alone with Poisson arrivals at `utilisation` (vessel loads arriving over
 * loads it can carry, < 1); null when nothing arrives.
 */
export function runService(load: ServiceLoad, utilisation: number): ServiceRun | null {
  const service = load.service;
  let perHour = 0;
  for (const a of load.arrivals) perHour += a.perHour;
  if (!(perHour > 0)) return null;
  const slack = Math.max(1e-3, 1 - utilisation);
  const wanted = Math.min(MOST, Math.max(FEWEST, Math.ceil(64 / (slack * slack))));
  const cycle = service.mode === 'fleet' ? service.meanSailingHours + meanOf(service.spec.returnHours!) : meanOf(service.headway);
  const warmupHours = Math.max(10 * cycle, 1024 / perHour);
  const hours = wanted / perHour;
  const flows: FlowPlan[] = load.arrivals.map((a, index) => ({
    flow: { id: a.flowId, name: a.flowId, origin: '', destination: '', profile: '', perWeek: a.perHour * 168, size: {} },
    index,
    profileId: '',
    originId: '',
    destinationId: '',
    route: { nodes: [], links: [], expectedHours: 0 },
    steps: [{ type: 'crossing', service: 0, share: a.share }],
    elements: [],
    replaced: [],
    perHour: a.perHour,
    scales: true,
  }));
  const plan: Plan = { flows, servers: [], services: [service] };
  const stats = runReplication(plan, { volume: 1, seed: 0, replication: RUN_KEY, warmupHours, horizonHours: warmupHours + hours, eventBudget: FLOW_EVENT_BUDGET, traceLandings: true }).services[0]!;
  const landings = stats.landings!;
  return {
    waits: Float64Array.from(stats.waits).sort(),
    landingHours: Float64Array.from(landings.hours),
    landingArrivals: Int32Array.from(landings.flows),
    hours,
  };
}
