// `transcaspian calibrate`: fit the calibration parameters to the validation targets, print the
// parameters and the model against the published figures before and after, and write the calibrated
// network with its provenance.
import { calibrate } from '../../evidence/calibrate.js';
import { CALIBRATION_PARAMETERS, parseCalibrationParameters } from '../../evidence/calibration-parameters.js';
import { corridorTargets, parseTargets } from '../../evidence/targets.js';
import { calibrationJson, calibrationText } from '../../report/calibration-text.js';
import { JSON_FLAG, NETWORK_FLAGS, integerFlag, networkFrom } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { quote } from '../escape.js';
import { InputReader } from '../io.js';
import { writeOutputs } from '../output.js';

/** `transcaspian calibrate`. */
export const calibrateCommand = defineCommand({
  name: 'calibrate',
  summary: 'Fit the calibration parameters to the validation targets; print before and after; write the calibrated network.',
  description: `Fits a small set of named, bounded parameters — each a factor on a whole class of figures (every stage at rail borders, the interval between Caspian sailings, the speed of rail links) — to the targets that evaluate on the network, on common random numbers (one seed for every evaluation), by a bounded coordinate search minimising the squared misses outside the bands, scaled by the bands. Prints each parameter (what it scales, its bounds, the factor found) and each target before and after, side by side.

Without a targets file the shipped targets are used; --parameters takes a JSON array of parameters { id, description, scales, select, min, max, default } instead of the built-in ones (--list prints them). --out writes the calibrated network: each changed figure cites the calibration (parameters, factor, targets, date, seed) and the document records it under "calibration".`,
  positionals: [{ name: '[targets.json|-]', help: 'A targets document (default: the shipped targets).', required: false }],
  flags: {
    parameters: { type: 'string', value: '<file.json|->', help: 'Calibration parameters instead of the built-in ones.' },
    only: { type: 'string', value: '<id,id>', help: 'Fit only these parameters (ids, comma-separated).' },
    runs: { type: 'string', value: 'N', default: '2000', help: 'Monte Carlo runs per simulation.' },
    seed: { type: 'string', value: 'S', default: '1', help: 'Seed shared by every evaluation (common random numbers).' },
    'max-evaluations': { type: 'string', value: 'N', default: '120', help: 'Most objective evaluations.' },
    date: { type: 'string', value: 'YYYY-MM-DD', help: 'Date recorded in the provenance (default: today).' },
    out: { type: 'string', short: 'o', value: '<file.json|->', help: 'Write the calibrated network.' },
    list: { type: 'boolean', help: 'Print the parameters (what each scales, bounds, default) and stop.' },
    ...NETWORK_FLAGS,
    ...JSON_FLAG,
  },
  examples: ['calibrate', 'calibrate --out calibrated.json', 'calibrate my-targets.json --only rail-border-dwell,rail-speed --runs 5000'],
  run({ values, positionals, io }) {
    const input = new InputReader(io);
    let parameters = values.parameters !== undefined ? parseCalibrationParameters(input.read(values.parameters, '--parameters')) : CALIBRATION_PARAMETERS;
    if (values.only !== undefined) {
      const ids = values.only.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const unknown = ids.filter((id) => !parameters.some((p) => p.id === id));
      if (unknown.length > 0) throw new UsageError(`--only: unknown parameter ${quote(unknown[0]!)}; known: ${parameters.map((p) => p.id).join(', ')}`);
      parameters = parameters.filter((p) => ids.includes(p.id));
    }
    if (values.list) {
      io.out(values.json ? JSON.stringify(parameters, null, 2) : parameters.map((p) => `${p.id} (${p.min}–${p.max}, default ${p.default}): ${p.scales}. ${p.description}`).join('\n'));
      return 0;
    }
    const targets = positionals[0] === undefined ? corridorTargets() : parseTargets(input.read(positionals[0], '[targets.json]'));
    const network = networkFrom(values.network, input);
    const c = calibrate(network, targets, {
      parameters,
      runs: integerFlag(values.runs, '--runs', 2, 10_000_000),
      seed: integerFlag(values.seed, '--seed', 0, Number.MAX_SAFE_INTEGER),
      maxEvaluations: integerFlag(values['max-evaluations'], '--max-evaluations', 1, 100_000),
      ...(values.date !== undefined ? { date: values.date } : {}),
    });
    if (values.out !== undefined) writeOutputs(io, [{ path: values.out, text: `${JSON.stringify(c.network.spec, null, 2)}\n` }]);
    if (values.out !== '-') io.out(values.json ? JSON.stringify(calibrationJson(c), null, 2) : `${calibrationText(c)}${values.out !== undefined ? `\n\nwrote ${values.out}` : ''}`);
    return 0;
  },
});
