// The Monte Carlo fast paths against simple oracles: the element kernel against `drawPart`, the
// table exp against Math.exp, the radix sort against the typed-array sort, and both simulation
// policies against a run-by-run re-implementation on the public engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { middleCorridor, parseNetwork, simulate, type Distribution, type Network } from '../src/index.js';
import { createWorkspace } from '../src/engine/workspace.js';
import { shortestPath } from '../src/engine/shortest-path.js';
import { compileExpanded } from '../src/route/compile.js';
import { exp } from '../src/simulate/exp.js';
import { sourceKeyOf, type PartModel } from '../src/route/expand.js';
import { ElementTable } from '../src/simulate/kernel.js';
import { ElementStream, mixRun } from '../src/simulate/random.js';
import { resolveTrip, type RouteOptions } from '../src/route/trip.js';
import { drawPart, lengthBiasedQuantileOf } from '../src/simulate/sample.js';
import { sortFloat64, sortFloat64Grouped } from '../src/stats/radix-sort.js';
import { sortedWithMonths, summariesByMonth } from '../src/simulate/by-month.js';
import { summarize } from '../src/stats/summary.js';
import { deviation, mean } from 'd3-array';
import { networkArb } from './arbitraries.js';
import { toySpec } from './fixtures.js';
import { congestedTrip, resolveCongestion, type CongestionOptions } from '../src/simulate/congestion/settings.js';
import { sampleWaitTable } from '../src/simulate/congestion/table.js';

const positive = fc.double({ min: 0.01, max: 200, noNaN: true });
const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  positive.map((value) => ({ type: 'fixed' as const, value })),
  fc.tuple(positive, positive).map(([a, b]) => ({ type: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.tuple(positive, positive, positive).map(([a, b, c]) => {
    const [min, mode, max] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
    return { type: 'triangular' as const, min, mode, max };
  }),
  fc.tuple(positive, fc.double({ min: 1.01, max: 4, noNaN: true })).map(([median, f]) => ({ type: 'lognormal' as const, median, p90: median * f })),
  fc.array(positive, { minLength: 1, maxLength: 5 }).map((values) => ({ type: 'empirical' as const, values })),
);
const model: fc.Arbitrary<PartModel> = fc.oneof(
  positive.map((hours) => ({ type: 'constant' as const, hours })),
  fc.tuple(distribution, fc.oneof(fc.constant(1), fc.double({ min: 0.01, max: 0.99, noNaN: true }))).map(([dist, probability]) => ({ type: 'random' as const, dist, probability })),
  // A stage instead of another: its occurrence is a band of the other element's draw 0.
  fc.tuple(distribution, fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([dist, from, t]) => ({
    type: 'random' as const,
    dist,
    probability: (1 - from) * t,
    occurrence: { key: 'other', from },
  })),
  // A speed restriction drawn with another element's travel.
  fc.tuple(distribution, positive, fc.double({ min: 0.001, max: 1, noNaN: true })).map(([travel, limitHours, perTravelHour]) => ({ type: 'restriction' as const, travel, travelKey: 'other', limitHours, perTravelHour })),
  fc.tuple(distribution, fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.6, noNaN: true }), fc.constantFrom(0.97, 0.9999999))).map(([headway, cancellationProbability]) => ({ type: 'departure-wait' as const, headway, cancellationProbability })),
  // A quantile table (a modelled wait), sometimes happening with another element's draw 0 (its
  // stage's, from 0, or the band of a stage instead of another).
  fc
    .tuple(
      fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 40 }),
      fc.oneof(fc.constant(1), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
      fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: 0.01, max: 0.9, noNaN: true })),
    )
    .map(([values, t, from]) => ({
      type: 'table' as const,
      table: sampleWaitTable(Float64Array.from(values).sort()),
      probability: from === null ? t : (1 - from) * t,
      ...(from === null ? {} : { occurrence: { key: 'other', from } }),
    })),
);

