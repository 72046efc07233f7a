// The library's measures return valid networks by construction, so `applyMeasures` indexes their
// result without validating it again (src/measures/apply.ts). Checked here on random measures of every
// factory (parameters anywhere in their ranges, scopes drawn from the network) applied to the shipped
// network and to small random networks, some with figures near the largest double: whenever the
// fast path is taken and the measures apply, `validateNetwork` finds nothing and the network equals
// the one a full validation builds. Hand-written measures and hand-made networks are validated in full.
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidMeasureError, InvalidNetworkError } from '../src/errors.js';
import { validByConstruction } from '../src/measures/apply.js';
import {
  addLink,
  adjustLink,
  adjustStage,
  applyMeasures,
  closeLink,
  improvePortCustoms,
  installScanners,
  japan2025,
  replaceBridges,
  streamlineCustoms,
  type Measure,
} from '../src/measures/index.js';
import { middleCorridor } from '../src/network/load.js';
import { parseNetwork, type Network } from '../src/network/network.js';
import type { NetworkSpec } from '../src/network/types.js';
import { validateNetwork } from '../src/network/validate.js';
import { fastestRoute } from '../src/route/fastest.js';
import { build, measureArb, randomNetworkArb } from './measure-arbitraries.js';
import { simulate, type SimulationResult } from '../src/simulate/montecarlo.js';

/** Apply through the fast path and check the result; returns whether the measures applied. */
function appliesValid(net: Network, measures: readonly Measure[]): boolean {
  expect(validByConstruction(net, measures)).toBe(true);
  let after: Network;
  try {
    after = applyMeasures(net, measures);
  } catch (e) {
    // A measure that does not fit the network (a scope it lacks, a closed link closed again, an
    // overflowing factor) is the measure's error, raised before any document is indexed.
    expect(e).toBeInstanceOf(InvalidMeasureError);
    return false;
  }
  expect(validateNetwork(after.spec)).toEqual([]);
  // The same network a full validation builds.
  expect(JSON.stringify(after.spec)).toBe(JSON.stringify(parseNetwork(after.spec).spec));
  expect(Object.isFrozen(after.spec.links)).toBe(true);
  return true;
}

