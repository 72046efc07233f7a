// Seeded Monte Carlo of door-to-door transit times. `planned`: the route is fixed on expected times,
// then every part along it is drawn. `adaptive`: every arc of the network is drawn, then the trip is
// re-routed on the realised times (the best an operator with perfect information could do).
//
// Runs are processed in blocks of BLOCK_RUNS; per-country sums and route counts are kept per block
// and combined in block order. Draws depend only on (seed, element, run), so any split of the blocks
// among threads (parallel.ts) gives results identical to this single-threaded loop, bit for bit.
import { createWorkspace } from '../engine/workspace.js';
import { shortestPath } from '../engine/shortest-path.js';
import { InvalidArgumentError } from '../errors.js';
import type { Network } from '../network/network.js';
import { CATEGORIES, type Category } from '../network/types.js';
import { shareWithin, sortedCopy, summarize, type Summary } from '../stats/summary.js';
import { compileExpanded } from './compile.js';
import type { Arc, ExpandedGraph, Part } from './expand.js';
import { ElementStream, checkSeed } from './random.js';
import { resolveTrip, routeFromArcs, zeroCategories, type CategoryHours, type CountryHours, type ResolvedTrip, type Route, type RouteOptions } from './route.js';
import { shortestArcPath } from './shortest.js';
import { drawPart } from './sample.js';

/** Route policy of a simulation. */
export type RoutePolicy = 'planned' | 'adaptive';

/** Options of `simulate`. */
export interface SimulateOptions extends RouteOptions {
  /** Number of runs (draws), an integer ≥ 1. */
  readonly runs: number;
  /** Seed, an integer from 0 to 2^53 − 1. Same seed and inputs, identical results. */
  readonly seed: number;
  /** `planned` (default) or `adaptive`. */
  readonly policy?: RoutePolicy;
}

/** How often a route was taken (one entry under `planned`). */
export interface RouteShare {
  readonly links: readonly string[];
  readonly nodes: readonly string[];
  readonly runs: number;
  readonly share: number;
}

/** The result of a simulation. */
export interface SimulationResult {
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  readonly policy: RoutePolicy;
  readonly seed: number;
  readonly runs: number;
  /** Total hours of each run, in run order. */
  readonly samples: Float64Array;
  /** The samples sorted ascending. */
  readonly sorted: Float64Array;
  readonly summary: Summary;
  /** The route on expected times (the planned route). */
  readonly route: Route;
  /** Mean hours per country (or body of water) and category, in order of first appearance. */
  readonly byCountry: readonly CountryHours[];
  /** Mean hours per category. */
  readonly byCategory: CategoryHours;
  /** Routes taken and their share of runs, most frequent first. */
  readonly routes: readonly RouteShare[];
  /** The profile's `maxHours` (cold chain) and the share of runs within it, when the profile has one. */
  readonly maxHours?: { readonly hours: number; readonly probability: number };
  /** Share of runs arriving within `days` days. */
  probabilityWithin(days: number): number;
}

/** Runs per block: the unit of work of threads and of accumulation. */
export const BLOCK_RUNS = 4096;

/** Checked numeric options. */
export function checkSimulateOptions(options: SimulateOptions): { runs: number; seed: number; policy: RoutePolicy } {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object');
  const { runs, policy = 'planned' } = options;
  if (typeof runs !== 'number' || !Number.isInteger(runs) || runs < 1 || runs > 1e8) {
    throw new InvalidArgumentError('runs', runs, 'an integer from 1 to 100,000,000');
  }
  if (policy !== 'planned' && policy !== 'adaptive') throw new InvalidArgumentError('policy', policy, '"planned" or "adaptive"');
  return { runs, seed: checkSeed(options.seed), policy };
}

/** What one block of runs produced: per-country × category sums and route counts (by arc path). */
export interface BlockResult {
  /** [country, sums per category in CATEGORIES order], in order of first appearance in the block. */
  readonly cells: [string, Float64Array][];
  /** [arc path joined by ',', runs], in order of first appearance in the block. */
  readonly routes: [string, number][];
}

/** Everything a simulation needs that does not depend on the runs: resolved trip, planned route, streams. */
export interface Prepared {
  readonly trip: ResolvedTrip;
  readonly graph: ExpandedGraph;
  readonly policy: RoutePolicy;
  readonly seed: number;
  readonly plannedArcs: number[];
  readonly route: Route;
  /** Runs a range of runs (block-aligned start), writing totals into `samples` at `offset`. */
  runBlocks(fromRun: number, toRun: number, samples: Float64Array, offset: number): BlockResult[];
}

