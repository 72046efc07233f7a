// `transcaspian report`: simulate a trip before and after a set of measures and write the HTML report,
// or the result as JSON, CSV (samples, plus a breakdown file) or GeoJSON (the network and the route).
import { corridorChoice } from '../../economics/corridor-choice.js';
import { tripEconomics } from '../../economics/trip-economics.js';
import { applyMeasures } from '../../measures/apply.js';
import { breakdownCsv, breakdownCsvPath, networkGeoJson, reportJson, samplesCsv } from '../../report/export.js';
import { renderReport } from '../../report/html/render.js';
import type { ReportInput } from '../../report/model.js';
import { fastestRoute, type Route } from '../../route/fastest.js';
import type { Network } from '../../network/network.js';
import { regimeNetwork } from '../../simulate/congestion/regime.js';
import { prepareSimulation } from '../../simulate/montecarlo.js';
import { runScenario, type ScenarioProgress } from '../../simulate/scenario.js';
import { alternativeRoutes } from '../../route/alternatives.js';
import { DRAW_RUNS, SCENARIO_FLAGS, compareOptionsFrom, integerFlag, networkFrom, scenarioFrom, uncertaintyFrom, type ScenarioFlags } from '../args.js';
import { corridorTargets } from '../../evidence/targets.js';
import { validation } from '../../evidence/validation.js';
import { defineCommand } from '../command.js';
import { APPRAISAL_FLAGS, VALUE_FLAGS, appraisalOptionsFrom, tablesFit } from '../economics-flags.js';
import { UsageError } from '../errors.js';
import { quote } from '../escape.js';
import { InputReader } from '../io.js';
import { measuresFromArg } from '../measures-arg.js';
import { writeOutputs } from '../output.js';

/** Formats `report` writes. */
export type ReportFormat = 'html' | 'json' | 'csv' | 'geojson';

/** The trip `report` (like `start`) reports when neither --from nor --to is given: the Middle Corridor. */
export const DEFAULT_REPORT_TRIP = { from: 'xian', to: 'constanta', avoidCountries: 'RU,BY,IR' } as const;

function formatOf(format: string | undefined, out: string): ReportFormat {
  if (format === undefined) {
    if (/\.geojson$/i.test(out)) return 'geojson';
    if (/\.json$/i.test(out)) return 'json';
    if (/\.csv$/i.test(out)) return 'csv';
    return 'html';
  }
  if (format === 'html' || format === 'json' || format === 'csv' || format === 'geojson') return format;
  throw new UsageError(`--format: expected html, json, csv or geojson, received ${quote(format)}`);
}

/** Progress on stderr, only on a terminal: one line, rewritten in place. */
function terminalProgress(): { onProgress?: (p: ScenarioProgress) => void; done: () => void } {
  if (process.stderr.isTTY !== true) return { done: () => {} };
  return {
    onProgress: (p) => process.stderr.write(`\r\x1b[2Ktranscaspian report: simulating ${p.label} (${p.step}/${p.steps})`),
    done: () => process.stderr.write('\r\x1b[2K'),
  };
}

