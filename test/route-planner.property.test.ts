// The route planner re-weights compiled graphs instead of applying measures and routing afresh: its
// hours and routes must be those of applyMeasures → fastestRoute, exactly, for every measure it
// accepts, and it must refuse (typed) the measures that change the network's shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidMeasureError, addLink, adjustLink, adjustStage, applyMeasures, closeLink, fastestRoute, japan2025, middleCorridor, parseNetwork, patchFigures, routePlanner, type Measure, type Network } from '../src/index.js';
import { specChange } from '../src/network/derivation.js';
import { MAIN_JOB_TRIPS } from '../src/cli/main-job.js';
import { build, measureArb, randomNetworkArb } from './measure-arbitraries.js';

/** Whether the planner takes these measures: they apply, and change times or remove links only. */
function weightOnly(net: Network, measures: readonly Measure[]): boolean {
  try {
    let spec = net.spec;
    for (const m of measures) spec = m.transform(spec);
    return specChange(net.spec, spec) !== undefined;
  } catch {
    return false;
  }
}

describe('routePlanner', { timeout: 60_000 }, () => {
  it('gives the hours and routes of applyMeasures → fastestRoute for every measure it takes, and restores (random networks and measures)', () => {
    let taken = 0;
    fc.assert(
      fc.property(
        randomNetworkArb.chain((net) => fc.tuple(fc.constant(net), fc.array(fc.array(measureArb(net), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }))),
        ([net, packages]) => {
          const trips = ['container-rail', 'truck', 'reefer'].map((profile) => ({ origin: 'n0', destination: `n${net.nodes.length - 1}`, profile }));
          let base: ReturnType<typeof fastestRoute>[];
          try {
            base = trips.map((t) => fastestRoute(net, t));
          } catch (e) {
            // Figures so large that an expected time overflows: the planner refuses the network alike.
            expect(e).toBeInstanceOf(InvalidArgumentError);
            expect(() => routePlanner(net, trips)).toThrow(InvalidArgumentError);
            return;
          }
          const planner = routePlanner(net, trips);
          for (const thunks of packages) {
            const measures = build(thunks);
            if (!weightOnly(net, measures)) {
              expect(() => planner.apply(measures)).toThrow();
              continue;
            }
            let after: Network;
            try {
              after = applyMeasures(net, measures);
            } catch {
              continue;
            }
            const expected = trips.map((t) => {
              try {
                return fastestRoute(after, t);
              } catch (e) {
                return e as Error;
              }
            });
            // Figures so large that an expected time overflows: both refuse, naming the arc or the input.
            if (expected.some((r) => r instanceof Error)) {
              expect(() => planner.apply(measures)).toThrow(InvalidArgumentError);
              continue;
            }
            taken++;
            planner.apply(measures);
            expect(planner.measures).toEqual(measures);
            trips.forEach((_, i) => {
              const route = expected[i] as ReturnType<typeof fastestRoute>;
              expect(planner.hours(i)).toBe(route?.totalHours ?? null);
              expect(planner.route(i)).toEqual(route);
            });
            planner.restore();
            trips.forEach((_, i) => expect(planner.hours(i)).toBe(base[i]?.totalHours ?? null));
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(taken).toBeGreaterThan(50);
  });

  it('on the shipped network: the Japan 2025 package and link closures for the trips of the main job', () => {
    const network = middleCorridor();
    const trips = MAIN_JOB_TRIPS.map(({ origin, destination, profile, avoid }) => ({ origin, destination, profile, ...(avoid !== undefined ? { avoid } : {}) }));
    const planner = routePlanner(network, trips);
    // The bridges package changes weight caps (who may use a road): not a re-weighting.
    const pkg = japan2025().measures.filter((m) => m.id !== 'kyrgyz-bridges');
    for (const measures of [pkg, [closeLink({ link: 'aktau-alat-ferry' })], [closeLink({ link: 'beyneu-aktau' }), adjustStage({ node: 'alat', kind: 'customs', durationFactor: 0.5 })]]) {
      planner.apply(measures);
      const after = applyMeasures(network, measures);
      trips.forEach((t, i) => expect(planner.hours(i)).toBe(fastestRoute(after, t)?.totalHours ?? null));
    }
  });

  it('takes a link moved from a duration to a speed followed by a figure patch (the stale range on durationHours is dropped, as applyMeasures does)', () => {
    const network = middleCorridor();
    const trip = { origin: 'xian', destination: 'kapikule', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } };
    const planner = routePlanner(network, [trip]);
    const measures = [adjustLink({ link: 'istanbul-kapikule', speedKmh: 40 }), patchFigures({ changes: [{ node: 'alat', stage: network.nodeById.get('alat')!.stages![0]!.id, field: 'durationHours', factor: 0.5 }] })];
    const after = applyMeasures(network, measures);
    planner.apply(measures);
    expect(planner.hours(0)).toBe(fastestRoute(after, trip)?.totalHours ?? null);
    expect(planner.hours(0)).not.toBeNull();
  });

  it('on the shipped network, for random stage, speed and closure changes: the hours of re-routing from scratch (most changes leave a trip\'s fastest path alone and are answered without a search)', () => {
    const network = middleCorridor();
    const trips = MAIN_JOB_TRIPS.map(({ origin, destination, profile, avoid }) => ({ origin, destination, profile, ...(avoid !== undefined ? { avoid } : {}) }));
    const planner = routePlanner(network, trips);
    const stages = network.nodes.flatMap((n) => (n.stages ?? []).map((s) => ({ node: n.id, stage: s.id })));
    const roads = network.spec.links.filter((l) => l.speedKmh !== undefined).map((l) => l.id);
    const links = network.spec.links.map((l) => l.id);
    const change = fc.oneof(
      fc.tuple(fc.nat(stages.length - 1), fc.double({ min: 0, max: 3, noNaN: true })).map(([i, f]) => adjustStage({ ...stages[i]!, durationFactor: f })),
      fc.tuple(fc.nat(roads.length - 1), fc.double({ min: 0.2, max: 5, noNaN: true })).map(([i, f]) => adjustLink({ link: roads[i]!, speedFactor: f })),
      fc.nat(links.length - 1).map((i) => closeLink({ link: links[i]! })),
    );
    // One change, or two at once (two changes can each leave a path alone while together they move it).
    const ids = (ms: readonly Measure[]): string[] => ms.map((m) => m.id);
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 2 }).filter((ms) => new Set(ids(ms)).size === ms.length), (measures) => {
        // A pair applyMeasures refuses (a link closed, then adjusted) the planner refuses with the
        // same error, and its trips keep the hours they had.
        let refused: Error | null = null;
        let after: Network | null = null;
        try {
          after = applyMeasures(network, measures);
        } catch (e) {
          refused = e as Error;
        }
        if (refused !== null) {
          expect(refused).toBeInstanceOf(InvalidMeasureError);
          expect(() => planner.apply(measures)).toThrow(refused.message);
          trips.forEach((t, i) => expect(planner.hours(i)).toBe(fastestRoute(network, t)?.totalHours ?? null));
          return;
        }
        planner.apply(measures);
        trips.forEach((t, i) => expect(planner.hours(i)).toBe(fastestRoute(after!, t)?.totalHours ?? null));
        planner.restore();
      }),
      // The refused pair (seed 385250589 drew it) is tried on every run, and a pair that goes through.
      { numRuns: 120, examples: [[[closeLink({ link: roads[0]! }), adjustLink({ link: roads[0]!, speedFactor: 2 })]], [[adjustLink({ link: roads[0]!, speedFactor: 2 }), closeLink({ link: roads[0]! })]]] },
    );
  });

  it('refuses what it cannot re-weight, naming the field, and leaves the measures in force', () => {
    const network = middleCorridor();
    const planner = routePlanner(network, [{ origin: 'kashgar', destination: 'baku', profile: 'truck' }]);
    const faster = adjustStage({ node: 'alat', kind: 'customs', durationFactor: 0.5 });
    planner.apply([faster]);
    const hours = planner.hours(0);
    const added = addLink({ link: { id: 'new-road', from: 'bishkek', to: 'almaty', mode: 'road', distanceKm: 240, speedKmh: 60, country: 'KZ' } });
    const fieldOf = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as InvalidArgumentError).field;
      }
      return undefined;
    };
    expect(fieldOf(() => planner.apply([added]))).toBe('measures');
    expect(fieldOf(() => planner.apply([{ ...faster }]))).toBe('measures[0]');
    expect(fieldOf(() => planner.hours(1))).toBe('trip');
    expect(fieldOf(() => routePlanner(JSON.parse(JSON.stringify(network)), [{ origin: 'a', destination: 'b', profile: 'truck' }]))).toBe('network');
    expect(planner.hours(0)).toBe(hours);
    expect(planner.measures).toEqual([faster]);
    // A network parsed from a document is fine.
    expect(() => routePlanner(parseNetwork(network.spec), [{ origin: 'kashgar', destination: 'baku', profile: 'truck' }])).not.toThrow();
  });
});
