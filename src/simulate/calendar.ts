// Calendar time for the Monte Carlo: instants are hours since 1970-01-01T00:00Z (the engine's unit),
// months are numbered from January 1970 ("absolute month index"), and a trip departs at a seeded
// instant of its departure window. Month boundaries come from a table built once, so hot loops
// never make Date objects.
import { InvalidArgumentError } from '../errors.js';
import { dayNumber, daysInMonth, isoDate, isoDayNumber } from '../network/dates.js';
import { FIRST_YEAR, LAST_YEAR } from '../network/types.js';
import { ElementStream, mixRun, triple32, unitOf } from './random.js';

/** Months in the table: FIRST_YEAR … LAST_YEAR, and ten more years for trips (and backlogs) that run past the last. */
const MONTHS = (LAST_YEAR + 10 - FIRST_YEAR + 1) * 12;
/** Start of each absolute month in hours, and the end of the last. */
const MONTH_START_HOURS = new Float64Array(MONTHS + 1);
for (let m = 0; m <= MONTHS; m++) MONTH_START_HOURS[m] = Date.UTC(FIRST_YEAR + Math.floor(m / 12), m % 12, 1) / 3.6e6;
/** Months per hour on average, for the first guess of `monthIndexOf` (a multiplication: the guess is corrected against the table, so its rounding does not matter). */
const MONTHS_PER_HOUR = MONTHS / (MONTH_START_HOURS[MONTHS]! - MONTH_START_HOURS[0]!);

/** The hour (since 1970-01-01T00:00Z) at which absolute month `index` (0 = January 1970) starts. */
export function monthStartHours(index: number): number {
  if (!(index >= 0 && index <= MONTHS)) throw new InvalidArgumentError('month index', index, `an integer from 0 to ${MONTHS}`);
  return MONTH_START_HOURS[index]!;
}

/** The absolute month index (0 = January 1970) of an instant in hours since 1970; clamped to the table. */
export function monthIndexOf(hours: number): number {
  if (!(hours > MONTH_START_HOURS[0]!)) return 0;
  // (clamped before `| 0` floors it: past the table the guess would not fit 32 bits)
  const guess = (hours - MONTH_START_HOURS[0]!) * MONTHS_PER_HOUR;
  let m = guess < MONTHS - 1 ? guess | 0 : MONTHS - 1;
  while (m > 0 && MONTH_START_HOURS[m]! > hours) m--;
  while (m < MONTHS - 1 && MONTH_START_HOURS[m + 1]! <= hours) m++;
  return m;
}

/** The calendar month (1 = January … 12) of an absolute month index. */
export function calendarMonthOf(index: number): number {
  return (index % 12) + 1;
}

/** Number of months in the table (`MONTH_STARTS` has one more entry: the end of the last). */
export const MONTH_COUNT = MONTHS;

/** The table of month starts itself, for loops that look up many months (index → hours). */
export const MONTH_STARTS: Readonly<Float64Array> = MONTH_START_HOURS;

/**
 * When a trip departs: `{ date: 'YYYY-MM-DD' }` (uniform over that day), `{ month: 1…12, year? }`
 * (uniform over the month; the year defaults to the network's reference year), `{ year }` (the
 * whole year) or `{ from: 'YYYY-MM-DD', to: 'YYYY-MM-DD' }` (whole days, both included). Dates are UTC.
 */
export type DepartureWindow =
  | { readonly date: string }
  | { readonly month: number; readonly year?: number }
  | { readonly year: number }
  | { readonly from: string; readonly to: string };

/** A departure window resolved to instants: runs depart uniformly in [fromHours, toHours). */
export interface ResolvedDeparture {
  readonly fromHours: number;
  readonly toHours: number;
  /** e.g. `2025`, `2025-03`, `2025-03-14`, `2025-03-01 to 2025-03-15`. */
  readonly label: string;
}

const DAY_HOURS = 24;

