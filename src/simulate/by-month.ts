// Results by departure month: the runs that departed in each calendar month (January … December,
// whatever the year), summarised like the whole sample. Shippers plan by month; the year's figure
// averages good and bad months away.
import { sortFloat64Grouped } from '../stats/radix-sort.js';
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
 * Scratch for `sortedWithMonths`: the sorted samples laid out month by month. Kept from one call to
 * the next (a fresh array of 400,000 doubles is zero-filled and then collected as a large object;
 * the summaries keep numbers only, never this array).
 */
let scratch = new Float64Array(0);
/** The months sorted along with the samples (scratch as well, kept for the same reason). */
let scratchTags = new Uint8Array(0);

/**
 * The whole sample sorted and the twelve month summaries of `summariesByMonth`, from one sort: the
 * samples are sorted with their months as tags (a radix sort; a tag moves with its value), then laid out month by month,
 * each month's values already in order. The same figures as sorting each month apart (a month's
 * values in ascending order are one sequence however they were sorted), for about a third of the time.
 */
export function sortedWithMonths(samples: Float64Array, months: Uint8Array): { sorted: Float64Array; byMonth: (MonthSummary | null)[] } {
  const n = samples.length;
  // `slice`, not `Float64Array.from`: the same copy without the iterator protocol.
  const sorted = samples.slice();
  if (scratchTags.length < n) scratchTags = new Uint8Array(n);
  const tags = scratchTags.subarray(0, n);
  tags.set(months);
  // Month m's values go to places starts[m − 1] … starts[m] − 1 of the scratch, in ascending order.
  const starts = monthStarts(months);
  const firsts = new Int32Array(16);
  for (let m = 1; m <= 12; m++) firsts[m] = starts[m - 1]!;
  if (scratch.length < n) scratch = new Float64Array(n);
  const byMonthValues = scratch;
  sortFloat64Grouped(sorted, tags, byMonthValues, firsts);
  const byMonth: (MonthSummary | null)[] = [];
  for (let m = 0; m < 12; m++) {
    const v = byMonthValues.subarray(starts[m]!, starts[m + 1]!);
    byMonth.push(v.length === 0 ? null : { month: m + 1, runs: v.length, summary: summarize(v, v) });
  }
  return { sorted, byMonth };
}

/**
 * Where each month's runs start once the runs are laid out month by month: `starts[m]` is the number
 * of runs departed in months 1 … m (`starts[0]` = 0). Its own function: `sortedWithMonths` runs once
 * a simulation, and a long loop in it was compiled mid-loop (on-stack replacement) with no feedback
 * for the code after the loop, which then deoptimised it in the first simulations of a process.
 */
function monthStarts(months: Uint8Array): Int32Array {
  const starts = new Int32Array(13);
  for (let r = 0; r < months.length; r++) starts[months[r]!]!++;
  for (let m = 1; m <= 12; m++) starts[m]! += starts[m - 1]!;
  return starts;
}
