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
