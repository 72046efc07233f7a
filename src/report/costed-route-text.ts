// Text and JSON of a route found by money or generalized cost (`transcaspian route --minimise`): the
// route as `route` prints it, then what it costs per TEU, by country and category, and its
// generalized cost at the value of time used.
import { COST_CATEGORIES } from '../economics/cost-types.js';
import type { CostedRoute } from '../economics/objective-route.js';
import type { Network } from '../network/network.js';
import { routeJson, routeText } from './route-text.js';
import { fmtInt, textTable } from './table.js';

const OBJECTIVE_WORDS = { time: 'expected hours', money: 'money per TEU', 'generalized-cost': 'generalized cost per TEU' } as const;

/** The route, then its money per TEU by country and category and its generalized cost. */
export function costedRouteText(network: Network, c: CostedRoute): string {
  const teu = c.cost.teu;
  const perTeu = (usd: number): string => fmtInt(usd / teu);
  const rows = c.cost.byCountry.map((k) => [k.country, ...COST_CATEGORIES.map((cat) => perTeu(k.byCategory[cat])), perTeu(k.usd)]);
  rows.push(['total', ...COST_CATEGORIES.map((cat) => perTeu(c.cost.byCategory[cat])), perTeu(c.cost.usd)]);
  const table = textTable(
    [{ header: 'USD per TEU' }, ...COST_CATEGORIES.map((cat) => ({ header: cat, align: 'right' as const })), { header: 'total', align: 'right' }],
    rows,
  );
  return [
    routeText(network, c.route),
    '',
    `Minimising ${OBJECTIVE_WORDS[c.objective]}: $${fmtInt(c.cost.usdPerTeu)} per TEU on expected times (charges per hour over ${c.cost.hours.toFixed(1)} h); generalized cost $${fmtInt(c.generalizedUsdPerTeu)} per TEU at $${c.valueOfTimeUsdPerTeuHour.toFixed(1)} per TEU-hour.`,
    table,
  ].join('\n');
}

/** `route --json` with the money: the route's fields, then `objective`, `objectiveValue`, `moneyUsdPerTeu`, `generalizedUsdPerTeu`, `valueOfTimeUsdPerTeuHour` and `money` (per consignment: `teu`, `usd`, `fixedUsd`, `usdPerHour`, `hours`, `byCountry`, `byCategory`). */
export function costedRouteJson(c: CostedRoute): Record<string, unknown> {
  const { teu, usd, fixedUsd, usdPerHour, hours, byCountry, byCategory } = c.cost;
  return {
    ...routeJson(c.route),
    objective: c.objective,
    objectiveValue: c.objectiveValue,
    moneyUsdPerTeu: c.cost.usdPerTeu,
    generalizedUsdPerTeu: c.generalizedUsdPerTeu,
    valueOfTimeUsdPerTeuHour: c.valueOfTimeUsdPerTeuHour,
    money: { teu, usd, fixedUsd, usdPerHour, hours, byCountry, byCategory },
  };
}
