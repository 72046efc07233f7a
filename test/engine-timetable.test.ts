// Property tests of time-dependent earliest arrival on seeded random timetabled graphs, against a
// label-correcting oracle that scans departures linearly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../src/engine/csr.js';
import { earliestArrival } from '../src/engine/earliest-arrival.js';
import { shortestPath } from '../src/engine/shortest-path.js';
import { buildTimetable, type ArcTiming } from '../src/engine/timetable.js';
import { createWorkspace } from '../src/engine/workspace.js';
import { InvalidArgumentError } from '../src/errors.js';

const SEED = 20251121;

interface Case {
  readonly n: number;
  readonly from: number[];
  readonly to: number[];
  readonly timings: ArcTiming[];
  readonly sources: number[];
  readonly targets: number[];
  readonly start: number;
}

/** FIFO departures on integer hours (exact arithmetic): arrivals never decrease. */
const scheduleArb = fc.array(fc.tuple(fc.nat(12), fc.nat(8)), { maxLength: 5 }).map((steps) => {
  const departureHours: number[] = [];
  const tripHours: number[] = [];
  let dep = 0;
  let arrival = -Infinity;
  for (const [gap, extra] of steps) {
    dep += gap;
    arrival = Math.max(arrival, dep) + extra;
    departureHours.push(dep);
    tripHours.push(arrival - dep);
  }
  return { departureHours, tripHours };
});

const timingArb: fc.Arbitrary<ArcTiming> = fc.oneof(fc.nat(10).map((d) => ({ durationHours: d })), scheduleArb);

const caseArb: fc.Arbitrary<Case> = fc
  .record({ n: fc.noBias(fc.integer({ min: 1, max: 10 })), m: fc.noBias(fc.integer({ min: 0, max: 30 })) })
  .chain(({ n, m }) => {
    const vertex = fc.noBias(fc.nat(n - 1));
    return fc.record({
      n: fc.constant(n),
      arcs: fc.array(fc.tuple(vertex, vertex, timingArb), { minLength: m, maxLength: m }),
      sources: fc.uniqueArray(vertex, { minLength: 1, maxLength: 2 }),
      targets: fc.uniqueArray(vertex, { minLength: 1, maxLength: 2 }),
      start: fc.integer({ min: -5, max: 30 }),
    });
  })
  .map(({ n, arcs, sources, targets, start }) => ({
    n,
    from: arcs.map((a) => a[0]),
    to: arcs.map((a) => a[1]),
    timings: arcs.map((a) => a[2]),
    sources,
    targets,
    start,
  }));

/** Arrival over one arc when ready at `t`, by a linear scan. */
function reach(timing: ArcTiming, t: number): number {
  if ('durationHours' in timing) return t + timing.durationHours;
  for (let i = 0; i < timing.departureHours.length; i++) {
    if (timing.departureHours[i]! >= t) return timing.departureHours[i]! + timing.tripHours[i]!;
  }
  return Infinity;
}

/** Label-correcting earliest arrival at every vertex (rounds until nothing improves). */
function oracle(c: Case): number[] {
  const arr = new Array<number>(c.n).fill(Infinity);
  for (const s of c.sources) arr[s] = c.start;
  for (let changed = true; changed; ) {
    changed = false;
    for (let a = 0; a < c.from.length; a++) {
      const t = arr[c.from[a]!]!;
      if (t === Infinity) continue;
      const r = reach(c.timings[a]!, t);
      if (r < arr[c.to[a]!]!) {
        arr[c.to[a]!] = r;
        changed = true;
      }
    }
  }
  return arr;
}

const csrOf = (c: Case) => buildCsr(c.n, c.from, c.to, new Float64Array(c.from.length));

