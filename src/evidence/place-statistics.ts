// Statistics of a place over the calendar, from the model's own episode mechanism (episodes.ts): the
// share of hours a place is closed in given months, and the worst month's p95 wait there.
//
// The closed share is the expectation over the histories the simulation draws from, computed
// exactly rather than sampled: an episode process is a Poisson process whose rate is its month's
// starts per hour times the corridor state's factor M of that month (lognormal, mean 1, independent
// from month to month), with independent durations D. An episode that started at s is under way at t
// when D > t − s, so the starts of month k under way at t number a Poisson count of mean
// M_k a_k(t), a_k(t) = λ_k (E[min(D, t − s0_k)] − E[min(D, t − s1_k)]) for the month's part
// [s0_k, s1_k] before t. The place is open at t when no closure is under way: probability
// Π_k E[exp(−M_k a_k(t))] (correlated processes of one place share the month's M_k), 0 inside a date
// window. Averaged over the hours of the months named, in the reference year.
import { bisectLeft } from 'd3-array';
import { dayNumber, isoDayNumber, monthDay } from '../network/dates.js';
import type { Network } from '../network/network.js';
import type { EpisodeSpec } from '../network/types.js';
import { departureMonths, runsByMonth } from '../simulate/by-month.js';
import { departureInstants, MONTH_STARTS, monthIndexOf, resolveDeparture } from '../simulate/calendar.js';
import { walkAlongRoute } from '../simulate/along-route.js';
import type { SimulateOptions } from '../simulate/montecarlo.js';
import { normalQuantile, quantileFn } from '../simulate/sample.js';
import { quantileOfSorted } from '../stats/summary.js';

const HOURS_PER_DAY = 24;
/** Points of the duration distribution's quantile grid (E[min(D, x)] from them). */
const DURATION_POINTS = 4096;
/** Points of the standard normal's quantile grid for the corridor state's expectation. */
const STATE_POINTS = 256;
/** The largest uniform the streams give: a duration's longest draw (as episodes.ts). */
const U_MAX = (4294967296 - 0.5) / 4294967296;

/** E[min(D, x)] for x ≥ 0 from D's quantile grid: sorted values and their prefix sums. */
class TruncatedMean {
  private readonly values: Float64Array;
  private readonly prefix: Float64Array;
  readonly longest: number;
  constructor(quantile: (u: number) => number) {
    const n = DURATION_POINTS;
    this.values = new Float64Array(n);
    for (let i = 0; i < n; i++) this.values[i] = Math.max(0, quantile((i + 0.5) / n));
    this.values.sort();
    this.prefix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) this.prefix[i + 1] = this.prefix[i]! + this.values[i]!;
    this.longest = Math.max(this.values[n - 1]!, quantile(U_MAX));
  }
  at(x: number): number {
    if (x <= 0) return 0;
    const v = this.values;
    // The durations below x count whole, the others as x.
    const lo = bisectLeft(v as unknown as number[], x);
    return (this.prefix[lo]! + (v.length - lo) * x) / v.length;
  }
}

/** A place's closure episodes (effect `closure`), whatever their modes: the place is closed while one is under way. */
export function closureEpisodes(network: Network, node: string): readonly EpisodeSpec[] {
  return (network.spec.episodes ?? []).filter((e) => 'node' in e.at && e.at.node === node && e.effect.type === 'closure');
}

/** The closed spans [start, end) in hours since 1970 of a windows episode, for the years `from` − 1 … `to`. */
function windowSpans(e: EpisodeSpec, fromYear: number, toYear: number): [number, number][] {
  const o = e.occurrence;
  if (o.type !== 'windows') return [];
  const spans: [number, number][] = (o.windows ?? []).map((w) => [isoDayNumber(w.from)! * HOURS_PER_DAY, (isoDayNumber(w.to)! + 1) * HOURS_PER_DAY]);
  for (const w of o.recurring ?? []) {
    const a = monthDay(w.from)!;
    const b = monthDay(w.to)!;
    const wraps = b.month < a.month || (b.month === a.month && b.day < a.day);
    for (let y = fromYear - 1; y <= toYear; y++) {
      spans.push([dayNumber(y, a.month, a.day) * HOURS_PER_DAY, (dayNumber(wraps ? y + 1 : y, b.month, b.day) + 1) * HOURS_PER_DAY]);
    }
  }
  return spans;
}

/** Options of `closedShare`. */
export interface ClosedShareOptions {
  /** The year whose months are averaged (default the network's `calendar.referenceYear`). */
  readonly year?: number;
  /** `true`: the corridor state's factor is 1 (as a simulation with `independent`). Default `false`. */
  readonly independent?: boolean;
}

/**
 * The expected share of the hours of calendar `months` (1–12) of the year during which `node` is
 * closed by its closure episodes (processes and date windows; see the file's header), as the
 * simulation's histories have it on average: σ from the network's `correlation`. 0 when the node
 * has no closure episode; `null` when there is no year (no option and no reference year).
 */
