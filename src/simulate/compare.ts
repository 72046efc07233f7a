// Paired before/after comparison on common random numbers: the same seed gives the same draws for
// the same stages, links and structures in both networks, so run i of "after" differs from run i of
// "before" only by what changed. The difference then has a much smaller variance than two
// independent runs would give.
import { requireShape } from '../arguments.js';
import { InvalidArgumentError } from '../errors.js';
import type { Network } from '../network/network.js';
import { CATEGORIES } from '../network/types.js';
import { quantileDifference } from '../stats/quantile-difference.js';
import { t975 } from '../stats/student-t.js';
import { quantileOfSorted, shareWithin, type Summary } from '../stats/summary.js';
import { runsByMonth } from './by-month.js';
import { departureMonthsOf, type ResolvedDeparture } from './calendar.js';
import { ElementStream } from './random.js';
import { simulate, type SimulateOptions, type SimulationResult } from './montecarlo.js';
import { zeroCategories, type CategoryHours } from '../route/breakdown.js';
import type { Interval } from '../stats/interval.js';

export type { Interval } from '../stats/interval.js';

/**
 * The fewest runs beyond a quantile, on each side, for its interval: below it (say p95 with fewer
 * than 100 runs) the order statistics around the quantile, or a resampled quantile, hardly move and
 * the interval would look far narrower than it is, so none is given.
 */
export const MIN_TAIL_RUNS = 5;

/** Options of `compare`. */
export interface CompareOptions extends SimulateOptions {
  /** Report the change in the probability of arriving within this many days. */
  readonly withinDays?: number;
  /**
   * Quantile intervals by a seeded paired bootstrap with this many resamples (20 … 100,000) instead
   * of the default order-statistic intervals: about the same intervals, but each resample sorts 2n
   * values, so it costs far more than the simulation itself.
   */
  readonly bootstrap?: number;
}

/** Per-country change in mean hours. */
export interface CountryDelta {
  readonly country: string;
  readonly beforeHours: number;
  readonly afterHours: number;
  /** after − before (negative: time saved). */
  readonly deltaHours: number;
}

/** Differences after − before (negative means faster), each with a 95% interval. */
export interface Difference {
  /** Mean of the paired differences; interval mean ± 1.96 · sd / √n. */
  readonly meanHours: Interval;
  /** Quantile differences; intervals from order statistics (or a paired bootstrap, when asked). */
  readonly p50Hours: Interval;
  readonly p90Hours: Interval;
  readonly p95Hours: Interval;
}

/** The paired comparison of the runs that departed in one calendar month. */
export interface MonthDifference {
  /** 1 = January … 12 = December. */
  readonly month: number;
  readonly runs: number;
  readonly before: Summary;
  readonly after: Summary;
  /** Mean of the month's paired differences (after − before), with mean ± 1.96 · sd / √n. */
  readonly meanHours: Interval;
  /** Differences of the month's quantiles, after − before (no interval: the month's runs are few). */
  readonly p50Hours: number;
  readonly p90Hours: number;
  readonly p95Hours: number;
}

/** The result of `compare`. */
export interface Comparison {
  readonly before: SimulationResult;
  readonly after: SimulationResult;
  readonly difference: Difference;
  readonly byCountry: readonly CountryDelta[];
  readonly byCategory: { readonly before: CategoryHours; readonly after: CategoryHours; readonly delta: CategoryHours };
  /** Probability of arriving within `withinDays`, when asked. */
  readonly within?: { readonly days: number; readonly before: number; readonly after: number; readonly delta: number };
  /** Probability of arriving within the profile's `maxHours` (cold chain), when it has one. */
  readonly maxHours?: { readonly hours: number; readonly before: number; readonly after: number; readonly delta: number };
  /** Twelve entries, January first: the paired comparison of the runs departing that month, or `null`; when the runs have calendar time. */
  readonly byMonth?: readonly (MonthDifference | null)[];
}

/** Mean of paired differences with its 95% interval (mean ± 1.96 · sd / √n; ± 0 for one pair). */
function meanInterval(d: Float64Array): Interval {
  const n = d.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i]! - mean) ** 2;
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
  return { estimate: mean, low: mean - 1.96 * se, high: mean + 1.96 * se };
}

