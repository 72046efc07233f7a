// Drawing durations by inverse CDF. With common random numbers, a distribution scaled down gives a
// pointwise smaller draw, and a lower probability a subset of occurrences: so a measure that only
// cuts durations never lengthens a paired sample.
import { exp } from './exp.js';
import { lognormalParams, meanOf } from '../network/distribution.js';
import type { Distribution } from '../network/types.js';
import type { PartModel } from '../route/expand.js';
import { normalQuantile } from '../stats/normal-quantile.js';
import { mixRun, type ElementStream } from './random.js';
import { tableQuantile } from './congestion/table.js';

export { normalQuantile };

/** The u-quantile of a distribution (inverse CDF), u in (0, 1). */
export function quantileOf(d: Distribution, u: number): number {
  switch (d.type) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      // a + √(u (b − a)(c − a)) written as a + (b − a)√(u F(c)): the product of two tiny spreads
      // underflowed (a 1e-162 h triangular drew −6e-163), while (b − a) × a root ≤ 1 stays in [0, b − a].
      const { min: a, mode: c, max: b } = d;
      if (b === a) return a;
      const w = b - a;
      const fc = (c - a) / w;
      return u < fc ? a + w * Math.sqrt(u * fc) : b - w * Math.sqrt((1 - u) * (1 - fc));
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return exp(mu + sigma * normalQuantile(u));
    }
    case 'empirical':
      return d.values[Math.min(d.values.length - 1, Math.floor(u * d.values.length))]!;
  }
}

/**
 * The u-quantile of the length-biased version of a distribution (density ∝ x f(x)): the headway a
 * random arrival falls into. Closed forms where they exist; safeguarded Newton on the CDF for the
 * triangular.
 */
export function lengthBiasedQuantileOf(d: Distribution, u: number): number {
  let fn = lengthBiasedCache.get(d);
  if (fn === undefined) lengthBiasedCache.set(d, (fn = lengthBiasedFn(d)));
  return fn(u);
}

/** `lengthBiasedFn` per distribution object, so per-draw callers (the queue model) build it once. */
const lengthBiasedCache = new WeakMap<Distribution, (u: number) => number>();

/** `lengthBiasedQuantileOf` for one distribution, with its constants computed once. */
export function lengthBiasedFn(d: Distribution): (u: number) => number {
  switch (d.type) {
    case 'fixed': {
      const v = d.value;
      return () => v;
    }
    case 'uniform': {
      const a2 = d.min * d.min;
      const span = d.max * d.max - a2;
      return (u) => Math.sqrt(a2 + u * span);
    }
    case 'lognormal': {
      // The length-biased lognormal is lognormal with μ + σ².
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      const m = mu + sigma * sigma;
      return (u) => exp(m + sigma * normalQuantile(u));
    }
    case 'empirical': {
      const values = d.values;
      let total = 0;
      for (const v of values) total += v;
      return (u) => {
        if (total === 0) return 0;
        let acc = 0;
        const target = u * total;
        for (const v of values) {
          acc += v;
          if (target < acc) return v;
        }
        return values[values.length - 1]!;
      };
    }
    case 'triangular': {
      if (d.max === d.min) {
        const v = d.min;
        return () => v;
      }
      const table = biasedTriangularTable(d);
      return (u) => biasedTriangularQuantile(table, 0, u);
    }
  }
}

/** Knots of the length-biased triangular quantile's starting table. */
const KNOTS = 256;

