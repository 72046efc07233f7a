// Checks of the library's own results when a public function is handed them back (a
// `SimulationResult`, a `Comparison`, a `Scenario`, a `Route`): a wrong value is an
// `InvalidArgumentError` naming it, never a TypeError from deep inside. They check the fields the
// functions read; the values themselves come from the library's functions.
import { requireShape } from '../arguments.js';
import { requireNetwork } from '../network/network.js';
import type { Route } from '../route/fastest.js';
import type { Comparison } from './compare.js';
import type { SimulationResult } from './montecarlo.js';
import type { Scenario } from './scenario.js';

/** `route` if it has the shape of a `Route` (from `fastestRoute`, `cheapestRoute` or a simulation). */
export function requireRoute(route: unknown, field = 'route', expected = 'a Route from fastestRoute, cheapestRoute or a SimulationResult'): Route {
  return requireShape<Route>(route, field, expected, { nodes: 'array', links: 'array', parts: 'array' });
}

/** `value` if it has the shape of a `SimulationResult` (from `simulate`). */
export function requireSimulation(value: unknown, field = 'result'): SimulationResult {
  const expected = 'a SimulationResult from simulate';
  const r = requireShape<SimulationResult>(value, field, expected, { samples: 'samples', sorted: 'samples', summary: 'object', byCountry: 'array', byCategory: 'object', route: 'object', routes: 'array' });
  requireRoute(r.route, `${field}.route`, expected);
  return r;
}

/** `c` if it has the shape of a `Comparison` (from `compare` or `runScenario`). */
export function requireComparison(c: unknown, field = 'comparison'): Comparison {
  const expected = 'a Comparison from compare or runScenario';
  const comparison = requireShape<Comparison>(c, field, expected, { before: 'object', after: 'object', difference: 'object', byCountry: 'array', byCategory: 'object' });
  requireSimulation(comparison.before, `${field}.before`);
  requireSimulation(comparison.after, `${field}.after`);
  return comparison;
}

/** `scenario` if it has the shape of a `Scenario` (from `runScenario`): a Network, measures, options and a comparison or `null`. */
export function requireScenario(scenario: unknown, field = 'scenario'): Scenario {
  const s = requireShape<Scenario>(scenario, field, 'a Scenario from runScenario', { options: 'object', measures: 'array' });
  requireNetwork(s.network, `${field}.network`);
  if (s.comparison !== null) requireComparison(s.comparison, `${field}.comparison`);
  return s;
}
