// Scaling a duration distribution: multiplying the random duration X by a factor f ≥ 0 is the same
// as multiplying every parameter of its distribution by f (for lognormal(median, p90) too: σ is
// unchanged), so the mean, every quantile and the spread scale by exactly f.
import { InvalidArgumentError } from '../errors.js';
import { requireDistribution } from '../network/distribution-check.js';
import type { Distribution } from '../network/types.js';

/**
 * The distribution of f·X for X ~ `d`, with `factor` f ≥ 0. f = 0 gives `fixed 0` (a lognormal
 * cannot have a zero median; the degenerate limit is exactly 0), as does a lognormal whose scaled
 * median underflows to 0. f = 1 returns `d` itself. Throws `InvalidArgumentError` for a factor that
 * is negative, NaN or infinite, or a value that is not a valid distribution.
 */
export function scaleDistribution(d: Distribution, factor: number): Distribution {
  requireDistribution(d, 'distribution');
  return scaledDistribution(d, factor);
}

/**
 * `scaleDistribution` for a distribution read from a validated document (a measure's transform):
 * the factor is checked, the distribution only by its type (schema-checking every figure a what-if
 * scales cost more than routing it). An unknown type is the same `InvalidArgumentError`.
 */
export function scaledDistribution(d: Distribution, factor: number): Distribution {
  if (typeof factor !== 'number' || !(factor >= 0) || !Number.isFinite(factor)) throw new InvalidArgumentError('factor', factor, 'a finite number >= 0');
  if (factor === 1) return d;
  if (factor === 0) return { type: 'fixed', value: 0 };
  switch (d.type) {
    case 'fixed':
      return { type: 'fixed', value: d.value * factor };
    case 'uniform':
      return { type: 'uniform', min: d.min * factor, max: d.max * factor };
    case 'triangular':
      return { type: 'triangular', min: d.min * factor, mode: d.mode * factor, max: d.max * factor };
    case 'lognormal': {
      const median = d.median * factor;
      // A factor so small that the median underflows to 0: the scaled duration is 0 to within 1e-308 h.
      if (median === 0) return { type: 'fixed', value: 0 };
      return { type: 'lognormal', median, p90: d.p90 * factor };
    }
    case 'empirical':
      return { type: 'empirical', values: d.values.map((v) => v * factor) };
    default:
      return requireDistribution(d, 'distribution');
  }
}
