// Everything money and emissions say about one scenario's trip, computed once for the report and the
// command line: money per consignment before and after (distributions beside the simulation's time),
// CO2e before and after, the Time/Cost–Distance chart's data, and the appraisal of the package.
import { requireShape } from '../arguments.js';
import { applyMeasures } from '../measures/apply.js';
import { resolveProfile } from '../network/network.js';
import { requireScenario } from '../simulate/check-results.js';
import type { Scenario } from '../simulate/scenario.js';
import { appraise, type Appraisal, type AppraisalOptions } from './appraise.js';
import { simulationCost, type CostDistribution } from './cost-distribution.js';
import { routeEmissions, type RouteEmissions } from './route-emissions.js';
import { timeCostDistance, type TimeCostDistance } from './time-cost-distance.js';

/** Money, emissions, the Time/Cost–Distance chart and the appraisal of a scenario's trip. */
export interface TripEconomics {
  readonly money: { readonly before: CostDistribution; readonly after: CostDistribution };
  readonly emissions: { readonly before: RouteEmissions; readonly after: RouteEmissions };
  readonly timeCostDistance: TimeCostDistance;
  readonly appraisal: Appraisal;
}

/**
 * The economics of a scenario's trip with the given appraisal options (tables, value of time,
 * volume, costs…): `simulationCost` and `routeEmissions` before and after, `timeCostDistance`
 * (`chartRuns` runs, default the scenario's up to 2,000) and `appraise`. `null` when the trip has no
 * route.
 */
export function tripEconomics(scenario: Scenario, options: AppraisalOptions & { readonly chartRuns?: number } = {}): TripEconomics | null {
  requireScenario(scenario);
  requireShape(options, 'options', 'an object (appraisal options and chartRuns?)');
  const c = scenario.comparison;
  if (c === null) return null;
  const network = scenario.network;
  const after = scenario.measures.length > 0 ? applyMeasures(network, scenario.measures) : network;
  const profile = resolveProfile(network, scenario.options.profile);
  const costs = options.tables?.costs !== undefined ? { costs: options.tables.costs } : {};
  const emissions = options.tables?.emissions !== undefined ? { emissions: options.tables.emissions } : {};
  return {
    money: { before: simulationCost(network, c.before, { ...costs, profile }), after: simulationCost(after, c.after, { ...costs, profile }) },
    emissions: { before: routeEmissions(network, c.before.route, { ...emissions, profile }), after: routeEmissions(after, c.after.route, { ...emissions, profile }) },
    timeCostDistance: timeCostDistance(scenario, { ...costs, ...(options.chartRuns !== undefined ? { runs: options.chartRuns } : {}) }),
    appraisal: appraise(scenario, options),
  };
}
