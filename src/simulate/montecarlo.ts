// Seeded Monte Carlo of door-to-door transit times. `planned`: the route is fixed on expected times,
// then every part along it is drawn. `adaptive`: every arc of the network is drawn, then the trip is
// re-routed on the realised times (the best an operator with perfect information could do).
//
// Runs are processed in blocks of BLOCK_RUNS; per-country sums and route counts are kept per block
// and combined in block order. Draws depend only on (seed, element, run), so any split of the blocks
// among threads (parallel.ts) gives results identical to this single-threaded loop, bit for bit.
import { InvalidArgumentError } from '../errors.js';
import { requireNetwork, type Network } from '../network/network.js';
import { CATEGORIES, type Category } from '../network/types.js';
import { shareWithin, sortedCopy, summarize, type Summary } from '../stats/summary.js';
import { adaptiveRunner } from './adaptive.js';
import type { ExpandedGraph } from '../route/expand.js';
import { checkSeed, mixRun } from './random.js';
import { resolveTrip, type ResolvedTrip, type RouteOptions } from '../route/trip.js';
import { routeFromArcs, type Route } from '../route/fastest.js';
import { zeroCategories, type CategoryHours, type CountryHours } from '../route/breakdown.js';
import { ElementTable } from './kernel.js';
import { shortestArcPath } from '../route/search.js';
import { regimeDepartureWindow, resolveRegime, withEpisodes } from './congestion/regime.js';
import { congestedTrip, congestionSettings, resolveCongestion, type CongestionOptions, type CongestionSettings, type ResolvedCongestion } from './congestion/settings.js';
import type { Part } from '../route/expand.js';
import { departureInstants, departureMonthsOf, resolveDeparture, type DepartureWindow, type ResolvedDeparture } from './calendar.js';
import { sortedWithMonths, type MonthSummary } from './by-month.js';
import { episodeTable, type Gate } from './episodes.js';
import { PlannedWalk } from './planned-walk.js';

/** Route policy of a simulation. */
export type RoutePolicy = 'planned' | 'adaptive';

/** Options of `simulate`. */
export interface SimulateOptions extends RouteOptions, CongestionOptions {
  /** Number of runs (draws), an integer ≥ 1. */
  readonly runs: number;
  /** Seed, an integer from 0 to 2^53 − 1. Same seed and inputs, identical results. */
  readonly seed: number;
  /** `planned` (default) or `adaptive`. */
  readonly policy?: RoutePolicy;
  /**
   * When the runs depart (each at a seeded instant of the window): a date, a month, a year or a
   * range of dates. Default: the network's reference year (`calendar.referenceYear`); without one,
   * the runs have no calendar time (and the network no episodes).
   */
  readonly departure?: DepartureWindow;
  /** `false` turns every episode of the network off (seasons, closures, throttles). Default `true`. */
  readonly seasons?: boolean;
  /** `true` makes episodes independent of each other (corridor-state factor 1). Default `false`. */
  readonly independent?: boolean;
}

/** The calendar settings a simulation ran with. */
export interface CalendarSettings {
  /** The departure window: instants in hours since 1970-01-01T00:00Z, and a label. */
  readonly departure: ResolvedDeparture;
  /** Episodes on (`seasons`) and how many processes were in play. */
  readonly seasons: boolean;
  readonly episodes: number;
  /** Correlation off (`independent`), and the σ of the corridor state in use (0 when off). */
  readonly independent: boolean;
  readonly sigma: number;
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
  /** Which waits the runs drew at capacity-limited places, at what volume, and (model) the places on the planned route. */
  readonly congestion: CongestionSettings;
  /** The calendar the runs were walked in; absent when they have none (no departure window and no reference year). */
  readonly calendar?: CalendarSettings;
  /** Each run's departure instant (hours since 1970-01-01T00:00Z), in run order; with `calendar`. */
  readonly departureHours?: Float64Array;
  /** Twelve entries, January first: the runs that departed in that month and their summary, or `null`; with `calendar`. */
  readonly byMonth?: readonly (MonthSummary | null)[];
}

/** Runs per block: the unit of work of threads and of accumulation. */
export const BLOCK_RUNS = 4096;

