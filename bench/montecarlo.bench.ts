// Monte Carlo throughput (planned and adaptive samples per second, per core and with threads) and
// route changes per second on the default corridor: apply one of 1,000 seeded measure variants by
// re-weighting only the arcs it touches, re-route every trip of the main job, restore — against
// rebuilding a graphology graph and routing with graphology-shortest-path for each variant.
import { MultiDirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import { availableParallelism } from 'node:os';
import { middleCorridor, simulate, type Network, type SimulateOptions } from 'transcaspian';
import { createWorkspace, setArcWeight, shortestPath } from 'transcaspian/engine';
import { MAIN_JOB_TRIPS } from '../src/cli/main-job.js';
import { compileExpanded } from '../src/route/compile.js';
import { resolveTrip } from '../src/route/trip.js';
import { prng } from './prng.js';

const TRIP = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } } as const;

/** The options that switch the time-on-the-corridor mechanisms on or off. */
type SimulateOptionsExtra = Pick<SimulateOptions, 'congestion' | 'volume'>;

/** The congestion model's cost, measured side by side: surveyed waits (before the model) against the model, interleaved. */
function congestionSideBySide(network: Network, q: boolean): string[] {
  const rows: string[] = [];
  for (const policy of ['planned', 'adaptive'] as const) {
    const runs = policy === 'planned' ? (q ? 50_000 : 400_000) : q ? 5_000 : 100_000;
    const off: number[] = [];
    const on: number[] = [];
    for (let k = 0; k < (q ? 2 : 5); k++) {
      off.push(samplesPerSecond(network, policy, runs, 1, { congestion: 'surveyed' }).cpu.median);
      on.push(samplesPerSecond(network, policy, runs, 1, { congestion: 'model' }).cpu.median);
    }
    const a = rate(off);
    const b = rate(on);
    const ratio = b.median / a.median;
    rows.push(`| ${policy} | ${runs.toLocaleString('en-US')} | ${fmt(a)} | ${fmt(b)} | ${ratio.toFixed(2)}× | ${ratio >= 0.7 ? 'met' : '**not met**'} |`);
  }
  return rows;
}

interface Rate {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function rate(values: number[]): Rate {
  const s = [...values].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]! };
}

const fmt = (r: Rate, unit = 1000, digits = 0): string =>
  `${(r.median / unit).toFixed(digits)} (${(r.min / unit).toFixed(digits)}–${(r.max / unit).toFixed(digits)})`;

/** Samples per wall-clock second and per CPU-second of this process, `reps` repetitions. */
function samplesPerSecond(network: Network, policy: 'planned' | 'adaptive', runs: number, reps: number, extra: SimulateOptionsExtra = {}): { wall: Rate; cpu: Rate } {
  simulate(network, { ...TRIP, runs: Math.min(runs, 20_000), seed: 0, policy, ...extra }); // warm-up (JIT)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < reps; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    simulate(network, { ...TRIP, runs, seed: k + 1, policy, ...extra });
    const seconds = (performance.now() - t0) / 1000;
    const cu = process.cpuUsage(c0);
    wall.push(runs / seconds);
    cpu.push(runs / ((cu.user + cu.system) / 1e6));
  }
  return { wall: rate(wall), cpu: rate(cpu) };
}

// Thread scaling runs the built package (npm run bench builds first): its workers start
// dist/worker.js, while from source each worker would first transpile TypeScript through tsx.
type Api = typeof import('../src/index.js');
const dist = (await import(new URL('../dist/index.js', import.meta.url).href)) as Api;

async function parallelSeconds(policy: 'planned' | 'adaptive', runs: number, threads: number, reps: number): Promise<Rate> {
  const network = dist.middleCorridor();
  await dist.simulateParallel(network, { ...TRIP, runs: Math.min(runs, 50_000), seed: 0, policy, threads }); // warm-up
  const times: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    await dist.simulateParallel(network, { ...TRIP, runs, seed: k + 1, policy, threads });
    times.push(runs / ((performance.now() - t0) / 1000));
  }
  return rate(times);
}

