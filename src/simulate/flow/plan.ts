// From flows to what the event loop runs: each flow's route (from `fastestRoute`'s search) becomes
// a list of steps — delays (travel, stages without servers), servers (stages with `servers`) and
// crossings (ferry and sea services) — and the servers and services are collected once, shared by
// every flow that passes them. Today's capacity `queue` stages are dropped here (DESIGN §8).
import { InvalidArgumentError } from '../../errors.js';
import { headwayOf, meanOf } from '../../network/distribution.js';
import { resolveProfile, type Link, type Network } from '../../network/network.js';
import { CATEGORIES, type Distribution, type Mode, type NodeSpec, type ServiceSpec, type StageKind, type StageSpec } from '../../network/types.js';
import type { Part, PartModel } from '../../route/expand.js';
import { resolveTrip } from '../../route/trip.js';
import { routeFromArcs } from '../../route/fastest.js';
import { shortestArcPath } from '../../route/search.js';
import type { ConsignmentSize, FlowSpec, ReplacedQueue } from './types.js';

/** Kinds of time, in `TimeKindHours` order. */
export const TIME_KINDS = ['moving', 'service', 'queue', 'departureWait', 'otherWait'] as const;
export const MOVING = 0;
export const SERVICE = 1;
export const QUEUE = 2;
export const DEPARTURE_WAIT = 3;
export const OTHER_WAIT = 4;
/** Index of the `waiting` and `moving` categories. */
export const WAITING_CATEGORY = CATEGORIES.indexOf('waiting');
export const MOVING_CATEGORY = CATEGORIES.indexOf('moving');

/** A random element of a flow: its draws are keyed by `key` (plus flow and replication). */
export interface Element {
  readonly key: string;
  readonly model: PartModel;
}

/** One step of a consignment's trip. */
export type Step =
  /** A time with no queue: draw it, add it to `timeKind` and `category`. */
  | { readonly type: 'delay'; readonly element: number; readonly timeKind: number; readonly category: number }
  /** A stage with servers: happens with `probability`, queue first come first served, then `dist` hours of service. */
  | { readonly type: 'server'; readonly element: number; readonly server: number; readonly category: number; readonly probability: number; readonly dist: Distribution }
  /** A ferry or feeder crossing: wait for space on a departure, sail. `share`: the part of a vessel one consignment fills (0: unlimited). */
  | { readonly type: 'crossing'; readonly service: number; readonly share: number };

/** A stage performed by a limited number of servers, shared by every flow passing it. */
export interface StageServer {
  readonly id: string;
  readonly label: string;
  readonly nodeId: string;
  readonly stageId: string;
  readonly stageKind: StageKind;
  readonly servers: number;
  readonly meanServiceHours: number;
  readonly flows: string[];
}

/** A ferry or feeder service on one directed link. */
export interface Service {
  readonly id: string;
  readonly label: string;
  readonly link: Link;
  readonly spec: ServiceSpec;
  readonly mode: 'fleet' | 'schedule';
  readonly headway: Distribution;
  readonly meanSailingHours: number;
  /** Vessel loads per week at most (see `ServerReport.capacityPerWeek`). */
  readonly capacityPerWeek: number;
  readonly flows: string[];
}

/** A flow ready to run. */
export interface FlowPlan {
  readonly flow: FlowSpec;
  readonly index: number;
  readonly profileId: string;
  readonly originId: string;
  readonly destinationId: string;
  /** `null` when the network has no route for the flow. */
  readonly route: { readonly nodes: readonly string[]; readonly links: readonly string[]; readonly expectedHours: number } | null;
  readonly steps: readonly Step[];
  readonly elements: readonly Element[];
  readonly replaced: readonly ReplacedQueue[];
  /** Consignments per hour at volume 1 (scaled by the caller). */
  readonly perHour: number;
  readonly scales: boolean;
}

/** Everything the event loop needs. */
export interface Plan {
  readonly flows: readonly FlowPlan[];
  readonly servers: readonly StageServer[];
  readonly services: readonly Service[];
}

