// Property tests of routing and validation on random networks, against an exhaustive-search oracle.
import { fsum } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidNetworkError, breakdown, fastestRoute, meanOf, parseNetwork, type LinkSpec, type Mode, type NetworkSpec, type NodeSpec, type StageSpec } from '../src/index.js';
import { toyDoc } from './fixtures.js';

const dist = fc.oneof(
  fc.record({ type: fc.constant('fixed' as const), value: fc.double({ min: 0, max: 50, noNaN: true }) }),
  fc.tuple(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true })).map(([a, b]) => ({ type: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.tuple(fc.double({ min: 0.1, max: 20, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true })).map(([m, f]) => ({ type: 'lognormal' as const, median: m, p90: m * f })),
);
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
const networkArb = fc.integer({ min: 2, max: 6 }).chain((n) =>
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
          headway: fc.double({ min: 1, max: 100, noNaN: true }),
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
          ? { ...base, service: { headwayHours: { type: 'fixed', value: l.headway }, sailingHours: { type: 'fixed', value: l.distanceKm / 30 }, cancellationProbability: l.cancel } }
          : { ...base, speedKmh: l.speedKmh };
      });
      return { id: 'random', title: 'random', nodes, links: ls };
    }),
);

/** The independent oracle: expected cost of every simple node path (DFS), taking the minimum. */
function exhaustiveMin(spec: NetworkSpec, origin: string, destination: string, modes: readonly Mode[]): number {
  const network = parseNetwork(spec);
  const linkCost = (l: (typeof network.links)[number]): number => {
    if (l.service) {
      const h = meanOf(l.service.headwayHours!);
      const c = l.service.cancellationProbability;
      return h / 2 + (c / (1 - c)) * h + meanOf(l.service.sailingHours);
    }
    return l.distanceKm / l.speedKmh!;
  };
  const stopCost = (nodeId: string, a: Mode, b: Mode): number => {
    let s = 0;
    for (const st of network.nodeById.get(nodeId)!.stages ?? []) {
      if (!st.modes.includes(a) && !st.modes.includes(b)) continue;
      if (st.when === 'transfer' && a === b) continue;
      if (st.when === 'through' && a !== b) continue;
      s += (st.probability ?? 1) * meanOf(st.durationHours);
    }
    return s;
  };
  let best = Infinity;
  const visit = (node: string, seen: Set<string>, cost: number, lastMode: Mode | null): void => {
    if (node === destination) {
      best = Math.min(best, cost);
      return;
    }
    for (const l of network.links) {
      if (l.from !== node || seen.has(l.to) || !modes.includes(l.mode)) continue;
      const stop = lastMode === null ? 0 : stopCost(node, lastMode, l.mode);
      seen.add(l.to);
      visit(l.to, seen, cost + stop + linkCost(l), l.mode);
      seen.delete(l.to);
    }
  };
  visit(origin, new Set([origin]), 0, null);
  return best;
}

describe('fastestRoute properties', () => {
  it('a route is no slower than any path found by exhaustive search, and equal to the best when node-simple', () => {
    fc.assert(
      fc.property(networkArb, fc.constantFrom('container-rail', 'truck', 'wagon'), (spec, profile) => {
        const network = parseNetwork(spec);
        const modes = network.profileById.get(profile)!.modes;
        const route = fastestRoute(network, { origin: 'n0', destination: `n${spec.nodes.length - 1}`, profile });
        const oracle = exhaustiveMin(spec, 'n0', `n${spec.nodes.length - 1}`, modes);
        if (route === null) {
          expect(oracle).toBe(Infinity);
          return;
        }
        expect(route.totalHours).toBeLessThanOrEqual(oracle + 1e-9 * Math.max(1, oracle));
        if (new Set(route.nodes).size === route.nodes.length) expect(route.totalHours).toBeCloseTo(oracle, 6);
      }),
      { numRuns: 300 },
    );
  });

  it("a route's total equals the sum of its parts, and its breakdown sums to the total", () => {
    fc.assert(
      fc.property(networkArb, (spec) => {
        const route = fastestRoute(parseNetwork(spec), { origin: 'n0', destination: `n${spec.nodes.length - 1}`, profile: 'container-rail' });
        if (route === null) return;
        expect(route.totalHours).toBe(fsum(route.parts, (p) => p.hours));
        expect(fsum(route.legs, (l) => l.hours) + fsum(route.stops, (s) => s.hours)).toBeCloseTo(route.totalHours, 9);
        const b = breakdown(route);
        const tol = 1e-12 * Math.max(1, route.totalHours);
        expect(Math.abs(fsum(b.byCountry, (c) => c.hours) - route.totalHours)).toBeLessThanOrEqual(tol);
        expect(Math.abs(fsum(Object.values(b.byCategory)) - route.totalHours)).toBeLessThanOrEqual(tol);
        for (const c of b.byCountry) expect(Math.abs(fsum(Object.values(c.byCategory)) - c.hours)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 200 },
    );
  });
});

describe('validation properties', () => {
  it('parseNetwork throws nothing but InvalidNetworkError, whatever the input', () => {
    const check = (input: unknown): void => {
      try {
        parseNetwork(input);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidNetworkError);
      }
    };
    fc.assert(fc.property(fc.anything(), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string(), check), { numRuns: 200 });
    // Mutations of a valid document: any field replaced by any value.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom('id', 'kind', 'country', 'lat', 'lon', 'stages', 'name'), fc.anything(), (i, key, value) => {
        const doc = toyDoc();
        doc.nodes[i][key] = value;
        check(doc);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom('from', 'to', 'mode', 'distanceKm', 'speedKmh', 'service', 'structures', 'bidirectional'), fc.anything(), (i, key, value) => {
        const doc = toyDoc();
        doc.links[i][key] = value;
        check(doc);
      }),
      { numRuns: 300 },
    );
  });
});