/** Checked numeric options. */
export function checkSimulateOptions(options: SimulateOptions): { runs: number; seed: number; policy: RoutePolicy; seasons: boolean; independent: boolean } {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object');
  const { runs, policy = 'planned', seasons = true, independent = false } = options;
  if (typeof seasons !== 'boolean') throw new InvalidArgumentError('seasons', seasons, 'true or false');
  if (typeof independent !== 'boolean') throw new InvalidArgumentError('independent', independent, 'true or false');
  if (typeof runs !== 'number' || !Number.isInteger(runs) || runs < 1 || runs > 1e8) {
    throw new InvalidArgumentError('runs', runs, 'an integer from 1 to 100,000,000');
  }
  if (policy !== 'planned' && policy !== 'adaptive') throw new InvalidArgumentError('policy', policy, '"planned" or "adaptive"');
  return { runs, seed: checkSeed(options.seed), policy, seasons, independent };
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
  readonly congestion: CongestionSettings;
  /** The congestion model the runs draw from (null in `surveyed` mode), to hand to workers. */
  readonly resolvedCongestion: ResolvedCongestion;
  /** The calendar the runs walk in, or undefined when they have none. */
  readonly calendar?: CalendarSettings;
  /** Runs a range of runs (block-aligned start), writing totals into `samples` at `offset`. */
  runBlocks(fromRun: number, toRun: number, samples: Float64Array, offset: number): BlockResult[];
  /** Called once no run is left to make: the episode table may then lend its memory to later simulations. Optional to call. */
  release(): void;
}

/**
 * Country × category cells numbered in order of first appearance (in arc order, then part order), so
 * hot loops accumulate into a Float64Array by index.
 */
class CellIndex {
  readonly countries: string[] = [];
  private readonly byCountry = new Map<string, number>();
  index(country: string, category: Category): number {
    let c = this.byCountry.get(country);
    if (c === undefined) {
      c = this.countries.length;
      this.countries.push(country);
      this.byCountry.set(country, c);
    }
    return c * CATEGORIES.length + CATEGORIES.indexOf(category);
  }
  /** Rows of `sums` for the countries in `order` (country numbers), in that order. */
  rows(sums: Float64Array, order: readonly number[]): [string, Float64Array][] {
    // (a loop, not `order.map` with a closure made per block: see `sumBlocks`)
    const k = CATEGORIES.length;
    const out: [string, Float64Array][] = [];
    for (const c of order) out.push([this.countries[c]!, sums.slice(c * k, (c + 1) * k)]);
    return out;
  }
}

/**
 * The planned route with no gate (no episodes, or none on it): each block's elements drawn
 * element-major straight into the runs' totals. A class, not a closure made per simulation: a
 * closure's optimised code goes with it at the next full collection, and a process running
 * simulations in turn compiled this loop again (and entered it by on-stack replacement) every few
 * simulations, 10–25 ms of compiler time each (`--trace-opt`); a method's code stays.
 */
class PlannedLoop {
  private readonly table: ElementTable;
  private readonly ids: Int32Array;
  private readonly elementCount: number;
  private readonly routeKey: string;
  private readonly cellIndex = new CellIndex();
  private readonly partCell: Int32Array;
  private readonly cellCount: number;
  private readonly countryOrder: number[];
  /** How many parts each element stands for (an element met by several parts, a stage shared by two stops, counts once per part). */
  private readonly times: Float64Array;
  private readonly mixes = new Int32Array(BLOCK_RUNS);
  private readonly totals = new Float64Array(BLOCK_RUNS);
  private readonly elementSums: Float64Array;

  constructor(graph: ExpandedGraph, plannedArcs: readonly number[], seed: number) {
    const table = new ElementTable(seed);
    this.table = table;
    const parts = plannedArcs.flatMap((a) => graph.arcs[a]!.parts);
    this.ids = Int32Array.from(parts.map((p) => table.row(p.key, p.model)));
    this.elementCount = table.count;
    this.routeKey = plannedArcs.join(',');
    this.partCell = Int32Array.from(parts.map((p) => this.cellIndex.index(p.country, p.category)));
    this.cellCount = this.cellIndex.countries.length * CATEGORIES.length;
    // Countries were numbered along the route, so their numbers are their order of appearance.
    this.countryOrder = this.cellIndex.countries.map((_, c) => c);
    this.times = new Float64Array(this.elementCount);
    for (const e of this.ids) this.times[e]!++;
    this.elementSums = new Float64Array(this.elementCount);
  }

