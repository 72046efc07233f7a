// A fast-check arbitrary of richer random networks than `networkArb` (arbitraries.ts), for the paired
// (common random numbers) properties and the fuzz harness: border and port nodes with inspection
// stages (exams of at least `MIN_EXAM_HOURS`) and other stages of every distribution, rail and road
// links given by speed or by a random duration, some with a speed restriction or a bridge, ferries
// with irregular headways and cancellations.
import fc from 'fast-check';
import type { Distribution, LinkSpec, Mode, NetworkSpec, NodeSpec, StageSpec, StructureSpec } from '../src/index.js';

/** Every generated exam lasts at least this long: longer than the longest scan (1.5 × 20 min). */
export const MIN_EXAM_HOURS = 0.5;

const hours = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true });

/** A duration distribution on [lo, hi] of any type. */
export function distributionArb(lo: number, hi: number): fc.Arbitrary<Distribution> {
  return fc.oneof(
    hours(lo, hi).map((value) => ({ type: 'fixed' as const, value })),
    fc.tuple(hours(lo, hi), hours(lo, hi)).map(([a, b]) => ({ type: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
    fc.tuple(hours(lo, hi), hours(lo, hi), hours(0, 1)).map(([x, y, t]) => {
      const min = Math.min(x, y);
      const max = Math.max(x, y);
      return { type: 'triangular' as const, min, mode: Math.min(max, min + t * (max - min)), max };
    }),
    fc.tuple(hours(Math.max(lo, 0.01), hi), hours(1.01, 3)).map(([median, f]) => ({ type: 'lognormal' as const, median, p90: median * f })),
    fc.array(hours(lo, hi), { minLength: 1, maxLength: 4 }).map((values) => ({ type: 'empirical' as const, values })),
  );
}

/** An exam: never shorter than `MIN_EXAM_HOURS` (a lognormal's draws are all above its median / 10 here). */
const examArb: fc.Arbitrary<Distribution> = fc.oneof(
  hours(MIN_EXAM_HOURS, 12).map((value) => ({ type: 'fixed' as const, value })),
  fc.tuple(hours(MIN_EXAM_HOURS, 12), hours(0, 6), hours(0, 1)).map(([min, span, t]) => ({ type: 'triangular' as const, min, mode: min + t * span, max: min + span })),
  fc.tuple(hours(MIN_EXAM_HOURS, 8), hours(0, 6)).map(([min, span]) => ({ type: 'uniform' as const, min, max: min + span })),
);

/** A probability in whole percent (fast-check's doubles favour 0 and 1, which would hide most stages). */
const percentArb = fc.integer({ min: 0, max: 100 }).map((k) => k / 100);

const modesArb = fc.subarray<Mode>(['rail', 'road', 'ferry'], { minLength: 1 });

function stageArb(i: number): fc.Arbitrary<StageSpec> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.record({
      id: fc.constant(`s${i}`),
      name: fc.constant(`stage ${i}`),
      kind: fc.constantFrom('customs' as const, 'queue' as const, 'handling' as const, 'documents' as const),
      category: fc.constantFrom('customs' as const, 'waiting' as const, 'handling' as const, 'border' as const),
      country: fc.constantFrom('KZ', 'AZ', 'KG'),
      durationHours: distributionArb(0, 30),
      probability: percentArb,
      modes: modesArb,
      when: fc.constantFrom('always' as const, 'transfer' as const, 'through' as const),
    }) },
    { weight: 2, arbitrary: fc.record({
      id: fc.constant(`s${i}`),
      name: fc.constant(`exam ${i}`),
      kind: fc.constant('inspection' as const),
      category: fc.constant('customs' as const),
      country: fc.constantFrom('KZ', 'AZ', 'KG'),
      durationHours: examArb,
      probability: percentArb,
      modes: fc.oneof(fc.constant<Mode[]>(['rail', 'road', 'ferry']), modesArb),
    }) },
  );
}