interface Elements {
  readonly streams: ElementStream[];
  readonly models: Part['model'][];
  /** arc index → element index of each of its parts */
  readonly partElements: Map<number, Int32Array>;
}

function elementsOf(graph: ExpandedGraph, arcIndices: Iterable<number>, seed: number): Elements {
  const index = new Map<string, number>();
  const streams: ElementStream[] = [];
  const models: Part['model'][] = [];
  const partElements = new Map<number, Int32Array>();
  for (const a of arcIndices) {
    const arc: Arc = graph.arcs[a]!;
    const ids = new Int32Array(arc.parts.length);
    arc.parts.forEach((p, k) => {
      let e = index.get(p.key);
      if (e === undefined) {
        e = streams.length;
        index.set(p.key, e);
        streams.push(new ElementStream(seed, p.key));
        models.push(p.model);
      }
      ids[k] = e;
    });
    partElements.set(a, ids);
  }
  return { streams, models, partElements };
}

/** Per-block accumulation of hours per country × category. */
class Cells {
  readonly map = new Map<string, Float64Array>();
  add(country: string, category: Category, hours: number): void {
    let row = this.map.get(country);
    if (row === undefined) this.map.set(country, (row = new Float64Array(CATEGORIES.length)));
    row[CATEGORIES.indexOf(category)]! += hours;
  }
}

/**
 * Resolve a simulation: check options, find the planned route, and return a runner for ranges of
 * runs. `null` when no route exists for the profile.
 */
export function prepareSimulation(network: Network, options: SimulateOptions): Prepared | null {
  const { seed, policy } = checkSimulateOptions(options);
  const trip = resolveTrip(network, options);
  const graph = trip.graph;
  const plannedArcs = shortestArcPath(graph, trip.sources, trip.targets);
  if (plannedArcs === null) return null;
  const route = routeFromArcs(trip, plannedArcs);
  const base = { trip, graph, policy, seed, plannedArcs, route };

  if (policy === 'planned') {
    const el = elementsOf(graph, plannedArcs, seed);
    const parts = plannedArcs.flatMap((a) => graph.arcs[a]!.parts);
    const ids = Int32Array.from(plannedArcs.flatMap((a) => [...el.partElements.get(a)!]));
    const models = el.models;
    const streams = el.streams;
    const values = new Float64Array(streams.length);
    const routeKey = plannedArcs.join(',');
    return {
      ...base,
      runBlocks(fromRun, toRun, samples, offset) {
        const out: BlockResult[] = [];
        const partSums = new Float64Array(parts.length);
        for (let start = fromRun; start < toRun; start += BLOCK_RUNS) {
          const end = Math.min(toRun, start + BLOCK_RUNS);
          partSums.fill(0);
          for (let run = start; run < end; run++) {
            for (let e = 0; e < values.length; e++) values[e] = drawPart(models[e]!, streams[e]!, run);
            let total = 0;
            for (let k = 0; k < ids.length; k++) {
              const h = values[ids[k]!]!;
              total += h;
              partSums[k]! += h;
            }
            samples[offset + run - fromRun] = total;
          }
          const cells = new Cells();
          parts.forEach((p, k) => cells.add(p.country, p.category, partSums[k]!));
          out.push({ cells: [...cells.map], routes: [[routeKey, end - start]] });
        }
        return out;
      },
    };
  }

  // Adaptive: draw every element once per run, weight every arc, re-route on the compiled graph
  // (reweighted in place; one workspace reused across runs).
  const all = graph.arcs.map((_, i) => i);
  const el = elementsOf(graph, all, seed);
  const compiled = compileExpanded(graph);
  const ws = createWorkspace(compiled.csr);
  const { csr } = compiled;
  const slotOf = csr.slotOf;
  const csrWeights = csr.weights;
  const values = new Float64Array(el.streams.length);
  const arcWeights = new Float64Array(graph.arcs.length);
  const arcIds = all.map((a) => el.partElements.get(a)!);
  const sources = Int32Array.from(trip.sources);
  const targets = Int32Array.from(trip.targets);
  return {
    ...base,
    runBlocks(fromRun, toRun, samples, offset) {
      const out: BlockResult[] = [];
      for (let start = fromRun; start < toRun; start += BLOCK_RUNS) {
        const end = Math.min(toRun, start + BLOCK_RUNS);
        const cells = new Cells();
        const routes = new Map<string, number>();
        for (let run = start; run < end; run++) {
          for (let e = 0; e < values.length; e++) values[e] = drawPart(el.models[e]!, el.streams[e]!, run);
          for (let a = 0; a < arcWeights.length; a++) {
            const ids = arcIds[a]!;
            let w = 0;
            for (let k = 0; k < ids.length; k++) w += values[ids[k]!]!;
            arcWeights[a] = w;
            csrWeights[slotOf[a]!] = w;
          }
          const path = shortestPath(csr, sources, targets, ws);
          if (path === null) throw new Error('internal: a route that exists on expected times must exist on every draw');
          let total = 0;
          for (let i = 0; i < path.arcs.length; i++) {
            const a = path.arcs[i]!;
            total += arcWeights[a]!;
            const ids = arcIds[a]!;
            const ps = graph.arcs[a]!.parts;
            for (let k = 0; k < ids.length; k++) cells.add(ps[k]!.country, ps[k]!.category, values[ids[k]!]!);
          }
          samples[offset + run - fromRun] = total;
          const key = path.arcs.join(',');
          routes.set(key, (routes.get(key) ?? 0) + 1);
        }
        out.push({ cells: [...cells.map], routes: [...routes] });
      }
      return out;
    },
  };
}