/** The paired comparison by departure month (both simulations share their departures). */
function differenceByMonth(b: SimulationResult, a: SimulationResult): (MonthDifference | null)[] | undefined {
  if (b.calendar === undefined || b.byMonth === undefined || a.byMonth === undefined) return undefined;
  const calendar = requireShape<{ departure: unknown }>(b.calendar, 'before.calendar', 'the calendar of a SimulationResult from simulate', { departure: 'object' });
  const window = requireShape<ResolvedDeparture>(calendar.departure, 'before.calendar.departure', 'a departure window { fromHours, toHours }', { fromHours: 'number', toHours: 'number' });
  if (!(Number.isFinite(window.fromHours) && window.toHours > window.fromHours)) throw new InvalidArgumentError('before.calendar.departure', window, 'a departure window with finite fromHours < toHours');
  if (!Number.isSafeInteger(b.seed)) throw new InvalidArgumentError('before.seed', b.seed, 'the seed of a SimulationResult from simulate');
  const groups = runsByMonth(departureMonthsOf(window, b.seed, b.runs));
  return groups.map((runs, i) => {
    const bm = b.byMonth![i];
    const am = a.byMonth![i];
    if (runs.length === 0 || bm === null || am === null || bm === undefined || am === undefined) return null;
    const d = new Float64Array(runs.length);
    for (let k = 0; k < runs.length; k++) d[k] = a.samples[runs[k]!]! - b.samples[runs[k]!]!;
    return {
      month: i + 1,
      runs: runs.length,
      before: bm.summary,
      after: am.summary,
      meanHours: meanInterval(d),
      p50Hours: am.summary.p50Hours - bm.summary.p50Hours,
      p90Hours: am.summary.p90Hours - bm.summary.p90Hours,
      p95Hours: am.summary.p95Hours - bm.summary.p95Hours,
    };
  });
}

function percentile(values: Float64Array, p: number): number {
  return quantileOfSorted(Float64Array.from(values).sort(), p);
}

/** Percentile intervals of quantile differences from a paired bootstrap, drawn from a stream of its own (seeded like the runs). */
function bootstrapIntervals(b: SimulationResult, a: SimulationResult, probs: readonly number[], resamples: number, seed: number, hasInterval: (p: number) => boolean): Interval[] {
  const n = b.runs;
  const stream = new ElementStream(seed, 'compare|bootstrap');
  const boot = probs.map(() => new Float64Array(resamples));
  const rb = new Float64Array(n);
  const ra = new Float64Array(n);
  for (let r = 0; r < (hasInterval(probs[0]!) ? resamples : 0); r++) {
    for (let k = 0; k < n; k++) {
      const i = Math.floor(stream.uniform(r, k) * n);
      rb[k] = b.samples[i]!;
      ra[k] = a.samples[i]!;
    }
    rb.sort();
    ra.sort();
    probs.forEach((p, j) => (boot[j]![r] = quantileOfSorted(ra, p) - quantileOfSorted(rb, p)));
  }
  return probs.map((p, j) => ({
    estimate: quantileOfSorted(a.sorted, p) - quantileOfSorted(b.sorted, p),
    low: hasInterval(p) ? percentile(boot[j]!, 0.025) : null,
    high: hasInterval(p) ? percentile(boot[j]!, 0.975) : null,
  }));
}

/**
 * Simulate `before` and `after` with the same options and seed (common random numbers), and report
 * the paired differences in mean, p50, p90 and p95 with 95% intervals (the mean's by Student t, from
 * 2 runs; a quantile's from order statistics — or a paired bootstrap, with `bootstrap` — when at
 * least `MIN_TAIL_RUNS` runs lie beyond it on each side; otherwise `low` and `high` are null),
 * per-country and per-category deltas of mean hours, and the change in on-time probabilities.
 * Returns `null` when either network has no route for the trip.
 */
