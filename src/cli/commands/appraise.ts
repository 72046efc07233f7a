// `transcaspian appraise`: a scenario's package in money — money and CO2e per TEU before and after,
// the annual benefit with its range and its split per measure, NPV, benefit–cost ratio and EIRR when
// the package's costs are given, and what the package does to the corridors' shares.
import { corridorChoice } from '../../economics/corridor-choice.js';
import { tripEconomics } from '../../economics/trip-economics.js';
import { corridorChoiceText, appraisalText, perTeuText, tripEconomicsJson } from '../../report/economics-text.js';
import { comparisonJson } from '../../report/scenario-text.js';
import { runScenario } from '../../simulate/scenario.js';
import { JSON_FLAG, SCENARIO_FLAGS, integerFlag, networkFrom, scenarioFrom } from '../args.js';
import { defineCommand } from '../command.js';
import { APPRAISAL_FLAGS, VALUE_FLAGS, appraisalOptionsFrom, numberFlag } from '../economics-flags.js';
import { quote } from '../escape.js';
import { InputReader } from '../io.js';
import { measuresFromArg } from '../measures-arg.js';
import { DEFAULT_REPORT_TRIP } from './report.js';

/** `transcaspian appraise`. */
export const appraiseCommand = defineCommand({
  name: 'appraise',
  summary: 'The package in money: cost and CO2e per TEU, annual benefit with its range and per measure, NPV/BCR/EIRR, corridor shares.',
  description: `Simulates the trip before and after the measures (as simulate does, with the Shapley attribution), then prices it: money per TEU (tariffs, charges, and charges per hour following the sampled time) and well-to-wheel CO2e per TEU before and after; the annual benefit at --volume-teu TEU a year — hours saved × value of time + spread narrowed × value of reliability + money saved — with the range the plausible ranges of the value of time and reliability ratio imply, and its split per measure (Shapley values in money); with --investment-usd (and --running-usd), NPV, benefit–cost ratio and EIRR over --years at --discount-rate, each with its range; and what the package does to the shares of the Middle, Northern, Southern and sea corridors (a logit on generalized cost calibrated to 2024 volumes: shares before and after, TEU diverted a year).

Without --from and --to the trip is the Middle Corridor, Xi'an to Constanța avoiding RU, BY and IR. --json prints the comparison (as simulate --json), "economics" (money, emissions, appraisal, the Time/Cost–Distance chart's points) and "corridorChoice".`,
  flags: {
    ...SCENARIO_FLAGS,
    runs: { ...SCENARIO_FLAGS.runs, default: '5000' },
    from: { ...SCENARIO_FLAGS.from, requires: ['to'], help: 'Origin (with --to; without both: xian, avoiding RU,BY,IR).' },
    to: { ...SCENARIO_FLAGS.to, requires: ['from'], help: 'Destination (with --from; without both: constanta).' },
    ...APPRAISAL_FLAGS,
    ...VALUE_FLAGS,
    'price-elasticity': { type: 'string', value: 'E', default: '-1', help: 'Money elasticity of the Middle Corridor’s share, for the corridor choice (range −1.5 to −0.5).' },
    'choice-runs': { type: 'string', value: 'N', default: '2000', help: 'Monte Carlo runs per corridor for the corridor choice (0 leaves it out).' },
    ...JSON_FLAG,
  },
  examples: [
    'appraise',
    'appraise --investment-usd 60000000 --running-usd 2000000 --years 20 --discount-rate 0.09',
    'appraise --from kashgar --to baku --profile truck --volume-teu 20000 --json',
  ],
  run({ values: v, io }) {
    const scenario = scenarioFrom(v, DEFAULT_REPORT_TRIP);
    const input = new InputReader(io);
    const network = networkFrom(v.network, input);
    const { measures } = measuresFromArg(v.measures, input);
    const options = appraisalOptionsFrom(v, input);
    const choiceRuns = integerFlag(v['choice-runs'], '--choice-runs', 0, 1_000_000);
    const priceElasticity = numberFlag(v['price-elasticity'], '--price-elasticity', -20, -1e-6);
    const { withinDays, ...trip } = scenario;
    const s = runScenario(network, measures, { ...trip, ...(withinDays !== undefined ? { withinDays } : {}) });
    if (s.comparison === null) {
      io.err(`transcaspian: no route from ${quote(scenario.origin)} to ${quote(scenario.destination)} for profile ${quote(scenario.profile)}`);
      return 1;
    }
    const e = tripEconomics(s, options)!;
    const choice =
      choiceRuns > 0
        ? corridorChoice(network, {
            measures,
            runs: choiceRuns,
            seed: scenario.seed,
            priceElasticity,
            ...(options.valueOfTime !== undefined ? { valueOfTime: options.valueOfTime } : {}),
            ...(options.reliability !== undefined ? { reliability: options.reliability } : {}),
            ...(options.tables?.costs !== undefined ? { costs: options.tables.costs } : {}),
          })
        : undefined;
    if (v.json) {
      io.out(JSON.stringify({ ...comparisonJson(s.comparison, s.attribution), economics: tripEconomicsJson(e), ...(choice !== undefined ? { corridorChoice: choice } : {}) }, null, 2));
      return 0;
    }
    const name = (id: string): string => network.nodeById.get(id)?.name ?? id;
    const c = s.comparison;
    const out = [
      `${name(c.before.origin)} → ${name(c.before.destination)} (${c.before.profile}, ${c.before.runs} runs, seed ${c.before.seed}); measures: ${measures.length === 0 ? 'none' : measures.map((m) => m.id).join(', ')}`,
      perTeuText(c, e),
      appraisalText(e.appraisal),
      ...(choice !== undefined ? [corridorChoiceText(choice)] : []),
    ];
    io.out(out.join('\n'));
    return 0;
  },
});
