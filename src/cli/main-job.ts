// The main job (`npm start`): the Japan 2025 package on the default corridor, before and after, for
// three trips that cross the places the measures touch.
import { japan2025 } from '../measures/japan2025.js';
import { middleCorridor } from '../network/load.js';
import { runScenario } from './simulate-command.js';

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

/** The main job's report as text. */
export function mainJob(): string {
  const network = middleCorridor();
  const pkg = japan2025();
  const out: string[] = [
    `transcaspian — ${network.title}`,
    `Measures: ${pkg.title} (${pkg.measures.map((m) => m.id).join(', ')})`,
    `Monte Carlo: ${MAIN_JOB_RUNS} runs per scenario, seed ${MAIN_JOB_SEED}, planned routes, common random numbers before/after.`,
    '',
  ];
  for (const trip of MAIN_JOB_TRIPS) {
    const r = runScenario({
      network,
      measures: pkg.measures,
      origin: trip.origin,
      destination: trip.destination,
      profile: trip.profile,
      runs: MAIN_JOB_RUNS,
      seed: MAIN_JOB_SEED,
      policy: 'planned',
      ...(trip.avoid !== undefined ? { avoid: trip.avoid } : {}),
    });
    out.push(`== ${trip.why}`);
    out.push(r === null ? `No route from ${trip.origin} to ${trip.destination} for ${trip.profile}.` : r.text);
    out.push('');
  }
  return out.join('\n').trimEnd();
}