describe('element kernel', () => {
  it('fills exactly what drawPart draws, bit for bit, for every kind of part', () => {
    fc.assert(
      fc.property(fc.array(model, { minLength: 1, maxLength: 6 }), fc.nat(), fc.integer({ min: 1, max: 40 }), fc.nat({ max: 1e6 }), (models, seed, n, first) => {
        const table = new ElementTable(seed);
        models.forEach((m, i) => table.row(`e${i}`, m));
        const mixes = Int32Array.from({ length: n }, (_, r) => mixRun(first + r));
        const out = new Float64Array(n + 3);
        models.forEach((m, i) => {
          table.fill(i, mixes, n, out, 3);
          const stream = new ElementStream(seed, `e${i}`);
          const source = new ElementStream(seed, 'other');
          for (let r = 0; r < n; r++) expect(Object.is(out[3 + r], drawPart(m, stream, first + r, source))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('accumulate adds times × the draws and returns their sum', () => {
    const table = new ElementTable(5);
    table.row('x', { type: 'random', dist: { type: 'lognormal', median: 6, p90: 12 }, probability: 0.7 });
    const mixes = Int32Array.from({ length: 50 }, (_, r) => mixRun(r));
    const drawn = new Float64Array(50);
    table.fill(0, mixes, 50, drawn, 0);
    const totals = new Float64Array(50).fill(1);
    const sum = table.accumulate(0, mixes, 50, totals, 0, 2);
    expect(sum).toBeCloseTo(drawn.reduce((a, b) => a + b, 0), 9);
    drawn.forEach((h, r) => expect(totals[r]).toBe(1 + 2 * h));
  });

  it('lognormal and triangular stages that always happen (drawn two runs a turn): totals and the sum in run order, bit for bit, odd and even blocks', () => {
    const dist = fc.oneof(
      fc.tuple(fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 1.01, max: 6, noNaN: true })).map(([median, f]) => ({ type: 'lognormal' as const, median, p90: median * f })),
      fc.tuple(positive, positive, positive).map(([a, b, c]) => {
        const [min, mode, max] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        return { type: 'triangular' as const, min, mode, max };
      }),
    );
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 33 }), fc.nat({ max: 1e6 }), dist, (seed, n, first, d) => {
        const model = { type: 'random' as const, dist: d, probability: 1 };
        const table = new ElementTable(seed);
        table.row('x', model);
        const mixes = Int32Array.from({ length: n }, (_, r) => mixRun(first + r));
        const drawn = new Float64Array(n);
        table.fill(0, mixes, n, drawn, 0);
        const stream = new ElementStream(seed, 'x');
        let expected = 0;
        for (let r = 0; r < n; r++) {
          expect(Object.is(drawn[r], drawPart(model, stream, first + r))).toBe(true);
          expected += drawn[r]!;
        }
        const totals = new Float64Array(n + 2).fill(1);
        const sum = table.accumulate(0, mixes, n, totals, 1, 2);
        expect(Object.is(sum, expected)).toBe(true);
        expect(totals[0]).toBe(1);
        expect(totals[n + 1]).toBe(1);
        drawn.forEach((h, r) => expect(Object.is(totals[1 + r], 1 + 2 * h)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('a key seen again shares the first row (and its model)', () => {
    const table = new ElementTable(1);
    expect(table.row('k', { type: 'constant', hours: 1 })).toBe(0);
    expect(table.row('k', { type: 'constant', hours: 2 })).toBe(0);
    expect(table.count).toBe(1);
  });
});

describe('exp', () => {
  it('is within 5e-16 relative of Math.exp on (-700, 700), and defers to it outside', () => {
    fc.assert(
      fc.property(fc.double({ min: -699.99, max: 699.99, noNaN: true }), (x) => {
        const e = Math.exp(x);
        expect(Math.abs(exp(x) - e) / e).toBeLessThan(5e-16);
      }),
      { numRuns: 20_000 },
    );
    for (const x of [NaN, Infinity, -Infinity, 710, -745, 800]) expect(Object.is(exp(x), Math.exp(x))).toBe(true);
    expect(exp(0)).toBe(1);
  });

  it('is monotone across its table boundaries', () => {
    for (let k = -2000; k < 2000; k++) {
      const x = (k * Math.LN2) / 64;
      const below = x - 1e-13;
      const above = x + 1e-13;
      expect(exp(below)).toBeLessThanOrEqual(exp(x));
      expect(exp(x)).toBeLessThanOrEqual(exp(above));
    }
  });
});

describe('sortFloat64', () => {
  it('orders exactly as Float64Array.prototype.sort (radix path and small path)', () => {
    const special = fc.constantFrom(0, -0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE);
    const value = fc.oneof({ weight: 6, arbitrary: fc.double({ noNaN: true }) }, { weight: 1, arbitrary: special });
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 200 }), fc.integer({ min: 1, max: 60 }), (seedValues, copies) => {
        // Repeat to cross the radix threshold with many equal keys and few distinct digits.
        const values = Float64Array.from({ length: seedValues.length * copies }, (_, i) => seedValues[i % seedValues.length]! * (1 + (i % 3)));
        const expected = values.slice().sort();
        const got = sortFloat64(values.slice());
        expect(Buffer.from(got.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('with tags: moves each tag with its value, equal values keeping their tags in order (naive stable oracle)', () => {
    const value = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -40, max: 40 }).map((k) => k / 4) }, { weight: 1, arbitrary: fc.constantFrom(0, -0, Infinity, -Infinity) });
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 60 }), fc.boolean(), fc.nat(40), (pairs, few, large, nanAt) => {
        // Few distinct values repeated (past the radix threshold when `large`): ties decide the tags' order.
        const n = large ? 4096 + pairs.length * few : pairs.length * few;
        // Now and then a NaN (the built-in sort's path, NaN last).
        const nanIndex = nanAt % 4 === 0 ? nanAt * 97 : -1;
        const values = Float64Array.from({ length: n }, (_, i) => (i === nanIndex ? NaN : pairs[i % pairs.length]![0]));
        const tags = Uint8Array.from({ length: n }, (_, i) => ((pairs[i % pairs.length]![1] + Math.floor(i / pairs.length)) % 12) + 1);
        // Oracle: the language's stable sort of the run numbers, a before b when the built-in typed-array sort puts a first.
        const before = (a: number, b: number): boolean => !Object.is(a, b) && Object.is(new Float64Array([b, a]).sort()[0], a);
        const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (before(values[i]!, values[j]!) ? -1 : before(values[j]!, values[i]!) ? 1 : 0));
        const gotValues = values.slice();
        const gotTags = tags.slice();
        sortFloat64(gotValues, gotTags);
        expect(Buffer.from(gotValues.buffer).equals(Buffer.from(Float64Array.from(order, (i) => values[i]!).buffer))).toBe(true);
        expect([...gotTags]).toEqual(order.map((i) => tags[i]!));
      }),
      { numRuns: 25 },
    );
  });

  it('grouped by tag: the sorted values, and each tag with the same values as the stable sort gives it (packed path and fallback)', () => {
    // Transit-like values (2 to 5,000: the tag rides in the key) or any doubles (the stable fallback); many ties.
    const transit = fc.oneof(fc.double({ min: 2, max: 5000, noNaN: true }), fc.integer({ min: 8, max: 20000 }).map((k) => k / 4));
    const any = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, 1.5, Infinity, -Infinity));
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 15 })), { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 80 }), fc.array(transit, { minLength: 1, maxLength: 60 }), fc.array(any, { minLength: 1, maxLength: 60 }), fc.nat(), (packable, shape, few, good, bad, pick) => {
        const pool = packable ? good : [...good, ...bad];
        const n = 4096 + shape.length * few;
        const values = Float64Array.from({ length: n }, (_, i) => pool[(i * 31 + pick) % pool.length]!);
        const tags = Uint8Array.from({ length: n }, (_, i) => shape[i % shape.length]![1]);
        const stableValues = values.slice();
        const stableTags = tags.slice();
        sortFloat64(stableValues, stableTags);
        const gotValues = values.slice();
        const gotTags = tags.slice();
        sortFloat64Grouped(gotValues, gotTags);
        expect(Buffer.from(gotValues.buffer).equals(Buffer.from(stableValues.buffer))).toBe(true);
        // Per tag, the values in output order: the same sequence (bit patterns, so -0 and +0 count) as the stable sort's.
        const byTag = (v: Float64Array, t: Uint8Array): string[][] => {
          const out: string[][] = Array.from({ length: 16 }, () => []);
          for (let i = 0; i < v.length; i++) out[t[i]!]!.push(Object.is(v[i], -0) ? '-0' : String(v[i]));
          return out;
        };
        expect(byTag(gotValues, gotTags)).toEqual(byTag(stableValues, stableTags));
        // Laid out by tag in the same pass: each tag's values, one tag after the other.
        const counts = new Int32Array(17);
        for (const t of tags) counts[t + 1]!++;
        for (let t = 1; t <= 16; t++) counts[t]! += counts[t - 1]!;
        const into = new Float64Array(n);
        const firsts = counts.slice(0, 16);
        sortFloat64Grouped(values.slice(), tags.slice(), into, firsts);
        const expected = byTag(stableValues, stableTags).flat();
        expect(Array.from(into, (v) => (Object.is(v, -0) ? '-0' : String(v)))).toEqual(expected);
        expect([...firsts]).toEqual([...counts.slice(1, 17)]);
      }),
      { numRuns: 30 },
    );
  });

  it('by month from one sort: the figures of sorting each month apart', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 5000, noNaN: true }), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (pairs, few, large) => {
        const n = large ? 4096 + pairs.length * few : pairs.length * few;
        const samples = Float64Array.from({ length: n }, (_, i) => pairs[i % pairs.length]![0] * (1 + (i % 7) / 8));
        const months = Uint8Array.from({ length: n }, (_, i) => pairs[i % pairs.length]![1]);
        const { sorted, byMonth } = sortedWithMonths(samples, months);
        expect(Buffer.from(sorted.buffer).equals(Buffer.from(samples.slice().sort().buffer))).toBe(true);
        expect(byMonth).toEqual(summariesByMonth(samples, months));
      }),
      { numRuns: 25 },
    );
  });

  it('sends arrays with NaN to the built-in sort', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i === 17 ? NaN : 5000 - i));
    const got = sortFloat64(values.slice());
    expect(Number.isNaN(got[4999])).toBe(true);
    expect(got[0]).toBe(1);
  });
});

