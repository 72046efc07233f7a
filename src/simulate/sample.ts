// Drawing durations by inverse CDF. With common random numbers, a distribution scaled down gives a
// pointwise smaller draw, and a lower probability a subset of occurrences: so a measure that only
// cuts durations never lengthens a paired sample.
import { lognormalParams, meanOf } from '../network/distribution.js';
import type { Distribution } from '../network/types.js';
import type { PartModel } from './expand.js';
import type { ElementStream } from './random.js';

/**
 * Φ⁻¹(p), the standard normal quantile, by Acklam's rational approximation (relative error below
 * 1.15e-9 over (0, 1)), ample for Monte Carlo.
 */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
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
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return Math.exp(mu + sigma * normalQuantile(u));
    }
    case 'empirical':
      return d.values[Math.min(d.values.length - 1, Math.floor(u * d.values.length))]!;
  }
}

/**
 * The u-quantile of the length-biased version of a distribution (density ∝ x f(x)): the headway a
 * random arrival falls into. Closed forms where they exist; bisection on the CDF for triangular.
 */
export function lengthBiasedQuantileOf(d: Distribution, u: number): number {
  switch (d.type) {
    case 'fixed':
      return d.value;
    case 'uniform': {
      const a2 = d.min * d.min;
      return Math.sqrt(a2 + u * (d.max * d.max - a2));
    }
    case 'lognormal': {
      // The length-biased lognormal is lognormal with μ + σ².
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return Math.exp(mu + sigma * sigma + sigma * normalQuantile(u));
    }
    case 'empirical': {
      let total = 0;
      for (const v of d.values) total += v;
      if (total === 0) return 0;
      let acc = 0;
      const target = u * total;
      for (const v of d.values) {
        acc += v;
        if (target < acc) return v;
      }
      return d.values[d.values.length - 1]!;
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return a;
      // CDF of x·f(x) / E[X], integrated piecewise; monotone, so bisection converges.
      const mean = meanOf(d);
      const cdf = (x: number): number => {
        const left = c > a ? (2 / ((b - a) * (c - a))) * ((Math.min(x, c) ** 3 - a ** 3) / 3 - (a * (Math.min(x, c) ** 2 - a * a)) / 2) : 0;
        const right = x > c && b > c ? (2 / ((b - a) * (b - c))) * ((b * (x * x - c * c)) / 2 - (x ** 3 - c ** 3) / 3) : 0;
        return (left + right) / mean;
      };
      let lo = a;
      let hi = b;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (cdf(mid) < u) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    }
  }
}

/**
 * Draw the hours of a part for one run. Draw 0 decides whether a stage happens (u < probability),
 * draw 1 its duration; a departure wait uses draw 1 for the headway the arrival falls into, draw 0
 * for the position within it, draw 2 for the number of cancelled departures (geometric), and draws
 * 4, 5, … for the extra headways those cost.
 */
export function drawPart(model: PartModel, stream: ElementStream, run: number): number {
  switch (model.type) {
    case 'constant':
      return model.hours;
    case 'random':
      if (model.probability < 1 && !(stream.uniform(run, 0) < model.probability)) return 0;
      return quantileOf(model.dist, stream.uniform(run, 1));
    case 'departure-wait': {
      const h = model.headway;
      const residual = stream.uniform(run, 0) * (h.type === 'fixed' ? h.value : lengthBiasedQuantileOf(h, stream.uniform(run, 1)));
      const c = model.cancellationProbability;
      if (c === 0) return residual;
      const cancelled = Math.floor(Math.log(stream.uniform(run, 2)) / Math.log(c));
      let extra = 0;
      for (let k = 0; k < cancelled; k++) extra += quantileOf(h, stream.uniform(run, 4 + k));
      return residual + extra;
    }
  }
}
