// A route planner: many small changes to one network, each routed at once, through the public API.
// Each trip's graph is compiled once with weights of its own; applying measures transforms the
// document, finds by reference what changed (network/derivation.ts), recomputes the weights of just
// those arcs (a closed link's arcs get an infinite weight, which no search relaxes), and routing is
// a Dijkstra search on the re-weighted graph; restoring writes the old weights back. Nothing is
// indexed, expanded or compiled per change, which is what makes thousands of what-ifs a second.
import { InvalidArgumentError } from '../errors.js';
import { cloneCsrWeights, type Csr } from '../engine/csr.js';
import { shortestPath } from '../engine/shortest-path.js';
import { createWorkspace, type Workspace } from '../engine/workspace.js';
import { applyMeasures } from '../measures/apply.js';
import { isLibraryMeasure } from '../measures/define.js';
import type { Measure } from '../measures/types.js';
import { specChange, type SpecChange } from '../network/derivation.js';
import { isIndexedNetwork, type Network } from '../network/network.js';
import { exactSum } from '../route/exact-sum.js';
import { linkPartHours, stageExpectedHours, stopPartHours } from '../route/expand.js';
import { fastestRoute, type Route } from '../route/fastest.js';
import { compiledGraph } from '../route/search.js';
import { resolveTrip, type ResolvedTrip, type RouteOptions } from '../route/trip.js';

/** A planner's handle on one network and its trips; see `routePlanner`. */
export interface RoutePlanner {
  /** The network the planner was made for (without the measures applied). */
  readonly base: Network;
  /** The trips, as given. */
  readonly trips: readonly RouteOptions[];
  /** The measures in force (empty after `restore`). */
  readonly measures: readonly Measure[];
  /**
   * Put `measures` (the library's own, applied in order to the base network) in force instead of
   * the ones before. They may change times and close links, not the network's shape: a measure that
   * adds a link, or changes a link's ends, mode, country or weight caps, is an `InvalidArgumentError`
   * (apply it with `applyMeasures`). Throws what `applyMeasures` throws for measures that do not fit.
   */
  apply(measures: readonly Measure[]): void;
  /** Back to the base network. */
  restore(): void;
  /** Expected hours of trip `trip`'s fastest route now (the `totalHours` `fastestRoute` gives); `null` when it has none. */
  hours(trip: number): number | null;
  /** Trip `trip`'s fastest route now, as `fastestRoute` gives it on the network with the measures applied. */
  route(trip: number): Route | null;
  /** The network with the measures in force applied (`applyMeasures(base, measures)`, made on first use). */
  network(): Network;
}

/** One trip's compiled graph with weights of its own, and where each node's and link's arcs are. */
interface TripState {
  readonly trip: ResolvedTrip;
  readonly csr: Csr;
  readonly ws: Workspace;
  readonly baseHours: Float64Array;
  /** Per arc: its parts' expected hours, in order (for exact route totals). */
  readonly partHours: readonly Float64Array[];
  readonly stopArcs: Map<string, number[]>;
  readonly linkArcs: Map<string, number[]>;
  /** Arcs re-weighted by the measures in force, and their parts' hours (none for a closed link's arcs). */
  readonly changed: Map<number, readonly number[] | null>;
  /** Hours of the current fastest route: undefined until asked, null when there is none. */
  hours: number | null | undefined;
}

/** A trip's state, or `null` when it has no start or end vertex (no route, whatever the measures). */
function prepare(network: Network, options: RouteOptions): TripState | null {
  const trip = resolveTrip(network, options);
  if (trip.sources.length === 0 || trip.targets.length === 0) return null;
  const compiled = compiledGraph(trip.graph);
  const csr = cloneCsrWeights(compiled.csr);
  const stopArcs = new Map<string, number[]>();
  const linkArcs = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, arc: number): void => {
    let list = map.get(key);
    if (list === undefined) map.set(key, (list = []));
    list.push(arc);
  };
  trip.graph.arcs.forEach((arc, i) => (arc.type === 'link' ? add(linkArcs, arc.link!.baseId, i) : add(stopArcs, arc.node!.id, i)));
  const partHours = trip.graph.arcs.map((arc) => Float64Array.from(arc.parts, (p) => p.expectedHours));
  return { trip, csr, ws: createWorkspace(csr), baseHours: compiled.expectedHours, partHours, stopArcs, linkArcs, changed: new Map(), hours: undefined };
}

function setWeight(s: TripState, arc: number, hours: number, parts: readonly number[] | null): void {
  if (!(hours >= 0) || (hours === Infinity && parts !== null)) {
    throw new InvalidArgumentError(`arcs[${arc}].expectedHours`, hours, 'a finite number of hours ≥ 0 after the measures');
  }
  s.csr.weights[s.csr.slotOf[arc]!] = hours;
  s.changed.set(arc, parts);
}

/** A pass's new hours and parts, per node, arrival mode, departure mode and profile: the same for every trip's graph. */
type StopHours = Map<string, { readonly hours: number; readonly parts: number[] }>;

