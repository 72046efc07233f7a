// The model against published figures: each target's figure computed on the network (common random
// numbers: one seed for every simulation), and whether it lands inside its band. A target whose
// mechanism the library or the network does not have (waypoints, regimes, a place's episodes) is reported as not
// evaluable, with what it needs, never as passing: a trip option the simulation ignores (the results
// with and without it are identical) or a waypoint the route does not pass marks the mechanism as
// missing, so the target evaluates as soon as the mechanism exists.
import { quantileSorted } from 'd3-array';
import { requireArray } from '../arguments.js';
import { InvalidArgumentError, TranscaspianError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import { patchFigures } from '../measures/patch-figures.js';
import type { Measure } from '../measures/types.js';
import { requireNetwork, type Network } from '../network/network.js';
import { fastestRoute } from '../route/fastest.js';
import { MONTH_NAMES } from '../simulate/by-month.js';
import { simulate, type SimulationResult } from '../simulate/montecarlo.js';
import { requireOptions, requireTargets } from './check-input.js';
import { closedShare, closureEpisodes, worstMonthWait } from './place-statistics.js';
import type { Target, TargetBand, TargetTrip, TargetsDocument, TripStatistic } from './targets.js';

/** Options of `validation`. */
export interface ValidationOptions {
  /** Monte Carlo runs per simulation (default 5,000). */
  readonly runs?: number;
  /** Seed shared by every simulation (default 1). */
  readonly seed?: number;
  /** Measures applied to the network first (default none): a scenario checked against the figures. */
  readonly measures?: readonly Measure[];
}

/** Where a target stands. */
export type TargetStatus = 'inside' | 'outside' | 'not-evaluable' | 'cross-check';

/** One row of the validation table. */
export interface TargetResult {
  readonly target: Target;
  readonly status: TargetStatus;
  /** The model's figure in the target's unit (`null` when not evaluable). */
  readonly model: number | boolean | null;
  /** For `not-evaluable`: what is missing, in words. */
  readonly needs?: string;
  /** What the figure was computed on (the route, the mechanism found missing…). */
  readonly detail?: string;
}

/** The result of `validation`. */
export interface Validation {
  readonly rows: readonly TargetResult[];
  /** Inside, outside, not evaluable and cross-checks, counted. */
  readonly score: { readonly inside: number; readonly outside: number; readonly notEvaluable: number; readonly crossChecks: number; readonly evaluable: number };
  readonly runs: number;
  readonly seed: number;
}

/** Options every target trip may carry that today's routing knows; any other is a mechanism's option. */
const ROUTE_OPTIONS: ReadonlySet<string> = new Set(['origin', 'destination', 'profile', 'avoid']);

/** A target that cannot be evaluated: the reason travels as this error within the module. */
class NotEvaluable extends Error {}

function statisticOf(sorted: Float64Array, samples: Float64Array, statistic: TripStatistic): number {
  if (statistic === 'mean') {
    let s = 0;
    for (const v of samples) s += v;
    return s / samples.length;
  }
  return quantileSorted(sorted as unknown as number[], Number(statistic.slice(1)) / 100)!;
}

/** Whether two simulations gave identical samples (a trip option that changed nothing). */
function same(a: SimulationResult, b: SimulationResult): boolean {
  if (a.samples.length !== b.samples.length) return false;
  for (let i = 0; i < a.samples.length; i++) if (a.samples[i] !== b.samples[i]) return false;
  return true;
}

/** Evaluates targets on one network with one seed, caching simulations shared by several targets. */
class Evaluator {
  private readonly cache = new Map<string, SimulationResult | null>();
  constructor(
    private readonly network: Network,
    private readonly runs: number,
    private readonly seed: number,
  ) {}

  private simulate(network: Network, trip: TargetTrip, tag: string): SimulationResult {
    const key = `${tag}|${JSON.stringify(trip)}`;
    let r = this.cache.get(key);
    if (r === undefined) {
      r = simulate(network, { ...trip, runs: this.runs, seed: this.seed } as never);
      this.cache.set(key, r);
    }
    if (r === null) {
      const via = Array.isArray(trip.via) ? ` via ${(trip.via as unknown[]).map(String).join(', ')}` : '';
      throw new NotEvaluable(`no route from ${trip.origin} to ${trip.destination}${via} for ${trip.profile}`);
    }
    return r;
  }

  /**
   * The simulation of a target's trip, after checking its mechanism options: a waypoint (`via`) the
   * route does not pass, or any other option that leaves the samples unchanged, means the mechanism
   * is missing.
   */
  tripResult(target: Target, trip: TargetTrip, network = this.network, tag = ''): SimulationResult {
    const r = this.simulate(network, trip, tag);
    const extra = Object.keys(trip).filter((k) => !ROUTE_OPTIONS.has(k));
    if (extra.length === 0) return r;
    const missing: string[] = [];
    const via = trip.via;
    if (via !== undefined) {
      const list = Array.isArray(via) ? (via as unknown[]).map(String) : [String(via)];
      const nodes = r.routes.flatMap((x) => x.nodes);
      const passes = list.every((v) => nodes.includes(v));
      if (!passes) missing.push(`via (the route does not pass ${list.join(', ')})`);
    }
    const others = extra.filter((k) => k !== 'via');
    if (others.length > 0) {
      const plain: Record<string, unknown> = { ...trip };
      for (const k of others) delete plain[k];
      if (same(r, this.simulate(network, plain as TargetTrip, tag))) missing.push(`${others.join(', ')} (no effect on the simulation)`);
    }
    if (missing.length > 0) throw new NotEvaluable(`${target.needs ?? 'a mechanism this version does not have'}; missing: ${missing.join('; ')}`);
    return r;
  }

  evaluate(target: Target): { model: number | boolean; detail?: string } {
    const m = target.measure;
    const days = target.unit === 'days' ? 24 : 1;
    switch (m.kind) {
      case 'trip': {
        const r = this.tripResult(target, m.trip);
        return { model: statisticOf(r.sorted, r.samples, m.statistic) / days, detail: `route ${r.route.nodes.join(' → ')}` };
      }
      case 'route-uses': {
        const { avoid, origin, destination, profile } = m.trip;
        const extra = Object.keys(m.trip).filter((k) => !ROUTE_OPTIONS.has(k));
        if (extra.length > 0) this.tripResult(target, m.trip);
        const route = fastestRoute(this.network, { origin, destination, profile, ...(avoid !== undefined ? { avoid } : {}) });
        if (route === null) throw new NotEvaluable(`no route from ${origin} to ${destination} for ${profile}`);
        return { model: route.nodes.some((n) => m.nodes.includes(n)), detail: `route ${route.nodes.join(' → ')}` };
      }
      case 'segment':
        return this.segment(target, m.trip, m.nodes, m.statistic);
      case 'ratio': {
        const a = this.tripResult(target, m.numerator.trip);
        const b = this.tripResult(target, m.denominator.trip);
        return { model: statisticOf(a.sorted, a.samples, m.numerator.statistic) / statisticOf(b.sorted, b.samples, m.denominator.statistic) };
      }
      case 'place':
        return this.place(target, m);
    }
  }

  /**
   * A place's statistic over the calendar from the episode mechanism: its closed share in the months
   * named (`closedShare`: exact expectation over the histories), or the worst departure month's p95
   * of the hours at it on the target's trip (`worstMonthWait`, on the evaluator's runs and seed).
   */
  private place(target: Target, m: Extract<Target['measure'], { kind: 'place' }>): { model: number; detail: string } {
    const network = this.network;
    if (!network.nodeById.has(m.node)) throw new NotEvaluable(`node ${m.node} is not in the network`);
    if (network.spec.calendar === undefined) throw new NotEvaluable(`${target.needs ?? 'the calendar'}; missing: the network has no calendar`);
    const episodes = (network.spec.episodes ?? []).filter((e) => 'node' in e.at && e.at.node === m.node);
    if (m.statistic === 'closed-share') {
      const months = m.months ?? [];
      if (closureEpisodes(network, m.node).length === 0) throw new NotEvaluable(`${target.needs ?? 'closures'}; missing: no closure episode at ${m.node}`);
      const share = closedShare(network, m.node, months)!;
      return { model: share, detail: `expected share of the hours of months ${months.join(', ')} of ${network.spec.calendar.referenceYear} that ${m.node} is closed by its episodes` };
    }
    if (episodes.length === 0) throw new NotEvaluable(`${target.needs ?? 'episodes'}; missing: no episode at ${m.node}`);
    const trip = m.trip!;
    const w = worstMonthWait(network, { ...trip, runs: this.runs, seed: this.seed } as never, m.node, 0.95);
    if (w === null) throw new NotEvaluable(`the route from ${trip.origin} to ${trip.destination} for ${trip.profile} does not pass ${m.node}`);
    return {
      model: target.unit === 'days' ? w.hours / 24 : w.hours,
      detail: `p95 of the hours at ${m.node} by departure month, worst ${MONTH_NAMES[w.month - 1]}, on the route ${w.route.join(' → ')}`,
    };
  }

  /**
   * Hours at `nodes` per run: the trip simulated as it is and with the stages of those nodes made
   * instantaneous, on the same seed; the per-run difference is exactly the stages' draws (common
   * random numbers), provided the planned route does not change.
   */
  private segment(target: Target, trip: TargetTrip, nodes: readonly string[], statistic: TripStatistic): { model: number; detail: string } {
    for (const id of nodes) if (!this.network.nodeById.has(id)) throw new NotEvaluable(`node ${id} is not in the network`);
    const full = this.tripResult(target, trip);
    const missing = nodes.filter((n) => !full.route.nodes.includes(n));
    if (missing.length > 0) throw new NotEvaluable(`the route does not pass ${missing.join(', ')}`);
    const changes = nodes.flatMap((node) =>
      (this.network.nodeById.get(node)!.stages ?? []).map((s) => ({ node, stage: s.id, field: 'durationHours', set: { type: 'fixed' as const, value: 0 } })),
    );
    if (changes.length === 0) return { model: 0, detail: `no stages at ${nodes.join(', ')}` };
    const without = applyMeasures(this.network, [patchFigures({ id: 'segment-removed', changes })]);
    const bare = this.tripResult(target, trip, without, `without ${nodes.join(',')}`);
    if (bare.route.links.join() !== full.route.links.join()) throw new NotEvaluable(`the route changes when the stages at ${nodes.join(', ')} are removed`);
    const d = new Float64Array(full.samples.length);
    for (let i = 0; i < d.length; i++) d[i] = full.samples[i]! - bare.samples[i]!;
    const sorted = Float64Array.from(d).sort();
    const hours = statisticOf(sorted, d, statistic);
    return { model: target.unit === 'days' ? hours / 24 : hours, detail: `stages at ${nodes.join(', ')} on the route ${full.route.nodes.join(' → ')}` };
  }
}

/** Whether a figure lies in a band (inclusive ends). */
export function inBand(model: number | boolean, band: TargetBand): boolean {
  if (typeof model !== 'number' && typeof model !== 'boolean') throw new InvalidArgumentError('model', model, 'a number or a boolean');
  if (typeof band !== 'object' || band === null) throw new InvalidArgumentError('band', band, 'a band { min?, max? } or { equals }');
  if (typeof model === 'boolean') return band.equals === model;
  return (band.min === undefined || model >= band.min) && (band.max === undefined || model <= band.max);
}

/**
 * Each target's model figure on `network` (after `options.measures`, when given), every simulation
 * with the same seed and runs, and whether it lies in its band. Targets: a trip's statistic (days;
 * `mean` or a percentile, R-7), whether the expected-time route passes given nodes, the hours at a
 * border pair per run (the trip simulated with and without the stages there, on the same seed), the
 * ratio of two trip statistics, a place's statistic over the calendar (the expected share of the
 * hours of given months it is closed by its episodes; the worst departure month's p95 of the hours
 * at it on a trip). A target whose trip options name a mechanism the library lacks — a waypoint the
 * route does not pass, an option that leaves the simulation unchanged — or whose place has no
 * calendar or no episodes in the network is `not-evaluable` with what it `needs`; a
 * target without a band is a `cross-check`. The score counts inside and outside among the evaluable.
 */
export function validation(network: Network, targets: TargetsDocument, options: ValidationOptions = {}): Validation {
  requireNetwork(network);
  requireTargets(targets);
  const { runs = 5000, seed = 1, measures = [] } = requireOptions<ValidationOptions>(options);
  requireArray(measures, 'options.measures', 'an array of measures');
  if (!Number.isInteger(runs) || runs < 2 || runs > 1e7) throw new InvalidArgumentError('runs', runs, 'an integer from 2 to 10,000,000');
  const checked = measures.length > 0 ? applyMeasures(network, measures) : network;
  const evaluator = new Evaluator(checked, runs, seed);
  const rows = targets.targets.map((target): TargetResult => {
    try {
      const { model, detail } = evaluator.evaluate(target);
      const status: TargetStatus = target.band === null ? 'cross-check' : inBand(model, target.band) ? 'inside' : 'outside';
      return { target, status, model, ...(detail !== undefined ? { detail } : {}) };
    } catch (e) {
      if (e instanceof NotEvaluable) return { target, status: 'not-evaluable', model: null, needs: e.message };
      // An option the library rejects (an unknown regime, a malformed waypoint) is a mechanism it lacks.
      if (e instanceof TranscaspianError) return { target, status: 'not-evaluable', model: null, needs: `${target.needs ?? 'an option this version rejects'}; ${e.message}` };
      throw e;
    }
  });
  const count = (s: TargetStatus): number => rows.filter((r) => r.status === s).length;
  const inside = count('inside');
  const outside = count('outside');
  return { rows, score: { inside, outside, notEvaluable: count('not-evaluable'), crossChecks: count('cross-check'), evaluable: inside + outside }, runs, seed };
}
