// A place's statistics over the calendar: the closed share against the simulation's own histories
// (its EpisodeTable's worlds, the place's queue kept empty so that a pass waits only while closed)
// and against the closed form of a stationary process; the worst month's wait against the planned
// walk's hours at the node.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNetwork, simulate, type EpisodeSpec, type NetworkSpec } from '../src/index.js';
import { closedShare, worstMonthWait } from '../src/evidence/place-statistics.js';
import { EpisodeTable, WORLDS } from '../src/simulate/episodes.js';
import { resolveTrip } from '../src/route/trip.js';

/** A line a → b → c by rail with `episodes` at b, departures in 2025, correlation σ. */
function line(episodes: EpisodeSpec[], sigma: number): NetworkSpec {
  return {
    id: 'line',
    title: 'Line',
    calendar: { referenceYear: 2025 },
    ...(sigma > 0 ? { correlation: { sigma } } : {}),
    nodes: [
      { id: 'a', name: 'A', kind: 'terminal', country: 'KZ', lat: 40, lon: 50 },
      { id: 'b', name: 'B', kind: 'border', country: 'KZ', lat: 41, lon: 51, stages: [{ id: 's', name: 'S', kind: 'customs', category: 'customs', country: 'KZ', durationHours: { type: 'fixed', value: 3 }, modes: ['rail'] }] },
      { id: 'c', name: 'C', kind: 'terminal', country: 'AZ', lat: 42, lon: 52 },
    ],
    links: [
      { id: 'ab', from: 'a', to: 'b', mode: 'rail', distanceKm: 100, speedKmh: 10 },
      { id: 'bc', from: 'b', to: 'c', mode: 'rail', distanceKm: 50, speedKmh: 10, country: 'KZ' },
    ],
    episodes,
  } as NetworkSpec;
}

const storm = (rates: number[], min: number, mode: number, max: number, correlated: boolean): EpisodeSpec =>
  ({
    id: 'storm',
    name: 'Storm',
    at: { node: 'b' },
    effect: { type: 'closure' },
    occurrence: { type: 'process', startsPerMonth: rates, durationHours: { type: 'triangular', min, mode, max } },
    ...(correlated ? { correlated: true } : {}),
    utilisation: 0.5,
  }) as EpisodeSpec;

/** The share of (world, hour) pairs of the months in which the simulation's gate at b holds an arrival: closed then (its queue is kept empty). */
function sampledShare(spec: NetworkSpec, months: readonly number[], seed: number): number {
  const network = parseNetwork(spec);
  const sigma = spec.correlation?.sigma ?? 0;
  const from = Date.UTC(2025, Math.min(...months) - 1, 1) / 3.6e6;
  const to = Date.UTC(2025, Math.max(...months), 1) / 3.6e6;
  const table = new EpisodeTable(network, network.spec.episodes!, seed, sigma, { seasons: true, independent: sigma === 0, utilisationOf: () => 0 }, from, to);
  const graph = resolveTrip(network, { origin: 'a', destination: 'c', profile: 'container-rail' }).graph;
  const gate = table.gatesOf(graph.arcs.find((a) => a.type === 'stop' && a.node!.id === 'b')!).post[0]!;
  let closed = 0;
  let n = 0;
  for (let w = 0; w < WORLDS; w += 2) {
    for (let t = from + 1.5; t < to; t += 3) {
      if (!months.includes(new Date(t * 3.6e6).getUTCMonth() + 1)) continue;
      n++;
      if (table.pass(gate, 0, t, w) > 0) closed++;
    }
  }
  return closed / n;
}