// The length-biased triangular quantile, as a table of constants and a plain function of it, so
// that the Monte Carlo kernel can keep many tables in one array and call one monomorphic function.
// Its CDF and density (of x·f(x) / E[X]) are piecewise cubic and monotone; Newton steps, kept
// inside a shrinking bracket (bisection when a step leaves it), start from a cubic-Hermite
// interpolation between solved knots.
const BT_A = 0;
const BT_C = 1;
const BT_B = 2;
/** 2 / (b − a) / E[X]. */
const BT_K = 3;
/** c − a and b − c. */
const BT_RISE = 4;
const BT_FALL = 5;
/** Newton's tolerance in x: 1e-12 (b − a). */
const BT_TOL = 6;
/** The plain triangular quantile's constants: F(c), (b − a)(c − a), (b − a)(b − c). */
const BT_FC = 7;
const BT_KL = 8;
const BT_KR = 9;
/** Knots x_i = Q(i / KNOTS), i = 0 … KNOTS, then slopes Q'(i / KNOTS) / KNOTS. */
const BT_KNOTS = 10;
const BT_SLOPES = BT_KNOTS + KNOTS + 1;
/** Length of one table. */
export const BIASED_TRIANGULAR_SIZE = BT_SLOPES + KNOTS + 1;

/**
 * The constants of a (non-degenerate, max > min) triangular distribution's length-biased quantile,
 * for `biasedTriangularQuantile`. Cached per distribution object.
 */
export function biasedTriangularTable(d: Extract<Distribution, { type: 'triangular' }>): Float64Array {
  let t = biasedTriangularCache.get(d);
  if (t !== undefined) return t;
  const { min: a, mode: c, max: b } = d;
  if (!(b > a)) throw new Error('internal: a length-biased triangular table needs max > min');
  t = new Float64Array(BIASED_TRIANGULAR_SIZE);
  const mean = (a + c + b) / 3;
  t[BT_A] = a;
  t[BT_C] = c;
  t[BT_B] = b;
  t[BT_K] = 2 / (b - a) / mean;
  t[BT_RISE] = c - a;
  t[BT_FALL] = b - c;
  t[BT_TOL] = 1e-12 * (b - a);
  t[BT_FC] = (c - a) / (b - a);
  t[BT_KL] = (b - a) * (c - a);
  t[BT_KR] = (b - a) * (b - c);
  for (let i = 0; i <= KNOTS; i++) {
    const x = i === 0 ? a : i === KNOTS ? b : biasedTriangularSolve(t, 0, i / KNOTS, plainTriangular(t, 0, i / KNOTS));
    t[BT_KNOTS + i] = x;
    const g = biasedTriangularDensity(t, 0, x);
    t[BT_SLOPES + i] = g > 0 ? 1 / (KNOTS * g) : 0;
  }
  biasedTriangularCache.set(d, t);
  return t;
}

const biasedTriangularCache = new WeakMap<Distribution, Float64Array>();

function plainTriangular(t: Float64Array, o: number, u: number): number {
  return u < t[o + BT_FC]! ? t[o + BT_A]! + Math.sqrt(u * t[o + BT_KL]!) : t[o + BT_B]! - Math.sqrt((1 - u) * t[o + BT_KR]!);
}

// Written in d = x − a (or g = b − x) so that nothing cancels when the mode sits next to an end:
// ∫ₐˣ t(t − a) dt = d²(2x + a)/6 and ∫ₓᵇ t(b − t) dt = g²(b + 2x)/6.
function biasedTriangularCdf(t: Float64Array, o: number, x: number): number {
  const k = t[o + BT_K]!;
  const rise = t[o + BT_RISE]!;
  if (x <= t[o + BT_C]! && rise > 0) {
    const a = t[o + BT_A]!;
    const dx = x - a;
    return (k * (dx / rise) * dx * (2 * x + a)) / 6;
  }
  const b = t[o + BT_B]!;
  const gx = b - x;
  return 1 - (k * (gx / t[o + BT_FALL]!) * gx * (b + 2 * x)) / 6;
}

function biasedTriangularDensity(t: Float64Array, o: number, x: number): number {
  const rise = t[o + BT_RISE]!;
  return x * t[o + BT_K]! * (x <= t[o + BT_C]! && rise > 0 ? (x - t[o + BT_A]!) / rise : (t[o + BT_B]! - x) / t[o + BT_FALL]!);
}

