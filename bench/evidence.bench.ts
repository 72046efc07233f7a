// Evidence workloads on the shipped corridor, one thread: the two-level simulation of the Japan 2025
// package on Xi'an → Constanța (64 parameter draws of every uncertain input, 5,000 paired runs each;
// target under a minute on one core), and the calibration of the shipped dataset (target under ten
// minutes). Wall and CPU time of whole runs (the two-level: median of three after a warm-up on a
// smaller design; the calibration: one run), since each takes seconds.
import { calibrate, corridorTargets, japan2025, middleCorridor, runScenario } from '../src/index.js';

const TRIP = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, runs: 5000, seed: 2025 } as const;

interface Row {
  readonly workload: string;
  readonly wallS: number[];
  readonly cpuS: number[];
  readonly target: string;
}

function measure(reps: number, fn: () => unknown): { wallS: number[]; cpuS: number[] } {
  const wallS: number[] = [];
  const cpuS: number[] = [];
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wallS.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpuS.push((c.user + c.system) / 1e6);
  }
  return { wallS, cpuS };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: readonly number[]): string => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

/** Run the evidence benchmarks; returns a Markdown section body. */
export function evidenceBench(options: { quick?: boolean } = {}): string {
  const quick = options.quick === true;
  const network = middleCorridor();
  const measures = japan2025().measures;
  const draws = quick ? 8 : 64;
  const trip = quick ? { ...TRIP, runs: 500 } : TRIP;
  const reps = quick ? 1 : 3;
  const twoLevel = () => runScenario(network, measures, trip, { attribution: false, uncertainty: { draws } });
  // Warm-up: a small design (JIT, graph compilation paths), untimed.
  runScenario(network, measures, { ...trip, runs: 500 }, { attribution: false, uncertainty: { draws: 4 } });
  const inputs = twoLevel().uncertainty?.inputs.length ?? 0;
  const rows: Row[] = [{ workload: `two-level: ${draws} parameter draws × ${trip.runs.toLocaleString('en-US')} paired runs (${inputs} uncertain inputs)`, ...measure(reps, twoLevel), target: '< 60 s on one core' }];
  // Calibration of the shipped dataset with the built-in parameters and defaults (2,000 runs, seed 1).
  let evaluations = 0;
  const fit = () => {
    evaluations = calibrate(network, corridorTargets(), { date: '2026-01-01', ...(quick ? { runs: 200, maxEvaluations: 5 } : {}) }).evaluations;
  };
  const calibration = measure(1, fit);
  rows.push({ workload: `calibrate: the built-in parameters against the shipped targets (${evaluations} evaluations, ${quick ? 200 : 2000} runs each simulation)`, ...calibration, target: '< 600 s on one core' });
  return [
    `Trip: Xi'an → Constanța by container train avoiding RU, BY and IR, the Japan 2025 package; seed ${trip.seed}; one thread. Each draw patches every ranged figure of the network (one \`patchFigures\` measure, validated), rebuilds the package with its drawn parameters, and compares before and after on ${trip.runs.toLocaleString('en-US')} runs with the same seed. Two-level: median (min–max) of ${reps} whole runs after a warm-up; calibration: one run.`,
    '',
    '| workload | wall s | CPU s | target |',
    '|---|---:|---:|---|',
    ...rows.map((r) => `| ${r.workload} | ${median(r.wallS).toFixed(1)} (${range(r.wallS)}) | ${median(r.cpuS).toFixed(1)} (${range(r.cpuS)}) | ${r.target} |`),
  ].join('\n');
}
