// Across-replication statistics: Student-t intervals of a mean, and least-squares slopes of a
// series (the growth of a queue week by week).
import type { Interval } from '../compare.js';

/** Two-sided 95% Student t quantiles t(0.975, df) for df = 1…30. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
  2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df): the table up to 30, then the Cornish–Fisher expansion around z = 1.96 (error below 1e-3). */
export function t975(df: number): number {
  if (df <= 30) return T975[Math.max(1, Math.floor(df)) - 1]!;
  const z = 1.959963984540054;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/**
 * The mean of `values` with a 95% interval (mean ± t · sd / √n, Student t with n − 1 degrees of
 * freedom). One value: a zero-width interval. No values: NaN throughout.
 */
export function meanInterval(values: readonly number[]): Interval {
  const n = values.length;
  if (n === 0) return { estimate: NaN, low: NaN, high: NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { estimate: mean, low: mean, high: mean };
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const half = (t975(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return { estimate: mean, low: mean - half, high: mean + half };
}

/** Least-squares slope of `ys` against 0, 1, 2, … (per step); 0 for fewer than two points. */
export function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  let my = 0;
  for (const y of ys) my += y;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (ys[i]! - my);
    sxx += (i - mx) ** 2;
  }
  return sxy / sxx;
}