  /** `Prepared.runBlocks`. */
  runBlocks(fromRun: number, toRun: number, samples: Float64Array, offset: number): BlockResult[] {
    const { table, ids, elementCount, partCell, cellCount, times, mixes, totals, elementSums } = this;
    const out: BlockResult[] = [];
    for (let start = fromRun; start < toRun; start += BLOCK_RUNS) {
      const n = Math.min(toRun, start + BLOCK_RUNS) - start;
      for (let r = 0; r < n; r++) mixes[r] = mixRun(start + r);
      // Element-major: each element draws its whole block straight into the run totals.
      totals.fill(0, 0, n);
      for (let e = 0; e < elementCount; e++) elementSums[e] = table.accumulate(e, mixes, n, totals, 0, times[e]!);
      const sums = new Float64Array(cellCount);
      for (let k = 0; k < ids.length; k++) sums[partCell[k]!]! += elementSums[ids[k]!]!;
      samples.set(totals.subarray(0, n), offset + start - fromRun);
      out.push({ cells: this.cellIndex.rows(sums, this.countryOrder), routes: [[this.routeKey, n]] });
    }
    return out;
  }
}

/**
 * Resolve a simulation: check options, find the planned route, and return a runner for ranges of
 * runs. `null` when no route exists for the profile.
 */
