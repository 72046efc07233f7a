// `transcaspian report`: simulate a trip before and after a set of measures and write the HTML report,
// or the result as JSON, CSV (samples, plus a breakdown file) or GeoJSON (the network and the route).
import { writeFileSync } from 'node:fs';
import { TranscaspianError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import { japan2025 } from '../measures/japan2025.js';
import { breakdownCsv, breakdownCsvPath, networkGeoJson, reportJson, samplesCsv } from '../report/export.js';
import { renderReport } from '../report/html/render.js';
import type { ReportInput } from '../report/model.js';
import { fastestRoute } from '../route/fastest.js';
import { runScenario, type ScenarioProgress } from '../simulate/scenario.js';
import { SCENARIO_FLAGS, UsageError, networkFrom, parseFlags, scenarioFrom } from './args.js';
import { measuresFromArg } from './measures-arg.js';
import type { CliIo } from './io.js';

/** Formats `report` writes. */
export type ReportFormat = 'html' | 'json' | 'csv' | 'geojson';

/** The `report` lines of the CLI's usage text. */
export const REPORT_USAGE = `  report    --out <file> [--format html|json|csv|geojson] [--from <node> --to <node>] [--profile …]
            [--measures japan2025|none|<file.json>] [--runs N] [--seed S] [--policy planned|adaptive]
            [--within-days D] [--avoid-countries RU,BY] [--network file.json]
            Simulate before and after the measures and write a self-contained HTML report (map,
            distributions, per-country breakdown, hours saved per measure, assumptions), or the
            full result as JSON, the per-run samples as CSV (and <file>.breakdown.csv with mean
            hours per country × category), or the network and route as GeoJSON. The format
            defaults to the --out extension (.json, .csv, .geojson; otherwise html). Defaults:
            --from xian --to constanta --profile container-rail --measures japan2025 --runs 10000
            --seed 1 --policy planned.`;

function formatOf(format: string | undefined, out: string): ReportFormat {
  if (format === undefined) {
    if (/\.geojson$/i.test(out)) return 'geojson';
    if (/\.json$/i.test(out)) return 'json';
    if (/\.csv$/i.test(out)) return 'csv';
    return 'html';
  }
  if (format === 'html' || format === 'json' || format === 'csv' || format === 'geojson') return format;
  throw new UsageError(`--format: expected html, json, csv or geojson, received "${format}"`);
}

function write(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new TranscaspianError('io_error', `cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Progress on stderr, only on a terminal: one line, rewritten in place. */
function terminalProgress(): { onProgress?: (p: ScenarioProgress) => void; done: () => void } {
  if (process.stderr.isTTY !== true) return { done: () => {} };
  return {
    onProgress: (p) => process.stderr.write(`\r\x1b[2Ktranscaspian report: simulating ${p.label} (${p.step}/${p.steps})`),
    done: () => process.stderr.write('\r\x1b[2K'),
  };
}

function runReport(args: readonly string[], io: CliIo): number {
  const { values: v } = parseFlags(args, { ...SCENARIO_FLAGS, out: { type: 'string' }, format: { type: 'string' } });
  if (v.out === undefined || v.out === '') throw new UsageError('missing --out <file>');
  const out = v.out;
  const format = formatOf(v.format, out);
  const options = scenarioFrom(v, { from: 'xian', to: 'constanta' });
  const { origin, destination, profile } = options;
  const measuresArg = v.measures ?? 'japan2025';
  const network = networkFrom(v.network);
  const measures = measuresFromArg(measuresArg);
  const noRoute = (): number => {
    io.err(`transcaspian: no route from ${origin} to ${destination} for profile ${profile}`);
    return 1;
  };

  if (format === 'geojson') {
    const before = fastestRoute(network, options);
    const after = fastestRoute(measures.length > 0 ? applyMeasures(network, measures) : network, options);
    if (before === null || after === null) return noRoute();
    write(out, `${JSON.stringify(networkGeoJson(network, { before, after }))}\n`);
    io.out(`wrote ${out}`);
    return 0;
  }

  const progress = terminalProgress();
  let trip;
  try {
    trip = runScenario(network, measures, options, {
      attribution: format !== 'csv',
      ...(progress.onProgress !== undefined ? { onProgress: progress.onProgress } : {}),
    });
  } finally {
    progress.done();
  }
  if (trip.comparison === null) return noRoute();

  if (format === 'csv') {
    const second = breakdownCsvPath(out);
    write(out, samplesCsv(trip.comparison));
    write(second, breakdownCsv(trip.comparison));
    io.out(`wrote ${out} and ${second}`);
    return 0;
  }
  const input: ReportInput = {
    network,
    measures,
    trips: [trip],
    measuresArg,
    ...(measuresArg === 'japan2025' ? { package: japan2025() } : {}),
    ...(v.network !== undefined ? { networkFile: v.network } : {}),
  };
  write(out, format === 'json' ? `${JSON.stringify(reportJson(input), null, 2)}\n` : renderReport(input));
  io.out(`wrote ${out}`);
  return 0;
}

/**
 * `transcaspian report [options]` (argv after the command name). Returns the exit code: 0 written,
 * 1 invalid input or no route (one message on `io.err`), 2 usage error (message and usage).
 */
export function reportCommand(args: readonly string[], io: CliIo): number {
  try {
    return runReport(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`transcaspian report: ${e.message}\n\nUsage: transcaspian report [options]\n${REPORT_USAGE}`);
      return 2;
    }
    if (e instanceof TranscaspianError) {
      io.err(`transcaspian: ${e.message.split('\n').join('\n  ')}`);
      return 1;
    }
    throw e;
  }
}
