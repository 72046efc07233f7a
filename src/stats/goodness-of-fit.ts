// Goodness of fit of a normal distribution with estimated mean and standard deviation (applied to
// log durations, it tests a lognormal fit): the Anderson–Darling statistic with Stephens' small-sample
// modification and its p-value (D'Agostino and Stephens, Goodness-of-Fit Techniques, 1986, table 4.9,
// case 3: both parameters estimated), and the Kolmogorov–Smirnov distance.
import { normalCdf } from '../network/distribution.js';

/** A normal fit's goodness: Anderson–Darling `a2` (modified, A*²), its `p`-value, and the Kolmogorov–Smirnov distance `ks`. */
export interface NormalFitGoodness {
  readonly a2: number;
  readonly p: number;
  readonly ks: number;
}

/**
 * How well a normal distribution with mean `mu` and standard deviation `sigma` (estimated from the
 * same `values`) fits them: A² = −n − (1/n) Σ (2i − 1)[ln Φ(zᵢ) + ln(1 − Φ(z₍ₙ₊₁₋ᵢ₎))] on the sorted
 * standardised values, modified to A*² = A²(1 + 0.75/n + 2.25/n²), with D'Agostino and Stephens' p-value
 * (small p: the normal does not fit); and the largest distance between the empirical and the fitted
 * distribution functions. At least 3 values and sigma > 0, or `RangeError`.
 */
export function normalGoodness(values: ArrayLike<number>, mu: number, sigma: number): NormalFitGoodness {
  const n = values.length;
  if (n < 3 || !(sigma > 0)) throw new RangeError(`normalGoodness: at least 3 values and sigma > 0 are needed (n = ${n}, sigma = ${sigma})`);
  const f = Float64Array.from(values, (v) => normalCdf((v - mu) / sigma)).sort();
  const clamp = (p: number): number => Math.min(1 - 1e-15, Math.max(1e-15, p));
  let s = 0;
  let ks = 0;
  for (let i = 0; i < n; i++) {
    s += (2 * i + 1) * (Math.log(clamp(f[i]!)) + Math.log(1 - clamp(f[n - 1 - i]!)));
    ks = Math.max(ks, (i + 1) / n - f[i]!, f[i]! - i / n);
  }
  const a2 = (-n - s / n) * (1 + 0.75 / n + 2.25 / (n * n));
  let p: number;
  if (a2 >= 0.6) p = Math.exp(1.2937 - 5.709 * a2 + 0.0186 * a2 * a2);
  else if (a2 >= 0.34) p = Math.exp(0.9177 - 4.279 * a2 - 1.38 * a2 * a2);
  else if (a2 >= 0.2) p = 1 - Math.exp(-8.318 + 42.796 * a2 - 59.938 * a2 * a2);
  else p = 1 - Math.exp(-13.436 + 101.14 * a2 - 223.73 * a2 * a2);
  return { a2, p: Math.min(1, Math.max(0, p)), ks };
}
