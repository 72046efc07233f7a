// Drawing durations by inverse CDF. With common random numbers, a distribution scaled down gives a
// pointwise smaller draw, and a lower probability a subset of occurrences: so a measure that only
// cuts durations never lengthens a paired sample.
import { exp } from './exp.js';
import { lognormalParams, meanOf } from '../network/distribution.js';
import type { Distribution } from '../network/types.js';
import type { PartModel } from './expand.js';
import { mixRun, type ElementStream } from './random.js';

// Coefficients of Acklam's approximation (module constants: no allocation per call).
const A0 = -3.969683028665376e1, A1 = 2.209460984245205e2, A2 = -2.759285104469687e2, A3 = 1.38357751867269e2, A4 = -3.066479806614716e1, A5 = 2.506628277459239;
const B0 = -5.447609879822406e1, B1 = 1.615858368580409e2, B2 = -1.556989798598866e2, B3 = 6.680131188771972e1, B4 = -1.328068155288572e1;
const C0 = -7.784894002430293e-3, C1 = -3.223964580411365e-1, C2 = -2.400758277161838, C3 = -2.549732539343734, C4 = 4.374664141464968, C5 = 2.938163982698783;
const D0 = 7.784695709041462e-3, D1 = 3.224671290700398e-1, D2 = 2.445134137142996, D3 = 3.754408661907416;
const P_LOW = 0.02425;

/**
 * Φ⁻¹(p), the standard normal quantile, by Acklam's rational approximation (relative error below
 * 1.15e-9 over (0, 1)), ample for Monte Carlo.
 */
export function normalQuantile(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
}

/** The u-quantile of a distribution (inverse CDF), u in (0, 1). */
export function quantileOf(d: Distribution, u: number): number {
  switch (d.type) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return a;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * ((b - a) * (c - a))) : b - Math.sqrt((1 - u) * ((b - a) * (b - c)));
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
      const { min: a, mode: c, max: b } = d;
      if (b === a) return () => a;
      // CDF and density of x·f(x) / E[X]: piecewise cubic, monotone. Newton steps, kept inside a
      // shrinking bracket (bisection when a step leaves it).
      const mean = (a + c + b) / 3;
      const kl = c > a ? 2 / ((b - a) * (c - a)) : 0;
      const kr = b > c ? 2 / ((b - a) * (b - c)) : 0;
      const a3 = a * a * a;
      const a2 = a * a;
      const c2 = c * c;
      const c3 = c2 * c;
      const plain = quantileFn(d);
      const tol = 1e-12 * (b - a);
      const solve = (u: number, start: number): number => {
        let lo = a;
        let hi = b;
        let x = start;
        for (let k = 0; k < 50; k++) {
          const m = x < c ? x : c;
          const left = kl * ((m * m * m - a3) / 3 - (a * (m * m - a2)) / 2);
          const right = x > c ? kr * ((b * (x * x - c2)) / 2 - (x * x * x - c3) / 3) : 0;
          const f = (left + right) / mean - u;
          if (Math.abs(f) < 1e-13) break;
          if (f < 0) lo = x;
          else hi = x;
          if (hi - lo < tol) break;
          const g = (x * (x <= c ? kl * (x - a) : kr * (b - x))) / mean;
          let next = g > 0 ? x - f / g : (lo + hi) / 2;
          if (!(next > lo && next < hi)) next = (lo + hi) / 2;
          x = next;
        }
        return x;
      };
      // Start Newton from the quantile interpolated between 64 solved knots: two or three steps
      // then reach the tolerance, against six or more from the plain triangular quantile.
      const knots = new Float64Array(KNOTS + 1);
      for (let i = 0; i <= KNOTS; i++) knots[i] = i === 0 ? a : i === KNOTS ? b : solve(i / KNOTS, plain(i / KNOTS));
      return (u) => {
        const t = u * KNOTS;
        const i = Math.min(KNOTS - 1, t | 0);
        const x0 = knots[i]! + (t - i) * (knots[i + 1]! - knots[i]!);
        return solve(u, x0 > a && x0 < b ? x0 : plain(u));
      };
    }
  }
}

/** Knots of the length-biased triangular quantile's starting table. */
const KNOTS = 64;

/** A draw function for one element: hours for a run, given `mixRun(run)`. Constants precomputed. */
export type Sampler = (stream: ElementStream, mixedRun: number) => number;

/** Inverse CDF of a distribution with its constants precomputed. */
function quantileFn(d: Distribution): (u: number) => number {
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
      const fc = (c - a) / (b - a);
      const kl = (b - a) * (c - a);
      const kr = (b - a) * (b - c);
      return (u) => (u < fc ? a + Math.sqrt(u * kl) : b - Math.sqrt((1 - u) * kr));
    }
    default:
      return (u) => quantileOf(d, u);
  }
}