/** Write the weights `change` implies into a trip's graph (which holds the base weights). */
function reweight(s: TripState, change: SpecChange, stops: StopHours): void {
  const { graph, profile } = s.trip;
  for (const [id, node] of change.nodes) {
    const arcs = s.stopArcs.get(id);
    if (arcs === undefined) continue;
    let stageHours: readonly number[] | undefined;
    for (const a of arcs) {
      const arc = graph.arcs[a]!;
      const key = `${id}\u0000${arc.arrivalMode!}\u0000${arc.departureMode!}\u0000${profile.id}`;
      let stop = stops.get(key);
      if (stop === undefined) {
        const parts: number[] = [];
        stageHours ??= stageExpectedHours(node);
        stops.set(key, (stop = { hours: stopPartHours(node, arc.arrivalMode!, arc.departureMode!, profile, parts, stageHours), parts }));
      }
      setWeight(s, a, stop.hours, stop.parts);
    }
  }
  for (const [id, link] of change.links) {
    const arcs = s.linkArcs.get(id);
    if (arcs === undefined) continue;
    // Both directions of a link take the same time.
    const parts: number[] = [];
    const hours = linkPartHours(link, profile, parts);
    for (const a of arcs) setWeight(s, a, hours, parts);
  }
  for (const id of change.removedLinks) for (const a of s.linkArcs.get(id) ?? []) setWeight(s, a, Infinity, null);
}

function restoreWeights(s: TripState): void {
  for (const a of s.changed.keys()) s.csr.weights[s.csr.slotOf[a]!] = s.baseHours[a]!;
  s.changed.clear();
  s.hours = undefined;
}

/**
 * A handle for many small changes to `network` (from `parseNetwork`, `loadNetwork` or
 * `middleCorridor`) and fast routing of `trips` (the options of `fastestRoute`, `avoid` and `via`
 * included) after each: `apply(measures)` puts the measures in force by re-weighting each trip's
 * compiled graph, `hours(i)` and `route(i)` give trip i's fastest route then, and `restore()` goes
 * back. Results equal `fastestRoute(applyMeasures(network, measures), trip)`. Only the library's
 * measures that change times or close links are accepted (`InvalidArgumentError` otherwise).
 */
export function routePlanner(network: Network, trips: readonly RouteOptions[]): RoutePlanner {
  if (!isIndexedNetwork(network)) throw new InvalidArgumentError('network', network, 'a network from parseNetwork, loadNetwork or middleCorridor');
  if (!Array.isArray(trips) || trips.length === 0) throw new InvalidArgumentError('trips', trips, 'a non-empty array of trips { origin, destination, profile, avoid?, via? }');
  const states = trips.map((t) => prepare(network, t));
  // The part hours of a route, reused from one route to the next.
  const scratch: number[] = [];
  let active: readonly Measure[] = [];
  let current: Network | undefined = network;
  const state = (trip: number): TripState | null => {
    if (!Number.isInteger(trip) || trip < 0 || trip >= states.length) throw new InvalidArgumentError('trip', trip, `a trip index from 0 to ${states.length - 1}`);
    return states[trip]!;
  };
  const currentNetwork = (): Network => (current ??= applyMeasures(network, active));
  const restore = (): void => {
    for (const s of states) if (s !== null) restoreWeights(s);
    active = [];
    current = network;
  };
  return {
    base: network,
    trips,
    get measures() {
      return active;
    },
    apply(measures) {
      if (!Array.isArray(measures)) throw new InvalidArgumentError('measures', measures, 'an array of measures');
      measures.forEach((m, i) => {
        if (!isLibraryMeasure(m)) throw new InvalidArgumentError(`measures[${i}]`, m, "a measure built by the library's factories (createMeasure for a recipe)");
      });
      let spec = network.spec;
      for (const m of measures) spec = m.transform(spec);
      const change = specChange(network.spec, spec);
      if (change === undefined) {
        throw new InvalidArgumentError('measures', measures.map((m) => m.id), 'measures that change times or close links only (one changes the network\'s shape: use applyMeasures)');
      }
      restore();
      try {
        const stops: StopHours = new Map();
        for (const s of states) if (s !== null) reweight(s, change, stops);
      } catch (e) {
        restore();
        throw e;
      }
      active = [...measures];
      current = measures.length === 0 ? network : undefined;
    },
    restore,
    hours(trip) {
      const s = state(trip);
      if (s === null) return null;
      if (s.hours === undefined) {
        const path = shortestPath(s.csr, s.trip.sources, s.trip.targets, s.ws);
        if (path === null) s.hours = null;
        else {
          // Σ parts in route order, exactly rounded: the `totalHours` of the route.
          let count = 0;
          for (const a of path.arcs) {
            const hours = s.changed.get(a) ?? s.partHours[a]!;
            for (let k = 0; k < hours.length; k++) scratch[count++] = hours[k]!;
          }
          s.hours = exactSum(count, (i) => scratch[i]!);
        }
      }
      return s.hours;
    },
    route(trip) {
      state(trip);
      return fastestRoute(currentNetwork(), trips[trip]!);
    },
    network: currentNetwork,
  };
}
