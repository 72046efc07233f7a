// A route planner: many small changes to one network, each routed at once, through the public API.
// Each trip's graph is compiled once with weights of its own; applying measures transforms the
// document, finds by reference what changed (network/derivation.ts), recomputes the weights of just
// those arcs (a closed link's arcs get an infinite weight, which no search relaxes), and restoring
// writes the old weights back. Nothing is indexed, expanded or compiled per change. Routing after a
// change searches only when the change could move the trip's fastest path: the planner keeps, from
// the base weights, the fastest path and each arc's slack (how much slower the best path through it
// is), and a change that lengthens no arc of the path by more than the runner-up trails it, and
// shortens no arc off the path below its slack, leaves the path the only fastest one (`unmoved`).
// Most what-ifs touch a link or a stage far from a trip's path, so most are answered without a search.
import { InvalidArgumentError } from '../errors.js';
import { cloneCsrWeights, type Csr } from '../engine/csr.js';
import { shortestPathTree } from '../engine/dijkstra.js';
import { shortestPath } from '../engine/shortest-path.js';
import { createWorkspace, type Workspace } from '../engine/workspace.js';
import { applyMeasures } from '../measures/apply.js';
import { isLibraryMeasure, timingTransform } from '../measures/define.js';
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
  /** The fastest path on the base weights (arc indices), or null when there is none; its hours. */
  readonly basePath: Int32Array | null;
  readonly basePathHours: number | null;
  /** Per arc: 1 when it is on `basePath`. */
  readonly onPath: Uint8Array;
  /**
   * Per arc a = u → v: how much longer than the fastest path the best path through a is on the base
   * weights (dist from the sources to u + w(a) + dist from v to the targets − the fastest path's
   * cost); Infinity when no path passes a.
   */
  readonly slack: Float64Array;
  /** The least slack of an arc off `basePath`: how much the runner-up trails the fastest path (0 on a tie). */
  readonly runnerUpSlack: number;
  /** How far the measures in force lengthen `basePath` (Σ weight increases on it; Infinity when closed). */
  increaseOnPath: number;
  /** Σ weight decreases of arcs off `basePath`, and the least slack among those arcs. */
  decreaseOffPath: number;
  decreasedSlack: number;
  /** Whether an arc of `basePath` has a weight other than its base one. */
  pathChanged: boolean;
  /** Hours of the current fastest route: undefined until asked, null when there is none. */
  hours: number | null | undefined;
}

/** Exactly rounded Σ of the parts' hours along `arcs` (the route's `totalHours`), with the re-weighted arcs' parts. */
function routeHours(s: TripState, arcs: Int32Array, scratch: number[]): number {
  let count = 0;
  for (const a of arcs) {
    const hours = s.changed.get(a) ?? s.partHours[a]!;
    for (let k = 0; k < hours.length; k++) scratch[count++] = hours[k]!;
  }
  return exactSum(scratch, 0, count);
}

/** A trip's state, or `null` when it has no start or end vertex (no route, whatever the measures). */
function prepare(network: Network, options: RouteOptions, scratch: number[]): TripState | null {
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
  const arcs = trip.graph.arcs;
  arcs.forEach((arc, i) => (arc.type === 'link' ? add(linkArcs, arc.link!.baseId, i) : add(stopArcs, arc.node!.id, i)));
  const partHours = arcs.map((arc) => Float64Array.from(arc.parts, (p) => p.expectedHours));
  const ws = createWorkspace(csr);
  const baseHours = compiled.expectedHours;
  // Distances from the sources and to the targets on the base weights: what a change must beat to
  // move the fastest path (see `unmoved`).
  const fromSources = Float64Array.from(shortestPathTree(csr, trip.sources, ws).costs);
  const toTargets = Float64Array.from(shortestPathTree(compiled.reverse, trip.targets, ws).costs);
  const path = shortestPath(csr, trip.sources, trip.targets, ws);
  const onPath = new Uint8Array(arcs.length);
  const slack = new Float64Array(arcs.length).fill(Infinity);
  let runnerUpSlack = Infinity;
  if (path !== null) {
    for (const a of path.arcs) onPath[a] = 1;
    for (let a = 0; a < arcs.length; a++) {
      const through = fromSources[arcs[a]!.from]! + baseHours[a]! + toTargets[arcs[a]!.to]!;
      if (through < Infinity) slack[a] = through - path.cost;
      if (onPath[a] === 0 && slack[a]! < runnerUpSlack) runnerUpSlack = slack[a]!;
    }
  }
  const state: TripState = {
    trip,
    csr,
    ws,
    baseHours,
    partHours,
    stopArcs,
    linkArcs,
    changed: new Map(),
    basePath: path === null ? null : path.arcs,
    basePathHours: null,
    onPath,
    slack,
    runnerUpSlack,
    increaseOnPath: 0,
    decreaseOffPath: 0,
    decreasedSlack: Infinity,
    pathChanged: false,
    hours: undefined,
  };
  return { ...state, basePathHours: path === null ? null : routeHours(state, path.arcs, scratch) };
}

