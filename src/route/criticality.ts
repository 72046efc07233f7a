// Criticality: which link (or node) matters most to a set of trips. Each element is closed in turn
// and every trip re-routed, on the compiled graphs: the element's arcs get an infinite weight (a
// search never relaxes an arc of infinite cost, so the arc is as good as gone), the trip is routed
// again, and the weights are put back. Nothing is rebuilt. Closing an element that the trip's
// fastest route does not use cannot change its least time, so only the elements on the route are
// re-routed: on the shipped network that is a few dozen searches per trip.
import { InvalidArgumentError } from '../errors.js';
import { shortestPath } from '../engine/shortest-path.js';
import { createWorkspace } from '../engine/workspace.js';
import type { Network } from '../network/network.js';
import { findNode } from '../network/lookup.js';
import { pathHours, routeFromArcs, type Route } from './fastest.js';
import { compiledGraph } from './search.js';
import { resolveTrip, type ResolvedTrip, type RouteOptions } from './trip.js';

/** What `criticality` closes: every link, every node, or the ones listed (document ids; node names too). */
export type CriticalityElements = 'links' | 'nodes' | { readonly links?: readonly string[]; readonly nodes?: readonly string[] };

/** Settings of `criticality`. */
export interface CriticalitySettings {
  /** Default `'links'`: every link of the document (both directions of a bidirectional one together). */
  readonly elements?: CriticalityElements;
}

/** What closing one element does to one trip. */
export interface TripImpact {
  /** Index of the trip in the `trips` given. */
  readonly trip: number;
  /** Expected hours with the element closed; `null` when the trip then has no route. */
  readonly closedHours: number | null;
  /** `closedHours` − the trip's hours with everything open; `null` when it has no route. */
  readonly addedHours: number | null;
  /** The element is the trip's origin or destination: the trip is not counted for it. */
  readonly endpoint?: true;
}

/** One closed element and its effect on every trip. */
export interface ElementCriticality {
  /** 1 for the most critical. */
  readonly rank: number;
  readonly kind: 'link' | 'node';
  /** Document id of the link or node. */
  readonly id: string;
  readonly name: string;
  /** Trips left without a route (endpoints not counted). */
  readonly noRouteTrips: number;
  /** Σ added hours over the trips that still have a route. */
  readonly addedHours: number;
  /** The same in days. */
  readonly addedDays: number;
  /** One entry per trip that has a route with everything open, in trip order. */
  readonly impacts: readonly TripImpact[];
}

/** The result of `criticality`. */
export interface Criticality {
  /** Per trip given: its fastest route with everything open (`null` when it has none; such a trip is left out of the impacts). */
  readonly trips: readonly { readonly options: RouteOptions; readonly route: Route | null }[];
  /** Every element closed, most critical first: most trips without a route, then most added hours, then by id. */
  readonly elements: readonly ElementCriticality[];
}

interface Element {
  readonly kind: 'link' | 'node';
  readonly id: string;
  readonly name: string;
}

function elementsOf(network: Network, elements: CriticalityElements): Element[] {
  const linkName = (id: string): string => {
    const l = network.linkById.get(id)!;
    return l.name ?? `${network.nodeById.get(l.from)!.name} → ${network.nodeById.get(l.to)!.name}`;
  };
  if (elements === 'links') return network.spec.links.map((l) => ({ kind: 'link', id: l.id, name: linkName(l.id) }));
  if (elements === 'nodes') return network.nodes.map((n) => ({ kind: 'node', id: n.id, name: n.name }));
  if (typeof elements !== 'object' || elements === null || Array.isArray(elements)) {
    throw new InvalidArgumentError('elements', elements, '"links", "nodes" or { links?, nodes? }');
  }
  for (const key of Object.keys(elements)) {
    if (key !== 'links' && key !== 'nodes') throw new InvalidArgumentError(`elements.${key}`, (elements as Record<string, unknown>)[key], 'no such field (links, nodes)');
  }
  const list = (field: string, value: unknown): readonly string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new InvalidArgumentError(field, value, 'an array of strings');
    return value as string[];
  };
  const out: Element[] = [];
  for (const id of list('elements.links', elements.links)) {
    const l = network.linkById.get(id);
    if (l === undefined || l.reversed) throw new InvalidArgumentError('elements.links', id, 'the document id of a link of the network');
    out.push({ kind: 'link', id, name: linkName(id) });
  }
  for (const query of list('elements.nodes', elements.nodes)) {
    const n = findNode(network, query, 'elements.nodes');
    out.push({ kind: 'node', id: n.id, name: n.name });
  }
  return out;
}

/** One trip ready for closures: its graph's weights (a copy), its route's arcs, and the arcs of each element. */
interface TripState {
  readonly trip: ResolvedTrip;
  readonly weights: Float64Array;
  readonly slotOf: Int32Array;
  readonly search: () => Int32Array | null;
  readonly onRoute: Uint8Array;
  readonly baseHours: number;
  readonly arcsOf: Map<string, number[]>;
}

