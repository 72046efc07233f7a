// Alternative routes on random networks against an exhaustive oracle: every loopless path of the
// mode-expanded graph enumerated from the document (no arrival or departure state used twice, as
// Yen's enumeration counts paths), sorted by expected hours, then kept greedily by the documented
// rule — the share of a route's distance on links no faster kept route uses is at least minDifference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, alternativeRoutes, breakdown, fastestRoute, middleCorridor, parseNetwork, type Link, type Mode, type Network } from '../src/index.js';
import { networkArb } from './arbitraries.js';
import { expectedLinkHours, expectedStopHours } from './oracles.js';

interface Walk {
  readonly links: Link[];
  readonly hours: number;
}

/** Every loopless path from `origin` to `destination` of the expanded graph, from the document alone. */
function allPaths(network: Network, origin: string, destination: string, modes: readonly Mode[], drivers?: number): Walk[] {
  const out: Walk[] = [];
  const usable = network.links.filter((l) => modes.includes(l.mode));
  const seen = new Set<string>();
  const visit = (node: string, arrived: Mode | null, links: Link[], hours: number): void => {
    for (const l of usable) {
      if (l.from !== node) continue;
      // Every departure state of the origin is a start: a path leaves it once and never comes back to one.
      const depart = arrived === null || node === origin ? `D|${origin}|*` : `D|${node}|${l.mode}`;
      const arrive = `A|${l.to}|${l.mode}`;
      if ((arrived !== null && node === origin) || seen.has(depart) || seen.has(arrive) || l.to === origin) continue;
      const h = hours + (arrived === null ? 0 : expectedStopHours(network, node, arrived, l.mode)) + expectedLinkHours(l, drivers);
      if (l.to === destination) {
        out.push({ links: [...links, l], hours: h });
        continue;
      }
      seen.add(depart);
      seen.add(arrive);
      visit(l.to, l.mode, [...links, l], h);
      seen.delete(depart);
      seen.delete(arrive);
    }
  };
  visit(origin, null, [], 0);
  return out.sort((a, b) => a.hours - b.hours);
}

/** The documented rule applied to paths in order of hours. */
function greedy(paths: readonly Walk[], k: number, minDifference: number): { hours: number; difference: number }[] {
  const used = new Set<string>();
  const kept: { hours: number; difference: number }[] = [];
  for (const p of paths) {
    const km = p.links.reduce((s, l) => s + l.distanceKm, 0);
    const fresh = p.links.filter((l) => !used.has(l.baseId)).reduce((s, l) => s + l.distanceKm, 0);
    const difference = kept.length === 0 ? 1 : fresh / km;
    if (kept.length > 0 && difference < minDifference) continue;
    for (const l of p.links) used.add(l.baseId);
    kept.push({ hours: p.hours, difference });
    if (kept.length === k) break;
  }
  return kept;
}

describe('alternativeRoutes', { timeout: 60_000 }, () => {
  it('keeps, in order of expected hours, the routes that differ enough from every faster kept one (exhaustive oracle)', () => {
    fc.assert(
      fc.property(networkArb, fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 0.2, 0.5, 0.9), fc.constantFrom('container-rail', 'truck'), (spec, k, minDifference, profile) => {
        const network = parseNetwork(spec);
        const destination = `n${spec.nodes.length - 1}`;
        const alternatives = alternativeRoutes(network, { origin: 'n0', destination, profile }, { k, minDifference, maxCandidates: 100_000 });
        const oracle = greedy(allPaths(network, 'n0', destination, network.profileById.get(profile)!.modes, network.profileById.get(profile)!.drivers), k, minDifference);
        expect(alternatives.length).toBe(oracle.length);
        alternatives.forEach((a, i) => {
          expect(a.rank).toBe(i + 1);
          expect(a.route.totalHours).toBeCloseTo(oracle[i]!.hours, 7);
          expect(a.difference).toBeCloseTo(oracle[i]!.difference, 9);
          expect(a.extraHours).toBeCloseTo(a.route.totalHours - alternatives[0]!.route.totalHours, 9);
          expect(a.breakdown).toEqual(breakdown(a.route));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('starts with the fastest route, on the corridor too, and honours avoid and via', () => {
    const network = middleCorridor();
    const trip = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } } as const;
    const alternatives = alternativeRoutes(network, trip, { k: 3 });
    expect(alternatives).toHaveLength(3);
    expect(alternatives[0]!.route).toEqual(fastestRoute(network, trip));
    for (const a of alternatives.slice(1)) expect(a.difference).toBeGreaterThanOrEqual(0.3);
    for (const a of alternatives) expect(a.route.nodes.some((n) => ['moscow', 'minsk', 'tehran'].includes(n))).toBe(false);
    const viaPoti = alternativeRoutes(network, { ...trip, via: ['poti'] }, { k: 2 });
    for (const a of viaPoti) expect(a.route.nodes).toContain('poti');
    // One candidate examined: only the fastest.
    expect(alternativeRoutes(network, trip, { k: 3, maxCandidates: 1 })).toHaveLength(1);
  });

  it('rejects bad settings naming the field', () => {
    const network = middleCorridor();
    const trip = { origin: 'xian', destination: 'constanta', profile: 'container-rail' };
    for (const [settings, field] of [
      [{ k: 0 }, 'k'],
      [{ k: 2.5 }, 'k'],
      [{ k: 2, minDifference: 1.5 }, 'minDifference'],
      [{ k: 2, minDifference: Number.NaN }, 'minDifference'],
      [{ k: 2, maxCandidates: 0 }, 'maxCandidates'],
    ] as const) {
      expect(() => alternativeRoutes(network, trip, settings)).toThrow(InvalidArgumentError);
      try {
        alternativeRoutes(network, trip, settings);
      } catch (e) {
        expect((e as InvalidArgumentError).field).toBe(field);
      }
    }
  });
});