export function prepareSimulation(network: Network, options: SimulateOptions, prebuilt?: { readonly congestion: ResolvedCongestion }): Prepared | null {
  const { seed, policy, seasons, independent } = checkSimulateOptions(options);
  // With the congestion model on, the trip's graph carries the model's waits (surveyed: as it is).
  // A worker gets the model its main thread built (the same tables), rather than building it again.
  // A regime (the corridor of a period) is its own network: its services' capacity, its closed links.
  requireNetwork(network);
  const regime = options.regime === undefined ? null : resolveRegime(network, options.regime);
  const net = regime?.network ?? network;
  // Without a departure window, a regime's trip departs in its period (else the reference year).
  const departure = resolveDeparture(options.departure ?? regimeDepartureWindow(regime), network.spec.calendar?.referenceYear);
  // Walked in calendar time, a regime's overload window is a set of episodes on the runs' own dates.
  const congestion = prebuilt?.congestion ?? resolveCongestion(net, options, regime, seasons && departure !== null);
  const { trip, placesOfArc, avoided } = congestedTrip(resolveTrip(net, options), congestion);
  const graph = trip.graph;
  const plannedArcs = shortestArcPath(graph, trip.sources, trip.targets);
  if (plannedArcs === null) return null;
  const route = routeFromArcs(trip, plannedArcs);
  const sigma = independent ? 0 : (network.spec.correlation?.sigma ?? 0);
  // Validation makes a network with episodes declare a calendar, so episodes always have a departure window.
  const episodes = episodeTable(withEpisodes(net, congestion.episodes), seed, sigma, { seasons: seasons && departure !== null, independent, volumeFactor: congestion.volume }, departure?.fromHours ?? 0, departure?.toHours ?? 0);
  const calendar: CalendarSettings | undefined =
    departure === null ? undefined : { departure, seasons, episodes: episodes.count, independent, sigma: episodes.count > 0 ? sigma : 0 };
  let released = false;
  const base = {
    trip,
    graph,
    policy,
    seed,
    plannedArcs,
    route,
    congestion: congestionSettings(net, congestion, placesOfArc, avoided, plannedArcs),
    resolvedCongestion: congestion,
    ...(calendar !== undefined ? { calendar } : {}),
    release: () => {
      if (released) return;
      released = true;
      episodes.release();
    },
  };

  if (policy === 'planned' && episodes.count > 0 && departure !== null) {
    // The route cut at its gates: link episodes before the link's parts, node episodes after the stop's.
    const segments: Part[][] = [[]];
    const gates: Gate[] = [];
    for (const a of plannedArcs) {
      const arc = graph.arcs[a]!;
      const { pre, post } = episodes.gatesOf(arc);
      for (const gate of pre) {
        gates.push(gate);
        segments.push([]);
      }
      segments[segments.length - 1]!.push(...arc.parts);
      for (const gate of post) {
        gates.push(gate);
        segments.push([]);
      }
    }
    if (gates.length > 0) {
      const table = new ElementTable(seed);
      const cellIndex = new CellIndex();
      const walk = new PlannedWalk(table, segments, gates, episodes, departure, seed, cellIndex, BLOCK_RUNS);
      const cellCount = cellIndex.countries.length * CATEGORIES.length;
      const countryOrder = cellIndex.countries.map((_, c) => c);
      const routeKey = plannedArcs.join(',');
      return {
        ...base,
        runBlocks(fromRun, toRun, samples, offset) {
          const sums = walk.run(fromRun, toRun, samples, offset, cellCount);
          const out: BlockResult[] = [];
          for (let b = 0; b < sums.length; b++) {
            out.push({ cells: cellIndex.rows(sums[b]!, countryOrder), routes: [[routeKey, Math.min(toRun, fromRun + (b + 1) * BLOCK_RUNS) - (fromRun + b * BLOCK_RUNS)]] });
          }
          return out;
        },
      };
    }
  }

  if (policy === 'planned') {
    const loop = new PlannedLoop(graph, plannedArcs, seed);
    return { ...base, runBlocks: (fromRun, toRun, samples, offset) => loop.runBlocks(fromRun, toRun, samples, offset) };
  }

  // Adaptive: draw every arc that can lie on a route, re-route on the realised times (adaptive.ts).
  const cellIndex = new CellIndex();
  const run = adaptiveRunner(graph, trip.sources, trip.targets, seed, cellIndex, departure !== null && episodes.count > 0 ? { episodes, departure } : undefined);
  return {
    ...base,
    runBlocks(fromRun, toRun, samples, offset) {
      const out: BlockResult[] = [];
      for (let start = fromRun; start < toRun; start += BLOCK_RUNS) {
        const end = Math.min(toRun, start + BLOCK_RUNS);
        const block = run(start, end, samples, offset + start - fromRun);
        out.push({ cells: cellIndex.rows(block.sums, block.order), routes: block.routes });
      }
      return out;
    },
  };
}

/** What a result needs besides its runs: the trip's ids, how it was run, the planned route and the profile's limit. */
export interface ResultHeader {
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  readonly policy: RoutePolicy;
  readonly seed: number;
  readonly route: Route;
  /** The congestion the runs drew from (as `SimulationResult.congestion`). */
  readonly congestion: CongestionSettings;
  /** The profile's `maxHours` (cold chain), when it has one. */
  readonly maxHours?: number;
  /** The calendar the runs walk in (as `SimulationResult.calendar`), when they have one. */
  readonly calendar?: CalendarSettings;
}

/** The header of a prepared simulation. */
export function headerOf(prep: Prepared): ResultHeader {
  const maxHours = prep.trip.profile.maxHours;
  return {
    origin: prep.trip.originId,
    destination: prep.trip.destinationId,
    profile: prep.trip.profile.id,
    policy: prep.policy,
    seed: prep.seed,
    route: prep.route,
    congestion: prep.congestion,
    ...(maxHours !== undefined ? { maxHours } : {}),
    ...(prep.calendar !== undefined ? { calendar: prep.calendar } : {}),
  };
}

/** Combine block results (in block order) and samples into a `SimulationResult`. */
export function assembleResult(prep: Prepared, runs: number, samples: Float64Array, blocks: readonly BlockResult[]): SimulationResult {
  return assembleFrom(headerOf(prep), runs, samples, blocks, (key) => routeFromArcs(prep.trip, key === '' ? [] : key.split(',').map(Number)));
}

/**
 * Combine block results (in block order) and samples into a `SimulationResult`, given the header and
 * how to describe a route from its key in the blocks (a study's shards describe them as they go).
 */
