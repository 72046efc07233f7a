// Property tests of routing and validation on random networks, against an exhaustive-search oracle.
import { fsum } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidNetworkError, breakdown, fastestRoute, middleCorridor, parseNetwork, type LinkSpec, type Mode, type NetworkSpec, type NodeSpec, type StageSpec } from '../src/index.js';
import { networkArb } from './arbitraries.js';
import { expectedLinkHours, expectedStopHours } from './oracles.js';
import { expand, partsHours } from '../src/route/expand.js';
import { throughWaypoints } from '../src/route/waypoints.js';
import { toyDoc } from './fixtures.js';

/** The independent oracle: expected cost of every simple node path (DFS), taking the minimum. */
function exhaustiveMin(spec: NetworkSpec, origin: string, destination: string, modes: readonly Mode[], drivers?: 1 | 2): number {
  const network = parseNetwork(spec);
  let best = Infinity;
  const visit = (node: string, seen: Set<string>, cost: number, lastMode: Mode | null): void => {
    if (node === destination) {
      best = Math.min(best, cost);
      return;
    }
    for (const l of network.links) {
      if (l.from !== node || seen.has(l.to) || !modes.includes(l.mode)) continue;
      const stop = lastMode === null ? 0 : expectedStopHours(network, node, lastMode, l.mode);
      seen.add(l.to);
      visit(l.to, seen, cost + stop + expectedLinkHours(l, drivers), l.mode);
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
        const { modes, drivers } = network.profileById.get(profile)!;
        const route = fastestRoute(network, { origin: 'n0', destination: `n${spec.nodes.length - 1}`, profile });
        const oracle = exhaustiveMin(spec, 'n0', `n${spec.nodes.length - 1}`, modes, drivers);
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

describe('expanded graphs', () => {
  it("an arc's expected hours, computed without its parts, equal the sum of its parts made later, bit for bit", () => {
    const check = (network: ReturnType<typeof parseNetwork>, profile: string): void => {
      const g = expand(network, network.profileById.get(profile)!);
      for (const arc of g.arcs) expect(Object.is(arc.expectedHours, partsHours(arc.parts))).toBe(true);
      // A layer of a graph through waypoints shares its original's parts and hours.
      const layered = throughWaypoints(g, [network.nodes[0]!.id]);
      layered.arcs.forEach((arc, i) => expect(arc.parts).toBe(g.arcs[i % g.arcs.length]!.parts));
    };
    fc.assert(fc.property(networkArb, fc.constantFrom('container-rail', 'truck', 'wagon'), (spec, profile) => check(parseNetwork(spec), profile)), { numRuns: 200 });
    for (const profile of ['container-rail', 'truck', 'wagon']) check(middleCorridor(), profile);
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