describe('summarize', () => {
  it("gives d3-array's mean and deviation, bit for bit", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (list) => {
        const values = Float64Array.from(list);
        const s = summarize(values);
        const sorted = values.slice().sort(); // summarize works on the sorted copy
        expect(Object.is(s.meanHours, mean(sorted))).toBe(true);
        expect(Object.is(s.sdHours, values.length > 1 ? deviation(sorted) : 0)).toBe(true);
      }),
    );
  });
});

describe('length-biased triangular quantile', () => {
  it('inverts the CDF (to 1e-11 on well-conditioned supports) and is monotone in u', () => {
    fc.assert(
      fc.property(fc.tuple(positive, positive, positive), fc.array(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), { minLength: 2, maxLength: 20 }), (abc, us) => {
        const [a, c, b] = [...abc].sort((x, y) => x - y) as [number, number, number];
        fc.pre(b - a > 1e-6 * b);
        const d = { type: 'triangular' as const, min: a, mode: c, max: b };
        const mean = (a + b + c) / 3;
        // CDF of x·f(x)/E[X]: the integrand is quadratic on each side of the mode, so Simpson's
        // rule with one panel per side is exact.
        const f = (t: number): number => (t < c ? (c > a ? (2 * (t - a)) / ((b - a) * (c - a)) : 0) : (2 * (b - t)) / ((b - a) * (b - c)));
        const simpson = (p: number, q: number): number => ((q - p) / 6) * (p * f(p) + 4 * ((p + q) / 2) * f((p + q) / 2) + q * f(q));
        const cdf = (x: number): number => (simpson(a, Math.min(x, c)) + (x > c ? simpson(c, x) : 0)) / mean;
        const sorted = [...us].sort((x, y) => x - y);
        let previous = -Infinity;
        for (const u of sorted) {
          const x = lengthBiasedQuantileOf(d, u);
          expect(x).toBeGreaterThanOrEqual(a);
          expect(x).toBeLessThanOrEqual(b);
          // Rounding in either CDF grows like b / (b − a) when the support is narrow against its position.
          expect(Math.abs(cdf(x) - u)).toBeLessThan(1e-11 + 1e-14 * (b / (b - a)));
          expect(x).toBeGreaterThanOrEqual(previous - 1e-9 * (b - a));
          previous = x;
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** Planned and adaptive simulation, run by run, on the public engine and `drawPart`. */
function oracle(network: Network, trip: RouteOptions & CongestionOptions, seed: number, runs: number, policy: 'planned' | 'adaptive'): { samples: Float64Array; routes: Map<string, number> } {
  // The congestion model's waits (table parts, gated by their stage's draw), when it is on.
  const resolved = congestedTrip(resolveTrip(network, trip), resolveCongestion(network, trip)).trip;
  const graph = resolved.graph;
  const compiled = compileExpanded(graph);
  const ws = createWorkspace(compiled.csr);
  const streams = new Map<string, ElementStream>();
  const models = new Map<string, PartModel>();
  for (const arc of graph.arcs) for (const p of arc.parts) if (!models.has(p.key)) models.set(p.key, p.model);
  const stream = (key: string): ElementStream => {
    let s = streams.get(key);
    if (s === undefined) streams.set(key, (s = new ElementStream(seed, key)));
    return s;
  };
  const planned = shortestPath(compiled.csr, resolved.sources, resolved.targets, ws)!.arcs;
  const samples = new Float64Array(runs);
  const routes = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    const weight = (a: number): number => {
      let w = 0;
      for (const p of graph.arcs[a]!.parts) {
        const m = models.get(p.key)!;
        const source = sourceKeyOf(m);
        w += drawPart(m, stream(p.key), run, source === undefined ? undefined : stream(source));
      }
      return w;
    };
    let arcs: ArrayLike<number> = planned;
    if (policy === 'adaptive') {
      for (let a = 0; a < graph.arcs.length; a++) compiled.csr.weights[compiled.csr.slotOf[a]!] = weight(a);
      arcs = shortestPath(compiled.csr, resolved.sources, resolved.targets, ws)!.arcs;
    }
    let total = 0;
    for (let i = 0; i < arcs.length; i++) total += weight(arcs[i]!);
    samples[run] = total;
    const key = Array.from(arcs).join(',');
    routes.set(key, (routes.get(key) ?? 0) + 1);
  }
  return { samples, routes };
}

// The shipped corridor with its episodes off: the kernel alone (episodes have their own oracle, test/episodes.test.ts).
describe('simulate against a run-by-run oracle', () => {
  const corridor = middleCorridor();
  const trips: (RouteOptions & CongestionOptions)[] = [
    { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } },
    { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, congestion: 'surveyed' },
    { origin: 'kashgar', destination: 'baku', profile: 'truck' },
    { origin: 'xian', destination: 'tbilisi', profile: 'wagon', volume: 0.8 },
    { origin: 'dushanbe', destination: 'aktau', profile: 'truck', congestion: 'surveyed' },
  ];

  it('planned: every run total matches the sum of drawPart over the route (to rounding)', () => {
    for (const trip of trips) {
      const got = simulate(corridor, { ...trip, runs: 700, seed: 31, seasons: false })!;
      const want = oracle(corridor, trip, 31, 700, 'planned');
      for (let r = 0; r < 700; r++) expect(Math.abs(got.samples[r]! - want.samples[r]!)).toBeLessThanOrEqual(1e-12 * want.samples[r]!);
    }
  });

  it('adaptive: the pruned, chained search finds the same route and the same total, bit for bit', () => {
    for (const trip of trips) {
      const got = simulate(corridor, { ...trip, runs: 300, seed: 8, policy: 'adaptive', seasons: false })!;
      const want = oracle(corridor, trip, 8, 300, 'adaptive');
      expect(Buffer.from(got.samples.buffer).equals(Buffer.from(want.samples.buffer))).toBe(true);
      const routes = new Map(got.routes.map((r) => [r.links.join(','), r.runs]));
      expect([...routes.values()].sort()).toEqual([...want.routes.values()].sort());
    }
  });

  it('adaptive on random networks (cycles, parallel links, ferries) matches the oracle, bit for bit', () => {
    // Runs span a partial sub-block of searches; the random networks have links both ways, so the
    // label-correcting sweeps meet arcs to lower-numbered vertices and sweep again.
    fc.assert(
      fc.property(networkArb, fc.constantFrom('container-rail', 'truck'), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (spec, profile, seed) => {
        const network = parseNetwork(spec);
        const trip = { origin: 'n0', destination: `n${spec.nodes.length - 1}`, profile };
        const got = simulate(network, { ...trip, runs: 150, seed, policy: 'adaptive' });
        if (got === null) return;
        const want = oracle(network, trip, seed, 150, 'adaptive');
        expect(Buffer.from(got.samples.buffer).equals(Buffer.from(want.samples.buffer))).toBe(true);
        const routes = new Map(got.routes.map((r) => [r.links.join(','), r.runs]));
        expect([...routes.values()].sort()).toEqual([...want.routes.values()].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('adaptive on the toy network (parallel road and rail, a ferry) matches the oracle', () => {
    const toy = parseNetwork(toySpec());
    const trip = { origin: 'a', destination: 'p', profile: 'container-rail' };
    const got = simulate(toy, { ...trip, runs: 500, seed: 3, policy: 'adaptive' })!;
    const want = oracle(toy, trip, 3, 500, 'adaptive');
    expect(Buffer.from(got.samples.buffer).equals(Buffer.from(want.samples.buffer))).toBe(true);
  });
});