export function assembleFrom(
  header: ResultHeader,
  runs: number,
  samples: Float64Array,
  blocks: readonly BlockResult[],
  routeOf: (key: string) => { readonly links: readonly string[]; readonly nodes: readonly string[] },
): SimulationResult {
  const { totals, routeRuns } = sumBlocks(blocks);
  const byCategory = zeroCategories();
  const byCountry: CountryHours[] = [];
  // (loops and a module-level comparator rather than closures made per call: see `sumBlocks`)
  for (const [country, row] of totals) {
    const cats = zeroCategories();
    let hours = 0;
    for (let k = 0; k < CATEGORIES.length; k++) {
      const c = CATEGORIES[k]!;
      cats[c] = row[k]! / runs;
      byCategory[c] += cats[c];
      hours += cats[c];
    }
    byCountry.push({ country, hours, byCategory: cats });
  }
  const routes: RouteShare[] = [];
  for (const [key, n] of [...routeRuns].sort(byRunsDescending)) {
    const route = routeOf(key);
    routes.push({ links: route.links, nodes: route.nodes, runs: n, share: n / runs });
  }
  const maxHours = header.maxHours;
  const calendar = header.calendar;
  // Departure instants depend only on (seed, run): recomputed here rather than carried back from workers (or shards).
  const months = calendar === undefined ? undefined : sortedWithMonths(samples, departureMonthsOf(calendar.departure, header.seed, runs));
  const sorted = months === undefined ? sortedCopy(samples) : months.sorted;
  const result: SimulationResult = {
    origin: header.origin,
    destination: header.destination,
    profile: header.profile,
    policy: header.policy,
    seed: header.seed,
    runs,
    samples,
    sorted,
    summary: summarize(samples, sorted),
    route: header.route,
    congestion: header.congestion,
    byCountry,
    byCategory,
    routes,
    ...(maxHours !== undefined ? { maxHours: { hours: maxHours, probability: shareWithin(sorted, maxHours) } } : {}),
    probabilityWithin(days: number): number {
      if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) throw new InvalidArgumentError('days', days, 'a finite number of days >= 0');
      return shareWithin(sorted, days * 24);
    },
    ...(calendar !== undefined && months !== undefined ? { calendar, byMonth: months.byMonth } : {}),
  };
  if (calendar !== undefined) lazyDepartures(result, calendar.departure, header.seed, runs);
  return result;
}

/** Routes by their runs, most first (a stable sort: ties keep their order of first appearance). */
function byRunsDescending(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1];
}

/**
 * The blocks' cell sums added up per country (in order of first appearance) and their runs per route.
 * A function of its own, apart from `assembleFrom`: a simulation calls that once, and with this loop
 * in it the compiler optimised the whole of it (summaries inlined) some simulations into a process,
 * 30–40 ms of compiler time, twice when its result objects changed shape.
 *
 * Closures a simulation makes for loops that run long enough to be optimised (a callback per block,
 * per country, per arc) lose their optimised code when they go, at the next full collection, and a
 * process running simulations in turn compiled them again every few simulations, 10–30 ms each
 * (`--trace-opt`): such loops here are written with plain loops, classes and module-level functions.
 */
function sumBlocks(blocks: readonly BlockResult[]): { totals: Map<string, Float64Array>; routeRuns: Map<string, number> } {
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
  return { totals, routeRuns };
}

/**
 * `result.departureHours`, computed when first read (then kept): they depend only on (seed, run),
 * and 8 bytes a run of fresh memory cost a simulation more than the draws of them (most callers
 * never read them; `compare` and the month tables use the months). An accessor that keeps its value
 * in its closure, so that a result frozen before the first read still reads it.
 */
function lazyDepartures(result: SimulationResult, window: ResolvedDeparture, seed: number, runs: number): void {
  let value: Float64Array | undefined;
  Object.defineProperty(result, 'departureHours', {
    enumerable: true,
    get: (): Float64Array => (value ??= departureInstants(window, seed, 0, runs)),
  });
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
  const result = assembleResult(prep, runs, samples, blocks);
  prep.release();
  return result;
}
