// The main job (`npm start`): the Japan 2025 package on the default corridor, before and after, for
// trips that cross the places the measures touch; prints the summary and writes the HTML report.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { corridorChoice } from '../economics/corridor-choice.js';
import { tripEconomics } from '../economics/trip-economics.js';
import { TranscaspianError } from '../errors.js';
import { japan2025 } from '../measures/japan2025.js';
import { middleCorridor } from '../network/load.js';
import { renderReport } from '../report/html/render.js';
import type { ReportTrip } from '../report/model.js';
import { appraisalText, corridorChoiceText, perTeuText, tripEconomicsJson } from '../report/economics-text.js';
import { scenarioJson, scenarioText, worstMonth, worstMonthText } from '../report/scenario-text.js';
import type { DepartureWindow } from '../simulate/calendar.js';
import { scoreText, validationJson } from '../report/validation-text.js';
import { corridorTargets } from '../evidence/targets.js';
import { validation } from '../evidence/validation.js';
import { criticality } from '../route/criticality.js';
import { runScenario } from '../simulate/scenario.js';
import { referenceVolume } from '../simulate/flow/demand.js';
import type { CongestionOptions } from '../simulate/congestion/settings.js';
import { DRAW_RUNS } from './args.js';
import { writeFiles } from './output.js';

/** The trips of the main job. */
export const MAIN_JOB_TRIPS: readonly {
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  readonly why: string;
  readonly avoid?: { readonly countries: readonly string[] };
  /** The appraisal applies the trip's savings to the network's reference volume (its traffic's TEU a year); without it, to 1,000 TEU (a per-volume figure). */
  readonly referenceVolume?: true;
}[] = [
  {
    origin: 'xian',
    destination: 'constanta',
    profile: 'container-rail',
    avoid: { countries: ['RU', 'BY', 'IR'] },
    referenceVolume: true,
    why: "Xi'an → Constanța by container train on the Middle Corridor (avoiding Russia, Belarus and Iran, as its shippers do; the unconstrained fastest route runs through Russia)",
  },
  { origin: 'kashgar', destination: 'baku', profile: 'truck', why: 'Kashgar → Baku by truck through Kyrgyzstan and across the Caspian by ro-ro ferry' },
  { origin: 'dushanbe', destination: 'aktau', profile: 'truck', why: 'Dushanbe → Aktau by truck from Tajikistan to the Caspian' },
  {
    origin: 'dushanbe',
    destination: 'bishkek',
    profile: 'truck',
    avoid: { countries: ['UZ', 'KZ'] },
    why: 'Dushanbe → Bishkek by truck through Kyrgyzstan (avoiding Uzbekistan and Kazakhstan, the shorter way since the Spitamen road): a Tajik border and the Bishkek–Osh road with its two aged bridges',
  },
];

/** Runs and seed of the main job by default (printed with the results, so they can be reproduced). */
export const MAIN_JOB_RUNS = 5000;
export const MAIN_JOB_SEED = 2025;
/** Parameter draws of the two-level simulation per trip (uncertain inputs from their plausible ranges). */
export const MAIN_JOB_DRAWS = 64;

/** Options of the main job: Monte Carlo runs and seed per scenario, the congestion settings and the calendar (as `simulate`'s). */
export interface MainJobOptions extends CongestionOptions {
  readonly runs?: number;
  readonly seed?: number;
  /** Parameter draws of the two-level simulation per trip (default `MAIN_JOB_DRAWS`; 0: not run). */
  readonly draws?: number;
  readonly departure?: DepartureWindow;
  readonly seasons?: boolean;
  readonly independent?: boolean;
}

/** What the main job produced: the summary as text and JSON, and where the report was written. */
export interface MainJobResult {
  readonly text: string;
  readonly json: Record<string, unknown>;
  readonly reportPath: string;
}

