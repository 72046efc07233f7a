// Results by departure month: the runs that departed in each calendar month (January … December,
// whatever the year), summarised like the whole sample. Shippers plan by month; the year's figure
// averages good and bad months away.
import { sortFloat64 } from '../stats/radix-sort.js';
import { summarize, type Summary } from '../stats/summary.js';
import { calendarMonthOf, monthIndexOf } from './calendar.js';

/** The runs that departed in one calendar month and their summary. */
export interface MonthSummary {
  /** 1 = January … 12 = December. */
  readonly month: number;
  readonly runs: number;
  readonly summary: Summary;
}

/** English month names, January first (tables and charts). */
export const MONTH_NAMES = Object.freeze(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const);

/** The calendar month (1–12) each run departed in. */
export function departureMonths(departureHours: Float64Array): Uint8Array {
  const out = new Uint8Array(departureHours.length);
  for (let r = 0; r < departureHours.length; r++) out[r] = calendarMonthOf(monthIndexOf(departureHours[r]!));
  return out;
}

/** The run numbers of each calendar month (index 0 = January), in run order. */
export function runsByMonth(months: Uint8Array): Int32Array[] {
  const counts = new Int32Array(12);
  for (let r = 0; r < months.length; r++) counts[months[r]! - 1]!++;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(12);
  for (let r = 0; r < months.length; r++) {
    const m = months[r]! - 1;
    out[m]![fill[m]!++] = r;
  }
  return out;
}

/** Twelve entries, January first: each month's runs and summary, or `null` when no run departed in it. */
export function summariesByMonth(samples: Float64Array, months: Uint8Array): (MonthSummary | null)[] {
  return runsByMonth(months).map((runs, i) => {
    if (runs.length === 0) return null;
    const picked = new Float64Array(runs.length);
    for (let k = 0; k < runs.length; k++) picked[k] = samples[runs[k]!]!;
    return { month: i + 1, runs: runs.length, summary: summarize(picked) };
  });
}

/**
 * The whole sample sorted and the twelve month summaries of `summariesByMonth`, from one sort: the
 * samples are sorted with their months as tags (a stable radix sort), then split by month, each
 * month's values already in order. The same figures as sorting each month apart (a month's values
 * in ascending order are one sequence however they were sorted), for about a third of the time.
 */
export function sortedWithMonths(samples: Float64Array, months: Uint8Array): { sorted: Float64Array; byMonth: (MonthSummary | null)[] } {
  const sorted = Float64Array.from(samples);
  const tags = months.slice();
  sortFloat64(sorted, tags);
  const counts = new Int32Array(12);
  for (let r = 0; r < tags.length; r++) counts[tags[r]! - 1]!++;
  const values = Array.from(counts, (c) => new Float64Array(c));
  const fill = new Int32Array(12);
  for (let r = 0; r < tags.length; r++) {
    const m = tags[r]! - 1;
    values[m]![fill[m]!++] = sorted[r]!;
  }
  const byMonth = values.map((v, i) => (v.length === 0 ? null : { month: i + 1, runs: v.length, summary: summarize(v, v) }));
  return { sorted, byMonth };
}
