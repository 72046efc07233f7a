// `transcaspian flow`: the queue model at a volume (or a sweep of volumes), as text or JSON.
import { flowJson, flowText, sweepJson, sweepText } from '../../report/flow-text.js';
import { FLOW_DEFAULTS, simulateFlow, volumeSweep } from '../../simulate/flow/index.js';
import { JSON_FLAG, NETWORK_FLAGS, SCENARIO_FLAGS, integerFlag, networkFrom } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { quote } from '../escape.js';
import { InputReader } from '../io.js';
import { measuresFromArg } from '../measures-arg.js';
import { volumeFactor } from '../volume-arg.js';

/** `transcaspian flow`. */
export const flowCommand = defineCommand({
  name: 'flow',
  summary: 'Queues and capacity: border lanes, scanners, gauge changes, ports and ferries at a volume, or a sweep of volumes.',
  description: `A discrete-event simulation of the corridor's flows through border lanes, scanners, gauge-change tracks, port handling and ferries with capacities, at a factor of the network's reference volume (1 = its reference year: on the shipped network 2025, 66,300 TEU), or containers or tonnes a year with a unit (80000teu, 13.5Mt, 9000000t: divided by the reference's); per-server utilisation, waits and queues; a place whose utilisation is 1 or more is reported unstable.

With --sweep, the same for each factor of --factors, with and without the measures: where servers saturate.`,
  flags: {
    volume: { type: 'string', value: '<factor|teu|tonnes>', help: 'A factor of the reference volume (3), containers a year (80000teu) or tonnes a year (13.5Mt, 9000000t). Default: 1.', conflicts: ['sweep'] },
    sweep: { type: 'boolean', help: 'Simulate each factor of --factors, with and without the measures.' },
    factors: { type: 'string', value: '1,1.5,2', requires: ['sweep'], help: 'The volume factors of --sweep. Default: 1,1.5,2,2.5,3.' },
    weeks: { type: 'string', value: 'N', default: String(FLOW_DEFAULTS.weeks), help: 'Weeks simulated after the warm-up.' },
    seed: SCENARIO_FLAGS.seed,
    'warmup-weeks': { type: 'string', value: 'N', help: `Weeks simulated from empty and discarded. Default: ${FLOW_DEFAULTS.warmupWeeks}.` },
    replications: { type: 'string', value: 'N', help: `Independent replications (for the intervals). Default: ${FLOW_DEFAULTS.replications}.` },
    measures: { ...SCENARIO_FLAGS.measures, default: 'none' },
    ...NETWORK_FLAGS,
    ...JSON_FLAG,
  },
  examples: ['flow --volume 3 --weeks 52', 'flow --volume 13.5Mt --measures japan2025 --json', 'flow --sweep --factors 1,2,3'],
  run({ values, io }) {
    const input = new InputReader(io);
    const network = networkFrom(values.network, input);
    const { measures } = measuresFromArg(values.measures, input);
    const weeks = integerFlag(values.weeks, '--weeks', 1, 520);
    const seed = integerFlag(values.seed, '--seed', 0, Number.MAX_SAFE_INTEGER);
    const extra = {
      ...(values['warmup-weeks'] !== undefined ? { warmupWeeks: integerFlag(values['warmup-weeks'], '--warmup-weeks', 0, 520) } : {}),
      ...(values.replications !== undefined ? { replications: integerFlag(values.replications, '--replications', 1, 1000) } : {}),
    };
    if (values.sweep) {
      let factors: number[] | undefined;
      if (values.factors !== undefined) {
        const text = values.factors;
        factors = text.split(',').map((f) => (/^\s*\d*\.?\d+\s*$/.test(f) ? Number(f) : NaN));
        if (factors.some((f) => !Number.isFinite(f) || f <= 0)) throw new UsageError(`--factors: expected positive numbers such as 1,2,3, received ${quote(text)}`);
      }
      const r = volumeSweep(network, { seed, weeks, measures, ...extra, ...(factors !== undefined ? { factors } : {}) });
      io.out(values.json ? JSON.stringify(sweepJson(r), null, 2) : sweepText(r));
      return 0;
    }
    const volume = volumeFactor(values.volume ?? '1', network);
    const r = simulateFlow(network, { volume, weeks, seed, measures, ...extra });
    io.out(values.json ? JSON.stringify(flowJson(r), null, 2) : flowText(r));
    return 0;
  },
});
