// Figures a measure computes must stay finite. A valid document may hold figures so large that ten
// times them overflows a double (a duration of 1e308 h is valid, if absurd); validation would then
// reject the result. Measures that multiply figures check the product here instead, so that the
// document they return is valid by construction (see apply.ts) and the error names the measure's
// option rather than a field of a document the caller never wrote.
import { InvalidMeasureError } from '../errors.js';
import { meanOf, secondMomentOf } from '../network/distribution.js';
import { HOURS_RANGE_TEXT, hoursInRange } from '../network/limits.js';
import type { Distribution } from '../network/types.js';
import { scaledDistribution } from './scale.js';

/**
 * Whether a distribution is what validation requires beyond its shape: every figure 0 or within
 * [MIN_POSITIVE_HOURS, MAX_HOURS] (network/limits.ts), a lognormal's median and 90th percentile
 * above 0, and a finite mean and second moment.
 */
export function finiteDistribution(d: Distribution): boolean {
  const figures = d.type === 'fixed' ? [d.value] : d.type === 'uniform' ? [d.min, d.max] : d.type === 'triangular' ? [d.min, d.mode, d.max] : d.type === 'lognormal' ? [d.median, d.p90] : d.values;
  if (!figures.every(hoursInRange)) return false;
  if (d.type === 'lognormal' && !(d.median > 0 && d.p90 > 0)) return false;
  return Number.isFinite(meanOf(d)) && Number.isFinite(secondMomentOf(d));
}

/**
 * `scaleDistribution(d, factor)` for a figure of a valid document, checked: throws `InvalidMeasureError` naming `field` (the option
 * that set the factor) when the scaled distribution would overflow. `what` names the figure in the
 * message, e.g. `the duration of stage "customs" at dostyk`.
 */
export function scaleFinite(measureId: string, field: string, d: Distribution, factor: number, what: string): Distribution {
  const scaled = scaledDistribution(d, factor);
  if (scaled !== d && !finiteDistribution(scaled)) {
    throw new InvalidMeasureError(measureId, field, factor, `a factor that keeps ${what} within its bounds (scaled, a figure would leave ${HOURS_RANGE_TEXT}, or its moments overflow)`);
  }
  return scaled;
}

/** `value`, checked to be a finite number above 0 (a speed or a frequency a factor produced). */
export function positiveFinite(measureId: string, field: string, factor: number, value: number, what: string): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new InvalidMeasureError(measureId, field, factor, `a factor that keeps ${what} a finite number above 0 (it would be ${value})`);
  }
  return value;
}
