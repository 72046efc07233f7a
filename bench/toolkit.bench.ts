// The planner's toolkit through the public API only: examples/09-route-changes.ts (the script a user
// runs; it imports nothing but `transcaspian`, i.e. the built package) measures route changes with a
// routePlanner, the plain applyMeasures → fastestRoute path, and criticality over every link against
// the four trips of `npm start`. It runs here in a child process of its own, three times; the section
// reports each figure's median over the runs (each run already the median of its repetitions).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Range {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

interface RouteChanges {
  readonly variants: number;
  readonly trips: number;
  readonly plannerChangesPerSecond: Range;
  readonly applyMeasuresFastestRoutePerSecond: Range;
  readonly criticality: { readonly links: number; readonly firstMs: number; readonly ms: Range };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

function runScript(): RouteChanges {
  const r = spawnSync(process.execPath, [tsx, 'examples/09-route-changes.ts', '--json'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`examples/09-route-changes.ts failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as RouteChanges;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const int = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Run the toolkit benchmarks; returns a Markdown section body. */
export function toolkitBench(options: { quick?: boolean } = {}): string {
  const runs = Array.from({ length: options.quick === true ? 1 : 3 }, runScript);
  const planner = median(runs.map((r) => r.plannerChangesPerSecond.median));
  const plain = median(runs.map((r) => r.applyMeasuresFastestRoutePerSecond.median));
  const critical = median(runs.map((r) => r.criticality.ms.median));
  const first = median(runs.map((r) => r.criticality.firstMs));
  const span = (f: (r: RouteChanges) => Range): string => `${int(Math.min(...runs.map((r) => f(r).min)))}–${int(Math.max(...runs.map((r) => f(r).max)))}`;
  const r0 = runs[0]!;
  return [
    `\`npx tsx examples/09-route-changes.ts\` (public API only), ${runs.length} run${runs.length === 1 ? '' : 's'}: ${r0.variants} seeded variants of one stage's duration or one link's speed (factor 0.5–1.5); rates per CPU-second of the script's process (the planner's 9 rounds timed after 5 warm-up rounds of the variants, V8 optimizing the code meanwhile; the other figures after one); median of the runs' medians (range of all repetitions).`,
    '',
    '| measure | result | target |',
    '|---|---:|---:|',
    `| routePlanner: apply one variant, re-route the ${r0.trips} trips of \`npm start\`, restore | ${int(planner)} changes per CPU-second (${span((r) => r.plannerChangesPerSecond)}) | ≥ 50,000/s: ${planner >= 50_000 ? 'met' : '**not met**'} |`,
    `| applyMeasures → fastestRoute (one variant, Xi'an → Constanța) | ${int(plain)} per CPU-second (${span((r) => r.applyMeasuresFastestRoutePerSecond)}) | ≥ 5,000/s: ${plain >= 5_000 ? 'met' : '**not met**'} |`,
    `| criticality: every link (${r0.criticality.links}) closed in turn, ${r0.trips} trips | ${critical.toFixed(1)} CPU-ms (${span((r) => r.criticality.ms).replace(/,/g, '')} ms); first call with compiling ${first.toFixed(1)} ms wall | < 100 ms: ${critical < 100 && first < 100 ? 'met' : '**not met**'} |`,
  ].join('\n');
}