/** Combine block results (in block order) and samples into a `SimulationResult`. */
export function assembleResult(prep: Prepared, runs: number, samples: Float64Array, blocks: readonly BlockResult[]): SimulationResult {
  const totals = new Map<string, Float64Array>();
  const routeRuns = new Map<string, number>();
  for (const b of blocks) {
    for (const [country, sums] of b.cells) {
      let row = totals.get(country);
      if (row === undefined) totals.set(country, (row = new Float64Array(CATEGORIES.length)));
      for (let k = 0; k < sums.length; k++) row[k]! += sums[k]!;
    }
    for (const [key, n] of b.routes) routeRuns.set(key, (routeRuns.get(key) ?? 0) + n);
  }
  const byCategory = zeroCategories();
  const byCountry: CountryHours[] = [];
  for (const [country, row] of totals) {
    const cats = zeroCategories();
    let hours = 0;
    CATEGORIES.forEach((c, k) => {
      cats[c] = row[k]! / runs;
      byCategory[c] += cats[c];
      hours += cats[c];
    });
    byCountry.push({ country, hours, byCategory: cats });
  }
  const routes = [...routeRuns]
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => {
      const route = routeFromArcs(prep.trip, key === '' ? [] : key.split(',').map(Number));
      return { links: route.links, nodes: route.nodes, runs: n, share: n / runs };
    });
  const sorted = sortedCopy(samples);
  const maxHours = prep.graph.profile.maxHours;
  return {
    origin: prep.trip.originId,
    destination: prep.trip.destinationId,
    profile: prep.graph.profile.id,
    policy: prep.policy,
    seed: prep.seed,
    runs,
    samples,
    sorted,
    summary: summarize(samples, sorted),
    route: prep.route,
    byCountry,
    byCategory,
    routes,
    ...(maxHours !== undefined ? { maxHours: { hours: maxHours, probability: shareWithin(sorted, maxHours) } } : {}),
    probabilityWithin(days: number): number {
      if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) throw new InvalidArgumentError('days', days, 'a finite number of days >= 0');
      return shareWithin(sorted, days * 24);
    },
  };
}

/**
 * Simulate `runs` door-to-door trips. Stage durations, inspections (Bernoulli), ferry waits (from
 * the service's headway, with weather cancellations) and bridge closures are drawn from their
 * distributions with a seeded, counter-based generator: the same seed and inputs give identical
 * results, bit for bit (and identical to `simulateParallel` with any number of threads). Returns
 * `null` when no route exists for the profile.
 */
export function simulate(network: Network, options: SimulateOptions): SimulationResult | null {
  const prep = prepareSimulation(network, options);
  if (prep === null) return null;
  const runs = options.runs;
  const samples = new Float64Array(runs);
  const blocks = prep.runBlocks(0, runs, samples, 0);
  return assembleResult(prep, runs, samples, blocks);
}
