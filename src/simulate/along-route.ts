// Time accumulated along the planned route, run by run: each part of the route drawn as the planned
// Monte Carlo draws it (the same element streams and seed, so run i is the same run), summed in route
// order, and recorded on arriving at and leaving each node. Its quantiles by position are the band of
// a time–distance chart (UNESCAP's Time/Cost–Distance methodology): where along the corridor the
// time, and its spread, is gained. With episodes, each run departs at its own instant and passes the
// route's gates as the planned walk does (a gate's hold counts to the position after it).
import { resolveTrip } from '../route/trip.js';
import { requireNetwork } from '../network/network.js';
import { sourceKeyOf, type Arc } from '../route/expand.js';
import { congestedTrip, resolveCongestion } from './congestion/settings.js';
import { regimeDepartureWindow, resolveRegime, withEpisodes } from './congestion/regime.js';
import { routeFromArcs, type Route } from '../route/fastest.js';
import { shortestArcPath } from '../route/search.js';
import { quantileOfSorted } from '../stats/summary.js';
import { sortFloat64 } from '../stats/radix-sort.js';
import { departureInstants, resolveDeparture } from './calendar.js';
import { episodeTable } from './episodes.js';
import { checkSimulateOptions, type SimulateOptions } from './montecarlo.js';
import { ElementStream } from './random.js';
import { drawPart } from './sample.js';

/** A position along the route: the origin, or arriving at or leaving a node. */
export interface RoutePosition {
  readonly nodeId: string;
  readonly kind: 'origin' | 'arrive' | 'depart';
  /** Km from the origin. */
  readonly distanceKm: number;
  /** The route's expected hours to here. */
  readonly expectedHours: number;
  readonly meanHours: number;
  readonly p10Hours: number;
  readonly p50Hours: number;
  readonly p90Hours: number;
}

/** The time accumulated along a planned route. */
export interface AlongRoute {
  readonly route: Route;
  readonly runs: number;
  /** The origin, then per link the arrival at its end and, at each intermediate node, the departure. */
  readonly positions: readonly RoutePosition[];
}

/** The planned route walked run by run: `cumulative[k × runs + r]` is run r's hours on reaching the end of arc k − 1 (row 0: the origin). */
export interface RouteWalk {
  readonly route: Route;
  readonly runs: number;
  /** The planned route's arcs, in order. */
  readonly arcs: readonly Arc[];
  /** (arcs + 1) rows of `runs` cumulative hours. */
  readonly cumulative: Float64Array;
  /** Each run's departure instant (hours since 1970), or `null` when the runs have no calendar time or no episode applies. */
  readonly departureHours: Float64Array | null;
}

/**
 * Walk the planned route (the route on expected times) `runs` times with the same draws as
 * `simulate` under the `planned` policy, recording each run's cumulative hours at the end of every
 * arc. `null` when no route exists.
 */
export function walkAlongRoute(network: Parameters<typeof resolveTrip>[0], options: SimulateOptions): RouteWalk | null {
  const { runs, seed, seasons, independent } = checkSimulateOptions(options);
  // The trip as simulate draws it: with the congestion model's waits when it is on.
  // A regime's trip runs on the network of its period, from its departure window (as simulate's).
  requireNetwork(network);
  const regime = options.regime === undefined ? null : resolveRegime(network, options.regime);
  const net = regime?.network ?? network;
  const departure = resolveDeparture(options.departure ?? regimeDepartureWindow(regime), network.spec.calendar?.referenceYear);
  const congestion = resolveCongestion(net, options, regime, seasons && departure !== null);
  const { trip } = congestedTrip(resolveTrip(net, options), congestion);
  const arcs = shortestArcPath(trip.graph, trip.sources, trip.targets);
  if (arcs === null) return null;
  const sigma = independent ? 0 : (network.spec.correlation?.sigma ?? 0);
  const episodes = episodeTable(withEpisodes(net, congestion.episodes), seed, sigma, { seasons: seasons && departure !== null, independent, volumeFactor: congestion.volume }, departure?.fromHours ?? 0, departure?.toHours ?? 0);
  const gates = arcs.map((a) => episodes.gatesOf(trip.graph.arcs[a]!));
  const departs = departure !== null && episodes.count > 0 ? departureInstants(departure, seed, 0, runs) : null;
  const route = routeFromArcs(trip, arcs);
  const streams = new Map<string, ElementStream>();
  const stream = (key: string): ElementStream => {
    let s = streams.get(key);
    if (s === undefined) streams.set(key, (s = new ElementStream(seed, key)));
    return s;
  };
  // One row per position: the origin, then the end of each arc.
  const rows = arcs.length + 1;
  const cumulative = new Float64Array(rows * runs);
  for (let r = 0; r < runs; r++) {
    let t = 0;
    const t0 = departs === null ? 0 : departs[r]!;
    const world = departs === null ? 0 : episodes.worldOf(r);
    arcs.forEach((a, k) => {
      if (departs !== null) for (const g of gates[k]!.pre) t = episodes.pass(g, t, t0, world);
      for (const p of trip.graph.arcs[a]!.parts) t += drawPart(p.model, stream(p.key), r, stream(sourceKeyOf(p.model) ?? p.key));
      if (departs !== null) for (const g of gates[k]!.post) t = episodes.pass(g, t, t0, world);
      cumulative[(k + 1) * runs + r] = t;
    });
  }
  return { route, runs, arcs: arcs.map((a) => trip.graph.arcs[a]!), cumulative, departureHours: departs };
}

/**
 * Cumulative hours along the planned route (the route on expected times) of `runs` runs, with the
 * same draws as `simulate` under the `planned` policy: the last position's samples are the
 * simulation's, up to the order of summation. `null` when no route exists.
 */
export function alongRoute(network: Parameters<typeof resolveTrip>[0], options: SimulateOptions): AlongRoute | null {
  const walk = walkAlongRoute(network, options);
  if (walk === null) return null;
  const { route, runs, cumulative, arcs } = walk;
  const positions: RoutePosition[] = [];
  let km = 0;
  let expected = 0;
  const push = (row: number, nodeId: string, kind: RoutePosition['kind']): void => {
    const sorted = sortFloat64(cumulative.slice(row * runs, (row + 1) * runs));
    let sum = 0;
    for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
    positions.push({ nodeId, kind, distanceKm: km, expectedHours: expected, meanHours: sum / runs, p10Hours: quantileOfSorted(sorted, 0.1), p50Hours: quantileOfSorted(sorted, 0.5), p90Hours: quantileOfSorted(sorted, 0.9) });
  };
  push(0, route.nodes[0]!, 'origin');
  arcs.forEach((arc, k) => {
    expected += arc.expectedHours;
    if (arc.type === 'link') {
      km += arc.link!.distanceKm;
      push(k + 1, arc.link!.to, 'arrive');
    } else {
      push(k + 1, arc.node!.id, 'depart');
    }
  });
  return { route, runs, positions };
}
