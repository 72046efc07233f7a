// Timetables for time-dependent search: each arc either takes a fixed time, or is served by
// scheduled departures (a ferry sailing, a block train slot), each with its own trip time. Departures
// are stored flat (one Float64Array for all arcs) and found by binary search. Arcs must be FIFO —
// leaving later never arrives earlier — which is what makes Dijkstra on arrival times exact.
import { InvalidArgumentError } from '../errors.js';

/** How one arc is timed: a fixed duration, or sorted departure times with a trip time each. */
export type ArcTiming =
  | { readonly durationHours: number }
  | { readonly departureHours: ArrayLike<number>; readonly tripHours: ArrayLike<number> };

/** The timing of every arc of a graph, by original arc index. */
export interface Timetable {
  readonly arcCount: number;
  /** Per arc: its fixed duration in hours; NaN for a scheduled arc. */
  readonly durationHours: Float64Array;
  /** Per arc a, its departures are entries `departureStart[a]` … `departureStart[a + 1] - 1`. */
  readonly departureStart: Int32Array;
  /** Departure times (hours on the caller's clock), ascending within each arc. */
  readonly departureHours: Float64Array;
  /** Trip time of each departure, hours. */
  readonly tripHours: Float64Array;
}

function finite(field: string, v: unknown, atLeastZero: boolean): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || (atLeastZero && !(v >= 0))) {
    throw new InvalidArgumentError(field, v, atLeastZero ? 'a finite number of hours ≥ 0' : 'a finite number of hours');
  }
  return v;
}

/**
 * Build a timetable from one `ArcTiming` per arc (index = original arc index). Checks every value:
 * durations and trip times finite and ≥ 0, departure times finite and ascending, and FIFO
 * (departure + trip never decreases from one departure to the next); throws `InvalidArgumentError`
 * naming the arc and entry otherwise. A scheduled arc with no departures can never be used.
 */
export function buildTimetable(arcs: readonly ArcTiming[]): Timetable {
  if (!Array.isArray(arcs)) throw new InvalidArgumentError('arcs', arcs, 'an array with one timing per arc');
  const arcCount = arcs.length;
  const durationHours = new Float64Array(arcCount);
  const departureStart = new Int32Array(arcCount + 1);
  let total = 0;
  for (let a = 0; a < arcCount; a++) {
    const t: unknown = arcs[a];
    if (typeof t !== 'object' || t === null) throw new InvalidArgumentError(`arcs[${a}]`, t, '{ durationHours } or { departureHours, tripHours }');
    if ('durationHours' in t) {
      durationHours[a] = finite(`arcs[${a}].durationHours`, t.durationHours, true);
    } else if ('departureHours' in t && 'tripHours' in t) {
      const deps = t.departureHours as ArrayLike<number>;
      const trips = t.tripHours as ArrayLike<number>;
      if (typeof deps?.length !== 'number' || typeof trips?.length !== 'number' || deps.length !== trips.length) {
        throw new InvalidArgumentError(`arcs[${a}].tripHours`, trips, 'an array as long as departureHours');
      }
      durationHours[a] = NaN;
      total += deps.length;
    } else {
      throw new InvalidArgumentError(`arcs[${a}]`, t, '{ durationHours } or { departureHours, tripHours }');
    }
    departureStart[a + 1] = total;
  }
  const departureHours = new Float64Array(total);
  const tripHours = new Float64Array(total);
  for (let a = 0; a < arcCount; a++) {
    const t = arcs[a]!;
    if ('durationHours' in t) continue;
    const base = departureStart[a]!;
    for (let i = 0; i < t.departureHours.length; i++) {
      const dep = finite(`arcs[${a}].departureHours[${i}]`, t.departureHours[i], false);
      const trip = finite(`arcs[${a}].tripHours[${i}]`, t.tripHours[i], true);
      if (i > 0) {
        const prevDep = departureHours[base + i - 1]!;
        if (dep < prevDep) throw new InvalidArgumentError(`arcs[${a}].departureHours[${i}]`, dep, `a time ≥ the previous departure (${prevDep})`);
        const prevArrival = prevDep + tripHours[base + i - 1]!;
        if (dep + trip < prevArrival) {
          throw new InvalidArgumentError(`arcs[${a}].tripHours[${i}]`, trip, `a trip arriving no earlier than the previous departure's (at ${prevArrival}; arcs must be FIFO)`);
        }
      }
      departureHours[base + i] = dep;
      tripHours[base + i] = trip;
    }
  }
  return { arcCount, durationHours, departureStart, departureHours, tripHours };
}

/**
 * When an arc is left and reached if one is ready to take it at `hours`: `[departure, arrival]`
 * written into `out`; arrival is Infinity when no departure remains.
 */
export function traverse(tt: Timetable, arc: number, hours: number, out: Float64Array): void {
  const d = tt.durationHours[arc]!;
  if (d === d) {
    out[0] = hours;
    out[1] = hours + d;
    return;
  }
  let lo = tt.departureStart[arc]!;
  let hi = tt.departureStart[arc + 1]!;
  const deps = tt.departureHours;
  // First departure at or after `hours`.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (deps[mid]! < hours) lo = mid + 1;
    else hi = mid;
  }
  if (lo === tt.departureStart[arc + 1]!) {
    out[0] = Infinity;
    out[1] = Infinity;
    return;
  }
  out[0] = deps[lo]!;
  out[1] = deps[lo]! + tt.tripHours[lo]!;
}
