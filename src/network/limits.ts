// The magnitude a time in a network document may take. Without a bound, valid documents overflowed:
// two stages of 1e308 h sum to Infinity, and a restriction of 1 km at 1e-310 km/h takes Infinity
// hours (an error then named an internal arc). Every hours figure — a distribution's parameters, a
// link's distance / speed, a restriction's length / limit, a service's headway — is at most
// MAX_HOURS, so sums of them over any route, and their inverse-CDF draws, stay finite.

/** The longest time a document may state: a million hours (114 years), beyond any freight figure. */
export const MAX_HOURS = 1e6;

/** Whether `hours` is a time a document may state: 0 to `MAX_HOURS`. */
export function hoursInRange(hours: number): boolean {
  return hours >= 0 && hours <= MAX_HOURS;
}

/** The words validation and measures use for that rule. */
export const HOURS_RANGE_TEXT = `from 0 to ${MAX_HOURS.toLocaleString('en-US')} hours`;
