// Alternative routes: the fastest routes that differ meaningfully from the faster ones. Candidates
// come in order of expected time from Yen's k-shortest-paths enumeration on the compiled graph; a
// candidate is kept when enough of its distance lies on links that no kept (faster) route uses, so
// the second route is not the first with another wagon-ferry berth, and so on. Routes that differ
// only in a few short links are the usual near-duplicates on a corridor network.
import { InvalidArgumentError } from '../errors.js';
import { pathsInCostOrder } from '../engine/yen.js';
import { createWorkspace } from '../engine/workspace.js';
import type { Network } from '../network/network.js';
import { breakdown, type Breakdown } from './breakdown.js';
import { routeFromArcs, type Route } from './fastest.js';
import { compiledGraph } from './search.js';
import { resolveTrip, type RouteOptions } from './trip.js';

/** Settings of `alternativeRoutes`. */
export interface AlternativeSettings {
  /** How many routes at most (an integer from 1 to 20), the fastest first. */
  readonly k: number;
  /**
   * The least share (0 … 1, default 0.3) of a route's distance that must lie on links no faster
   * kept route uses (a link and its reverse count as one link).
   */
  readonly minDifference?: number;
  /** How many candidate routes, in order of expected time, to examine at most (default 2,000). */
  readonly maxCandidates?: number;
}

/** One alternative route. */
export interface AlternativeRoute {
  /** 1 for the fastest, then 2, 3, … */
  readonly rank: number;
  readonly route: Route;
  /** Where its time goes (per country and category). */
  readonly breakdown: Breakdown;
  /** Share of its distance on links no faster kept route uses (1 for the fastest). */
  readonly difference: number;
  /** Expected hours more than the fastest route (0 for the fastest). */
  readonly extraHours: number;
}

/** Default `minDifference`. */
export const DEFAULT_MIN_DIFFERENCE = 0.3;
/** Default `maxCandidates`. */
export const DEFAULT_MAX_CANDIDATES = 2000;

function checkSettings(settings: AlternativeSettings): { k: number; minDifference: number; maxCandidates: number } {
  if (typeof settings !== 'object' || settings === null) throw new InvalidArgumentError('settings', settings, 'an object { k, minDifference?, maxCandidates? }');
  const { k, minDifference = DEFAULT_MIN_DIFFERENCE, maxCandidates = DEFAULT_MAX_CANDIDATES } = settings;
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new InvalidArgumentError('k', k, 'an integer from 1 to 20');
  if (typeof minDifference !== 'number' || !(minDifference >= 0 && minDifference <= 1)) throw new InvalidArgumentError('minDifference', minDifference, 'a share from 0 to 1');
  if (!Number.isInteger(maxCandidates) || maxCandidates < 1 || maxCandidates > 1_000_000) throw new InvalidArgumentError('maxCandidates', maxCandidates, 'an integer from 1 to 1,000,000');
  return { k, minDifference, maxCandidates };
}

/**
 * Up to `k` routes for a trip, fastest first on expected times: the fastest route, then each next
 * fastest loopless route (in the expanded graph) at least `minDifference` of whose distance lies on
 * links that no route kept before it uses. Candidates are examined in order of expected time, at
 * most `maxCandidates` of them, so fewer than `k` routes come back when no more differ enough among
 * those; an empty list when the trip has no route. Takes the options of `fastestRoute` (`avoid` and
 * `via` included). Throws `InvalidArgumentError` naming a bad setting.
 */
export function alternativeRoutes(network: Network, options: RouteOptions, settings: AlternativeSettings): AlternativeRoute[] {
  const { k, minDifference, maxCandidates } = checkSettings(settings);
  const trip = resolveTrip(network, options);
  if (trip.sources.length === 0 || trip.targets.length === 0) return [];
  const compiled = compiledGraph(trip.graph);
  const used = new Set<string>();
  const kept: AlternativeRoute[] = [];
  let examined = 0;
  // A workspace of its own: the enumeration holds it between candidates.
  for (const path of pathsInCostOrder(compiled.csr, trip.sources, trip.targets, createWorkspace(compiled.csr))) {
    examined++;
    const route = routeFromArcs(trip, Array.from(path.arcs));
    let fresh = 0;
    for (const leg of route.legs) if (!used.has(network.linkById.get(leg.linkId)!.baseId)) fresh += leg.distanceKm;
    const difference = kept.length === 0 ? 1 : route.distanceKm > 0 ? fresh / route.distanceKm : 0;
    if (kept.length === 0 || difference >= minDifference) {
      for (const leg of route.legs) used.add(network.linkById.get(leg.linkId)!.baseId);
      kept.push({ rank: kept.length + 1, route, breakdown: breakdown(route), difference, extraHours: kept.length === 0 ? 0 : route.totalHours - kept[0]!.route.totalHours });
      if (kept.length === k) break;
    }
    if (examined >= maxCandidates) break;
  }
  return kept;
}