/** Run the main job: the summary as text and JSON, and the HTML report written to `reportPath`. */
export function mainJob(reportPath = 'report.html', options: MainJobOptions = {}): MainJobResult {
  const runs = options.runs ?? MAIN_JOB_RUNS;
  const seed = options.seed ?? MAIN_JOB_SEED;
  const draws = options.draws ?? MAIN_JOB_DRAWS;
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
      runs,
      seed,
      policy: 'planned',
      ...(t.avoid !== undefined ? { avoid: t.avoid } : {}),
      ...(options.volume !== undefined ? { volume: options.volume } : {}),
      ...(options.congestion !== undefined ? { congestion: options.congestion } : {}),
      ...(options.regime !== undefined ? { regime: options.regime } : {}),
      ...(options.departure !== undefined ? { departure: options.departure } : {}),
      ...(options.seasons !== undefined ? { seasons: options.seasons } : {}),
      ...(options.independent !== undefined ? { independent: options.independent } : {}),
    }, draws > 0 ? { uncertainty: { draws, runs: Math.min(runs, DRAW_RUNS) } } : {}),
    title: t.why,
  }));
  // Money, CO2e and the appraisal per trip; the corridor choice once (2,000 runs per corridor).
  const withEconomics: ReportTrip[] = trips.map((trip, i) => {
    const reference = MAIN_JOB_TRIPS[i]!.referenceVolume === true ? referenceVolume(network)?.teuPerYear : undefined;
    const economics = tripEconomics(trip, { volumeTeuPerYear: reference ?? 1000 });
    return economics === null ? trip : { ...trip, economics };
  });
  const choice = corridorChoice(network, { measures: pkg.measures, runs: 2000, seed });
  const out: string[] = [
    `transcaspian — ${network.title}`,
    `Measures: ${pkg.title} (${pkg.measures.map((m) => m.id).join(', ')})`,
    `Monte Carlo: ${runs} runs per scenario, seed ${seed}, planned routes, common random numbers before/after${draws > 0 ? `; the effect under uncertain inputs from ${draws} parameter draws of ${Math.min(runs, DRAW_RUNS)} runs each` : ''}.`,
    '',
  ];
  withEconomics.forEach((trip, i) => {
    const t = MAIN_JOB_TRIPS[i]!;
    out.push(`== ${t.why}`);
    out.push(trip.comparison === null ? `No route from ${t.origin} to ${t.destination} for ${t.profile}.` : scenarioText(network, trip));
    const worst = trip.comparison === null ? null : worstMonth(trip.comparison);
    if (worst !== null) out.push(`  ${worstMonthText(worst)}`);
    if (trip.attributionError !== undefined) out.push(`  (no attribution: ${trip.attributionError})`);
    if (trip.comparison !== null && trip.economics !== undefined) {
      out.push('');
      out.push(`  Money (USD of 2024) and CO2e (well-to-wheel) per TEU${t.referenceVolume !== true ? '; the annual benefit is per 1,000 TEU a year (no published volume for this trip)' : ''}:`);
      out.push(perTeuText(trip.comparison, trip.economics));
      out.push(appraisalText(trip.economics.appraisal));
    }
    out.push('');
  });
  out.push('== What the package does to the corridors’ shares (China → Europe)');
  out.push(corridorChoiceText(choice));
  out.push('');
  // The shipped data against published figures, on the main job's seed.
  const checked = validation(network, corridorTargets(), { runs: Math.min(runs, DRAW_RUNS), seed });
  out.push(`Model against published figures: ${scoreText(checked)} (transcaspian validation prints the table).`, '');
  // Which links matter most to the same trips (before the measures): a map and a ranking in the report.
  const critical = criticality(
    network,
    MAIN_JOB_TRIPS.map(({ origin, destination, profile, avoid }) => ({ origin, destination, profile, ...(avoid !== undefined ? { avoid } : {}) })),
  );
  const top = critical.elements[0];
  if (top !== undefined) out.push(`Most critical link for these trips: ${top.name} (${top.noRouteTrips} of them left without a route if it closes; transcaspian criticality lists the rest).`, '');
  writeFiles([{ path, text: renderReport({ network, measures: pkg.measures, package: pkg, trips: withEconomics, measuresArg: 'japan2025', corridorChoice: choice, validation: checked, criticality: critical }) }]);
  out.push(`Report (map, distributions, per-country breakdown, attribution, money, CO2e, Time/Cost–Distance charts, appraisal, corridor shares, published figures, the links that matter most, assumptions): ${path}`);
  const json = {
    network: network.id,
    package: { id: pkg.id, title: pkg.title, measures: pkg.measures.map((m) => m.id) },
    runs,
    seed,
    policy: 'planned',
    trips: withEconomics.map((trip, i) => ({
      title: MAIN_JOB_TRIPS[i]!.why,
      ...(trip.comparison === null
        ? { origin: MAIN_JOB_TRIPS[i]!.origin, destination: MAIN_JOB_TRIPS[i]!.destination, profile: MAIN_JOB_TRIPS[i]!.profile, route: null }
        : { ...scenarioJson(trip), worstMonth: worstMonth(trip.comparison)?.month ?? null }),
      ...(trip.attributionError !== undefined ? { attributionError: trip.attributionError } : {}),
      ...(trip.economics !== undefined ? { economics: tripEconomicsJson(trip.economics) } : {}),
    })),
    corridorChoice: choice,
    validation: validationJson(checked),
    report: path,
  };
  return { text: out.join('\n'), json, reportPath: path };
}
