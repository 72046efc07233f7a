// From flows to what the event loop runs: each flow's route (from `fastestRoute`'s search) becomes
// a list of steps — delays (travel, stages without servers), servers (stages with `servers`) and
// crossings (ferry and sea services) — and the servers and services are collected once, shared by
// every flow that passes them. Today's capacity `queue` stages are dropped here (DESIGN §8).
import { InvalidArgumentError } from '../../errors.js';
import { headwayOf, meanOf } from '../../network/distribution.js';
import { resolveProfile, type Link, type Network } from '../../network/network.js';
import { CATEGORIES, type Distribution, type Mode, type NodeSpec, type ServiceSpec, type StageKind, type StageSpec } from '../../network/types.js';
import type { Arc, Part, PartModel } from '../../route/expand.js';
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
  /** A stage with servers: happens as its `model` says (probability, or a share of a replaced stage's draw), queues first come first served, then its draw of service hours. */
  | { readonly type: 'server'; readonly element: number; readonly server: number; readonly category: number; readonly model: Extract<PartModel, { type: 'random' }> }
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

/** The servers and services met so far, each listed once in order of first use and shared by every flow that passes it. */
class SharedQueues {
  readonly servers: StageServer[] = [];
  readonly services: Service[] = [];
  private readonly serverIndex = new Map<string, number>();
  private readonly serviceIndex = new Map<string, number>();

  constructor(private readonly network: Network) {}

  /** The server of `stage` at `node`, with `servers` parallel servers (listed on first use), with flow `flowId` among its flows. */
  server(node: NodeSpec, stage: StageSpec, servers: number, label: string, flowId: string): number {
    const id = `stage|${node.id}|${stage.id}`;
    let s = this.serverIndex.get(id);
    if (s === undefined) {
      s = this.servers.length;
      this.serverIndex.set(id, s);
      this.servers.push({ id, label, nodeId: node.id, stageId: stage.id, stageKind: stage.kind, servers, meanServiceHours: meanOf(stage.durationHours), flows: [] });
    }
    if (!this.servers[s]!.flows.includes(flowId)) this.servers[s]!.flows.push(flowId);
    return s;
  }

  /** The service of `link` (checked and listed on first use), with flow `flowId` among its flows. */
  service(link: Link, flowId: string): number {
    const id = `service|${link.id}`;
    let s = this.serviceIndex.get(id);
    if (s === undefined) {
      s = this.services.length;
      this.serviceIndex.set(id, s);
      this.services.push(this.serviceOf(id, link));
    }
    const service = this.services[s]!;
    if (!service.flows.includes(flowId)) service.flows.push(flowId);
    return s;
  }

  /** A new service on `link`, after checking that the queue model can run it. */
  private serviceOf(id: string, link: Link): Service {
    const spec = link.service!;
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
    const from = this.network.nodeById.get(link.from)!.name;
    const to = this.network.nodeById.get(link.to)!.name;
    return {
      id,
      label: link.name ?? `${from} → ${to} (${link.mode})`,
      link,
      spec,
      mode: fleet ? 'fleet' : 'schedule',
      headway,
      meanSailingHours: meanOf(spec.sailingHours),
      capacityPerWeek: serviceCapacityPerWeek(spec, headway),
      flows: [],
    };
  }

  /** The servers, those sharing a label told apart by their stage ids (two stages of a node can share a name, one per profile). */
  labelledServers(): StageServer[] {
    const seen = new Map<string, number>();
    for (const s of this.servers) seen.set(s.label, (seen.get(s.label) ?? 0) + 1);
    return this.servers.map((s) => ((seen.get(s.label) ?? 0) > 1 ? { ...s, label: `${s.label} [${s.stageId}]` } : s));
  }
}

/** The steps of one flow as they are compiled, its random elements (each once) and the queue stages it drops. */
class FlowSteps {
  readonly steps: Step[] = [];
  readonly elements: Element[] = [];
  readonly replaced: ReplacedQueue[] = [];
  private readonly elementIndex = new Map<string, number>();

  /** The element of part `p` (listed on first use). */
  element(p: Part): number {
    let e = this.elementIndex.get(p.key);
    if (e === undefined) {
      e = this.elements.length;
      this.elements.push({ key: p.key, model: p.model });
      this.elementIndex.set(p.key, e);
    }
    return e;
  }
}

/** The steps of a stop at a node: capacity queue stages dropped, stages with servers as servers, the rest as delays. */
function stopSteps(arc: Arc, flowId: string, shared: SharedQueues, out: FlowSteps): void {
  const node = arc.node!;
  for (const p of arc.parts) {
    const stage = stageOf(node, p.stageId!);
    if (stage.kind === 'queue' && (stage.waitCause ?? 'capacity') === 'capacity') {
      out.replaced.push({ nodeId: node.id, stageId: stage.id, label: p.label, expectedHours: p.expectedHours });
      continue;
    }
    const category = CATEGORIES.indexOf(p.category);
    if (stage.servers !== undefined) {
      const server = shared.server(node, stage, stage.servers, p.label, flowId);
      if (p.model.type !== 'random') throw new Error('internal: a stage part is random');
      out.steps.push({ type: 'server', element: out.element(p), server, category, model: p.model });
    } else {
      out.steps.push({ type: 'delay', element: out.element(p), timeKind: delayKind(p, stage), category });
    }
  }
}

/**
 * The steps of a link: its departure wait and sailing become one crossing of its service, in the
 * unit the consignment travels in (after arriving by `arrivalMode`); the rest are delays.
 */
function linkSteps(arc: Arc, arrivalMode: Mode | undefined, flow: FlowSpec, field: string, profileModes: readonly Mode[], shared: SharedQueues, out: FlowSteps): void {
  const link = arc.link!;
  for (const p of arc.parts) {
    if (p.kind === 'departure-wait') {
      const service = shared.service(link, flow.id);
      const unit = crossingUnit(link, arrivalMode, profileModes);
      const size = flow.size[unit];
      if (size === undefined) {
        throw new InvalidArgumentError(`${field}.size.${unit}`, size, `the size of a consignment in ${unit}: its route crosses ${link.id} (${link.mode})`);
      }
      const perVessel = link.service!.capacity?.[unit];
      out.steps.push({ type: 'crossing', service, share: perVessel === undefined ? 0 : size / perVessel });
    } else if (p.kind === 'sailing') {
      // Part of the crossing step.
    } else {
      out.steps.push({ type: 'delay', element: out.element(p), timeKind: delayKind(p, undefined), category: CATEGORIES.indexOf(p.category) });
    }
  }
}

/** Route flow number `index` on its fastest route on expected times and compile its steps. */
function planFlow(network: Network, flow: FlowSpec, index: number, shared: SharedQueues): FlowPlan {
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
  const out = new FlowSteps();
  let arrivalMode: Mode | undefined;
  for (const a of arcs) {
    const arc = trip.graph.arcs[a]!;
    if (arc.type === 'stop') {
      arrivalMode = arc.arrivalMode;
      stopSteps(arc, flow.id, shared, out);
    } else {
      linkSteps(arc, arrivalMode, flow, `flows[${index}]`, profile.modes, shared, out);
      arrivalMode = arc.link!.mode;
    }
  }
  return { ...base, route: { nodes: route.nodes, links: route.links, expectedHours: route.totalHours }, steps: out.steps, elements: out.elements, replaced: out.replaced };
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
  const shared = new SharedQueues(network);
  const plans = flows.map((flow, index) => planFlow(network, flow, index, shared));
  return { flows: plans, servers: shared.labelledServers(), services: shared.services };
}
