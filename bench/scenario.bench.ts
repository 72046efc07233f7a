// A whole scenario on the shipped corridor: the Japan 2025 package (4 measures) on Xi'an → Constanța
// by container train avoiding RU, BY and IR, 5,000 runs — the attribution alone (16 measure subsets,
// each network built by `applyMeasures`) and `runScenario` (the before/after comparison plus the
// attribution, which reuses the comparison's two simulations: 16 simulations in all). Median wall
// time after one untimed warm-up run. `bench/RESULTS.md` keeps, next to this section, the timings of
// the code before the scenario module (measured by hand on the same machine).
import { attribute, japan2025, middleCorridor, runScenario } from '../src/index.js';

const TRIP = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, runs: 5000, seed: 2025 } as const;

interface Row {
  readonly workload: string;
  readonly simulations: number;
  readonly reps: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

function time(workload: string, simulations: number, reps: number, fn: () => unknown): Row {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  const s = [...ms].sort((a, b) => a - b);
  return { workload, simulations, reps, medianMs: s[s.length >> 1]!, minMs: s[0]!, maxMs: s[s.length - 1]! };
}

/** Run the scenario benchmarks; returns a Markdown section body. */
export function scenarioBench(options: { quick?: boolean } = {}): string {
  const network = middleCorridor();
  const measures = japan2025().measures;
  const reps = options.quick === true ? 2 : 9;
  const trip = options.quick === true ? { ...TRIP, runs: 500 } : TRIP;
  const n = measures.length;
  const rows = [
    time(`attribute: ${n} measures, 2^${n} subsets`, 2 ** n, reps, () => attribute(network, measures, trip)),
    time('runScenario: comparison + attribution (the comparison\'s runs reused)', 2 ** n, reps, () => runScenario(network, measures, trip)),
    time('runScenario: comparison only (attribution: false)', 2, reps, () => runScenario(network, measures, trip, { attribution: false })),
  ];
  return [
    `Trip: Xi'an → Constanța by container train avoiding RU, BY and IR, the Japan 2025 package (${n} measures), ${trip.runs.toLocaleString('en-US')} planned runs, seed ${trip.seed}; median (min–max) of ${reps} runs after one warm-up, wall time.`,
    '',
    '| workload | simulations | median ms | min–max ms |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.workload} | ${r.simulations} | ${r.medianMs.toFixed(0)} | ${r.minMs.toFixed(0)}–${r.maxMs.toFixed(0)} |`),
    '',
    'The comparison also draws a 200-resample paired bootstrap of its quantile differences, which is most of the "comparison only" time.',
  ].join('\n');
}