function biasedTriangularSolve(t: Float64Array, o: number, u: number, start: number): number {
  const tol = t[o + BT_TOL]!;
  let lo = t[o + BT_A]!;
  let hi = t[o + BT_B]!;
  let x = start;
  for (let i = 0; i < 50; i++) {
    const f = biasedTriangularCdf(t, o, x) - u;
    if (Math.abs(f) < 1e-13) break;
    if (f < 0) lo = x;
    else hi = x;
    if (hi - lo < tol) break;
    const g = biasedTriangularDensity(t, o, x);
    let next = g > 0 ? x - f / g : (lo + hi) / 2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    // A step below the tolerance ends it: rounding in the cubic can keep |f| above 1e-13.
    const step = next - x;
    x = next;
    if (step < tol && step > -tol) break;
  }
  return x;
}

/**
 * The u-quantile of the length-biased triangular whose table starts at `t[o]`
 * (`biasedTriangularTable`): Newton from the cubic-Hermite start (linear in the end intervals,
 * where the density vanishes), which then takes one or two steps.
 */
export function biasedTriangularQuantile(t: Float64Array, o: number, u: number): number {
  const s = u * KNOTS;
  const i = Math.min(KNOTS - 1, s | 0);
  const f = s - i;
  const x0 = t[o + BT_KNOTS + i]!;
  const x1 = t[o + BT_KNOTS + i + 1]!;
  let start: number;
  if (i === 0 || i === KNOTS - 1) {
    start = x0 + f * (x1 - x0);
  } else {
    const d0 = t[o + BT_SLOPES + i]!;
    const d1 = t[o + BT_SLOPES + i + 1]!;
    start = x0 + f * (d0 + f * (3 * (x1 - x0) - 2 * d0 - d1 + f * (2 * (x0 - x1) + d0 + d1)));
  }
  return biasedTriangularSolve(t, o, u, start > t[o + BT_A]! && start < t[o + BT_B]! ? start : plainTriangular(t, o, u));
}

/** Inverse CDF of a distribution with its constants precomputed. */
export function quantileFn(d: Distribution): (u: number) => number {
  switch (d.type) {
    case 'fixed': {
      const v = d.value;
      return () => v;
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return (u) => exp(mu + sigma * normalQuantile(u));
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return () => a;
      const w = b - a;
      const fc = (c - a) / w;
      const rest = 1 - fc;
      return (u) => (u < fc ? a + w * Math.sqrt(u * fc) : b - w * Math.sqrt((1 - u) * rest));
    }
    default:
      return (u) => quantileOf(d, u);
  }
}

/**
 * Cancelled departures whose headways are drawn one by one. The number of cancellations K is drawn
 * at once (geometric, by inverse CDF from one uniform), so a cancellation probability near 1
 * (c = 0.9999999 gives ten million) costs no more than any other: at most this many headways are
 * drawn, and `cancelledHeadwaysHours` makes their sum stand for all K.
 */
export const DRAWN_CANCELLATIONS = 16;

/**
 * The hours K cancelled departures cost, given the sum `drawnHours` of the `drawn` = min(K,
 * `DRAWN_CANCELLATIONS`) headways drawn for them (i.i.d., mean `meanHours`). While K is at most
 * `DRAWN_CANCELLATIONS` that sum is the exact draw. Beyond it, each drawn headway H stands for
 * K / drawn of them as (K / drawn)·μ + √(K / drawn)·(H − μ), so the hours are
 * Kμ + √(K / drawn)·(Σ H − drawn·μ): the mean Kμ and variance K·Var(H) of the sum of K headways
 * exactly, the shape of the sum of `drawn` headways (skewness γ/√16 where the exact sum's is γ/√K,
 * both tending to the normal), never negative (each term is at least (K/drawn − √(K/drawn))·μ ≥ 0),
 * and never less for a larger K or for headways that are pointwise shorter, so common random numbers
 * keep their pairing. A fixed headway does not come here: its K headways are K·h exactly.
 */
