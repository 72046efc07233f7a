// Waypoints on random networks: the route through waypoints equals the best concatenation of legs
// (origin → first waypoint → … → destination), each leg a least-time path and each waypoint's stages
// counted for the modes the route arrives and leaves by. The oracle works on the document alone: a
// Bellman–Ford over (node, mode arrived by, waypoints passed), independent of the expanded and
// layered graphs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, fastestRoute, middleCorridor, parseNetwork, simulate, type Mode, type Network } from '../src/index.js';
import { networkArb } from './arbitraries.js';
import { expectedLinkHours, expectedStopHours } from './oracles.js';

/** Least expected hours from `origin` to `destination` passing `via` in order; Infinity when impossible. */
function legsOracle(network: Network, origin: string, destination: string, via: readonly string[], modes: readonly Mode[], drivers?: number): number {
  const cost = new Map<string, number>();
  const states: [string, Mode, number][] = [];
  const relax = (node: string, mode: Mode, layer: number, hours: number): boolean => {
    const key = `${node}|${mode}|${layer}`;
    const old = cost.get(key);
    if (old !== undefined && old <= hours) return false;
    if (old === undefined) states.push([node, mode, layer]);
    cost.set(key, hours);
    return true;
  };
  const usable = network.links.filter((l) => modes.includes(l.mode));
  for (const l of usable) if (l.from === origin) relax(l.to, l.mode, 0, expectedLinkHours(l, drivers));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [node, arrived, layer] of [...states]) {
      const here = cost.get(`${node}|${arrived}|${layer}`)!;
      // Passing the next waypoint moves on to the next layer; every other pass stays.
      const next = layer < via.length && via[layer] === node ? layer + 1 : layer;
      for (const l of usable) {
        if (l.from !== node) continue;
        if (relax(l.to, l.mode, next, here + expectedStopHours(network, node, arrived, l.mode) + expectedLinkHours(l, drivers))) changed = true;
      }
    }
  }
  let best = Infinity;
  for (const [node, mode, layer] of states) if (node === destination && layer === via.length) best = Math.min(best, cost.get(`${node}|${mode}|${layer}`)!);
  return best;
}

/** Whether `via` appears in order among the intermediate nodes of `nodes`. */
function passesInOrder(nodes: readonly string[], via: readonly string[]): boolean {
  let j = 0;
  for (let i = 1; i < nodes.length - 1 && j < via.length; i++) if (nodes[i] === via[j]) j++;
  return j === via.length;
}

/** A random network with at least three nodes and a list of waypoints among its intermediate nodes. */
const tripArb = networkArb
  .filter((spec) => spec.nodes.length >= 3)
  .chain((spec) => {
    const last = spec.nodes.length - 1;
    const inner = fc.integer({ min: 1, max: last - 1 }).map((i) => `n${i}`);
    return fc.tuple(
      fc.constant(spec),
      fc.array(inner, { minLength: 1, maxLength: 3 }).filter((v) => v.every((x, i) => i === 0 || v[i - 1] !== x)),
      fc.constantFrom('container-rail', 'truck', 'wagon'),
    );
  });

describe('waypoints', { timeout: 60_000 }, () => {
  it('a route through waypoints is the best concatenation of legs, each waypoint passed in order with its stages counted', () => {
    fc.assert(
      fc.property(tripArb, ([spec, via, profile]) => {
        const network = parseNetwork(spec);
        const destination = `n${spec.nodes.length - 1}`;
        const oracle = legsOracle(network, 'n0', destination, via, network.profileById.get(profile)!.modes, network.profileById.get(profile)!.drivers);
        const route = fastestRoute(network, { origin: 'n0', destination, profile, via });
        if (route === null) {
          expect(oracle).toBe(Infinity);
          return;
        }
        expect(route.totalHours).toBeCloseTo(oracle, 7);
        expect(route.via).toEqual(via);
        expect(passesInOrder(route.nodes, via)).toBe(true);
        // Each waypoint is a stop of the route, so its stages are among the route's parts.
        for (const w of via) expect(route.stops.some((s) => s.nodeId === w)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('simulations pass the waypoints under both policies: planned on the route above, adaptive on every run', () => {
    fc.assert(
      fc.property(tripArb, ([spec, via, profile]) => {
        const network = parseNetwork(spec);
        const trip = { origin: 'n0', destination: `n${spec.nodes.length - 1}`, profile, via };
        const route = fastestRoute(network, trip);
        for (const policy of ['planned', 'adaptive'] as const) {
          const r = simulate(network, { ...trip, runs: 200, seed: 3, policy });
          if (route === null) {
            expect(r).toBeNull();
            continue;
          }
          expect(r!.route.links).toEqual(route.links);
          for (const taken of r!.routes) expect(passesInOrder(taken.nodes, via)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("adaptive runs are never slower than planned ones on the same draws, through the same waypoints", () => {
    const network = middleCorridor();
    const trip = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, via: ['poti'] } as const;
    const planned = simulate(network, { ...trip, runs: 2000, seed: 5 })!;
    const adaptive = simulate(network, { ...trip, runs: 2000, seed: 5, policy: 'adaptive' })!;
    for (let i = 0; i < 2000; i++) expect(adaptive.samples[i]!).toBeLessThanOrEqual(planned.samples[i]! * (1 + 1e-12));
    for (const r of adaptive.routes) expect(passesInOrder(r.nodes, ['poti'])).toBe(true);
    expect(planned.route.nodes).toContain('poti');
  });

  it('rejects waypoints that are the origin, the destination, avoided, repeated in a row or unknown', () => {
    const network = middleCorridor();
    const trip = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } } as const;
    const field = (via: unknown): string | undefined => {
      try {
        fastestRoute(network, { ...trip, via: via as string[] });
      } catch (e) {
        return (e as InvalidArgumentError).field;
      }
      return undefined;
    };
    expect(field(['xian'])).toBe('via[0]');
    expect(field(['poti', 'constanta'])).toBe('via[1]');
    expect(field(['poti', 'poti'])).toBe('via[1]');
    expect(field(['moscow'])).toBe('via[0]');
    expect(field('poti')).toBe('via');
    expect(() => fastestRoute(network, { ...trip, via: ['nowhere-at-all'] })).toThrow(/via/);
    // Names and aliases resolve to ids.
    expect(fastestRoute(network, { ...trip, via: ['Poti'] })!.via).toEqual(['poti']);
  });
});
