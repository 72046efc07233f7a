// Summaries of Monte Carlo samples, computed with d3-array. Quantiles use d3's R-7 method (linear
// interpolation between order statistics), so they are monotone in p.
import { bisectRight, deviation, mean, quantileSorted } from 'd3-array';
import { sortFloat64 } from './radix-sort.js';

/** Summary of a sample of transit times (hours). */
export interface Summary {
  readonly runs: number;
  readonly meanHours: number;
  /** Sample standard deviation (n − 1); 0 for a single run. */
  readonly sdHours: number;
  readonly p5Hours: number;
  readonly p50Hours: number;
  readonly p90Hours: number;
  readonly p95Hours: number;
  readonly p99Hours: number;
  readonly minHours: number;
  readonly maxHours: number;
}

/** A sorted copy of the samples (ascending, in the order of `Float64Array.prototype.sort`). */
export function sortedCopy(samples: ArrayLike<number>): Float64Array {
  return sortFloat64(Float64Array.from(samples));
}

/** The p-quantile of sorted values. */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  return quantileSorted(sorted as unknown as number[], p) ?? NaN;
}

/** Summarise samples (hours). `sorted` may be passed when already at hand. */
export function summarize(samples: ArrayLike<number>, sorted: Float64Array = sortedCopy(samples)): Summary {
  const n = sorted.length;
  return {
    runs: n,
    meanHours: mean(sorted) ?? NaN,
    sdHours: n > 1 ? (deviation(sorted) ?? 0) : 0,
    p5Hours: quantileOfSorted(sorted, 0.05),
    p50Hours: quantileOfSorted(sorted, 0.5),
    p90Hours: quantileOfSorted(sorted, 0.9),
    p95Hours: quantileOfSorted(sorted, 0.95),
    p99Hours: quantileOfSorted(sorted, 0.99),
    minHours: n > 0 ? sorted[0]! : NaN,
    maxHours: n > 0 ? sorted[n - 1]! : NaN,
  };
}

/** Share of sorted samples at or below `hours`. */
export function shareWithin(sorted: Float64Array, hours: number): number {
  return sorted.length === 0 ? NaN : bisectRight(sorted, hours) / sorted.length;
}