/** Route changes per second: seeded variants of one stage's or link's time, re-weight touched arcs, re-route, restore. */
function routeChanges(network: Network, variants: number): { engine: Rate; graphology: Rate; checked: number } {
  const trips = MAIN_JOB_TRIPS.map((t) => resolveTrip(network, { origin: t.origin, destination: t.destination, profile: t.profile, ...(t.avoid !== undefined ? { avoid: t.avoid } : {}) }));
  // One compiled graph per trip (profiles and avoided countries differ), with an index from each
  // random element (part key) to the arcs and part positions it appears in.
  const setups = trips.map((trip) => {
    const compiled = compileExpanded(trip.graph);
    const touches = new Map<string, { arc: number; hours: number }[]>();
    trip.graph.arcs.forEach((arc, a) =>
      arc.parts.forEach((p) => {
        let list = touches.get(p.key);
        if (list === undefined) touches.set(p.key, (list = []));
        list.push({ arc: a, hours: p.expectedHours });
      }),
    );
    return { trip, compiled, ws: createWorkspace(compiled.csr), touches, sources: Int32Array.from(trip.sources), targets: Int32Array.from(trip.targets) };
  });
  const keys = [...new Set(setups.flatMap((s) => [...s.touches.keys()]))].sort();
  const next = prng(2026);
  const plan = Array.from({ length: variants }, () => ({ key: keys[Math.floor(next() * keys.length)]!, factor: 0.5 + next() }));

  const engineCosts: number[] = [];
  const runEngine = (): void => {
    engineCosts.length = 0;
    for (const v of plan) {
      for (const s of setups) {
        const touched = s.touches.get(v.key) ?? [];
        for (const t of touched) setArcWeight(s.compiled.csr, t.arc, s.compiled.expectedHours[t.arc]! + (v.factor - 1) * t.hours);
        const path = shortestPath(s.compiled.csr, s.sources, s.targets, s.ws);
        engineCosts.push(path === null ? Infinity : path.cost);
        for (const t of touched) setArcWeight(s.compiled.csr, t.arc, s.compiled.expectedHours[t.arc]!);
      }
    }
  };
  const peerCosts: number[] = [];
  const runGraphology = (limit: number): void => {
    peerCosts.length = 0;
    for (const v of plan.slice(0, limit)) {
      for (const s of setups) {
        const graph = new MultiDirectedGraph();
        const g = s.trip.graph;
        for (let i = 0; i < g.vertices.length; i++) graph.addNode(String(i));
        const touched = new Map((s.touches.get(v.key) ?? []).map((t) => [t.arc, t.hours]));
        g.arcs.forEach((arc, i) => graph.addEdgeWithKey(String(i), String(arc.from), String(arc.to), { w: arc.expectedHours + (v.factor - 1) * (touched.get(i) ?? 0) }));
        graph.addNode('s');
        graph.addNode('t');
        for (const x of s.sources) graph.addEdge('s', String(x), { w: 0 });
        for (const x of s.targets) graph.addEdge(String(x), 't', { w: 0 });
        const nodes = bidirectional(graph, 's', 't', 'w');
        let cost = 0;
        for (let k = 0; k + 1 < nodes.length; k++) {
          let best = Infinity;
          for (const e of graph.outEdges(nodes[k]!, nodes[k + 1]!)) best = Math.min(best, graph.getEdgeAttribute(e, 'w') as number);
          cost += best;
        }
        peerCosts.push(cost);
      }
    }
  };
  const engineRates: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    runEngine();
    engineRates.push(variants / ((performance.now() - t0) / 1000));
  }
  const peerVariants = 100;
  const peerRates: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    runGraphology(peerVariants);
    peerRates.push(peerVariants / ((performance.now() - t0) / 1000));
  }
  // Both give the same route costs on the variants both ran.
  let checked = 0;
  for (let i = 0; i < peerCosts.length; i++) {
    if (Math.abs(peerCosts[i]! - engineCosts[i]!) > 1e-9 * Math.max(1, engineCosts[i]!)) throw new Error(`route change ${i}: engine ${engineCosts[i]} vs graphology ${peerCosts[i]}`);
    checked++;
  }
  return { engine: rate(engineRates), graphology: rate(peerRates), checked };
}