export function closedShare(network: Network, node: string, months: readonly number[], options: ClosedShareOptions = {}): number | null {
  const year = options.year ?? network.spec.calendar?.referenceYear;
  if (year === undefined) return null;
  const episodes = closureEpisodes(network, node);
  if (episodes.length === 0) return 0;
  const sigma = options.independent === true ? 0 : (network.spec.correlation?.sigma ?? 0);
  // The corridor state's factors on a quantile grid of z (their mean is 1 up to the grid).
  const factors = Float64Array.from({ length: STATE_POINTS }, (_, j) => Math.exp(sigma * normalQuantile((j + 0.5) / STATE_POINTS) - (sigma * sigma) / 2));
  const processes = episodes
    .filter((e) => e.occurrence.type === 'process')
    .map((e) => {
      const o = e.occurrence as Extract<EpisodeSpec['occurrence'], { type: 'process' }>;
      return { rates: o.startsPerMonth, durations: new TruncatedMean(quantileFn(o.durationHours)), correlated: e.correlated === true && sigma > 0 };
    });
  const spans = episodes.flatMap((e) => windowSpans(e, year, year + 1));
  const longest = Math.max(0, ...processes.map((p) => p.durations.longest));
  let closed = 0;
  let hours = 0;
  for (const month of [...new Set(months)]) {
    const m = monthIndexOf(Date.UTC(year, month - 1, 1) / 3.6e6 + 1);
    const from = MONTH_STARTS[m]!;
    const to = MONTH_STARTS[m + 1]!;
    // Hour midpoints: the months' hours are whole.
    for (let t = from + 0.5; t < to; t += 1) {
      hours++;
      if (spans.some(([a, b]) => t >= a && t < b)) {
        closed++;
        continue;
      }
      let open = 1;
      for (let k = monthIndexOf(t - longest); k <= m; k++) {
        const s0 = MONTH_STARTS[k]!;
        const s1 = Math.min(MONTH_STARTS[k + 1]!, t);
        const span = MONTH_STARTS[k + 1]! - s0;
        let shared = 0;
        let own = 0;
        for (const p of processes) {
          const a = (p.rates[k % 12]! / span) * (p.durations.at(t - s0) - p.durations.at(t - s1));
          if (p.correlated) shared += a;
          else own += a;
        }
        open *= Math.exp(-own);
        if (shared > 0) {
          let e = 0;
          for (const f of factors) e += Math.exp(-f * shared);
          open *= e / factors.length;
        }
      }
      closed += 1 - open;
    }
  }
  return hours === 0 ? 0 : closed / hours;
}

/** The wait at a node per departure month: the statistic, and where it is worst. */
export interface WorstMonthWait {
  /** The quantile's hours in the worst month. */
  readonly hours: number;
  /** That month (1–12). */
  readonly month: number;
  /** The quantile's hours per departure month, January first (NaN for a month without runs). */
  readonly byMonth: readonly number[];
  /** The planned route's nodes. */
  readonly route: readonly string[];
}

/**
 * The hours a consignment spends at `node` on the trip's planned route — from arriving to leaving it:
 * its stages and queues, and the holds of the node's episodes (closures, throttles and the backlog
 * they leave) — run by run as `simulate` draws them (planned policy, same seed), grouped by the
 * calendar month of departure; the `quantile` (0–1) of each month's runs, and the worst month.
 * `null` when the trip has no route or its planned route does not pass `node`.
 */
export function worstMonthWait(network: Network, trip: SimulateOptions, node: string, quantile: number): WorstMonthWait | null {
  const walk = walkAlongRoute(network, trip);
  if (walk === null) return null;
  const { runs, cumulative, arcs } = walk;
  const at = arcs.flatMap((a, k) => (a.type === 'stop' && a.node!.id === node ? [k] : []));
  if (at.length === 0) return null;
  const waits = new Float64Array(runs);
  for (const k of at) for (let r = 0; r < runs; r++) waits[r] = waits[r]! + cumulative[(k + 1) * runs + r]! - cumulative[k * runs + r]!;
  // Without an episode on the route the walk has no departures: the runs' instants are drawn as simulate draws them.
  let departs = walk.departureHours;
  if (departs === null) {
    const window = resolveDeparture(trip.departure, network.spec.calendar?.referenceYear);
    departs = window === null ? new Float64Array(runs) : departureInstants(window, trip.seed, 0, runs);
  }
  const byMonth = runsByMonth(departureMonths(departs)).map((ids) => {
    if (ids.length === 0) return NaN;
    const x = Float64Array.from(ids, (r) => waits[r]!).sort();
    return quantileOfSorted(x, quantile);
  });
  // The worst month: the largest figure among the months with runs (January on a tie).
  let month = -1;
  byMonth.forEach((v, i) => {
    if (Number.isFinite(v) && (month < 0 || v > byMonth[month]!)) month = i;
  });
  if (month < 0) return null;
  return { hours: byMonth[month]!, month: month + 1, byMonth, route: walk.route.nodes };
}
