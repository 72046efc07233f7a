// The queue model's speed: a 52-week run of the shipped corridor at three times today's volume
// (the World Bank's 2030 target), one replication and the default five, and a whole volume sweep
// with and without the Japan 2025 package. Median wall time of several seeded runs, and events
// per second. Standalone: `npx tsx bench/flow.bench.ts` prints a Markdown section; `flowBench()`
// returns it for bench/run.ts.
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { FLOW_DEFAULTS, japan2025, middleCorridor, networkFlows, simulateFlow, volumeSweep } from 'transcaspian';

interface Row {
  readonly workload: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly events: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Time `fn` `runs` times after one untimed warm-up run (JIT); `fn` returns the events it processed. */
function time(workload: string, runs: number, fn: (seed: number) => number): Row {
  fn(1000);
  const ms: number[] = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    events = fn(i + 1);
    ms.push(performance.now() - t);
  }
  return { workload, runs, medianMs: median(ms), minMs: Math.min(...ms), events };
}

/** Run the benchmarks and return a Markdown section. */
export function flowBench(): string {
  const network = middleCorridor();
  const weeks = 52;
  const rows: Row[] = [
    time(`simulateFlow, 3× volume, ${weeks} weeks + ${FLOW_DEFAULTS.warmupWeeks} warm-up, 1 replication`, 15, (seed) => simulateFlow(network, { volume: 3, weeks, seed, replications: 1 }).events),
    time(`simulateFlow, 3× volume, ${weeks} weeks + ${FLOW_DEFAULTS.warmupWeeks} warm-up, ${FLOW_DEFAULTS.replications} replications`, 7, (seed) => simulateFlow(network, { volume: 3, weeks, seed }).events),
    time(`simulateFlow, 1× volume, ${weeks} weeks + ${FLOW_DEFAULTS.warmupWeeks} warm-up, ${FLOW_DEFAULTS.replications} replications`, 7, (seed) => simulateFlow(network, { volume: 1, weeks, seed }).events),
    time(`volumeSweep 1–3× (5 factors), with and without japan2025, ${weeks} weeks, ${FLOW_DEFAULTS.replications} replications`, 3, (seed) => {
      const s = volumeSweep(network, { seed, weeks, measures: japan2025().measures });
      return [...s.baseline, ...(s.withMeasures ?? [])].reduce((a, r) => a + r.events, 0);
    }),
  ];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '## Queue model (simulateFlow)',
    '',
    `Node ${process.version}, ${cpu} (${cpus().length} logical cores), single thread. Shipped network, the network's own flows (${networkFlows(middleCorridor())!.length}), Poisson arrivals; median of the timed runs after one warm-up run, seeds 1…n.`,
    '',
    '| workload | runs | median ms | min ms | events | events/s (median) |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.workload} | ${r.runs} | ${r.medianMs.toFixed(0)} | ${r.minMs.toFixed(0)} | ${r.events.toLocaleString('en-US')} | ${Math.round(r.events / (r.medianMs / 1000)).toLocaleString('en-US')} |`),
    '',
    'Events are those the event list delivers (arrivals, ends of delays and services, sailings, vessel moves, weekly snapshots); the count is of the last timed run.',
  ];
  return lines.join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(flowBench());
}