export function compare(before: Network, after: Network, options: CompareOptions): Comparison | null {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object');
  const { bootstrap, withinDays } = options;
  if (bootstrap !== undefined && (!Number.isInteger(bootstrap) || bootstrap < 20 || bootstrap > 100000)) {
    throw new InvalidArgumentError('bootstrap', bootstrap, 'an integer from 20 to 100,000');
  }
  if (withinDays !== undefined && !(typeof withinDays === 'number' && Number.isFinite(withinDays) && withinDays >= 0)) {
    throw new InvalidArgumentError('withinDays', withinDays, 'a finite number of days >= 0');
  }
  const b = simulate(before, options);
  const a = simulate(after, options);
  if (b === null || a === null) return null;
  return compareResults(b, a, options);
}

/**
 * The comparison of two simulations of the same trip with the same runs and seed (`compare` without
 * simulating): paired differences with their intervals, deltas per country and category, on-time
 * and cold-chain probabilities. `options` takes `withinDays`, `bootstrap` and the `seed` (of the
 * bootstrap's stream), as `compare` does; they are not checked again here.
 */
export function compareResults(b: SimulationResult, a: SimulationResult, options: Pick<CompareOptions, 'withinDays' | 'bootstrap' | 'seed'>): Comparison {
  const result = 'a SimulationResult from simulate';
  const fields = { runs: 'number', samples: 'samples', sorted: 'samples', summary: 'object', byCountry: 'array', byCategory: 'object' } as const;
  requireShape(b, 'before', result, fields);
  requireShape(a, 'after', result, fields);
  if (a.runs !== b.runs || a.samples.length !== b.runs || b.samples.length !== b.runs) throw new InvalidArgumentError('after.runs', a.runs, `the runs of before (${b.runs}), from the same trip, runs and seed`);
  requireShape(options, 'options', 'options { withinDays?, bootstrap?, seed }', { seed: 'number' });
  const { bootstrap, withinDays } = options;
  const n = b.runs;
  const d = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d[i] = a.samples[i]! - b.samples[i]!;
  const meanD = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i]! - meanD) ** 2;
  // Student t: a 95% interval from 2 runs on; one run has none.
  const half = n > 1 ? t975(n - 1) * Math.sqrt(ss / (n - 1) / n) : null;
  const probs = [0.5, 0.9, 0.95] as const;
  const hasInterval = (p: number): boolean => n * Math.min(p, 1 - p) >= MIN_TAIL_RUNS;

  const intervals =
    bootstrap === undefined
      ? probs.map((p): Interval => {
          const q = quantileDifference(a.samples, b.samples, a.sorted, b.sorted, p);
          return hasInterval(p) ? q : { estimate: q.estimate, low: null, high: null };
        })
      : bootstrapIntervals(b, a, probs, bootstrap, options.seed, hasInterval);

  const countries = new Map<string, { before: number; after: number }>();
  for (const c of b.byCountry) countries.set(c.country, { before: c.hours, after: 0 });
  for (const c of a.byCountry) countries.set(c.country, { before: countries.get(c.country)?.before ?? 0, after: c.hours });
  const delta = zeroCategories();
  for (const c of CATEGORIES) delta[c] = a.byCategory[c] - b.byCategory[c];
  const profileMax = b.maxHours;
  const byMonth = differenceByMonth(b, a);
  return {
    before: b,
    after: a,
    difference: {
      meanHours: { estimate: meanD, low: half === null ? null : meanD - half, high: half === null ? null : meanD + half },
      p50Hours: intervals[0]!,
      p90Hours: intervals[1]!,
      p95Hours: intervals[2]!,
    },
    byCountry: [...countries].map(([country, v]) => ({ country, beforeHours: v.before, afterHours: v.after, deltaHours: v.after - v.before })),
    byCategory: { before: b.byCategory, after: a.byCategory, delta },
    ...(withinDays !== undefined
      ? (() => {
          const pb = b.probabilityWithin(withinDays);
          const pa = a.probabilityWithin(withinDays);
          return { within: { days: withinDays, before: pb, after: pa, delta: pa - pb } };
        })()
      : {}),
    ...(profileMax !== undefined
      ? (() => {
          const pb = shareWithin(b.sorted, profileMax.hours);
          const pa = shareWithin(a.sorted, profileMax.hours);
          return { maxHours: { hours: profileMax.hours, before: pb, after: pa, delta: pa - pb } };
        })()
      : {}),
    ...(byMonth !== undefined ? { byMonth } : {}),
  };
}
