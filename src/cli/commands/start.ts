// `transcaspian start` (what `npm start` runs): the main job, the Japan 2025 package on the default
// corridor for four trips, printed and written as an HTML report.
import { CALENDAR_FLAGS, SCENARIO_FLAGS, calendarFrom, congestionFrom, integerFlag } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { quote } from '../escape.js';
import { MAIN_JOB_DRAWS, MAIN_JOB_RUNS, MAIN_JOB_SEED, mainJob } from '../main-job.js';

/** `transcaspian start`. */
export const startCommand = defineCommand({
  name: 'start',
  summary: 'The main job: the Japan 2025 package on the corridor for four trips, printed and written as an HTML report.',
  description: `Runs the Japan 2025 package on the shipped network for four trips (Xi'an → Constanța by container train on the Middle Corridor, avoiding RU, BY and IR; Kashgar → Baku, Dushanbe → Aktau and Dushanbe → Bishkek through Kyrgyzstan by truck), prints first the package's effect under uncertain inputs (the median over parameter draws and the band holding 90% of them, with the Monte Carlo error beside it, and which inputs the spread comes from), then before/after mean, p50, p90 and p95 in days, the per-country breakdown and the hours saved per measure, and writes the HTML report, saying where. What npm start runs.`,
  flags: {
    out: { type: 'string', short: 'o', value: '<file.html>', default: 'report.html', help: 'Where to write the HTML report (an .html file).' },
    runs: { type: 'string', value: 'N', default: String(MAIN_JOB_RUNS), help: 'Monte Carlo runs per scenario.' },
    seed: { type: 'string', value: 'S', default: String(MAIN_JOB_SEED), help: 'Seed of the random draws.' },
    draws: { type: 'string', value: 'N', default: String(MAIN_JOB_DRAWS), help: 'Parameter draws of the two-level simulation per trip (uncertain inputs from their plausible ranges); 0 skips it.' },
    json: { type: 'boolean', help: 'Print the summary as JSON (the report is still written).' },
    volume: SCENARIO_FLAGS.volume,
    congestion: SCENARIO_FLAGS.congestion,
    regime: SCENARIO_FLAGS.regime,
    ...CALENDAR_FLAGS,
  },
  examples: ['start', 'start --runs 20000 --seed 7 --out japan.html', 'start --volume 1.2', 'start --month 12 --independent'],
  run({ values, io }) {
    if (!/\.html?$/i.test(values.out)) throw new UsageError(`--out: the report is HTML; expected a file ending in .html, received ${quote(values.out)}`);
    const runs = integerFlag(values.runs, '--runs', 1, 10_000_000);
    const seed = integerFlag(values.seed, '--seed', 0, Number.MAX_SAFE_INTEGER);
    const draws = values.draws === '0' ? 0 : integerFlag(values.draws, '--draws', 4, 100_000);
    const r = mainJob(values.out, { runs, seed, draws, ...congestionFrom(values), ...calendarFrom(values) });
    io.out(values.json ? JSON.stringify(r.json, null, 2) : r.text);
    return 0;
  },
});
