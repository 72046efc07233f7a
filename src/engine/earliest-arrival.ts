// Time-dependent earliest arrival: Dijkstra whose labels are clock times, where an arc taken at
// time t is reached at `traverse(arc, t)` (fixed duration, or the next scheduled departure's
// arrival). Waiting at a vertex is allowed; with FIFO arcs (checked by `buildTimetable`) the first
// time a vertex leaves the queue is its earliest arrival (Dreyfus 1969).
import { InvalidArgumentError } from '../errors.js';
import type { Csr } from './csr.js';
import { chainLength, writeChain } from './path.js';
import { traverse, type Timetable } from './timetable.js';
import { TARGET, type Workspace, checkEnds, markTargets, clearTargets } from './workspace.js';

/** A timed path: the arcs taken and when each was left and reached. */
export interface TimedPath {
  /** Original arc indices, in path order. */
  readonly arcs: Int32Array;
  readonly source: number;
  readonly target: number;
  /** The start time given. */
  readonly departureHours: number;
  /** When the target is reached. */
  readonly arrivalHours: number;
  /** Per arc: when it was left (after any wait for a departure). */
  readonly arcDepartureHours: Float64Array;
  /** Per arc: when its head was reached. */
  readonly arcArrivalHours: Float64Array;
}

/**
 * The earliest arrival at any of `targets` leaving any of `sources` at `departureHours`, over arcs
 * timed by `timetable` (whose arc indices are `csr`'s original arc indices). `csr.weights` are not
 * used. `null` when no target can be reached.
 */
export function earliestArrival(
  csr: Csr,
  timetable: Timetable,
  sources: ArrayLike<number>,
  departureHours: number,
  targets: ArrayLike<number>,
  ws: Workspace,
): TimedPath | null {
  checkEnds(csr, ws, sources, targets);
  if (timetable?.arcCount !== csr.arcCount) throw new InvalidArgumentError('timetable', timetable, `a timetable of ${csr.arcCount} arcs`);
  if (!Number.isFinite(departureHours)) throw new InvalidArgumentError('departureHours', departureHours, 'a finite number of hours');
  if (sources.length === 0 || targets.length === 0) return null;
  const flags = ws.flags;
  markTargets(ws, targets);
  const side = ws.forward;
  side.reset();
  for (let i = 0; i < sources.length; i++) side.start(sources[i]!, departureHours);
  const { offsets, targets: heads, arcOf } = csr;
  const { dist, parent, heap, touched } = side;
  const { durationHours, departureStart, departureHours: deps, tripHours } = timetable;
  let tc = side.touchedCount;
  let found = -1;
  while (heap.size > 0) {
    const u = heap.pop();
    if (flags[u] === TARGET) {
      found = u;
      break;
    }
    const tu = dist[u]!;
    for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
      const a = arcOf[s]!;
      const d = durationHours[a]!;
      let arrival: number;
      if (d === d) {
        arrival = tu + d;
      } else {
        let lo = departureStart[a]!;
        const last = departureStart[a + 1]!;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (deps[mid]! < tu) lo = mid + 1;
          else hi = mid;
        }
        if (lo === last) continue;
        arrival = deps[lo]! + tripHours[lo]!;
      }
      const v = heads[s]!;
      const dv = dist[v]!;
      if (arrival < dv) {
        if (dv === Infinity) touched[tc++] = v;
        dist[v] = arrival;
        parent[v] = s;
        heap.push(v, arrival);
      }
    }
  }
  side.touchedCount = tc;
  clearTargets(ws, targets);
  if (found < 0) return null;
  const arcs = new Int32Array(chainLength(csr, parent, found));
  const source = writeChain(csr, parent, found, arcs, arcs.length);
  // Replay the path: the same arithmetic as the search, so the times match its labels exactly.
  const arcDepartureHours = new Float64Array(arcs.length);
  const arcArrivalHours = new Float64Array(arcs.length);
  const step = new Float64Array(2);
  let t = departureHours;
  for (let i = 0; i < arcs.length; i++) {
    traverse(timetable, arcs[i]!, t, step);
    arcDepartureHours[i] = step[0]!;
    arcArrivalHours[i] = t = step[1]!;
  }
  return { arcs, source, target: found, departureHours, arrivalHours: dist[found]!, arcDepartureHours, arcArrivalHours };
}
