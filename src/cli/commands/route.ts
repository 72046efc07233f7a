// `transcaspian route`: the fastest route of a trip on expected times (or several that differ), or with
// --minimise the route that costs least in money or generalized cost, as text or JSON.
import { cheapestRoute, ROUTE_OBJECTIVES, type RouteObjective } from '../../economics/objective-route.js';
import { costedRouteJson, costedRouteText } from '../../report/costed-route-text.js';
import { alternativesJson, alternativesText, routeJson, routeText } from '../../report/route-text.js';
import { alternativeRoutes, DEFAULT_MIN_DIFFERENCE } from '../../route/alternatives.js';
import { fastestRoute } from '../../route/fastest.js';
import { JSON_FLAG, NETWORK_FLAGS, PLACE_FLAGS, SCENARIO_FLAGS, integerFlag, networkFrom, placesFrom, shareFlag } from '../args.js';
import { defineCommand } from '../command.js';
import { COSTS_FLAG, TIME_VALUE_FLAGS, costsFrom, valueOfTimeFrom } from '../economics-flags.js';
import { UsageError } from '../errors.js';
import { quote } from '../escape.js';
import { InputReader } from '../io.js';

/** `transcaspian route`. */
export const routeCommand = defineCommand({
  name: 'route',
  summary: 'The fastest route on expected times (or several that differ, or the cheapest with --minimise): legs, stages and waits, per-country breakdown.',
  description: `The fastest route from --from to --to for the profile on expected times (stage durations times their probabilities, the expected wait for each ferry or ship), with its legs, every stage and wait, and the hours per country and category (the Time Release Study view). --via makes the route pass the given nodes in order; --avoid-countries, --avoid-nodes and --avoid-links keep it out of places. Expected times are not seasonal: disruption episodes (storm closures, acceptance restrictions, holidays, the grain season) and the departure date do not enter them, so route takes no calendar flags; simulate --month shows a month's times.

--alternatives K lists up to K routes, fastest first: each next one is the fastest route at least --min-difference of whose distance lies on links no faster listed route uses (alternativeRoutes).

--minimise money finds the route that costs least per TEU (tariffs, border, gauge-change and port charges, ferry and sea tariffs, charges per hour on expected times; data/costs.json or --costs); --minimise generalized-cost the one least in money + value of time × expected hours (the value of time from --cargo-value-usd and --daily-share, or --value-of-time-usd). With --minimise (time too) the route's money per TEU by country and category and its generalized cost follow. --via and the --avoid flags apply to it as to the fastest route; --alternatives does not combine with it.

--json prints origin, destination, profile, totalHours, totalDays, distanceKm, nodes, links, legs, stops and breakdown.byCountry / breakdown.byCategory (with --alternatives: an array of those, each with rank, difference and extraHours); with --minimise also objective, objectiveValue, moneyUsdPerTeu, generalizedUsdPerTeu, valueOfTimeUsdPerTeuHour and money (per consignment: teu, usd, fixedUsd, usdPerHour, hours, byCountry, byCategory). No route for the profile: exit code 1.`,
  flags: {
    from: { ...SCENARIO_FLAGS.from, required: true },
    to: { ...SCENARIO_FLAGS.to, required: true },
    profile: SCENARIO_FLAGS.profile,
    ...PLACE_FLAGS,
    alternatives: { type: 'string', value: 'K', conflicts: ['minimise'], help: 'List up to K routes (1 to 20) that differ meaningfully, fastest first.' },
    'min-difference': { type: 'string', value: 'SHARE', requires: ['alternatives'], help: `With --alternatives: the least share of a route's distance on links no faster listed route uses (default ${DEFAULT_MIN_DIFFERENCE}).` },
    minimise: { type: 'string', value: 'time|money|generalized-cost', help: 'What the route minimises, and print its money. Without it: expected hours, no money.' },
    ...withRequires(TIME_VALUE_FLAGS),
    ...withRequires(COSTS_FLAG),
    ...NETWORK_FLAGS,
    ...JSON_FLAG,
  },
  examples: [
    'route --from xian --to constanta --avoid-countries RU,BY,IR',
    'route --from xian --to constanta --avoid-countries RU,BY,IR --via poti',
    'route --from xian --to constanta --avoid-countries RU,BY,IR --alternatives 3',
    'route --from kashgar --to baku --profile truck --avoid-nodes torugart --json',
    'route --from xian --to constanta --avoid-countries RU,BY,IR --minimise money',
    'route --from xian --to constanta --minimise generalized-cost --daily-share 0.021 --json',
  ],
  run({ values, io }) {
    const input = new InputReader(io);
    const network = networkFrom(values.network, input);
    const options = { origin: values.from, destination: values.to, profile: values.profile, ...placesFrom(values) };
    if (values.minimise !== undefined) {
      if (!(ROUTE_OBJECTIVES as readonly string[]).includes(values.minimise)) throw new UsageError(`--minimise: expected one of ${ROUTE_OBJECTIVES.join(', ')}, received ${quote(values.minimise)}`);
      const costs = costsFrom(values.costs, input);
      const costed = cheapestRoute(network, {
        ...options,
        minimise: values.minimise as RouteObjective,
        valueOfTime: valueOfTimeFrom(values),
        ...(costs !== undefined ? { costs } : {}),
      });
      if (costed === null) return noRoute(io, values);
      io.out(values.json ? JSON.stringify(costedRouteJson(costed), null, 2) : costedRouteText(network, costed));
      return 0;
    }
    if (values.alternatives !== undefined) {
      const k = integerFlag(values.alternatives, '--alternatives', 1, 20);
      const minDifference = values['min-difference'] === undefined ? DEFAULT_MIN_DIFFERENCE : shareFlag(values['min-difference'], '--min-difference');
      const alternatives = alternativeRoutes(network, options, { k, minDifference });
      if (alternatives.length === 0) return noRoute(io, values);
      io.out(values.json ? JSON.stringify(alternativesJson(alternatives), null, 2) : alternativesText(network, alternatives));
      return 0;
    }
    const route = fastestRoute(network, options);
    if (route === null) return noRoute(io, values);
    io.out(values.json ? JSON.stringify(routeJson(route), null, 2) : routeText(network, route));
    return 0;
  },
});

/** The money flags need --minimise. */
function withRequires<T extends Record<string, object>>(flags: T): { [K in keyof T]: T[K] & { readonly requires: readonly ['minimise'] } } {
  return Object.fromEntries(Object.entries(flags).map(([k, f]) => [k, { ...f, requires: ['minimise'] as const }])) as { [K in keyof T]: T[K] & { readonly requires: readonly ['minimise'] } };
}

function noRoute(io: { err(line: string): void }, values: { from: string; to: string; profile: string }): 1 {
  io.err(`transcaspian: no route from ${quote(values.from)} to ${quote(values.to)} for profile ${quote(values.profile)}`);
  return 1;
}
