// Routing by what a shipper minimises: time (the default, as `fastestRoute`), money, or generalized
// cost (money + value of time × expected hours). Each arc of the mode-expanded graph gets its money
// from the cost tables (a link's tariff, a stop's charges, charges per hour × its expected hours),
// per TEU, and the engine's shortest path runs on those weights, so the route found is the cheapest
// by construction and its cost is the sum of its arcs'. Reliability (a spread) does not add up along
// a path, so it is not part of the search; `generalizedCost` adds it when a route is evaluated.
import { InvalidArgumentError } from '../errors.js';
import { requireShape } from '../arguments.js';
import { requireNetwork, type Network } from '../network/network.js';
import type { ExpandedGraph } from '../route/expand.js';
import { routeFromArcs, type Route } from '../route/fastest.js';
import { shortestArcPath } from '../route/search.js';
import { resolveTrip, type RouteOptions } from '../route/trip.js';
import type { CostTables } from './cost-tables.js';
import { hourlyRate, linkCostItems, profileLoad, routeCost, stopCostItems, tablesFor, type CostOptions, type RouteCost } from './route-cost.js';
import { valueOfTime, type ValueOfTimeOptions } from './value-of-time.js';

/** What a route minimises. */
export const ROUTE_OBJECTIVES = Object.freeze(['time', 'money', 'generalized-cost'] as const);
/** What a route minimises: expected hours, money, or money + value of time × expected hours. */
export type RouteObjective = (typeof ROUTE_OBJECTIVES)[number];

/** Options of `cheapestRoute`. */
export interface CheapestRouteOptions extends RouteOptions, CostOptions {
  /** Default `time`. */
  readonly minimise?: RouteObjective;
  /** For `generalized-cost` (default: the average cargo at the middle daily share). */
  readonly valueOfTime?: ValueOfTimeOptions;
}

/** A route with its money and generalized cost on expected times. */
export interface CostedRoute {
  readonly objective: RouteObjective;
  readonly route: Route;
  readonly cost: RouteCost;
  /** USD per TEU-hour used for the generalized cost. */
  readonly valueOfTimeUsdPerTeuHour: number;
  /** `cost.usdPerTeu + valueOfTime × route.totalHours`. */
  readonly generalizedUsdPerTeu: number;
  /** Σ of the arc weights along the route: hours for `time`, USD per TEU otherwise. */
  readonly objectiveValue: number;
}

/**
 * Per arc of `graph`, its weight for `objective`: expected hours (`time`); money per TEU — the
 * link's tariff or the stop's charges, plus the charges per hour × the arc's expected hours
 * (`money`); money plus the value of time × expected hours (`generalized-cost`).
 */
export function objectiveWeights(network: Network, graph: ExpandedGraph, objective: RouteObjective, tables: CostTables, valueOfTimeUsdPerTeuHour: number): Float64Array {
  const w = new Float64Array(graph.arcs.length);
  if (objective === 'time') {
    graph.arcs.forEach((a, i) => (w[i] = a.expectedHours));
    return w;
  }
  const profile = graph.profile;
  const { teu } = profileLoad(profile);
  const rate = hourlyRate(profile, tables).usd;
  const vot = objective === 'generalized-cost' ? valueOfTimeUsdPerTeuHour : 0;
  graph.arcs.forEach((a, i) => {
    const items = a.type === 'link' ? linkCostItems(network, a.link!, profile, tables) : stopCostItems(a.node!, a.arrivalMode!, a.departureMode!, profile, tables);
    let usd = 0;
    for (const it of items) usd += it.usd;
    w[i] = (usd + rate * a.expectedHours) / teu + vot * a.expectedHours;
  });
  return w;
}

/**
 * The route from `origin` to `destination` that minimises `minimise`: `time` (expected hours, the
 * route `fastestRoute` finds), `money` (tariffs, charges and charges per hour on expected times,
 * per TEU) or `generalized-cost` (money + value of time × expected hours). Returns the route, its
 * `RouteCost`, its generalized cost and the minimised value, or `null` when no route exists. Ties go
 * to the lowest arc index, as in `fastestRoute`.
 */
export function cheapestRoute(network: Network, options: CheapestRouteOptions): CostedRoute | null {
  requireNetwork(network);
  requireShape(options, 'options', 'an object { origin, destination, profile?, minimise?, … }');
  const objective = options.minimise ?? 'time';
  if (!(ROUTE_OBJECTIVES as readonly string[]).includes(objective)) throw new InvalidArgumentError('minimise', objective, `one of ${ROUTE_OBJECTIVES.join(', ')}`);
  const tables = tablesFor(network, options);
  const trip = resolveTrip(network, options);
  const vot = valueOfTime(options.valueOfTime).usdPerTeuHour;
  const weights = objectiveWeights(network, trip.graph, objective, tables, vot);
  const arcs = shortestArcPath(trip.graph, trip.sources, trip.targets, weights);
  if (arcs === null) return null;
  const route = routeFromArcs(trip, arcs);
  const cost = routeCost(network, route, { costs: tables, profile: trip.profile });
  let objectiveValue = 0;
  for (const a of arcs) objectiveValue += weights[a]!;
  return { objective, route, cost, valueOfTimeUsdPerTeuHour: vot, generalizedUsdPerTeu: cost.usdPerTeu + vot * route.totalHours, objectiveValue };
}
