// `transcaspian route`: the fastest route of a trip on expected times, as text or JSON.
import { routeJson, routeText } from '../../report/route-text.js';
import { fastestRoute } from '../../route/fastest.js';
import { JSON_FLAG, NETWORK_FLAGS, SCENARIO_FLAGS, avoidFrom, networkFrom } from '../args.js';
import { defineCommand } from '../command.js';
import { quote } from '../escape.js';
import { InputReader } from '../io.js';

/** `transcaspian route`. */
export const routeCommand = defineCommand({
  name: 'route',
  summary: 'The fastest route on expected times: legs, stages and waits, and the per-country breakdown.',
  description: `The fastest route from --from to --to for the profile on expected times (stage durations times their probabilities, the expected wait for each ferry or ship), with its legs, every stage and wait, and the hours per country and category (the Time Release Study view).

--json prints origin, destination, profile, totalHours, totalDays, distanceKm, nodes, links, legs, stops and breakdown.byCountry / breakdown.byCategory. No route for the profile: exit code 1.`,
  flags: {
    from: { ...SCENARIO_FLAGS.from, required: true },
    to: { ...SCENARIO_FLAGS.to, required: true },
    profile: SCENARIO_FLAGS.profile,
    'avoid-countries': SCENARIO_FLAGS['avoid-countries'],
    ...NETWORK_FLAGS,
    ...JSON_FLAG,
  },
  examples: ['route --from xian --to constanta --avoid-countries RU,BY,IR', 'route --from kashgar --to baku --profile truck --json'],
  run({ values, io }) {
    const network = networkFrom(values.network, new InputReader(io));
    const route = fastestRoute(network, { origin: values.from, destination: values.to, profile: values.profile, ...avoidFrom(values['avoid-countries']) });
    if (route === null) {
      io.err(`transcaspian: no route from ${quote(values.from)} to ${quote(values.to)} for profile ${quote(values.profile)}`);
      return 1;
    }
    io.out(values.json ? JSON.stringify(routeJson(route), null, 2) : routeText(network, route));
    return 0;
  },
});