export function cancelledHeadwaysHours(cancelled: number, drawnHours: number, drawn: number, meanHours: number): number {
  if (cancelled <= drawn) return drawnHours;
  return cancelled * meanHours + Math.sqrt(cancelled / drawn) * (drawnHours - drawn * meanHours);
}

/**
 * Whether a stage happens on a run whose `mixRun` is `m`: draw 0 of its own stream below
 * `probability`, or, for a stage instead of another (`occurrence`), draw 0 of that stage's stream
 * (`source`) in [from, from + probability).
 */
function occurs(probability: number, from: number, stream: ElementStream, m: number): boolean {
  if (probability >= 1) return true;
  const u = stream.u(m, 0);
  return u >= from && u < from + probability;
}

/**
 * A stage's draw for one run: `null` when it does not happen (draw 0 outside its share), else its
 * duration (draw 1). The one rule shared by Monte Carlo (`drawPart`, where "does not happen" is 0
 * hours) and the queue model (where a stage that does not happen never joins its server's queue).
 * `source` is the stream of the stage named by `occurrence` (a stage `insteadOf` another), whose
 * draw 0 decides; without `occurrence` it is not used.
 */
export function drawOccurrence(model: Extract<PartModel, { type: 'random' }>, stream: ElementStream, run: number, source: ElementStream = stream): number | null {
  const m = mixRun(run);
  const o = model.occurrence;
  if (!occurs(model.probability, o === undefined ? 0 : o.from, o === undefined ? stream : source, m)) return null;
  return quantileOf(model.dist, stream.u(m, 1));
}

/**
 * Draw the hours of a part for one run. Draw 0 decides whether a stage happens (u < probability),
 * draw 1 its duration; a departure wait uses draw 1 for the headway the arrival falls into, draw 0
 * for the position within it, draw 2 for the number K of cancelled departures (geometric), and draws
 * 4, 5, … for the extra headways they cost: K·h for a fixed headway h, else min(K,
 * `DRAWN_CANCELLATIONS`) drawn headways standing for all K (`cancelledHeadwaysHours`). `source` is the stream of the element whose draws the model shares
 * (`sourceKeyOf`): draw 0 of a replaced stage (or of the stage a queue wait belongs to), draw 1 of a restricted link's travel.
 */
export function drawPart(model: PartModel, stream: ElementStream, run: number, source: ElementStream = stream): number {
  const m = mixRun(run);
  switch (model.type) {
    case 'constant':
      return model.hours;
    case 'random':
      return drawOccurrence(model, stream, run, source) ?? 0;
    case 'restriction':
      return Math.max(0, model.limitHours - model.perTravelHour * quantileOf(model.travel, source.u(m, 1)));
    case 'table': {
      const o = model.occurrence;
      if (!occurs(model.probability, o === undefined ? 0 : o.from, o === undefined ? stream : source, m)) return 0;
      return tableQuantile(model.table, stream.u(m, 1));
    }
    case 'departure-wait': {
      const h = model.headway;
      const residual = stream.u(m, 0) * (h.type === 'fixed' ? h.value : lengthBiasedQuantileOf(h, stream.u(m, 1)));
      const c = model.cancellationProbability;
      if (c === 0) return residual;
      const cancelled = Math.floor(Math.log(stream.u(m, 2)) / Math.log(c));
      if (h.type === 'fixed') return residual + cancelled * h.value;
      let drawnHours = 0;
      const drawn = Math.min(cancelled, DRAWN_CANCELLATIONS);
      for (let k = 0; k < drawn; k++) drawnHours += quantileOf(h, stream.u(m, 4 + k));
      return residual + cancelledHeadwaysHours(cancelled, drawnHours, drawn, meanOf(h));
    }
  }
}
