// The main job (`npm start`): the Japan 2025 package on the default corridor, before and after, for
// trips that cross the places the measures touch; prints the summary and writes the HTML report.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { TranscaspianError } from '../errors.js';
import { japan2025 } from '../measures/japan2025.js';
import { middleCorridor } from '../network/load.js';
import { renderReport } from '../report/html/render.js';
import type { ReportTrip } from '../report/model.js';
import { comparisonText } from '../report/scenario-text.js';
import { runScenario } from '../simulate/scenario.js';

/** The trips of the main job. */
export const MAIN_JOB_TRIPS: readonly {
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  readonly why: string;
  readonly avoid?: { readonly countries: readonly string[] };
}[] = [
  {
    origin: 'xian',
    destination: 'constanta',
    profile: 'container-rail',
    avoid: { countries: ['RU', 'BY', 'IR'] },
    why: "Xi'an → Constanța by container train on the Middle Corridor (avoiding Russia, Belarus and Iran, as its shippers do; the unconstrained fastest route runs through Russia)",
  },
  { origin: 'kashgar', destination: 'baku', profile: 'truck', why: 'Kashgar → Baku by truck through Kyrgyzstan and across the Caspian by ro-ro ferry' },
  { origin: 'dushanbe', destination: 'aktau', profile: 'truck', why: 'Dushanbe → Aktau by truck from Tajikistan to the Caspian' },
  { origin: 'dushanbe', destination: 'bishkek', profile: 'truck', why: 'Dushanbe → Bishkek by truck: a Tajik border and the Bishkek–Osh road with its two aged bridges' },
];

/** Runs and seed of the main job (printed with the results, so they can be reproduced). */
export const MAIN_JOB_RUNS = 5000;
export const MAIN_JOB_SEED = 2025;

/** Run the main job: the summary as text, and the HTML report written to `reportPath`. */
export function mainJob(reportPath = 'report.html'): string {
  const path = resolve(reportPath);
  // Fail before minutes of simulation, not after.
  if (!existsSync(dirname(path))) throw new TranscaspianError('io_error', `cannot write ${path}: no such directory ${dirname(path)}`);
  const network = middleCorridor();
  const pkg = japan2025();
  const trips: ReportTrip[] = MAIN_JOB_TRIPS.map((t) => ({
    ...runScenario(network, pkg.measures, {
      origin: t.origin,
      destination: t.destination,
      profile: t.profile,
      runs: MAIN_JOB_RUNS,
      seed: MAIN_JOB_SEED,
      policy: 'planned',
      ...(t.avoid !== undefined ? { avoid: t.avoid } : {}),
    }),
    title: t.why,
  }));
  const out: string[] = [
    `transcaspian — ${network.title}`,
    `Measures: ${pkg.title} (${pkg.measures.map((m) => m.id).join(', ')})`,
    `Monte Carlo: ${MAIN_JOB_RUNS} runs per scenario, seed ${MAIN_JOB_SEED}, planned routes, common random numbers before/after.`,
    '',
  ];
  trips.forEach((trip, i) => {
    const t = MAIN_JOB_TRIPS[i]!;
    out.push(`== ${t.why}`);
    out.push(trip.comparison === null ? `No route from ${t.origin} to ${t.destination} for ${t.profile}.` : comparisonText(network, trip.comparison, trip.attribution));
    if (trip.attributionError !== undefined) out.push(`  (no attribution: ${trip.attributionError})`);
    out.push('');
  });
  try {
    writeFileSync(path, renderReport({ network, measures: pkg.measures, package: pkg, trips, measuresArg: 'japan2025' }));
  } catch (e) {
    throw new TranscaspianError('io_error', `cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  out.push(`Report (map, distributions, per-country breakdown, attribution, assumptions): ${path}`);
  return out.join('\n');
}
