// The load model: the corridor's flows, routed as the queue model routes them (`compilePlan`), give
// the arrival rate of consignments at every capacity-limited place — stages with servers, ferry and
// feeder services — at a volume. The Monte Carlo's modelled waits and the queue model read the same
// plan, so they see the same rates and capacities.
//
// Consignments that crossed a sea together land together: a server after a crossing sees them in
// clusters (one per sailing), spread by the steps between the landing and the server. For each
// server the load model keeps, per upstream crossing, the share of its arrivals that came that way
// and the random steps in between (their spread is what separates cluster mates).
import { meanOf } from '../../network/distribution.js';
import type { Distribution } from '../../network/types.js';
import type { Plan, Service, StageServer } from '../flow/plan.js';

/** A random duration between a landing and a server: `dist` with probability `probability`. */
export interface OffsetStep {
  readonly dist: Distribution;
  readonly probability: number;
}

/** The consignments of one flow reaching a server by way of one crossing (or none). */
export interface ServerArrivals {
  readonly flowId: string;
  /** Consignments per hour that go through the stage (the flow's rate × the stage's probability). */
  readonly perHour: number;
  /** The crossing (index into `services`) they landed from last, or −1 when none lies upstream. */
  readonly crossing: number;
  /** The random steps between that landing and this server, in order. */
  readonly offset: readonly OffsetStep[];
  /** Ids of the servers and services the flow passed before this one. */
  readonly upstream: readonly string[];
}

/** A stage with servers and what arrives there. */
export interface ServerLoad {
  readonly server: StageServer;
  /** Service hours (the stage's duration) and the share of arrivals served (its probability). */
  readonly serviceHours: Distribution;
  readonly probability: number;
  readonly arrivals: readonly ServerArrivals[];
}

/** One flow's consignments at a crossing. */
export interface ServiceArrivals {
  readonly flowId: string;
  /** Consignments per hour. */
  readonly perHour: number;
  /** The share of a vessel one consignment fills (0: the service lists no capacity in its unit). */
  readonly share: number;
  /** Ids of the servers and services the flow passed before this one. */
  readonly upstream: readonly string[];
}

/** A ferry or feeder service and what arrives there. */
export interface ServiceLoad {
  readonly service: Service;
  readonly arrivals: readonly ServiceArrivals[];
}

/** Arrival rates at every server and service of a plan, at one volume. */
export interface Load {
  readonly volume: number;
  readonly servers: readonly ServerLoad[];
  readonly services: readonly ServiceLoad[];
}

/**
 * The load on every place of `plan` at `volume` (a factor on each flow that scales): per server and
 * service, each flow's consignments per hour, and for servers the crossing they last landed from
 * and the random steps since.
 */
export function loadOf(plan: Plan, volume: number): Load {
  const serverArrivals: ServerArrivals[][] = plan.servers.map(() => []);
  const serviceArrivals: ServiceArrivals[][] = plan.services.map(() => []);
  const serverStep: { dist: Distribution; probability: number }[] = plan.servers.map(() => ({ dist: { type: 'fixed', value: 0 }, probability: 0 }));
  for (const fp of plan.flows) {
    if (fp.route === null) continue;
    const rate = fp.perHour * (fp.scales ? volume : 1);
    if (!(rate > 0)) continue;
    let crossing = -1;
    let offset: OffsetStep[] = [];
    const upstream: string[] = [];
    for (const step of fp.steps) {
      if (step.type === 'delay') {
        const m = fp.elements[step.element]!.model;
        if (m.type === 'random') offset.push({ dist: m.dist, probability: m.probability });
      } else if (step.type === 'server') {
        const { dist, probability } = step.model;
        serverStep[step.server] = { dist, probability };
        serverArrivals[step.server]!.push({ flowId: fp.flow.id, perHour: rate * probability, crossing, offset: [...offset], upstream: [...upstream] });
        offset.push({ dist, probability });
        upstream.push(plan.servers[step.server]!.id);
      } else {
        serviceArrivals[step.service]!.push({ flowId: fp.flow.id, perHour: rate, share: step.share, upstream: [...upstream] });
        crossing = step.service;
        offset = [];
        upstream.push(plan.services[step.service]!.id);
      }
    }
  }
  return {
    volume,
    servers: plan.servers.map((server, i) => ({ server, serviceHours: serverStep[i]!.dist, probability: serverStep[i]!.probability, arrivals: serverArrivals[i]! })),
    services: plan.services.map((service, i) => ({ service, arrivals: serviceArrivals[i]! })),
  };
}

/** A server's utilisation from its rates: λ E[S] / c. */
export function serverUtilisation(load: ServerLoad): number {
  let perHour = 0;
  for (const a of load.arrivals) perHour += a.perHour;
  return (perHour * meanOf(load.serviceHours)) / load.server.servers;
}

/**
 * A service's utilisation from its rates: vessel shares arriving over the shares it carries — a
 * schedule one load per departure weather lets sail, E[H] / (1 − c) apart; a fleet its loads per
 * week (`Service.capacityPerWeek`). Flows in a unit the service has no capacity for take none.
 */
export function serviceUtilisation(load: ServiceLoad): number {
  let sharesPerHour = 0;
  for (const a of load.arrivals) sharesPerHour += a.perHour * a.share;
  const s = load.service;
  if (s.mode === 'schedule') return (sharesPerHour * meanOf(s.headway)) / (1 - s.spec.cancellationProbability);
  return (sharesPerHour * 168) / s.capacityPerWeek;
}
