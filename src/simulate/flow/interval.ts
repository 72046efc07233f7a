// Across-replication statistics: Student-t intervals of a mean, and least-squares slopes of a
// series (the growth of a queue week by week).
import { t975 } from '../../stats/student-t.js';
import type { Interval } from '../../stats/interval.js';

export { t975 } from '../../stats/student-t.js';

/**
 * The mean of `values` with a 95% interval (mean ± t · sd / √n, Student t with n − 1 degrees of
 * freedom); one value has no interval (`low` and `high` null). `values` must not be empty (use
 * `optionalMeanInterval` where it may be).
 */
export function meanInterval(values: readonly number[]): Interval {
  const n = values.length;
  if (n === 0) throw new Error('internal: the mean of no values');
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { estimate: mean, low: null, high: null };
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const half = (t975(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return { estimate: mean, low: mean - half, high: mean + half };
}

/** `meanInterval`, or `null` when there are no values (nothing delivered, no one waited). */
export function optionalMeanInterval(values: readonly number[]): Interval | null {
  return values.length === 0 ? null : meanInterval(values);
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
