// Moments of duration distributions, and the expected wait for a departure. The formulas are the
// ones the Monte Carlo sampler must agree with (tests check both against each other).
import type { Distribution, ServiceSpec } from './types.js';

/** z-score of the 90th percentile of the standard normal, Φ⁻¹(0.9). */
export const Z90 = 1.2815515655446004;

/** μ and σ of the underlying normal of a lognormal given by median and 90th percentile. */
export function lognormalParams(median: number, p90: number): { mu: number; sigma: number } {
  return { mu: Math.log(median), sigma: Math.log(p90 / median) / Z90 };
}

/** Mean of a distribution (hours). */
export function meanOf(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'lognormal': {
      const { sigma } = lognormalParams(d.median, d.p90);
      return d.median * Math.exp((sigma * sigma) / 2);
    }
    case 'empirical': {
      let s = 0;
      for (const v of d.values) s += v;
      return s / d.values.length;
    }
  }
}

/** Second raw moment E[X²] of a distribution. */
export function secondMomentOf(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return d.value * d.value;
    case 'uniform':
      return (d.min * d.min + d.min * d.max + d.max * d.max) / 3;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c + a * b + a * c + b * c) / 6;
    }
    case 'lognormal': {
      const { sigma } = lognormalParams(d.median, d.p90);
      return d.median * d.median * Math.exp(2 * sigma * sigma);
    }
    case 'empirical': {
      let s = 0;
      for (const v of d.values) s += v * v;
      return s / d.values.length;
    }
  }
}

/** The headway of a service as a distribution (`departuresPerWeek` n means a fixed 168/n hours). */
export function headwayOf(service: ServiceSpec): Distribution {
  if (service.headwayHours !== undefined) return service.headwayHours;
  // Validation guarantees exactly one of the two is present.
  return { type: 'fixed', value: 168 / (service.departuresPerWeek as number) };
}

/**
 * Expected wait for a departure, for a consignment arriving at a random time: the mean residual
 * headway E[H²] / (2 E[H]) (the inspection paradox: irregular departures make the wait longer than
 * half the mean headway), plus c / (1 − c) · E[H] for departures cancelled with probability c (each
 * cancellation costs one more headway; their number is geometric).
 */
export function expectedDepartureWaitHours(headway: Distribution, cancellationProbability: number): number {
  const m1 = meanOf(headway);
  if (m1 === 0) return 0;
  const residual = secondMomentOf(headway) / (2 * m1);
  return residual + (cancellationProbability / (1 - cancellationProbability)) * m1;
}

/**
 * E[max(0, k − X)], the mean shortfall of X below k: ∫ F(t) dt up to k. A speed restriction on a
 * link whose travel time T is random costs max(0, R/L − (R/D)·T) hours (the restricted km at the
 * limit L instead of the drawn speed D/T, when the drawn speed is above it), whose mean is
 * (R/D) · E[max(0, k − T)] with k = D/L.
 */
export function shortfallMeanOf(d: Distribution, k: number): number {
  switch (d.type) {
    case 'fixed':
      return Math.max(0, k - d.value);
    case 'uniform': {
      if (k <= d.min) return 0;
      if (d.max === d.min) return k - d.min;
      const x = Math.min(k, d.max);
      return ((x - d.min) * (x - d.min)) / (2 * (d.max - d.min)) + Math.max(0, k - d.max);
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (k <= a) return 0;
      if (b === a) return k - a;
      const w = b - a;
      // F = (t − a)² / (w (c − a)) up to the mode, 1 − (b − t)² / (w (b − c)) after it.
      const left = (x: number): number => (c > a ? ((x - a) * (x - a) * (x - a)) / (3 * w * (c - a)) : 0);
      if (k <= c) return left(k);
      const x = Math.min(k, b);
      const right = b > c ? x - c - ((b - c) * (b - c) * (b - c) - (b - x) * (b - x) * (b - x)) / (3 * w * (b - c)) : 0;
      return left(c) + right + Math.max(0, k - b);
    }
    case 'lognormal': {
      if (k <= 0) return 0;
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      const z = (Math.log(k) - mu) / sigma;
      return Math.max(0, k * normalCdf(z) - Math.exp(mu + (sigma * sigma) / 2) * normalCdf(z - sigma));
    }
    case 'empirical': {
      let s = 0;
      for (const v of d.values) s += Math.max(0, k - v);
      return s / d.values.length;
    }
  }
}

/**
 * Φ(z), the standard normal CDF, to about 1e-14 relative: erfc's Taylor series of erf for |x| < 3,
 * its continued fraction (modified Lentz) beyond.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  let erfc: number;
  if (x < 3) {
    // erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n + 1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 100; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    erfc = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …))))
    const tiny = 1e-300;
    let f = x;
    let c = x;
    let dd = 0;
    for (let n = 1; n < 200; n++) {
      const an = n / 2;
      dd = x + an * dd;
      dd = dd === 0 ? tiny : 1 / dd;
      c = x + an / c;
      if (c === 0) c = tiny;
      const delta = c * dd;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    erfc = Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
  }
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}