describe('library measures give valid networks by construction', { timeout: 120_000 }, () => {
  it('on small random networks: every factory, parameters in range, scopes from the network', () => {
    let applied = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        randomNetworkArb.chain((net) => fc.tuple(fc.constant(net), fc.array(measureArb(net), { minLength: 1, maxLength: 4 }))),
        ([net, thunks]) => {
          const measures = build(thunks);
          if (measures.length === 0) return;
          runs++;
          if (appliesValid(net, measures)) applied++;
        },
      ),
      { numRuns: 400 },
    );
    // A good share of draws apply: the property is about results, not only about errors. Over 30
    // seeds 28–37% of the draws applied (the rest are refused with a typed error); a CI run once
    // drew 24%, under the former bound of a quarter, so the bound leaves the draw's spread room.
    expect(applied).toBeGreaterThan(runs / 6);
  });

  it.runIf(existsSync('data/middle-corridor.json'))('on the shipped network, with and without the Japan 2025 package first', () => {
    const shipped = middleCorridor();
    const pkg = japan2025().measures;
    let applied = 0;
    fc.assert(
      fc.property(fc.array(measureArb(shipped), { minLength: 1, maxLength: 4 }), fc.boolean(), (thunks, withPackage) => {
        const measures = [...(withPackage ? pkg : []), ...build(thunks)];
        if (measures.length === 0) return;
        if (appliesValid(shipped, measures)) applied++;
      }),
      { numRuns: 60 },
    );
    expect(applied).toBeGreaterThan(15);
  });

  it.runIf(existsSync('data/middle-corridor.json'))("closing a link a regime names drops the regime's entries for it, and the regime still runs", () => {
    // The 2022–23 surge names the Aktau feeder (a service in the period) and two crossings that met
    // its backlog; a closed link has none of these (the property above found the crossing case).
    const shipped = middleCorridor();
    const surge = (spec: NetworkSpec) => spec.regimes!.find((r) => r.id === 'surge-2022-23')!;
    const named = (spec: NetworkSpec) => [...(surge(spec).services ?? []), ...(surge(spec).closedLinks ?? []), ...(surge(spec).overload?.crossings ?? [])].map((x) => x.link);
    expect(named(shipped.spec)).toEqual(expect.arrayContaining(['aktau-alat-feeder', 'kuryk-alat-ferry', 'turkmenbashi-alat-ferry']));
    for (const link of ['kuryk-alat-ferry', 'turkmenbashi-alat-ferry', 'aktau-alat-feeder']) {
      for (const directions of ['both', 'named'] as const) {
        const after = applyMeasures(shipped, [closeLink({ link, directions })]);
        expect(validateNetwork(after.spec), `${link} ${directions}`).toEqual([]);
        const ids = new Set(after.spec.links.map((l) => l.id));
        expect(named(after.spec).every((l) => ids.has(l)), `${link} ${directions}`).toBe(true);
        // The other entries stay.
        expect(named(after.spec).length).toBe(named(shipped.spec).filter((l) => ids.has(l)).length);
        if (directions === 'both') expect(named(after.spec)).not.toContain(link);
      }
    }
    const closed = applyMeasures(shipped, [closeLink({ link: 'kuryk-alat-ferry' })]);
    const r = simulate(closed, { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, runs: 500, seed: 3, regime: 'surge-2022-23' });
    expect(r).not.toBeNull();
  });

  it('a network derived by measures routes and simulates as its document parsed afresh (graphs derived from the parent, not expanded)', () => {
    /** What routing or simulating gives, or the error it throws (class and field). */
    const outcome = (run: () => unknown): unknown => {
      try {
        return run();
      } catch (e) {
        return { error: (e as Error).constructor.name, field: (e as { field?: unknown }).field };
      }
    };
    const sameResults = (derived: Network, fresh: Network, trip: { origin: string; destination: string; profile: string }): void => {
      expect(outcome(() => fastestRoute(derived, trip))).toEqual(outcome(() => fastestRoute(fresh, trip)));
      for (const policy of ['planned', 'adaptive'] as const) {
        const a = outcome(() => simulate(derived, { ...trip, runs: 64, seed: 9, policy })) as SimulationResult | null;
        const b = outcome(() => simulate(fresh, { ...trip, runs: 64, seed: 9, policy })) as SimulationResult | null;
        if (a === null || b === null || !('samples' in a) || !('samples' in b)) expect(a).toEqual(b);
        else {
          expect(Array.from(a.samples, (x, i) => Object.is(x, b.samples[i]))).not.toContain(false);
          expect(a.routes).toEqual(b.routes);
          expect(a.byCountry).toEqual(b.byCountry);
        }
      }
    };
    fc.assert(
      fc.property(
        randomNetworkArb.chain((net) => fc.tuple(fc.constant(net), fc.array(measureArb(net), { minLength: 1, maxLength: 3 }), measureArb(net))),
        ([net, thunks, second]) => {
          const measures = build(thunks);
          const trips = ['container-rail', 'truck', 'reefer'].map((profile) => ({ origin: 'n0', destination: `n${net.nodes.length - 1}`, profile }));
          // Route the parent first, so that its graphs are cached and the derived ones are made from them.
          for (const t of trips) outcome(() => fastestRoute(net, t));
          let after: Network;
          try {
            after = applyMeasures(net, measures);
          } catch {
            return;
          }
          for (const t of trips) sameResults(after, parseNetwork(after.spec), t);
          // A derivation of a derivation.
          const more = build([second]);
          let again: Network;
          try {
            again = applyMeasures(after, more);
          } catch {
            return;
          }
          for (const t of trips) sameResults(again, parseNetwork(again.spec), t);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('each guard that keeps a result valid names the measure option at fault', () => {
    const spec: NetworkSpec = {
      id: 'edge',
      title: 'edge',
      sources: [{ id: 'R1', title: 'one', organisation: 'test', year: 2024 }],
      nodes: [
        { id: 'a', name: 'A', kind: 'border', country: 'KZ', lat: 40, lon: 50, stages: [{ id: 'c', name: 'c', kind: 'customs', category: 'customs', country: 'KZ', durationHours: { type: 'fixed', value: 2e5 }, modes: ['road'] }] },
        { id: 'b', name: 'B', kind: 'port', country: 'AZ', lat: 41, lon: 51 },
      ],
      links: [
        { id: 'ab', from: 'a', to: 'b', mode: 'road', distanceKm: 100, speedKmh: 60, country: 'KZ', bidirectional: true, structures: [{ id: 'br', kind: 'bridge', name: 'br', closureProbability: 0, restrictedKm: 50, speedLimitKmh: 20 }] },
        { id: 'ferry', from: 'b', to: 'a', mode: 'ferry', distanceKm: 300, waters: 'Caspian Sea', service: { departuresPerWeek: 168 / 5e5, sailingHours: { type: 'fixed', value: 20 }, cancellationProbability: 0 } },
        { id: 'ba', from: 'b', to: 'a', mode: 'road', distanceKm: 100, speedKmh: 60, country: 'AZ', structures: [{ id: 'br:reverse', kind: 'bridge', name: 'x', closureProbability: 0 }] },
        { id: 'slow', from: 'a', to: 'b', mode: 'rail', distanceKm: 6e5, speedKmh: 1, country: 'KZ' },
        { id: 'fast', from: 'a', to: 'b', mode: 'rail', distanceKm: 100, speedKmh: 1e308, country: 'KZ' },
        { id: 'sea', from: 'a', to: 'b', mode: 'sea', distanceKm: 300, waters: 'Caspian Sea', service: { headwayHours: { type: 'fixed', value: 24 }, sailingHours: { type: 'fixed', value: 2e5 }, cancellationProbability: 0 } },
      ],
    };
    const net = parseNetwork(spec);
    const field = (m: Measure): string | undefined => {
      try {
        applyMeasures(net, [m]);
        return undefined;
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidMeasureError);
        return (e as InvalidMeasureError).field;
      }
    };
    expect(field(adjustStage({ node: 'a', durationFactor: 10 }))).toBe('durationFactor');
    expect(() => adjustStage({ node: 'a', durationHours: { type: 'lognormal', median: 1e300, p90: 1e308 } })).toThrow(/durationHours/);
    expect(field(adjustLink({ link: 'ab', distanceKm: 10 }))).toBe('distanceKm');
    expect(field(adjustLink({ link: 'ferry', headwayFactor: 10 }))).toBe('headwayFactor');
    expect(field(adjustLink({ link: 'slow', speedFactor: 0.5 }))).toBe('speedFactor');
    expect(field(adjustLink({ link: 'fast', speedFactor: 10 }))).toBe('speedFactor');
    expect(field(adjustLink({ link: 'sea', sailingFactor: 10 }))).toBe('sailingFactor');
    expect(field(adjustLink({ link: 'sea', sailingFactor: 0.5 }))).toBeUndefined();
    expect(field(adjustLink({ link: 'ab', directions: 'named', speedFactor: 2 }))).toBe('directions');
    expect(field(closeLink({ link: 'ab:reverse', directions: 'named' }))).toBe('directions');
    const road = { id: 'new', from: 'a', to: 'b', mode: 'road', distanceKm: 10, speedKmh: 50 } as const;
    expect(field(addLink({ link: { ...road, country: 'KZ', source: { ref: 'nope' } } }))).toBe('link.source.ref');
    expect(field(addLink({ link: { ...road, country: 'KZ', profiles: ['nope'] } }))).toBe('link.profiles[0]');
    expect(field(addLink({ link: road }))).toBe('link.country');
    expect(field(addLink({ link: { ...road, country: 'KZ', structures: [{ id: 'br', kind: 'bridge', name: 'y', closureProbability: 0 }] } }))).toBe('link.structures[0].id');
    expect(field(addLink({ link: { ...road, country: 'KZ', source: { ref: 'R1' } } }))).toBeUndefined();
  });

  it('a hand-written measure, or a network not built by parseNetwork, is validated in full', () => {
    const net = parseNetwork({
      id: 'tiny',
      title: 'tiny',
      nodes: [
        { id: 'a', name: 'A', kind: 'hub', country: 'KZ', lat: 40, lon: 50 },
        { id: 'b', name: 'B', kind: 'hub', country: 'KZ', lat: 41, lon: 51 },
      ],
      links: [{ id: 'ab', from: 'a', to: 'b', mode: 'rail', distanceKm: 100, speedKmh: 60 }],
    });
    const library = adjustLink({ link: 'ab', speedFactor: 2 });
    const handMade: Measure = { ...library, transform: (s) => ({ ...s, links: s.links.map((l) => ({ ...l, speedKmh: -1 })) }) };
    expect(validByConstruction(net, [library])).toBe(true);
    expect(validByConstruction(net, [library, handMade])).toBe(false);
    expect(() => applyMeasures(net, [library, handMade])).toThrow(InvalidNetworkError);
    // A copy of a network with a document nobody validated: the library's measures cannot vouch for it.
    const forged: Network = { ...net, spec: { ...net.spec, links: [{ ...net.spec.links[0]!, distanceKm: -5 }] } };
    expect(validByConstruction(forged, [library])).toBe(false);
    // It is not a Network the library made: applyMeasures refuses it before any measure runs.
    expect(() => applyMeasures(forged, [library])).toThrow(InvalidArgumentError);
    // Results of the fast path chain into the fast path.
    expect(validByConstruction(applyMeasures(net, [library]), [library])).toBe(true);
  });
});
