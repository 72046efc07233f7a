// fast-check arbitraries shared by the property tests: random networks of 2–6 nodes with random
// stages (fixed, uniform and lognormal durations; some that may not happen), rail, road and ferry
// links (some both ways, so the graphs have cycles) and ferry services (fixed or triangular headways) with cancellations;
// and the arc weights of the engine's random graphs.
import fc from 'fast-check';
import type { LinkSpec, Mode, NetworkSpec, NodeSpec, StageSpec } from '../src/index.js';

const dist = fc.oneof(
  fc.record({ type: fc.constant('fixed' as const), value: fc.double({ min: 0, max: 50, noNaN: true }) }),
  fc.tuple(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true })).map(([a, b]) => ({ type: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.tuple(fc.double({ min: 0.1, max: 20, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true })).map(([m, f]) => ({ type: 'lognormal' as const, median: m, p90: m * f })),
  triangular(0, 30),
);

/** A triangular distribution on [lo, hi]. */
function triangular(lo: number, hi: number) {
  return fc
    .tuple(fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([x, y, t]) => {
      const min = Math.min(x, y);
      const max = Math.max(x, y);
      return { type: 'triangular' as const, min, mode: Math.min(max, min + t * (max - min)), max };
    });
}
const stage = (i: number) =>
  fc.record({
    id: fc.constant(`s${i}`),
    name: fc.constant(`stage ${i}`),
    kind: fc.constantFrom('customs' as const, 'queue' as const, 'handling' as const),
    category: fc.constantFrom('customs' as const, 'waiting' as const, 'handling' as const),
    country: fc.constantFrom('KZ', 'AZ'),
    durationHours: dist,
    probability: fc.double({ min: 0.2, max: 1, noNaN: true }),
    modes: fc.subarray<Mode>(['rail', 'road', 'ferry'], { minLength: 1 }),
    when: fc.constantFrom('always' as const, 'transfer' as const, 'through' as const),
  });

/** Random small valid networks: 2–6 nodes in two countries, rail/road/ferry links, random stages. */
/** A random valid network spec: nodes n0 … n(k-1), links among them. */
export const networkArb = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.tuple(stage(0), stage(1), stage(2)).chain((st) => fc.subarray(st)), { minLength: n, maxLength: n }),
      fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: n - 1 }),
          hop: fc.integer({ min: 1, max: n - 1 }),
          mode: fc.constantFrom<Mode>('rail', 'road', 'ferry'),
          distanceKm: fc.double({ min: 1, max: 2000, noNaN: true }),
          speedKmh: fc.double({ min: 5, max: 120, noNaN: true }),
          headway: fc.oneof(fc.double({ min: 1, max: 100, noNaN: true }).map((value) => ({ type: 'fixed' as const, value })), triangular(1, 100)),
          cancel: fc.double({ min: 0, max: 0.5, noNaN: true }),
          both: fc.boolean(),
        }),
        { minLength: n, maxLength: 3 * n + 2 },
      ),
    )
    .map(([stageSets, links]): NetworkSpec => {
      const nodes: NodeSpec[] = stageSets.map((st, i) => ({
        id: `n${i}`,
        name: `Node ${i}`,
        kind: 'hub',
        country: i % 2 === 0 ? 'KZ' : 'AZ',
        lat: 40 + i,
        lon: 50 + i,
        ...(st.length > 0 ? { stages: st as StageSpec[] } : {}),
      }));
      const ls: LinkSpec[] = links.map((l, k) => {
        const to = (l.from + l.hop) % n;
        const base = { id: `l${k}`, from: `n${l.from}`, to: `n${to}`, mode: l.mode, distanceKm: l.distanceKm, country: 'KZ', bidirectional: l.both };
        return l.mode === 'ferry'
          ? { ...base, service: { headwayHours: l.headway, sailingHours: { type: 'fixed', value: l.distanceKm / 30 }, cancellationProbability: l.cancel } }
          : { ...base, speedKmh: l.speedKmh };
      });
      return { id: 'random', title: 'random', nodes, links: ls };
    }),
);

/** Arc weights for the engine's random graphs: zero, small integers (ties) or any double in [0, 100]. */
export const arcWeightArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
);