function setWeight(s: TripState, arc: number, hours: number, parts: readonly number[] | null): void {
  if (!(hours >= 0) || (hours === Infinity && parts !== null)) {
    throw new InvalidArgumentError(`arcs[${arc}].expectedHours`, hours, 'a finite number of hours ≥ 0 after the measures');
  }
  s.csr.weights[s.csr.slotOf[arc]!] = hours;
  s.changed.set(arc, parts);
  const base = s.baseHours[arc]!;
  if (s.onPath[arc] === 1) {
    if (hours !== base) s.pathChanged = true;
    if (hours > base) s.increaseOnPath += hours - base;
  } else if (hours < base) {
    s.decreaseOffPath += base - hours;
    if (s.slack[arc]! < s.decreasedSlack) s.decreasedSlack = s.slack[arc]!;
  }
}

/**
 * Whether the base weights' fastest path is still the only fastest one, so that a search would
 * return it: every other path Q contains an arc b off it, and on the base weights costs at least
 * the fastest path's cost C plus b's slack. The measures lengthen the path by at most
 * `increaseOnPath` more than they shorten Q on the path's arcs, and shorten Q off them by at most
 * `decreaseOffPath`, and only if Q passes a shortened arc, whose slack then counts. So Q stays
 * strictly slower if the runner-up's slack exceeds the path's increase, and the least slack of a
 * shortened arc exceeds the path's increase plus the shortening. A margin far above rounding
 * errors leaves near-ties to the search.
 */
function unmoved(s: TripState): boolean {
  if (s.basePath === null) return true;
  const margin = 1e-9 * (1 + s.basePathHours!);
  return s.runnerUpSlack > s.increaseOnPath + margin && s.decreasedSlack > s.increaseOnPath + s.decreaseOffPath + margin;
}

/**
 * Write the weights `change` implies into a trip's graph (which holds the base weights);
 * `stageHours` has each changed node's `stageExpectedHours`, the same for every trip.
 */
function reweight(s: TripState, change: SpecChange, stageHours: ReadonlyMap<string, readonly number[]>): void {
  const { graph, profile } = s.trip;
  for (const [id, node] of change.nodes) {
    const arcs = s.stopArcs.get(id);
    if (arcs === undefined) continue;
    const hours = stageHours.get(id)!;
    for (const a of arcs) {
      const arc = graph.arcs[a]!;
      const parts: number[] = [];
      setWeight(s, a, stopPartHours(node, arc.arrivalMode!, arc.departureMode!, profile, parts, hours), parts);
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
  s.increaseOnPath = 0;
  s.decreaseOffPath = 0;
  s.decreasedSlack = Infinity;
  s.pathChanged = false;
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
  // The part hours of a route, reused from one route to the next.
  const scratch: number[] = [];
  const states = trips.map((t) => prepare(network, t, scratch));
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
      // The factories' transforms without the dropping of stale ranges: the same times (ranges come
      // back with the network, from applyMeasures, when `network()` or `route()` asks for it).
      let spec = network.spec;
      try {
        for (const m of measures) spec = timingTransform(m)!(spec);
      } catch {
        // A measure that checks the document it is given (patchFigures) refuses a range an earlier
        // measure made stale (a link moved from a duration to a speed keeps a range on
        // `durationHours`): the full transforms drop such ranges first, as applyMeasures does. The
        // times are the same; an error they raise too is the caller's.
        spec = network.spec;
        for (const m of measures) spec = m.transform(spec);
      }
      const change = specChange(network.spec, spec);
      if (change === undefined) {
        throw new InvalidArgumentError('measures', measures.map((m) => m.id), 'measures that change times or close links only (one changes the network\'s shape: use applyMeasures)');
      }
      restore();
      try {
        const stageHours = new Map<string, readonly number[]>();
        for (const [id, node] of change.nodes) stageHours.set(id, stageExpectedHours(node));
        for (const s of states) if (s !== null) reweight(s, change, stageHours);
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
        if (unmoved(s)) {
          // The search would return the base path: its hours, re-summed if the measures re-weighted it.
          s.hours = s.basePath === null ? null : s.pathChanged ? routeHours(s, s.basePath, scratch) : s.basePathHours;
        } else {
          const path = shortestPath(s.csr, s.trip.sources, s.trip.targets, s.ws);
          // Σ parts in route order, exactly rounded: the `totalHours` of the route.
          s.hours = path === null ? null : routeHours(s, path.arcs, scratch);
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