/** `transcaspian report`. */
export const reportCommand = defineCommand({
  name: 'report',
  summary: 'Simulate before and after and write the HTML report, or the result as JSON, CSV or GeoJSON.',
  description: `Simulates the trip before and after the measures (as simulate does) and writes a self-contained HTML report: first the measures' effect under uncertain inputs (--draws parameter draws), then map, transit-time distributions, per-country breakdown, hours saved per measure, money and CO2e per TEU, the Time/Cost–Distance chart, the appraisal (as appraise computes it, with the same flags), what the package does to the corridors' shares, the model against published figures (on the shipped network), and every assumption with its source. Or the full result as JSON, the per-run samples as CSV (and <file>.breakdown.csv with mean hours per country and category), or the network and route as GeoJSON.

The format defaults to the --out extension (.json, .csv, .geojson; otherwise html). "--out -" writes to standard output (not for csv, which is two files). Files are written to temporaries and renamed when complete. Without --from and --to the trip is the Middle Corridor, Xi'an to Constanța avoiding RU, BY and IR (as start reports it). Long runs show progress on stderr when it is a terminal.`,
  flags: {
    out: { type: 'string', short: 'o', value: '<file|->', required: true, help: 'Where to write ("-": standard output).' },
    format: { type: 'string', value: 'html|json|csv|geojson', help: 'The format (default: from the --out extension, else html).' },
    ...SCENARIO_FLAGS,
    from: { ...SCENARIO_FLAGS.from, requires: ['to'], help: 'Origin: a node id, name or alias (with --to; without both: xian, avoiding RU,BY,IR).' },
    to: { ...SCENARIO_FLAGS.to, requires: ['from'], help: 'Destination (with --from; without both: constanta).' },
    ...APPRAISAL_FLAGS,
    ...VALUE_FLAGS,
    'choice-runs': { type: 'string', value: 'N', default: '2000', help: 'Monte Carlo runs per corridor for the corridor-share section (0 leaves it out).' },
    alternatives: { type: 'string', value: 'K', help: 'Also show up to K routes (2 to 20) that differ meaningfully, on one map (HTML and JSON).' },
  },
  examples: ['report --out report.html', 'report --out report.html --investment-usd 60000000 --running-usd 1000000', 'report --out report.html --alternatives 3 --via poti', 'report --from kashgar --to baku --profile truck --out trip.json', 'report --out - --format geojson > route.geojson'],
  run({ values: v, io }) {
    const out = v.out;
    if (out === '') throw new UsageError('--out: expected a file name or "-"');
    const format = formatOf(v.format, out);
    if (format === 'csv' && out === '-') throw new UsageError('--out -: csv writes two files (samples and breakdown); give a file name');
    const options = scenarioFrom(v, DEFAULT_REPORT_TRIP);
    const choiceRuns = integerFlag(v['choice-runs'], '--choice-runs', 0, 1_000_000);
    const k = v.alternatives === undefined ? undefined : integerFlag(v.alternatives, '--alternatives', 2, 20);
    const { origin, destination, profile } = options;
    const input = new InputReader(io);
    const network = networkFrom(v.network, input);
    const { measures, package: pkg, label } = measuresFromArg(v.measures, input);
    const appraisal = appraisalOptionsFrom(v, input);
    const noRoute = (): number => {
      io.err(`transcaspian: no route from ${quote(origin)} to ${quote(destination)} for profile ${quote(profile)}`);
      return 1;
    };
    const wrote = (paths: readonly string[]): void => {
      if (!paths.includes('-')) io.out(`wrote ${paths.join(' and ')}`);
    };

    if (format === 'geojson') {
      const before = plannedRoute(network, options);
      const after = plannedRoute(measures.length > 0 ? applyMeasures(network, measures) : network, options);
      if (before === null || after === null) return noRoute();
      writeOutputs(io, [{ path: out, text: `${JSON.stringify(networkGeoJson(network, { before, after }))}\n` }]);
      wrote([out]);
      return 0;
    }

    const progress = terminalProgress();
    let trip;
    try {
      const uncertainty = format === 'csv' ? undefined : uncertaintyFrom(options);
      trip = runScenario(network, measures, compareOptionsFrom(options), {
        attribution: format !== 'csv',
        ...(uncertainty !== undefined ? { uncertainty } : {}),
        ...(progress.onProgress !== undefined ? { onProgress: progress.onProgress } : {}),
      });
    } finally {
      progress.done();
    }
    if (trip.comparison === null) return noRoute();

    if (format === 'csv') {
      const second = breakdownCsvPath(out);
      writeOutputs(io, [
        { path: out, text: samplesCsv(trip.comparison) },
        { path: second, text: breakdownCsv(trip.comparison) },
      ]);
      wrote([out, second]);
      return 0;
    }
    const fit = tablesFit(network, appraisal);
    const omitted = [
      ...(fit.economics !== null ? [`No money, emissions or appraisal section: ${fit.economics}.`] : []),
      ...(choiceRuns > 0 && fit.choice !== null ? [`No corridor-share section: ${fit.choice}.`] : []),
    ];
    const economics = fit.economics === null ? tripEconomics(trip, appraisal) : null;
    const choice =
      choiceRuns > 0 && fit.choice === null
        ? corridorChoice(network, {
            measures,
            runs: choiceRuns,
            seed: options.seed,
            ...(appraisal.valueOfTime !== undefined ? { valueOfTime: appraisal.valueOfTime } : {}),
            ...(appraisal.reliability !== undefined ? { reliability: appraisal.reliability } : {}),
            ...(appraisal.tables?.costs !== undefined ? { costs: appraisal.tables.costs } : {}),
          })
        : undefined;
    // Alternatives on the network of the trip's period (a regime closes links, changes fleets).
    const alternatives = k === undefined ? undefined : alternativeRoutes(options.regime === undefined ? network : regimeNetwork(network, options.regime), options, { k });
    const report: ReportInput = {
      network,
      measures,
      trips: [{ ...trip, ...(economics !== null ? { economics } : {}), ...(alternatives !== undefined ? { alternatives } : {}) }],
      ...(choice !== undefined ? { corridorChoice: choice } : {}),
      ...(omitted.length > 0 ? { notes: omitted } : {}),
      measuresArg: label,
      ...(pkg !== undefined ? { package: pkg } : {}),
      ...(v.network !== undefined ? { networkFile: v.network } : {}),
      // The shipped targets describe the shipped network: a report on it shows where it stands.
      ...(v.network === undefined ? { validation: validation(network, corridorTargets(), { runs: Math.min(options.runs, DRAW_RUNS), seed: options.seed }) } : {}),
    };
    writeOutputs(io, [{ path: out, text: format === 'json' ? `${JSON.stringify(reportJson(report), null, 2)}\n` : renderReport(report) }]);
    wrote([out]);
    return 0;
  },
});

/**
 * The route the trip's simulation plans: with a regime, a volume or a congestion mode, on the
 * period's network with the congestion model's waits (so the map shows the route the report's
 * figures are for); otherwise `fastestRoute`'s, which is the same route.
 */
function plannedRoute(network: Network, options: ScenarioFlags): Route | null {
  if (options.regime === undefined && options.volume === undefined && options.congestion === undefined) return fastestRoute(network, options);
  return prepareSimulation(network, compareOptionsFrom(options))?.route ?? null;
}