describe('earliestArrival', () => {
  it('earliestArrival(csr, timetable, sources, departureHours, targets, ws) equals a label-correcting oracle, with a consistent timed path', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const csr = csrOf(c);
        const tt = buildTimetable(c.timings);
        const got = earliestArrival(csr, tt, c.sources, c.start, c.targets, createWorkspace(csr));
        const arr = oracle(c);
        const best = Math.min(...c.targets.map((t) => arr[t]!));
        if (best === Infinity) {
          expect(got).toBeNull();
          return;
        }
        expect(got).not.toBeNull();
        const p = got!;
        expect(p.arrivalHours).toBe(best);
        expect(c.sources).toContain(p.source);
        expect(c.targets).toContain(p.target);
        let at = p.source;
        let t = c.start;
        p.arcs.forEach((a, i) => {
          expect(c.from[a]).toBe(at);
          const timing = c.timings[a]!;
          expect(p.arcDepartureHours[i]).toBeGreaterThanOrEqual(t);
          if ('durationHours' in timing) {
            expect(p.arcDepartureHours[i]).toBe(t);
            expect(p.arcArrivalHours[i]).toBe(t + timing.durationHours);
          } else {
            const k = Array.from(timing.departureHours).indexOf(p.arcDepartureHours[i]!);
            expect(k).toBeGreaterThanOrEqual(0);
            expect(p.arcArrivalHours[i]).toBe(reach(timing, t));
          }
          t = p.arcArrivalHours[i]!;
          at = c.to[a]!;
        });
        expect(at).toBe(p.target);
        expect(t).toBe(p.arrivalHours);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('earliestArrival with fixed durations only equals shortestPath on those durations', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const durations = c.timings.map((t) => ('durationHours' in t ? t.durationHours : 1));
        const csr = buildCsr(c.n, c.from, c.to, durations);
        const ws = createWorkspace(csr);
        const timed = earliestArrival(csr, buildTimetable(durations.map((d) => ({ durationHours: d }))), c.sources, c.start, c.targets, ws);
        const plain = shortestPath(csr, c.sources, c.targets, ws);
        expect(timed === null).toBe(plain === null);
        if (plain !== null) expect(timed!.arrivalHours - c.start).toBe(plain.cost);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('a scheduled arc is unusable after its last departure', () => {
    const csr = buildCsr(2, [0], [1], [0]);
    const tt = buildTimetable([{ departureHours: [2, 10], tripHours: [5, 5] }]);
    const ws = createWorkspace(csr);
    expect(earliestArrival(csr, tt, [0], 0, [1], ws)!.arrivalHours).toBe(7);
    expect(earliestArrival(csr, tt, [0], 2, [1], ws)!.arcDepartureHours[0]).toBe(2);
    expect(earliestArrival(csr, tt, [0], 3, [1], ws)!.arrivalHours).toBe(15);
    expect(earliestArrival(csr, tt, [0], 10.5, [1], ws)).toBeNull();
  });
});

describe('buildTimetable', () => {
  it('buildTimetable rejects unsorted departures, non-FIFO trips and bad numbers, naming the arc and entry', () => {
    const field = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as InvalidArgumentError).field;
      }
      throw new Error('expected a throw');
    };
    expect(field(() => buildTimetable([{ durationHours: 1 }, { departureHours: [3, 1], tripHours: [1, 1] }]))).toBe('arcs[1].departureHours[1]');
    expect(field(() => buildTimetable([{ departureHours: [0, 1], tripHours: [10, 1] }]))).toBe('arcs[0].tripHours[1]');
    expect(field(() => buildTimetable([{ durationHours: NaN }]))).toBe('arcs[0].durationHours');
    expect(field(() => buildTimetable([{ durationHours: -1 }]))).toBe('arcs[0].durationHours');
    expect(field(() => buildTimetable([{ departureHours: [0], tripHours: [-1] }]))).toBe('arcs[0].tripHours[0]');
    expect(field(() => buildTimetable([{ departureHours: [Infinity], tripHours: [1] }]))).toBe('arcs[0].departureHours[0]');
    expect(field(() => buildTimetable([{ departureHours: [0, 1], tripHours: [1] }]))).toBe('arcs[0].tripHours');
    expect(field(() => earliestArrival(buildCsr(1, [], [], []), buildTimetable([{ durationHours: 1 }]), [0], 0, [0], createWorkspace({ vertexCount: 1 })))).toBe('timetable');
  });
});
