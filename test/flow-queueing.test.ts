// The queue model against queueing theory (M/M/1, M/M/c with Erlang C) and the event list's
// ordering guarantees.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNetwork, type Network } from '../src/index.js';
import { EventQueue } from '../src/simulate/flow/event-queue.js';
import { simulateFlow, type FlowSpec } from '../src/simulate/flow/index.js';

/** Exponential service with mean ≈ 1 h as an empirical distribution: its 4,000 mid-point quantiles. */
const N = 4000;
const EXP_VALUES = Array.from({ length: N }, (_, i) => -Math.log(1 - (i + 0.5) / N));
const MEAN_SERVICE = EXP_VALUES.reduce((a, b) => a + b, 0) / N;

/** Origin → one server stage with `c` servers → destination. */
function singleServer(c: number): Network {
  return parseNetwork({
    id: 'queue',
    title: 'One server',
    nodes: [
      { id: 'o', name: 'Origin', kind: 'terminal', country: 'KZ', lat: 43, lon: 76 },
      {
        id: 's',
        name: 'Server',
        kind: 'border',
        country: 'KZ',
        lat: 43,
        lon: 77,
        stages: [{ id: 'x', name: 'service', kind: 'handling', category: 'handling', country: 'KZ', durationHours: { type: 'empirical', values: EXP_VALUES }, modes: ['rail'], servers: c }],
      },
      { id: 'd', name: 'Destination', kind: 'terminal', country: 'KZ', lat: 43, lon: 78 },
    ],
    links: [
      { id: 'os', from: 'o', to: 's', mode: 'rail', distanceKm: 10, speedKmh: 10 },
      { id: 'sd', from: 's', to: 'd', mode: 'rail', distanceKm: 10, speedKmh: 10 },
    ],
  });
}

const flow = (perHour: number): FlowSpec => ({ id: 'f', name: 'Poisson stream', origin: 'o', destination: 'd', profile: 'wagon', perWeek: perHour * 168, size: { wagons: 1 } });

/** Erlang C: probability that an arrival waits, for c servers and offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const top = (term * a) / c / (1 - a / c);
  return top / (sum + top);
}

describe('simulateFlow agrees with queueing theory (Poisson arrivals, exponential service)', () => {
  // Tolerance 6% of the theoretical Wq: 200 weeks × 6 replications give ~200,000 customers; across
  // seeds the estimate lies within about 2.5% of theory.
  it('M/M/1 at ρ = 0.6: Wq = ρ/(μ − λ) within 6%, utilisation ρ within 2%, Little\'s law', () => {
    const lambda = 0.6;
    const mu = 1 / MEAN_SERVICE;
    const r = simulateFlow(singleServer(1), { volume: 1, weeks: 200, warmupWeeks: 4, seed: 2, replications: 6, flows: [flow(lambda)] });
    const s = r.servers[0]!;
    const wq = lambda / mu / (mu - lambda);
    expect(Math.abs(s.meanWaitHours!.estimate - wq) / wq).toBeLessThan(0.06);
    expect(Math.abs(s.utilisation.estimate - lambda / mu)).toBeLessThan(0.02);
    expect(Math.abs(s.offeredLoad! - lambda / mu)).toBeLessThan(0.02);
    expect(Math.abs(s.meanQueue.estimate - (s.arrivalsPerWeek / 168) * s.meanWaitHours!.estimate) / s.meanQueue.estimate).toBeLessThan(0.03);
    expect(s.saturated).toBe(false);
  }, 30_000);

  it('M/M/3 at ρ = 0.7: Wq = C(c, a)/(cμ − λ) (Erlang C) within 6%', () => {
    const lambda = 2.1;
    const c = 3;
    const mu = 1 / MEAN_SERVICE;
    const r = simulateFlow(singleServer(c), { volume: 1, weeks: 200, warmupWeeks: 4, seed: 2, replications: 6, flows: [flow(lambda)] });
    const s = r.servers[0]!;
    const wq = erlangC(c, lambda / mu) / (c * mu - lambda);
    expect(Math.abs(s.meanWaitHours!.estimate - wq) / wq).toBeLessThan(0.06);
    expect(Math.abs(s.utilisation.estimate - lambda / mu / c)).toBeLessThan(0.02);
  }, 30_000);

  it('an overloaded server (ρ = 1.3) is unstable: no mean wait or transit time, though it is busy all the time and its queue grows', () => {
    const r = simulateFlow(singleServer(1), { volume: 1, weeks: 20, warmupWeeks: 1, seed: 5, replications: 3, flows: [flow(1.3)] });
    const s = r.servers[0]!;
    expect(s.utilisationFromRates).toBeCloseTo(1.3, 3);
    expect(s.unstable).toBe(true);
    expect(s.meanWaitHours).toBeNull();
    expect(s.p95WaitHours).toBeNull();
    expect(r.flows[0]!.unstableAt).toEqual([s.id]);
    expect(r.flows[0]!.meanHours).toBeNull();
    expect(r.meanHours).toBeNull();
    expect(s.utilisation.estimate).toBeGreaterThan(0.98);
    expect(s.offeredLoad).toBeGreaterThan(1.2);
    expect(s.queueGrowthPerWeek.low).toBeGreaterThan(0);
    expect(s.saturated).toBe(true);
    expect(r.saturated).toEqual([s.id]);
    expect(r.unstable).toEqual([s.id]);
  });

  it('a server just below capacity (ρ = 0.95) is stable: it has a mean wait, and its flow a transit time', () => {
    const r = simulateFlow(singleServer(1), { volume: 1, weeks: 20, warmupWeeks: 1, seed: 5, replications: 2, flows: [flow(0.95)] });
    const s = r.servers[0]!;
    expect(s.unstable).toBe(false);
    expect(s.meanWaitHours).not.toBeNull();
    expect(r.flows[0]!.meanHours).not.toBeNull();
  });
});

describe('EventQueue', () => {
  it('pops events by time, and events at the same time in the order they were pushed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const q = new EventQueue(4);
        times.forEach((t, i) => q.push(t, 0, i));
        const out: number[] = [];
        const ev = { time: 0, type: 0, ref: 0 };
        while (q.pop(ev)) out.push(ev.ref);
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
        expect(out).toEqual(expected);
      }),
    );
  });

  it('keeps the order when pushes and pops interleave', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(-1)), { maxLength: 400 }), (ops) => {
        const q = new EventQueue(2);
        const ref: { t: number; i: number }[] = [];
        const ev = { time: 0, type: 0, ref: 0 };
        let now = 0;
        ops.forEach((op, i) => {
          if (op < 0) {
            const got = q.pop(ev);
            expect(got).toBe(ref.length > 0);
            if (!got) return;
            ref.sort((a, b) => a.t - b.t || a.i - b.i);
            const want = ref.shift()!;
            expect([ev.time, ev.ref]).toEqual([want.t, want.i]);
            now = ev.time;
          } else {
            // Events are never scheduled in the past, as in the simulation.
            q.push(now + op, 1, i);
            ref.push({ t: now + op, i });
          }
        });
        expect(q.size).toBe(ref.length);
      }),
    );
  });
});