/** Run the Monte Carlo benchmarks; returns a Markdown section body. */
export async function runMonteCarloBench(options: { quick?: boolean } = {}): Promise<string> {
  const network = middleCorridor();
  const q = options.quick === true;
  const route = simulate(network, { ...TRIP, runs: 1, seed: 0 })!.route;
  const planned = samplesPerSecond(network, 'planned', q ? 50_000 : 400_000, q ? 2 : 5);
  const adaptive = samplesPerSecond(network, 'adaptive', q ? 5_000 : 100_000, q ? 2 : 5);
  const cores = availableParallelism();
  const threadCounts = [1, 2, 4].filter((t) => t <= Math.max(2, cores) * 2);
  const scaling: string[] = [];
  for (const policy of ['planned', 'adaptive'] as const) {
    const runs = policy === 'planned' ? (q ? 100_000 : 1_000_000) : q ? 10_000 : 400_000;
    const rates = [];
    for (const t of threadCounts) rates.push(await parallelSeconds(policy, runs, t, q ? 1 : 3));
    const base = rates[0]!.median;
    scaling.push(`| ${policy} | ${runs.toLocaleString('en-US')} | ${rates.map((r) => `${fmt(r)} (${(r.median / base).toFixed(2)}×)`).join(' | ')} |`);
  }
  const changes = routeChanges(network, q ? 200 : 1000);
  const congestion = congestionSideBySide(network, q);
  return [
    `Trip: Xi'an → Constanța by container train on the Middle Corridor (avoiding RU, BY, IR): ${route.parts.length} timed parts on the planned route; adaptive runs draw every arc of the network. Thousands of samples per second, median (min–max) of the repetitions. "Per CPU-second" divides by this process's CPU time, which other processes on the machine disturb less than wall time.`,
    '',
    '| policy | samples/s (wall), thousands | samples per CPU-second, thousands | target per core |',
    '|---|---:|---:|---:|',
    `| planned (route fixed, every part drawn) | ${fmt(planned.wall)} | ${fmt(planned.cpu)} | 1,000 |`,
    `| adaptive (every arc drawn, re-routed) | ${fmt(adaptive.wall)} | ${fmt(adaptive.cpu)} | 150 |`,
    '',
    `Thread scaling with \`simulateParallel\` from the built package, including worker start-up (${cores} cores available; results identical for every thread count, checked by test/parallel.test.ts); thousands of samples/s (wall), speed-up against 1 thread:`,
    '',
    `| policy | runs | ${threadCounts.map((t) => `${t} thread${t > 1 ? 's' : ''}`).join(' | ')} |`,
    `|---|---:|${threadCounts.map(() => '---:').join('|')}|`,
    ...scaling,
    '',
    'Targets (recorded, not asserted; per core = per CPU-second, single thread):',
    '',
    `- [${planned.cpu.median >= 1e6 ? 'x' : ' '}] ≥ 1,000,000 planned-route samples per second per core: ${planned.cpu.median >= 1e6 ? 'met' : '**not met**'} (${Math.round(planned.cpu.median / 1000)} thousand)`,
    `- [${adaptive.cpu.median >= 150e3 ? 'x' : ' '}] ≥ 150,000 adaptive samples per second per core: ${adaptive.cpu.median >= 150e3 ? 'met' : '**not met**'} (${Math.round(adaptive.cpu.median / 1000)} thousand)`,
    '',
    'The congestion model (waits at ferries, borders and ports from volume and capacity, at the 2025 volume: one more part per server and a rolled-sailing part per scheduled ferry, drawn from quantile tables; the model itself built once per network and volume, outside the timing) against the surveyed waits of before, interleaved repetitions, samples per CPU-second in thousands (target: at least 0.7× of the surveyed path):',
    '',
    '| policy | runs | surveyed (off) | model (on) | on / off | ≥ 0.7× |',
    '|---|---:|---:|---:|---:|---|',
    ...congestion,
    '',
    `Route changes per second (1 change = one seeded variant of one stage's or link's expected time, the touched arcs re-weighted, the ${MAIN_JOB_TRIPS.length} trips of the main job re-routed, weights restored): engine ${fmt(changes.engine, 1, 0)} changes/s; rebuilding a graphology graph and routing with graphology-shortest-path ${fmt(changes.graphology, 1, 1)} changes/s (over ${q ? 100 : 100} variants); ratio ${(changes.engine.median / changes.graphology.median).toFixed(0)}×. Route costs agree on all ${changes.checked} routings both ran.`,
  ].join('\n');
}
