// Seeded Monte Carlo of door-to-door transit times. `planned`: the route is fixed on expected times,
// then every part along it is drawn. `adaptive`: every arc of the network is drawn, then the trip is
// re-routed on the realised times (the best an operator with perfect information could do).
import { InvalidArgumentError } from '../errors.js';
import type { Network } from '../network/network.js';
import { CATEGORIES, type Category } from '../network/types.js';
import { shareWithin, sortedCopy, summarize, type Summary } from '../stats/summary.js';
import type { Arc, ExpandedGraph, Part } from './expand.js';
import { ElementStream, checkSeed } from './random.js';
import { resolveTrip, routeFromArcs, zeroCategories, type CategoryHours, type CountryHours, type Route, type RouteOptions } from './route.js';
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

function checkOptions(options: SimulateOptions): { runs: number; seed: number; policy: RoutePolicy } {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object');
  const { runs, policy = 'planned' } = options;
  if (typeof runs !== 'number' || !Number.isInteger(runs) || runs < 1 || runs > 1e8) {
    throw new InvalidArgumentError('runs', runs, 'an integer from 1 to 100,000,000');
  }
  if (policy !== 'planned' && policy !== 'adaptive') throw new InvalidArgumentError('policy', policy, '"planned" or "adaptive"');
  return { runs, seed: checkSeed(options.seed), policy };
}

/** Accumulates per-country × category hours over runs (sums, divided by runs at the end). */
class Accumulator {
  private readonly cells = new Map<string, Float64Array>();
  add(country: string, category: Category, hours: number): void {
    let row = this.cells.get(country);
    if (row === undefined) this.cells.set(country, (row = new Float64Array(CATEGORIES.length)));
    row[CATEGORIES.indexOf(category)]! += hours;
  }
  means(runs: number): { byCountry: CountryHours[]; byCategory: CategoryHours } {
    const byCategory = zeroCategories();
    const byCountry: CountryHours[] = [];
    for (const [country, row] of this.cells) {
      const cats = zeroCategories();
      let hours = 0;
      CATEGORIES.forEach((c, k) => {
        cats[c] = row[k]! / runs;
        byCategory[c] += cats[c];
        hours += cats[c];
      });
      byCountry.push({ country, hours, byCategory: cats });
    }
    return { byCountry, byCategory };
  }
}

/** The random elements of a set of arcs: one stream per distinct part key, and each arc's parts mapped to it. */
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

function finish(
  base: { origin: string; destination: string; profile: string; policy: RoutePolicy; seed: number; runs: number; route: Route },
  samples: Float64Array,
  acc: Accumulator,
  routeCounts: Map<string, { arcs: number[]; runs: number }>,
  toRoute: (arcs: number[]) => Route,
  maxHours: number | undefined,
): SimulationResult {
  const sorted = sortedCopy(samples);
  const { byCountry, byCategory } = acc.means(base.runs);
  const routes = [...routeCounts.values()]
    .sort((a, b) => b.runs - a.runs)
    .map((r) => {
      const route = toRoute(r.arcs);
      return { links: route.links, nodes: route.nodes, runs: r.runs, share: r.runs / base.runs };
    });
  const result: SimulationResult = {
    ...base,
    samples,
    sorted,
    summary: summarize(samples, sorted),
    byCountry,
    byCategory,
    routes,
    ...(maxHours !== undefined ? { maxHours: { hours: maxHours, probability: shareWithin(sorted, maxHours) } } : {}),
    probabilityWithin(days: number): number {
      if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) throw new InvalidArgumentError('days', days, 'a finite number of days >= 0');
      return shareWithin(sorted, days * 24);
    },
  };
  return result;
}

/**
 * Simulate `runs` door-to-door trips. Stage durations, inspections (Bernoulli), ferry waits (from
 * the service's headway, with weather cancellations) and bridge closures are drawn from their
 * distributions with a seeded, counter-based generator: the same seed and inputs give identical
 * results, bit for bit. Returns `null` when no route exists for the profile.
 */
export function simulate(network: Network, options: SimulateOptions): SimulationResult | null {
  const { runs, seed, policy } = checkOptions(options);
  const trip = resolveTrip(network, options);
  const graph = trip.graph;
  const plannedArcs = shortestArcPath(graph, trip.sources, trip.targets);
  if (plannedArcs === null) return null;
  const route = routeFromArcs(trip, plannedArcs);
  const base = { origin: trip.originId, destination: trip.destinationId, profile: graph.profile.id, policy, seed, runs, route };
  const samples = new Float64Array(runs);
  const acc = new Accumulator();
  const routeCounts = new Map<string, { arcs: number[]; runs: number }>();
  const toRoute = (arcs: number[]): Route => routeFromArcs(trip, arcs);
  const maxHours = graph.profile.maxHours;

  if (policy === 'planned') {
    const el = elementsOf(graph, plannedArcs, seed);
    const parts = plannedArcs.flatMap((a) => graph.arcs[a]!.parts);
    const ids = Int32Array.from(plannedArcs.flatMap((a) => [...el.partElements.get(a)!]));
    const values = new Float64Array(el.streams.length);
    const partSums = new Float64Array(parts.length);
    for (let run = 0; run < runs; run++) {
      for (let e = 0; e < values.length; e++) values[e] = drawPart(el.models[e]!, el.streams[e]!, run);
      let total = 0;
      for (let k = 0; k < parts.length; k++) {
        const h = values[ids[k]!]!;
        total += h;
        partSums[k]! += h;
      }
      samples[run] = total;
    }
    parts.forEach((p, k) => acc.add(p.country, p.category, partSums[k]!));
    routeCounts.set(plannedArcs.join(','), { arcs: plannedArcs, runs });
    return finish(base, samples, acc, routeCounts, toRoute, maxHours);
  }

  // Adaptive: draw every element once per run, weight every arc, re-route.
  const all = graph.arcs.map((_, i) => i);
  const el = elementsOf(graph, all, seed);
  const values = new Float64Array(el.streams.length);
  const weights = new Float64Array(graph.arcs.length);
  for (let run = 0; run < runs; run++) {
    for (let e = 0; e < values.length; e++) values[e] = drawPart(el.models[e]!, el.streams[e]!, run);
    for (let a = 0; a < weights.length; a++) {
      const ids = el.partElements.get(a)!;
      let w = 0;
      for (let k = 0; k < ids.length; k++) w += values[ids[k]!]!;
      weights[a] = w;
    }
    const arcs = shortestArcPath(graph, trip.sources, trip.targets, weights);
    if (arcs === null) throw new Error('internal: a route that exists on expected times must exist on every draw');
    let total = 0;
    for (const a of arcs) {
      total += weights[a]!;
      const ids = el.partElements.get(a)!;
      graph.arcs[a]!.parts.forEach((p, k) => acc.add(p.country, p.category, values[ids[k]!]!));
    }
    samples[run] = total;
    const key = arcs.join(',');
    const seen = routeCounts.get(key);
    if (seen === undefined) routeCounts.set(key, { arcs, runs: 1 });
    else routeCounts.set(key, { arcs: seen.arcs, runs: seen.runs + 1 });
  }
  return finish(base, samples, acc, routeCounts, toRoute, maxHours);
}
