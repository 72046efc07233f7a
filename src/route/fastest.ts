// The fastest route on expected times, and routes built from arc paths (with expected or sampled hours).
import type { Network } from '../network/network.js';
import type { Category, Mode } from '../network/types.js';
import { exactSum } from './exact-sum.js';
import type { Part, PartKind } from './expand.js';
import { shortestArcPath } from './search.js';
import { resolveTrip, type ResolvedTrip, type RouteOptions } from './trip.js';

/** One timed item of a route, with the hours it is expected to take. */
export interface RoutePart {
  readonly kind: PartKind;
  readonly label: string;
  /** Country (ISO alpha-2) or body of water the time counts to. */
  readonly country: string;
  readonly category: Category;
  /** Expected hours (a stage's probability × its mean duration). */
  readonly hours: number;
  readonly nodeId?: string;
  readonly linkId?: string;
  readonly stageId?: string;
  readonly structureId?: string;
}

/** Travel along one link. */
export interface RouteLeg {
  readonly linkId: string;
  readonly from: string;
  readonly to: string;
  readonly mode: Mode;
  readonly distanceKm: number;
  /** Σ parts: waiting for a departure, travel or sailing, structures. */
  readonly hours: number;
  readonly parts: readonly RoutePart[];
}

/** A pass through an intermediate node, with the stages that apply. */
export interface RouteStop {
  readonly nodeId: string;
  readonly name: string;
  readonly country: string;
  readonly arrivalMode: Mode;
  readonly departureMode: Mode;
  readonly hours: number;
  readonly parts: readonly RoutePart[];
}

/** A route with expected times. */
export interface Route {
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  /** The waypoints the route was asked to pass, in order (node ids); absent without. */
  readonly via?: readonly string[];
  /** Node ids, origin first. */
  readonly nodes: readonly string[];
  /** Link ids, in order. */
  readonly links: readonly string[];
  readonly legs: readonly RouteLeg[];
  /** Intermediate nodes (every node but the first and last), in order. */
  readonly stops: readonly RouteStop[];
  /** Every timed item in travel order; legs' and stops' parts interleaved. */
  readonly parts: readonly RoutePart[];
  readonly distanceKm: number;
  /** Σ parts' hours. */
  readonly totalHours: number;
  readonly totalDays: number;
}

function toRoutePart(p: Part, hours: number): RoutePart {
  const out: { -readonly [K in keyof RoutePart]: RoutePart[K] } = { kind: p.kind, label: p.label, country: p.country, category: p.category, hours };
  if (p.nodeId !== undefined) out.nodeId = p.nodeId;
  if (p.linkId !== undefined) out.linkId = p.linkId;
  if (p.stageId !== undefined) out.stageId = p.stageId;
  if (p.structureId !== undefined) out.structureId = p.structureId;
  return out;
}

/**
 * Expected hours of a path of arc indices: the exactly rounded sum of its parts' expected hours, the
 * same number as the `totalHours` of `routeFromArcs(trip, arcs)`, without building the route.
 */
export function pathHours(trip: ResolvedTrip, arcs: ArrayLike<number>): number {
  const hours: number[] = [];
  for (let i = 0; i < arcs.length; i++) for (const p of trip.graph.arcs[arcs[i]!]!.parts) hours.push(p.expectedHours);
  return exactSum(hours);
}

/** Build a route from a path of arc indices, each part at its expected hours. */
export function routeFromArcs(trip: ResolvedTrip, arcs: readonly number[]): Route {
  const g = trip.graph;
  const nodes: string[] = [trip.originId];
  const links: string[] = [];
  const legs: RouteLeg[] = [];
  const stops: RouteStop[] = [];
  const parts: RoutePart[] = [];
  // Every part's hours in route order, summed per arc and in all (plain loops: no closure per arc,
  // whose optimised code would go with it).
  const hoursOfParts: number[] = [];
  let distanceKm = 0;
  for (const i of arcs) {
    const arc = g.arcs[i]!;
    const ps: RoutePart[] = [];
    const first = hoursOfParts.length;
    for (let k = 0; k < arc.parts.length; k++) {
      const p = arc.parts[k]!;
      const part = toRoutePart(p, p.expectedHours);
      ps.push(part);
      parts.push(part);
      hoursOfParts.push(part.hours);
    }
    const hours = exactSum(hoursOfParts, first);
    if (arc.type === 'link') {
      const l = arc.link!;
      nodes.push(l.to);
      links.push(l.id);
      distanceKm += l.distanceKm;
      legs.push({ linkId: l.id, from: l.from, to: l.to, mode: l.mode, distanceKm: l.distanceKm, hours, parts: ps });
    } else {
      const n = arc.node!;
      stops.push({ nodeId: n.id, name: n.name, country: n.country, arrivalMode: arc.arrivalMode!, departureMode: arc.departureMode!, hours, parts: ps });
    }
  }
  const totalHours = exactSum(hoursOfParts);
  return {
    origin: trip.originId,
    destination: trip.destinationId,
    profile: trip.profile.id,
    ...(trip.via.length > 0 ? { via: trip.via } : {}),
    nodes,
    links,
    legs,
    stops,
    parts,
    distanceKm,
    totalHours,
    totalDays: totalHours / 24,
  };
}

/**
 * The fastest route from `origin` to `destination` for a profile, on expected times: links from
 * distance and speed (or mean duration); stages as probability × mean duration; ferry and sea links
 * as the expected wait for a random arrival (mean residual headway plus the cancellation term) plus
 * mean sailing time. Stages at the origin and destination are not counted. Mode changes are
 * transfers in the mode-expanded graph. Returns `null` when no route exists for the profile.
 * Throws `UnknownNodeError`, `UnknownProfileError` or `InvalidArgumentError` on bad arguments.
 */
export function fastestRoute(network: Network, options: RouteOptions): Route | null {
  const trip = resolveTrip(network, options);
  const arcs = shortestArcPath(trip.graph, trip.sources, trip.targets);
  return arcs === null ? null : routeFromArcs(trip, arcs);
}