function checkYear(field: string, year: unknown): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new InvalidArgumentError(field, year, `a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  return year;
}

function checkDate(field: string, text: unknown): number {
  const day = isoDayNumber(text);
  if (day === null) throw new InvalidArgumentError(field, text, `a date YYYY-MM-DD from ${FIRST_YEAR} to ${LAST_YEAR}`);
  return day;
}

const WINDOW_TEXT = "{ date: 'YYYY-MM-DD' }, { month: 1-12, year? }, { year } or { from: 'YYYY-MM-DD', to: 'YYYY-MM-DD' }";

/**
 * Check a departure window and resolve it to instants. Without a window, the network's reference
 * year (its `calendar`); `null` when neither is given (the runs then have no calendar time).
 */
export function resolveDeparture(window: DepartureWindow | undefined, referenceYear: number | undefined): ResolvedDeparture | null {
  if (window === undefined) {
    if (referenceYear === undefined) return null;
    return resolveDeparture({ year: referenceYear }, referenceYear);
  }
  if (typeof window !== 'object' || window === null || Array.isArray(window)) throw new InvalidArgumentError('departure', window, WINDOW_TEXT);
  const keys = Object.keys(window).sort().join(',');
  const w = window as Record<string, unknown>;
  switch (keys) {
    case 'date': {
      const day = checkDate('departure.date', w['date']);
      return { fromHours: day * DAY_HOURS, toHours: (day + 1) * DAY_HOURS, label: isoDate(day) };
    }
    case 'month':
    case 'month,year': {
      const month = w['month'];
      if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) throw new InvalidArgumentError('departure.month', month, 'an integer from 1 to 12');
      if (w['year'] === undefined && referenceYear === undefined) {
        throw new InvalidArgumentError('departure.year', undefined, 'a year (the network declares no calendar.referenceYear)');
      }
      const year = checkYear('departure.year', w['year'] ?? referenceYear);
      const first = dayNumber(year, month, 1);
      return { fromHours: first * DAY_HOURS, toHours: (first + daysInMonth(year, month)) * DAY_HOURS, label: `${year}-${String(month).padStart(2, '0')}` };
    }
    case 'year': {
      const year = checkYear('departure.year', w['year']);
      return { fromHours: dayNumber(year, 1, 1) * DAY_HOURS, toHours: dayNumber(year + 1, 1, 1) * DAY_HOURS, label: String(year) };
    }
    case 'from,to': {
      const from = checkDate('departure.from', w['from']);
      const to = checkDate('departure.to', w['to']);
      if (to < from) throw new InvalidArgumentError('departure.to', w['to'], `a date on or after departure.from (${String(w['from'])})`);
      return { fromHours: from * DAY_HOURS, toHours: (to + 1) * DAY_HOURS, label: from === to ? isoDate(from) : `${isoDate(from)} to ${isoDate(to)}` };
    }
    default:
      throw new InvalidArgumentError('departure', window, WINDOW_TEXT);
  }
}

/** The element key of the departure draw (its own stream: no stage, link or episode shares it). */
export const DEPARTURE_KEY = 'calendar|departure';

/**
 * Each run's departure instant (hours since 1970), uniform in the window: draw 0 of the departure
 * stream, so run i departs at the same instant whatever the network, the measures or the number of
 * runs (before and after share it).
 */
export function departureInstants(window: ResolvedDeparture, seed: number, fromRun: number, toRun: number): Float64Array {
  // `uniform(r, 0)` is `unitOf(drawKey(0), mixRun(r))`: the key taken once, as the planned walk does.
  const key = new ElementStream(seed, DEPARTURE_KEY).drawKey(0);
  const from = window.fromHours;
  const span = window.toHours - from;
  const out = new Float64Array(toRun - fromRun);
  for (let r = fromRun; r < toRun; r++) out[r - fromRun] = from + unitOf(key, mixRun(r)) * span;
  return out;
}

/**
 * Each run's departure month (1 = January … 12), of the instant `departureInstants` gives it: the
 * months without the instants (a simulation's results keep the instants only if they are asked
 * for: 8 bytes a run). The instant grows with the draw's 32-bit hash, so the hash's top bits pick a
 * bucket of a table that holds the month where the whole bucket falls in one; the few buckets a
 * month starts in are worked out run by run as `departureInstants` would.
 */
export function departureMonthsOf(window: ResolvedDeparture, seed: number, runs: number): Uint8Array {
  const key = new ElementStream(seed, DEPARTURE_KEY).drawKey(0);
  const from = window.fromHours;
  const span = window.toHours - from;
  const out = new Uint8Array(runs);
  if (runs < 2 * BUCKETS) {
    for (let r = 0; r < runs; r++) out[r] = calendarMonthOf(monthIndexOf(from + unitOf(key, mixRun(r)) * span));
    return out;
  }
  const table = new Uint8Array(BUCKETS);
  for (let b = 0; b < BUCKETS; b++) {
    const first = monthOfHash(from, span, b * BUCKET_HASHES);
    table[b] = first === monthOfHash(from, span, (b + 1) * BUCKET_HASHES - 1) ? calendarMonthOf(first) : 0;
  }
  for (let r = 0; r < runs; r++) {
    const m = mixRun(r);
    const month = table[triple32(key ^ m) >>> BUCKET_SHIFT]!;
    out[r] = month !== 0 ? month : calendarMonthOf(monthIndexOf(from + unitOf(key, m) * span));
  }
  return out;
}

/** The month of the instant of hash z (`from + ((z + 0.5) · 2^-32) · span`, unitOf's arithmetic: non-decreasing in z) in a window from `from` of `span` hours. */
function monthOfHash(from: number, span: number, z: number): number {
  return monthIndexOf(from + (z + 0.5) * INV_TWO32 * span);
}

/** `departureMonthsOf`'s table: the top 12 bits of a draw's hash pick one of 4,096 buckets of 2^20 hashes each. */
const BUCKET_SHIFT = 20;
const BUCKETS = 1 << (32 - BUCKET_SHIFT);
const BUCKET_HASHES = 1 << BUCKET_SHIFT;
/** 2^-32, exactly (as `unitOf` scales a hash). */
const INV_TWO32 = 1 / 4294967296;