function prepareTrip(trip: ResolvedTrip): TripState | null {
  if (trip.sources.length === 0 || trip.targets.length === 0) return null;
  const compiled = compiledGraph(trip.graph);
  const csr = { ...compiled.csr, weights: compiled.csr.weights.slice() };
  const ws = createWorkspace(csr);
  const search = (): Int32Array | null => shortestPath(csr, trip.sources, trip.targets, ws)?.arcs ?? null;
  const base = search();
  if (base === null) return null;
  const onRoute = new Uint8Array(trip.graph.arcs.length);
  for (const a of base) onRoute[a] = 1;
  // Arcs per element: a link's arcs (both directions), and for a node every arc that touches it.
  const arcsOf = new Map<string, number[]>();
  const add = (key: string, arc: number): void => {
    let list = arcsOf.get(key);
    if (list === undefined) arcsOf.set(key, (list = []));
    list.push(arc);
  };
  trip.graph.arcs.forEach((arc, i) => {
    if (arc.type === 'link') {
      add(`link|${arc.link!.baseId}`, i);
      add(`node|${arc.link!.from}`, i);
      add(`node|${arc.link!.to}`, i);
    } else {
      add(`node|${arc.node!.id}`, i);
    }
  });
  return { trip, weights: csr.weights, slotOf: csr.slotOf, search, onRoute, baseHours: pathHours(trip, base), arcsOf };
}

/**
 * Close each element (every link by default, or every node, or those listed) in turn and re-route
 * every trip: the hours each closure adds to each trip on expected times, `null` where the trip is
 * left without a route, and the elements ranked (most trips without a route first, then most hours
 * added in all, then by id). Closing a link closes both its directions (as `closeLink` does); closing
 * a node closes every link that starts or ends there and every pass through it (a waypoint of a trip
 * included). A trip whose origin or destination is the closed node is marked `endpoint` and not
 * counted. The result equals closing the element with `closeLink` (or removing the node's links) and
 * calling `fastestRoute` from scratch, but runs on the compiled graphs by re-weighting, not
 * rebuilding. Trips take the options of `fastestRoute` (`avoid`, `via`).
 */
export function criticality(network: Network, trips: readonly RouteOptions[], settings: CriticalitySettings = {}): Criticality {
  if (!Array.isArray(trips) || trips.length === 0) throw new InvalidArgumentError('trips', trips, 'a non-empty array of trips { origin, destination, profile, avoid?, via? }');
  if (typeof settings !== 'object' || settings === null) throw new InvalidArgumentError('settings', settings, 'an object { elements? }');
  const elements = elementsOf(network, settings.elements ?? 'links');
  const resolved = trips.map((t) => resolveTrip(network, t));
  const states = resolved.map(prepareTrip);
  const ranked = elements.map((el) => {
    const impacts: TripImpact[] = [];
    let noRouteTrips = 0;
    let addedHours = 0;
    states.forEach((s, t) => {
      if (s === null) return;
      if (el.kind === 'node' && (s.trip.originId === el.id || s.trip.destinationId === el.id)) {
        impacts.push({ trip: t, closedHours: null, addedHours: null, endpoint: true });
        return;
      }
      const arcs = s.arcsOf.get(`${el.kind}|${el.id}`) ?? [];
      if (!arcs.some((a) => s.onRoute[a] === 1)) {
        impacts.push({ trip: t, closedHours: s.baseHours, addedHours: 0 });
        return;
      }
      const saved = arcs.map((a) => s.weights[s.slotOf[a]!]!);
      for (const a of arcs) s.weights[s.slotOf[a]!] = Infinity;
      const path = s.search();
      arcs.forEach((a, i) => (s.weights[s.slotOf[a]!] = saved[i]!));
      if (path === null) {
        noRouteTrips++;
        impacts.push({ trip: t, closedHours: null, addedHours: null });
        return;
      }
      const closedHours = pathHours(s.trip, path);
      addedHours += closedHours - s.baseHours;
      impacts.push({ trip: t, closedHours, addedHours: closedHours - s.baseHours });
    });
    return { ...el, noRouteTrips, addedHours, addedDays: addedHours / 24, impacts };
  });
  ranked.sort((a, b) => b.noRouteTrips - a.noRouteTrips || b.addedHours - a.addedHours || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.kind < b.kind ? -1 : 1));
  return {
    trips: trips.map((options, t) => {
      const s = states[t];
      return { options, route: s === null || s === undefined ? null : routeFromArcs(s.trip, Array.from(s.search()!)) };
    }),
    elements: ranked.map((e, i) => ({ rank: i + 1, ...e })),
  };
}