const structureArb = (k: number, distanceKm: number): fc.Arbitrary<StructureSpec> =>
  fc.oneof(
    fc.record({ limit: hours(5, 80), share: hours(0.01, 1), closure: hours(0, 0.2) }).map(({ limit, share, closure }) => ({
      id: `b${k}`,
      name: `bridge ${k}`,
      kind: 'bridge' as const,
      speedLimitKmh: limit,
      restrictedKm: distanceKm * share,
      closureProbability: closure,
      closureDelayHours: { type: 'triangular' as const, min: 1, mode: 5, max: 24 },
    })),
    fc.record({ cap: hours(20, 60), detour: hours(1, 20) }).map(({ cap, detour }) => ({
      id: `b${k}`,
      name: `bridge ${k}`,
      kind: 'bridge' as const,
      weightLimitTonnes: cap,
      overweightDetourHours: { type: 'fixed' as const, value: detour },
      closureProbability: 0,
    })),
  );

const linkArb = (n: number) =>
  fc.record({
    from: fc.integer({ min: 0, max: n - 1 }),
    hop: fc.integer({ min: 1, max: n - 1 }),
    mode: fc.constantFrom<Mode>('rail', 'road', 'road', 'ferry'),
    distanceKm: hours(1, 2000),
    speedKmh: fc.option(hours(5, 120), { nil: undefined }),
    durationHours: distributionArb(0.5, 60),
    structure: fc.option(fc.boolean(), { nil: undefined }),
    headway: fc.oneof(hours(1, 100).map((value) => ({ type: 'fixed' as const, value })), distributionArb(1, 100)),
    cancel: hours(0, 0.6),
    both: fc.boolean(),
  });

/** Random valid networks of 2–6 nodes (n0 … n(k−1)) in KZ, AZ and KG, with the features above. */
export const richNetworkArb: fc.Arbitrary<NetworkSpec> = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.tuple(stageArb(0), stageArb(1), stageArb(2), stageArb(3)).chain((st) => fc.subarray(st)), { minLength: n, maxLength: n }),
      fc.array(fc.constantFrom('border' as const, 'border' as const, 'port' as const, 'hub' as const, 'terminal' as const), { minLength: n, maxLength: n }),
      // A spine n0 → n1 → … so that routes pass intermediate nodes, then links anywhere.
      fc.tuple(fc.array(linkArb(n), { minLength: n - 1, maxLength: n - 1 }), fc.array(linkArb(n), { minLength: 0, maxLength: 2 * n })).map(([spine, extra]) => [...spine.map((l, i) => ({ ...l, from: i, hop: 1 })), ...extra]),
    )
    .chain(([stageSets, kinds, links]) =>
      fc.tuple(...links.map((l, k) => (l.structure === true && l.mode !== 'ferry' ? structureArb(k, l.distanceKm).map((s) => [s]) : fc.constant([] as StructureSpec[])))).map((structures): NetworkSpec => {
        const nodes: NodeSpec[] = stageSets.map((st, i) => ({
          id: `n${i}`,
          name: `Node ${i}`,
          kind: kinds[i]!,
          country: ['KZ', 'AZ', 'KG'][i % 3]!,
          lat: 40 + i,
          lon: 50 + i,
          ...(st.length > 0 ? { stages: st } : {}),
        }));
        const ls: LinkSpec[] = links.map((l, k) => {
          const to = (l.from + l.hop) % n;
          const base = { id: `l${k}`, from: `n${l.from}`, to: `n${to}`, mode: l.mode, distanceKm: l.distanceKm, country: 'KZ', bidirectional: l.both };
          if (l.mode === 'ferry') {
            return { ...base, service: { headwayHours: l.headway, sailingHours: { type: 'fixed' as const, value: l.distanceKm / 30 }, cancellationProbability: l.cancel } };
          }
          const s = structures[k]!;
          return { ...base, ...(l.speedKmh !== undefined ? { speedKmh: l.speedKmh } : { durationHours: l.durationHours }), ...(s.length > 0 ? { structures: s } : {}) };
        });
        return { id: 'rich', title: 'rich random network', nodes, links: ls };
      }),
    ),
);
