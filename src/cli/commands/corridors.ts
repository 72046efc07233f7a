// `transcaspian corridors`: the corridor choice — the shares of the Middle, Northern, Southern and sea
// corridors on generalized cost, before and after the measures, and the TEU diverted a year.
import { corridorChoice } from '../../economics/corridor-choice.js';
import { parseCorridorAlternatives } from '../../economics/corridor-tables.js';
import { corridorChoiceText } from '../../report/economics-text.js';
import { JSON_FLAG, NETWORK_FLAGS, integerFlag, networkFrom } from '../args.js';
import { defineCommand } from '../command.js';
import { VALUE_FLAGS, numberFlag, valuesFrom } from '../economics-flags.js';
import { InputReader } from '../io.js';
import { measuresFromArg } from '../measures-arg.js';

/** `transcaspian corridors`. */
export const corridorsCommand = defineCommand({
  name: 'corridors',
  summary: 'Corridor shares (Middle, Northern, Southern, sea) on generalized cost, before and after the measures.',
  description: `A multinomial logit over the corridor alternatives on generalized cost per TEU (money + value of time × mean hours + value of reliability × spread), each alternative's trip simulated before and after the measures with the same seed. The cost coefficient makes the Middle Corridor's money elasticity --price-elasticity; the constants are calibrated to the 2024 volumes of data/corridors.json (--uncalibrated: none). Prints per corridor its days, money and generalized cost per TEU, share before and after, TEU diverted a year and own elasticity, and the Middle Corridor's share after with its range.`,
  flags: {
    measures: { type: 'string', value: '<japan2025|none|file.json|->', default: 'japan2025', repeatable: true, help: 'The measures, stacked in order: japan2025, none, or a JSON file of recipes.' },
    runs: { type: 'string', value: 'N', default: '2000', help: 'Monte Carlo runs per corridor.' },
    seed: { type: 'string', value: 'S', default: '1', help: 'Seed, the same for every corridor before and after.' },
    alternatives: { type: 'string', value: '<corridors.json|->', help: 'Corridor alternatives instead of the shipped data/corridors.json.' },
    'price-elasticity': { type: 'string', value: 'E', default: '-1', help: 'Money elasticity of the reference corridor’s share (range −1.5 to −0.5).' },
    uncalibrated: { type: 'boolean', help: 'Do not fit the constants to the observed shares (all 0).' },
    ...VALUE_FLAGS,
    ...NETWORK_FLAGS,
    ...JSON_FLAG,
  },
  examples: ['corridors', 'corridors --measures none --json', 'corridors --daily-share 0.006 --price-elasticity -0.5'],
  run({ values: v, io }) {
    const input = new InputReader(io);
    const network = networkFrom(v.network, input);
    const { measures } = measuresFromArg(v.measures, input);
    const { valueOfTime, reliability, costs } = valuesFrom(v, input);
    const c = corridorChoice(network, {
      measures,
      runs: integerFlag(v.runs, '--runs', 1, 10_000_000),
      seed: integerFlag(v.seed, '--seed', 0, Number.MAX_SAFE_INTEGER),
      priceElasticity: numberFlag(v['price-elasticity'], '--price-elasticity', -20, -1e-6),
      calibrate: !v.uncalibrated,
      valueOfTime,
      reliability,
      ...(costs !== undefined ? { costs } : {}),
      ...(v.alternatives !== undefined ? { alternatives: parseCorridorAlternatives(input.read(v.alternatives, '--alternatives')) } : {}),
    });
    io.out(v.json ? JSON.stringify(c, null, 2) : corridorChoiceText(c));
    return 0;
  },
});