/** Time kind of a delay part. */
function delayKind(p: Part, stage: StageSpec | undefined): number {
  if (p.kind === 'closure') return OTHER_WAIT;
  if (p.kind === 'stage') return stage?.kind === 'queue' ? OTHER_WAIT : SERVICE;
  return MOVING;
}

/** The unit a consignment takes on a crossing: `teu` by sea; by ferry, wagons after rail and trucks after road. */
function crossingUnit(link: Link, arrivalMode: Mode | undefined, profileModes: readonly Mode[]): keyof ConsignmentSize {
  if (link.mode === 'sea') return 'teu';
  const by = arrivalMode ?? (profileModes.includes('rail') ? 'rail' : 'road');
  return by === 'road' ? 'trucks' : 'wagons';
}

function serviceCapacityPerWeek(spec: ServiceSpec, headway: Distribution): number {
  const h = meanOf(headway);
  const c = spec.cancellationProbability;
  if (spec.vessels !== undefined && spec.returnHours !== undefined) {
    // A cancellation holds the vessel (and the berth) for one more headway.
    const hold = h > 0 ? (c / (1 - c)) * h : 0;
    const cycle = meanOf(spec.sailingHours) + meanOf(spec.returnHours) + hold;
    const fleet = (spec.vessels * 168) / cycle;
    return hold > 0 ? Math.min(fleet, 168 / hold) : fleet;
  }
  return h > 0 ? (168 / h) * (1 - c) : Infinity;
}

function stageOf(node: NodeSpec, stageId: string): StageSpec {
  const s = node.stages?.find((x) => x.id === stageId);
  if (s === undefined) throw new Error(`internal: stage ${stageId} not found at ${node.id}`);
  return s;
}

/**
 * Route every flow and compile its steps. Stages of kind `queue` with `waitCause` `capacity` (the
 * default) are dropped and listed in `replaced`; stages with `servers` become servers; every other
 * stage, link travel and structure becomes a delay; ferry and sea links become crossings. Throws
 * `InvalidArgumentError` for a flow whose size lacks the unit of a crossing on its route, for a
 * `departWhenFull` service without `vessels` (the queue model needs a vessel to wait in port), and
 * for a service whose headway (or fleet cycle) has a mean of 0.
 */