/**
 * A sampler for a part model: the same draws as `drawPart`, with the distribution's constants
 * computed once. Used by the Monte Carlo loops.
 */
export function makeSampler(model: PartModel): Sampler {
  switch (model.type) {
    case 'constant': {
      const h = model.hours;
      return () => h;
    }
    case 'random': {
      const q = quantileFn(model.dist);
      const p = model.probability;
      if (p >= 1) return (s, m) => q(s.u(m, 1));
      return (s, m) => (s.u(m, 0) < p ? q(s.u(m, 1)) : 0);
    }
    case 'departure-wait': {
      const h = model.headway;
      const q = quantileFn(h);
      const biased = lengthBiasedFn(h);
      const isFixed = h.type === 'fixed';
      const fixed = h.type === 'fixed' ? h.value : NaN;
      const c = model.cancellationProbability;
      const logC = c > 0 ? Math.log(c) : 0;
      return (s, m) => {
        const residual = s.u(m, 0) * (isFixed ? fixed : biased(s.u(m, 1)));
        if (c === 0) return residual;
        const cancelled = Math.floor(Math.log(s.u(m, 2)) / logC);
        let extra = 0;
        for (let k = 0; k < cancelled; k++) extra += q(s.u(m, 4 + k));
        return residual + extra;
      };
    }
  }
}

/**
 * Fills `out[0 … n)` with an element's draws for the runs whose `mixRun` values are in `mixes`. The
 * loop lives inside each sampler, so it stays monomorphic: the Monte Carlo hot path.
 */
export type BlockSampler = (stream: ElementStream, mixes: Uint32Array, n: number, out: Float64Array) => void;

/** A block sampler for a part model: exactly the draws of `makeSampler`, a block at a time. */
export function makeBlockSampler(model: PartModel): BlockSampler {
  switch (model.type) {
    case 'constant': {
      const h = model.hours;
      return (_s, _mixes, n, out) => out.fill(h, 0, n);
    }
    case 'random': {
      const q = quantileFn(model.dist);
      const p = model.probability;
      if (p >= 1) {
        return (s, mixes, n, out) => {
          for (let r = 0; r < n; r++) out[r] = q(s.u(mixes[r]!, 1));
        };
      }
      return (s, mixes, n, out) => {
        for (let r = 0; r < n; r++) {
          const m = mixes[r]!;
          out[r] = s.u(m, 0) < p ? q(s.u(m, 1)) : 0;
        }
      };
    }
    case 'departure-wait': {
      const one = makeSampler(model);
      return (s, mixes, n, out) => {
        for (let r = 0; r < n; r++) out[r] = one(s, mixes[r]!);
      };
    }
  }
}

/**
 * A stage's draw for one run: `null` when it does not happen (draw 0 ≥ its probability), else its
 * duration (draw 1). The one rule shared by Monte Carlo (`drawPart`, where "does not happen" is 0
 * hours) and the queue model (where a stage that does not happen never joins its server's queue).
 */
export function drawOccurrence(dist: Distribution, probability: number, stream: ElementStream, run: number): number | null {
  const m = mixRun(run);
  if (probability < 1 && !(stream.u(m, 0) < probability)) return null;
  return quantileOf(dist, stream.u(m, 1));
}

/**
 * Draw the hours of a part for one run. Draw 0 decides whether a stage happens (u < probability),
 * draw 1 its duration; a departure wait uses draw 1 for the headway the arrival falls into, draw 0
 * for the position within it, draw 2 for the number of cancelled departures (geometric), and draws
 * 4, 5, … for the extra headways those cost.
 */
export function drawPart(model: PartModel, stream: ElementStream, run: number): number {
  const m = mixRun(run);
  switch (model.type) {
    case 'constant':
      return model.hours;
    case 'random':
      return drawOccurrence(model.dist, model.probability, stream, run) ?? 0;
    case 'departure-wait': {
      const h = model.headway;
      const residual = stream.u(m, 0) * (h.type === 'fixed' ? h.value : lengthBiasedQuantileOf(h, stream.u(m, 1)));
      const c = model.cancellationProbability;
      if (c === 0) return residual;
      const cancelled = Math.floor(Math.log(stream.u(m, 2)) / Math.log(c));
      let extra = 0;
      for (let k = 0; k < cancelled; k++) extra += quantileOf(h, stream.u(m, 4 + k));
      return residual + extra;
    }
  }
}
