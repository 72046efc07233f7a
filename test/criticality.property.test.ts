// Criticality by re-weighting equals closing each element and routing from scratch: on random
// networks for every link and node, and on the shipped network for every link against the trips of
// the main job.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, applyMeasures, closeLink, criticality, fastestRoute, middleCorridor, parseNetwork, type Network, type RouteOptions } from '../src/index.js';
import { MAIN_JOB_TRIPS } from '../src/cli/main-job.js';
import { networkArb } from './arbitraries.js';

/** Hours of each trip after closing `links` (document ids) and routing from scratch; null: no route. */
function fromScratch(network: Network, links: readonly string[], trips: readonly RouteOptions[]): (number | null)[] {
  const closed = applyMeasures(network, links.map((link) => closeLink({ link })));
  return trips.map((t) => fastestRoute(closed, t)?.totalHours ?? null);
}

function expectSame(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 7);
}

describe('criticality', { timeout: 60_000 }, () => {
  it('equals closing each link, or every link of each node, and re-routing from scratch (random networks)', () => {
    fc.assert(
      fc.property(networkArb, fc.constantFrom('container-rail', 'truck'), (spec, profile) => {
        const network = parseNetwork(spec);
        const last = spec.nodes.length - 1;
        const trips: RouteOptions[] = [
          { origin: 'n0', destination: `n${last}`, profile },
          { origin: `n${last}`, destination: 'n0', profile },
        ];
        const base = trips.map((t) => fastestRoute(network, t));
        for (const elements of ['links', 'nodes'] as const) {
          const result = criticality(network, trips, { elements });
          expect(result.trips.map((t) => t.route)).toEqual(base);
          for (const el of result.elements) {
            const links = el.kind === 'link' ? [el.id] : spec.links.filter((l) => l.from === el.id || l.to === el.id).map((l) => l.id);
            const scratch = fromScratch(network, links, trips);
            for (const impact of el.impacts) {
              const t = trips[impact.trip]!;
              if (impact.endpoint === true) {
                expect([t.origin, t.destination]).toContain(el.id);
                continue;
              }
              expectSame(impact.closedHours, scratch[impact.trip]!);
              if (impact.addedHours !== null) expect(impact.addedHours).toBeCloseTo(impact.closedHours! - base[impact.trip]!.totalHours, 9);
            }
            expect(el.impacts.length).toBe(base.filter((r) => r !== null).length);
          }
          // Ranked: most trips without a route, then most hours added.
          for (let i = 1; i < result.elements.length; i++) {
            const a = result.elements[i - 1]!;
            const b = result.elements[i]!;
            expect(a.noRouteTrips > b.noRouteTrips || (a.noRouteTrips === b.noRouteTrips && a.addedHours >= b.addedHours)).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('on the shipped network, every link against the trips of the main job equals closeLink and fastestRoute', () => {
    const network = middleCorridor();
    const trips = MAIN_JOB_TRIPS.map(({ origin, destination, profile, avoid }) => ({ origin, destination, profile, ...(avoid !== undefined ? { avoid } : {}) }));
    const result = criticality(network, trips);
    expect(result.elements).toHaveLength(network.spec.links.length);
    for (const el of result.elements) {
      const scratch = fromScratch(network, [el.id], trips);
      for (const impact of el.impacts) expectSame(impact.closedHours, scratch[impact.trip]!);
    }
    // Some link leaves a trip without a route or adds time: the ranking is not empty at the top.
    expect(result.elements[0]!.noRouteTrips + result.elements[0]!.addedHours).toBeGreaterThan(0);
  });

  it('closes listed elements and rejects unknown ones, naming the field', () => {
    const network = middleCorridor();
    const trip = { origin: 'kashgar', destination: 'baku', profile: 'truck' };
    const r = criticality(network, [trip], { elements: { nodes: ['Aktau'] } });
    expect(r.elements.map((e) => e.id)).toEqual(['aktau']);
    for (const [elements, field] of [
      [{ links: ['no-such-link'] }, 'elements.links'],
      [{ nodes: [3] }, 'elements.nodes'],
      [{ bridges: [] }, 'elements.bridges'],
      ['everything', 'elements'],
    ] as const) {
      try {
        criticality(network, [trip], { elements: elements as never });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        expect((e as InvalidArgumentError).field).toBe(field);
      }
    }
    expect(() => criticality(network, [])).toThrow(InvalidArgumentError);
  });
});
