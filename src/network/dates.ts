// Calendar dates as the network format and the trip options write them (`YYYY-MM-DD`, `MM-DD`,
// UTC), read into day numbers since 1970-01-01. Strict: a date that does not exist (2025-02-30) or a
// year outside FIRST_YEAR … LAST_YEAR is no date, never rolled over into the next month.
import { FIRST_YEAR, LAST_YEAR } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number (days since 1970-01-01) of a valid year, month (1–12) and day. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** `YYYY-MM-DD` as a day number since 1970-01-01, or `null` when it is not a date from FIRST_YEAR to LAST_YEAR. */
export function isoDayNumber(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = ISO_DATE.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumber(year, month, day);
}

/** `MM-DD` as `{ month, day }`, or `null` when it is not a day of every year (02-29 is not). */
export function monthDay(text: unknown): { readonly month: number; readonly day: number } | null {
  if (typeof text !== 'string') return null;
  const m = MONTH_DAY.exec(text);
  if (m === null) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  // 2001 is not a leap year: a recurring day must exist every year.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2001, month)) return null;
  return { month, day };
}

/** The `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
