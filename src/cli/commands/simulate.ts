// `transcaspian simulate`: one before/after scenario of a trip (Monte Carlo with common random
// numbers, the paired differences, the attribution per measure), as text or JSON.
import { JSON_FLAG, SCENARIO_FLAGS, networkFrom, scenarioFrom } from '../args.js';
import { defineCommand } from '../command.js';
import { quote } from '../escape.js';
import { InputReader } from '../io.js';
import { measuresFromArg } from '../measures-arg.js';
import { simulateScenario } from '../simulate-command.js';

/** `transcaspian simulate`. */
export const simulateCommand = defineCommand({
  name: 'simulate',
  summary: 'Monte Carlo before and after the measures: paired differences, breakdowns, hours saved per measure.',
  description: `Simulates the trip --runs times on the network before and after the measures, with the same random draws for the same stages, links and structures (common random numbers), and prints mean, p50, p90 and p95 in days before and after, the paired differences with 95% intervals, the mean hours per country and category, and the hours saved per measure (exact Shapley values over every subset of the measures; alone; removed from the package).

--json prints before and after summaries, difference (each with estimate, low, high, plus per-country and per-category deltas) and attribution.`,
  flags: {
    ...SCENARIO_FLAGS,
    from: { ...SCENARIO_FLAGS.from, required: true },
    to: { ...SCENARIO_FLAGS.to, required: true },
    ...JSON_FLAG,
  },
  examples: [
    'simulate --from kashgar --to baku --profile truck --runs 20000 --seed 7 --json',
    'simulate --from xian --to constanta --avoid-countries RU,BY,IR --measures japan2025 --measures own.json',
  ],
  run({ values, io }) {
    const scenario = scenarioFrom(values);
    const input = new InputReader(io);
    const network = networkFrom(values.network, input);
    const result = simulateScenario({ network, measures: measuresFromArg(values.measures, input).measures, ...scenario });
    if (result === null) {
      io.err(`transcaspian: no route from ${quote(scenario.origin)} to ${quote(scenario.destination)} for profile ${quote(scenario.profile)}`);
      return 1;
    }
    io.out(values.json ? JSON.stringify(result.json, null, 2) : result.text);
    return 0;
  },
});
