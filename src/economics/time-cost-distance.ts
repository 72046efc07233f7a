// The data of UNESCAP's Time/Cost–Distance chart: cumulative time and cumulative money against the
// distance travelled along a route, with vertical steps where the consignment stops (borders,
// transfers, ports) and a p10–p90 band from the simulation. Money accumulates each link's tariff as
// the link is travelled and each stop's charges on leaving it; charges per hour follow the time, so
// the money band is the time band's image.
import { requireShape } from '../arguments.js';
import { InvalidArgumentError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import type { Network } from '../network/network.js';
import { resolveProfile } from '../network/network.js';
import type { NodeKind } from '../network/types.js';
import { alongRoute, type RoutePosition } from '../simulate/along-route.js';
import { requireScenario } from '../simulate/check-results.js';
import type { Scenario } from '../simulate/scenario.js';
import type { CostTables } from './cost-tables.js';
import { hourlyRate, linkCostItems, profileLoad, stopCostItems, tablesFor } from './route-cost.js';

/** A point of the chart: a position along the route with its cumulative time and money. */
export interface TimeCostPoint extends RoutePosition {
  readonly name: string;
  readonly country: string;
  readonly nodeKind: NodeKind;
  /** Tariffs and charges paid to here, USD per TEU. */
  readonly fixedUsdPerTeu: number;
  /** Money paid to here (charges per hour at the time quantile), USD per TEU. */
  readonly expectedUsdPerTeu: number;
  readonly p10UsdPerTeu: number;
  readonly p50UsdPerTeu: number;
  readonly p90UsdPerTeu: number;
}

/** One route's chart: its points in route order. */
export interface TimeCostProfile {
  readonly points: readonly TimeCostPoint[];
  readonly distanceKm: number;
  readonly runs: number;
}

/** The chart before and after a scenario's measures. */
export interface TimeCostDistance {
  readonly before: TimeCostProfile;
  readonly after: TimeCostProfile;
}

function profileOf(network: Network, scenario: Scenario, tables: CostTables, runs: number): TimeCostProfile {
  const along = alongRoute(network, { ...scenario.options, runs });
  if (along === null) throw new InvalidArgumentError('scenario.comparison', null, 'a scenario whose trip has a route before and after');
  const profile = resolveProfile(network, scenario.options.profile);
  const { teu } = profileLoad(profile);
  const rate = hourlyRate(profile, tables).usd;
  const route = along.route;
  let fixed = 0;
  let stop = 0;
  const points = along.positions.map((pos, k): TimeCostPoint => {
    if (pos.kind === 'arrive') {
      // The position after a link: its tariff has been paid.
      const link = network.linkById.get(route.links[Math.floor((k - 1) / 2)] ?? '')!;
      for (const it of linkCostItems(network, link, profile, tables)) fixed += it.usd;
    } else if (pos.kind === 'depart') {
      const s = route.stops[stop++]!;
      for (const it of stopCostItems(network.nodeById.get(s.nodeId)!, s.arrivalMode, s.departureMode, profile, tables)) fixed += it.usd;
    }
    const node = network.nodeById.get(pos.nodeId)!;
    const usd = (hours: number): number => (fixed + rate * hours) / teu;
    return {
      ...pos,
      name: node.name,
      country: node.country,
      nodeKind: node.kind,
      fixedUsdPerTeu: fixed / teu,
      expectedUsdPerTeu: usd(pos.expectedHours),
      p10UsdPerTeu: usd(pos.p10Hours),
      p50UsdPerTeu: usd(pos.p50Hours),
      p90UsdPerTeu: usd(pos.p90Hours),
    };
  });
  return { points, distanceKm: route.distanceKm, runs: along.runs };
}

/**
 * The Time/Cost–Distance chart of a scenario's trip, before and after its measures: at the origin,
 * on arriving at each node and on leaving it, the km travelled, the cumulative hours (expected, mean,
 * p10, p50, p90 over `runs` runs drawn as the planned Monte Carlo draws them, default the scenario's
 * runs up to 2,000) and the cumulative money per TEU (tariffs of the links travelled, charges of the
 * stops left, charges per hour at each time quantile). Stops are vertical steps: distance stays,
 * time and money rise. Throws `InvalidArgumentError` when the scenario has no route.
 */
export function timeCostDistance(scenario: Scenario, options: { readonly costs?: CostTables; readonly runs?: number } = {}): TimeCostDistance {
  requireScenario(scenario);
  requireShape(options, 'options', 'an object { costs?, runs? }');
  if (scenario.comparison === null) throw new InvalidArgumentError('scenario.comparison', null, 'a scenario whose trip has a route before and after');
  const tables = tablesFor(scenario.network, options.costs !== undefined ? { costs: options.costs } : {});
  const runs = options.runs ?? Math.min(scenario.options.runs, 2000);
  const after = scenario.measures.length > 0 ? applyMeasures(scenario.network, scenario.measures) : scenario.network;
  return { before: profileOf(scenario.network, scenario, tables, runs), after: profileOf(after, scenario, tables, runs) };
}
