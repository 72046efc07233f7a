// `transcaspian validation`: the model against published figures — each target's band, the model's
// figure, inside or not (or what it needs), and the source — as text or JSON.
import { corridorTargets, parseTargets } from '../../evidence/targets.js';
import { validation } from '../../evidence/validation.js';
import { validationJson, validationText } from '../../report/validation-text.js';
import { JSON_FLAG, NETWORK_FLAGS, integerFlag, networkFrom } from '../args.js';
import { defineCommand } from '../command.js';
import { InputReader } from '../io.js';
import { measuresFromArg } from '../measures-arg.js';

/** `transcaspian validation`. */
export const validationCommand = defineCommand({
  name: 'validation',
  summary: 'The model against published figures: each target, its band, the model, inside or not, the source.',
  description: `Computes each validation target's figure on the network — a trip's statistic (days), whether the expected-time route passes given nodes, the hours at a border pair, a ratio of two trips, a place's statistic over the calendar — every simulation on the same seed, and prints the band, the model's figure, inside or outside, and the source, then the score. A target that needs a mechanism this version does not have (waypoints, months, regimes, episodes) is "not evaluable yet", with what it needs; one without a band is a cross-check.

Without a targets file the shipped targets (data/validation/targets.json) are used. --json prints { score, runs, seed, targets: [{ id, case, published, unit, band, model, status, needs?, detail?, source }] }.`,
  positionals: [{ name: '[targets.json|-]', help: 'A targets document (default: the shipped targets; "-": standard input).', required: false }],
  flags: {
    runs: { type: 'string', value: 'N', default: '5000', help: 'Monte Carlo runs per simulation.' },
    seed: { type: 'string', value: 'S', default: '1', help: 'Seed shared by every simulation (common random numbers).' },
    measures: { type: 'string', value: '<japan2025|none|file.json|->', default: 'none', repeatable: true, help: 'Measures applied to the network first (a scenario checked against the figures).' },
    ...NETWORK_FLAGS,
    ...JSON_FLAG,
  },
  examples: ['validation', 'validation --json', 'validation my-targets.json --network my-network.json'],
  run({ values, positionals, io }) {
    const input = new InputReader(io);
    const targets = positionals[0] === undefined ? corridorTargets() : parseTargets(input.read(positionals[0], '[targets.json]'));
    const network = networkFrom(values.network, input);
    const { measures } = measuresFromArg(values.measures, input);
    const v = validation(network, targets, { runs: integerFlag(values.runs, '--runs', 2, 10_000_000), seed: integerFlag(values.seed, '--seed', 0, Number.MAX_SAFE_INTEGER), measures });
    io.out(values.json ? JSON.stringify(validationJson(v), null, 2) : validationText(v));
    return 0;
  },
});