export function compilePlan(network: Network, flows: readonly FlowSpec[]): Plan {
  const servers: StageServer[] = [];
  const serverIndex = new Map<string, number>();
  const services: Service[] = [];
  const serviceIndex = new Map<string, number>();
  const plans = flows.map((flow, index): FlowPlan => {
    const field = `flows[${index}]`;
    const profile = resolveProfile(network, flow.profile);
    const trip = resolveTrip(network, { origin: flow.origin, destination: flow.destination, profile, ...(flow.avoid !== undefined ? { avoid: flow.avoid } : {}) });
    const arcs = shortestArcPath(trip.graph, trip.sources, trip.targets);
    const base = {
      flow,
      index,
      profileId: profile.id,
      originId: trip.originId,
      destinationId: trip.destinationId,
      perHour: flow.perWeek / 168,
      scales: flow.scales !== false,
    };
    if (arcs === null) return { ...base, route: null, steps: [], elements: [], replaced: [] };
    const route = routeFromArcs(trip, arcs);
    const steps: Step[] = [];
    const elements: Element[] = [];
    const elementIndex = new Map<string, number>();
    const element = (p: Part): number => {
      let e = elementIndex.get(p.key);
      if (e === undefined) {
        e = elements.length;
        elements.push({ key: p.key, model: p.model });
        elementIndex.set(p.key, e);
      }
      return e;
    };
    const replaced: ReplacedQueue[] = [];
    let arrivalMode: Mode | undefined;
    for (const a of arcs) {
      const arc = trip.graph.arcs[a]!;
      if (arc.type === 'stop') {
        arrivalMode = arc.arrivalMode;
        const node = arc.node!;
        for (const p of arc.parts) {
          const stage = stageOf(node, p.stageId!);
          if (stage.kind === 'queue' && (stage.waitCause ?? 'capacity') === 'capacity') {
            replaced.push({ nodeId: node.id, stageId: stage.id, label: p.label, expectedHours: p.expectedHours });
            continue;
          }
          const category = CATEGORIES.indexOf(p.category);
          if (stage.servers !== undefined) {
            const id = `stage|${node.id}|${stage.id}`;
            let s = serverIndex.get(id);
            if (s === undefined) {
              s = servers.length;
              serverIndex.set(id, s);
              servers.push({ id, label: p.label, nodeId: node.id, stageId: stage.id, stageKind: stage.kind, servers: stage.servers, meanServiceHours: meanOf(stage.durationHours), flows: [] });
            }
            if (!servers[s]!.flows.includes(flow.id)) servers[s]!.flows.push(flow.id);
            steps.push({ type: 'server', element: element(p), server: s, category, probability: stage.probability ?? 1, dist: stage.durationHours });
          } else {
            steps.push({ type: 'delay', element: element(p), timeKind: delayKind(p, stage), category });
          }
        }
        continue;
      }
      const link = arc.link!;
      for (const p of arc.parts) {
        if (p.kind === 'departure-wait') {
          const spec = link.service!;
          const id = `service|${link.id}`;
          let s = serviceIndex.get(id);
          if (s === undefined) {
            const fleet = spec.vessels !== undefined && spec.returnHours !== undefined;
            if (spec.departWhenFull === true && !fleet) {
              throw new InvalidArgumentError(
                `link ${link.id}: service.departWhenFull`,
                true,
                'a service with vessels and returnHours (the queue model needs vessels that wait in port to depart when full); add them, or drop departWhenFull',
              );
            }
            const headway = headwayOf(spec);
            // A service whose cycle takes no time would sail forever at one instant.
            if (fleet ? meanOf(spec.sailingHours) + meanOf(spec.returnHours!) <= 0 : meanOf(headway) <= 0) {
              throw new InvalidArgumentError(
                `link ${link.id}: service.${fleet ? 'returnHours' : 'headwayHours'}`,
                fleet ? spec.returnHours : headway,
                fleet ? 'sailing plus return hours with a mean > 0' : 'a headway with a mean > 0',
              );
            }
            s = services.length;
            serviceIndex.set(id, s);
            const from = network.nodeById.get(link.from)!.name;
            const to = network.nodeById.get(link.to)!.name;
            services.push({
              id,
              label: link.name ?? `${from} → ${to} (${link.mode})`,
              link,
              spec,
              mode: fleet ? 'fleet' : 'schedule',
              headway,
              meanSailingHours: meanOf(spec.sailingHours),
              capacityPerWeek: serviceCapacityPerWeek(spec, headway),
              flows: [],
            });
          }
          const service = services[s]!;
          if (!service.flows.includes(flow.id)) service.flows.push(flow.id);
          const unit = crossingUnit(link, arrivalMode, profile.modes);
          const size = flow.size[unit];
          if (size === undefined) {
            throw new InvalidArgumentError(`${field}.size.${unit}`, size, `the size of a consignment in ${unit}: its route crosses ${link.id} (${link.mode})`);
          }
          const perVessel = link.service!.capacity?.[unit];
          steps.push({ type: 'crossing', service: s, share: perVessel === undefined ? 0 : size / perVessel });
        } else if (p.kind === 'sailing') {
          // Part of the crossing step.
        } else {
          steps.push({ type: 'delay', element: element(p), timeKind: delayKind(p, undefined), category: CATEGORIES.indexOf(p.category) });
        }
      }
      arrivalMode = link.mode;
    }
    return { ...base, route: { nodes: route.nodes, links: route.links, expectedHours: route.totalHours }, steps, elements, replaced };
  });
  // Two stages of a node can share a name (one per profile): tell them apart by their ids.
  const seen = new Map<string, number>();
  for (const s of servers) seen.set(s.label, (seen.get(s.label) ?? 0) + 1);
  const unique = servers.map((s) => ((seen.get(s.label) ?? 0) > 1 ? { ...s, label: `${s.label} [${s.stageId}]` } : s));
  return { flows: plans, servers: unique, services };
}
