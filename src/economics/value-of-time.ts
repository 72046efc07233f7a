// Value of time and of reliability per TEU-hour. A day in transit costs a share of the cargo's value
// (Hummels & Schaur 2013: 0.6–2.1% a day), so an hour is worth value × share / 24; an hour of
// spread in transit time (p90 − p50, or the standard deviation) is worth the reliability ratio times
// that (the reliability-ratio method). Both come with the range their parameters' ranges imply.
import { requireShape } from '../arguments.js';
import { InvalidArgumentError } from '../errors.js';
import type { Summary } from '../stats/summary.js';
import { ECONOMIC_PARAMETERS } from './parameters.js';

/** How the value of time is set: from the cargo's value and a daily share, or directly. */
export interface ValueOfTimeOptions {
  /** USD per TEU (default 54,500, the average containerised cargo). */
  readonly cargoValueUsdPerTeu?: number;
  /** Share of the cargo's value a day in transit costs (default 0.0135; range 0.006–0.021). */
  readonly dailyShare?: number;
  /** USD per TEU-hour, given directly: overrides the two above, and has no range unless `rangeUsdPerTeuHour` is given. */
  readonly usdPerTeuHour?: number;
  /** `[low, high]` of a directly given value. */
  readonly rangeUsdPerTeuHour?: readonly [number, number];
}

/** A value of time per TEU-hour and how it was obtained. */
export interface ValueOfTime {
  readonly usdPerTeuHour: number;
  /** From the daily share's range (or as given). */
  readonly range: readonly [number, number];
  /** The cargo value and daily share used (absent when the value was given directly). */
  readonly cargoValueUsdPerTeu?: number;
  readonly dailyShare?: number;
}

/** What measures the spread of transit time for reliability: `p90-p50` (default) or `sd`. */
export type SpreadMeasure = 'p90-p50' | 'sd';

/** The value of reliability: an hour of spread is worth `ratio` hours of mean time. */
export interface ReliabilityOptions {
  /** Default 1 (range 0.5–1.5). */
  readonly ratio?: number;
  /** Default `p90-p50`. */
  readonly spread?: SpreadMeasure;
}

function positiveFinite(field: string, value: unknown, expected = 'a finite number > 0'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) throw new InvalidArgumentError(field, value, expected);
  return value;
}

/** A number option within [min, max], or its default when omitted. */
export function numberOption(field: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw new InvalidArgumentError(field, value, `a number from ${min} to ${max}`);
  return value;
}

/**
 * The value of time per TEU-hour: `cargoValueUsdPerTeu × dailyShare / 24`, with the range the daily
 * share's range implies (0.6–2.1% a day: $13.6–47.7 per TEU-hour at $54,500 per TEU); or the value
 * given directly. Throws `InvalidArgumentError` naming the option for a bad value.
 */
export function valueOfTime(options: ValueOfTimeOptions = {}): ValueOfTime {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('valueOfTime', options, 'an object { cargoValueUsdPerTeu?, dailyShare?, usdPerTeuHour? }');
  if (options.usdPerTeuHour !== undefined) {
    const v = positiveFinite('valueOfTime.usdPerTeuHour', options.usdPerTeuHour);
    const r = options.rangeUsdPerTeuHour ?? [v, v];
    if (!Array.isArray(r) || r.length !== 2 || !(r[0] <= v && v <= r[1]) || !Number.isFinite(r[0]) || !Number.isFinite(r[1])) {
      throw new InvalidArgumentError('valueOfTime.rangeUsdPerTeuHour', r, `[low, high] with low <= ${v} <= high`);
    }
    return { usdPerTeuHour: v, range: [r[0], r[1]] };
  }
  const p = ECONOMIC_PARAMETERS;
  const cargo = options.cargoValueUsdPerTeu === undefined ? p.cargoValueUsdPerTeu.default : positiveFinite('valueOfTime.cargoValueUsdPerTeu', options.cargoValueUsdPerTeu);
  const share = numberOption('valueOfTime.dailyShare', options.dailyShare, p.dailyTimeValueShare.default, 0, 1);
  const low = Math.min(share, p.dailyTimeValueShare.min);
  const high = Math.max(share, p.dailyTimeValueShare.max);
  return { usdPerTeuHour: (cargo * share) / 24, range: [(cargo * low) / 24, (cargo * high) / 24], cargoValueUsdPerTeu: cargo, dailyShare: share };
}

/** The spread of a transit-time summary in hours: p90 − p50, or the standard deviation. */
export function spreadHours(summary: Pick<Summary, 'p50Hours' | 'p90Hours' | 'sdHours'>, measure: SpreadMeasure = 'p90-p50'): number {
  requireShape(summary, 'summary', 'a Summary (p50Hours, p90Hours, sdHours)', { p50Hours: 'number', p90Hours: 'number', sdHours: 'number' });
  if (measure !== 'p90-p50' && measure !== 'sd') throw new InvalidArgumentError('measure', measure, '"p90-p50" or "sd"');
  return measure === 'sd' ? summary.sdHours : summary.p90Hours - summary.p50Hours;
}

/** Checked reliability options with their defaults. */
export function reliabilityOf(options: ReliabilityOptions = {}): { ratio: number; spread: SpreadMeasure; range: readonly [number, number] } {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('reliability', options, 'an object { ratio?, spread? }');
  const p = ECONOMIC_PARAMETERS.reliabilityRatio;
  const ratio = numberOption('reliability.ratio', options.ratio, p.default, 0, 100);
  const spread = options.spread ?? 'p90-p50';
  if (spread !== 'p90-p50' && spread !== 'sd') throw new InvalidArgumentError('reliability.spread', spread, '"p90-p50" or "sd"');
  return { ratio, spread, range: [Math.min(ratio, p.min), Math.max(ratio, p.max)] };
}