describe('closedShare', () => {
  it('is the closed form 1 − exp(−λ E[D]) for a process with the same rate every month, independent', () => {
    const net = parseNetwork(line([storm(Array(12).fill(6), 12, 36, 120, false)], 0));
    // E[D] of triangular(12, 36, 120) = 56 h; November–December average their own month lengths.
    const expected = (30 * (1 - Math.exp((-6 * 56) / (30 * 24))) + 31 * (1 - Math.exp((-6 * 56) / (31 * 24)))) / 61;
    expect(closedShare(net, 'b', [11, 12])).toBeCloseTo(expected, 3);
  });

  it('agrees with the simulation’s own histories (1,024 worlds), correlated or not, for random rates and durations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }).map((x) => x / 10), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 4, max: 48 }),
        fc.constantFrom(0, 0.8),
        fc.constantFrom([11, 12], [1], [6, 7]),
        (rates, mode, sigma, months) => {
          const spec = line([storm(rates, mode / 2, mode, mode * 3, sigma > 0)], sigma);
          const exact = closedShare(parseNetwork(spec), 'b', months)!;
          const sampled = sampledShare(spec, months, 7);
          // 512 worlds: the sampled share's error is a few hundredths at most (hours within a world are correlated).
          expect(Math.abs(exact - sampled)).toBeLessThan(0.03 + 0.1 * exact * sigma);
        },
      ),
      { numRuns: 8, seed: 14 },
    );
  });

  it('counts a date window as closed, lowers the share when the storms are correlated, and is 0 without closures', () => {
    const window: EpisodeSpec = { id: 'w', name: 'W', at: { node: 'b' }, effect: { type: 'closure' }, occurrence: { type: 'windows', recurring: [{ from: '12-01', to: '12-15' }] }, utilisation: 0.5 };
    expect(closedShare(parseNetwork(line([window], 0)), 'b', [12])).toBeCloseTo(15 / 31, 9);
    const rates = [4, 4, 2.5, 1.5, 1, 0.5, 0.5, 0.5, 1, 2.5, 9, 9];
    const independent = closedShare(parseNetwork(line([storm(rates, 12, 36, 120, true)], 0.8)), 'b', [11, 12], { independent: true })!;
    const correlated = closedShare(parseNetwork(line([storm(rates, 12, 36, 120, true)], 0.8)), 'b', [11, 12])!;
    expect(correlated).toBeLessThan(independent); // E[1 − e^(−M a)] < 1 − e^(−a) by Jensen
    expect(closedShare(parseNetwork(line([], 0)), 'b', [11, 12])).toBe(0);
  });
});

describe('worstMonthWait', () => {
  it('is the p95 of the hours at the node by departure month: the stage alone without episodes, more in the storm months with them', () => {
    const trip = { origin: 'a', destination: 'c', profile: 'container-rail', runs: 4000, seed: 5 };
    const calm = worstMonthWait(parseNetwork(line([], 0)), trip, 'b', 0.95)!;
    expect(calm.byMonth.every((h) => h === 3)).toBe(true);
    expect(calm.route).toEqual(['a', 'b', 'c']);
    const net = parseNetwork(line([storm([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9], 12, 36, 120, false)], 0));
    const w = worstMonthWait(net, trip, 'b', 0.95)!;
    expect(w.month).toBe(12);
    expect(w.hours).toBeGreaterThan(3 + 24);
    expect(w.byMonth.slice(1, 10).every((h) => h === 3)).toBe(true);
    // The hours at b are the trip's total minus the fixed 15 h of rail, run by run.
    const s = simulate(net, trip)!;
    const december = Array.from(s.samples).filter((_, r) => new Date(s.departureHours![r]! * 3.6e6).getUTCMonth() === 11).map((h) => h - 15).sort((a, b) => a - b);
    const k = (december.length - 1) * 0.95;
    const p95 = december[Math.floor(k)]! + (k - Math.floor(k)) * (december[Math.ceil(k)]! - december[Math.floor(k)]!);
    expect(w.hours).toBeCloseTo(p95, 6);
    expect(worstMonthWait(net, { ...trip, origin: 'b' }, 'a', 0.95)).toBeNull();
  });
});
