// Drivers' hours (UNECE AETR) on road legs: the rest part of a leg against the hand computation,
// one driver and two, and the rates' invariants on generated legs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILT_IN_PROFILES, fastestRoute, middleCorridor, parseNetwork, resolveProfile, type NetworkSpec } from '../src/index.js';
import { AETR, restHoursPerDrivingHour } from '../src/route/drivers-hours.js';

const truck = BUILT_IN_PROFILES.find((p) => p.id === 'truck')!;
const twoDrivers = { ...truck, drivers: 2 as const };

function restOf(route: NonNullable<ReturnType<typeof fastestRoute>>): number {
  return route.parts.filter((p) => p.kind === 'drivers-rest').reduce((s, p) => s + p.hours, 0);
}

function roadNetwork(distanceKm: number, speedKmh: number): NetworkSpec {
  return {
    id: 'road', title: 'One road leg',
    nodes: [
      { id: 'a', name: 'A', kind: 'terminal', country: 'KZ', lat: 43, lon: 70 },
      { id: 'b', name: 'B', kind: 'terminal', country: 'KZ', lat: 44, lon: 71 },
    ],
    links: [
      { id: 'a-b', from: 'a', to: 'b', mode: 'road', distanceKm, speedKmh, bidirectional: true },
      { id: 'a-b-rail', from: 'a', to: 'b', mode: 'rail', distanceKm, speedKmh, bidirectional: true },
    ],
  };
}

describe("drivers' hours on road legs (AETR: 9 h a day, 45 min after 4.5 h, 11 h daily rest)", () => {
  it('the truck profile has one driver; the rates are the AETR cycle averages', () => {
    expect(resolveProfile(middleCorridor(), 'truck').drivers).toBe(1);
    expect(restHoursPerDrivingHour(1)).toBeCloseTo((0.75 + 11) / 9, 12);
    expect(restHoursPerDrivingHour(2)).toBeCloseTo((30 - 18) / 18, 12);
    expect(AETR.dailyDrivingHours).toBe(9);
    expect(() => restHoursPerDrivingHour(3)).toThrow(/profile\.drivers/);
  });
  it('Kashgar → Torugart (165 km at 60 km/h, 2.75 h driving) rests 2.75 × 11.75 / 9 h with one driver, 2.75 × 12 / 18 h with two', () => {
    const net = middleCorridor();
    const one = fastestRoute(net, { origin: 'kashgar', destination: 'torugart', profile: 'truck' })!;
    expect(one.links).toEqual(['kashgar-torugart-road']);
    expect(restOf(one)).toBeCloseTo((2.75 * 11.75) / 9, 9);
    const two = fastestRoute(net, { origin: 'kashgar', destination: 'torugart', profile: twoDrivers })!;
    expect(restOf(two)).toBeCloseTo((2.75 * 12) / 18, 9);
    expect(one.totalHours - two.totalHours).toBeCloseTo(2.75 * (11.75 / 9 - 12 / 18), 9);
    expect(one.parts.find((p) => p.kind === 'drivers-rest')!.category).toBe('waiting');
  });
  it('rests grow with the driving, are fewer with two drivers, never apply to trains or to a profile without drivers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 10, max: 120 }), (km, kmh) => {
        const net = parseNetwork(roadNetwork(km, kmh));
        const trip = (profile: typeof truck) => fastestRoute(net, { origin: 'a', destination: 'b', profile })!;
        const driving = km / kmh;
        const one = trip(truck);
        const two = trip(twoDrivers);
        const none = trip({ id: 'no-rests', name: 'No drivers set', modes: truck.modes });
        expect(restOf(one)).toBeCloseTo(driving * restHoursPerDrivingHour(1), 6);
        expect(restOf(two)).toBeLessThan(restOf(one));
        expect(restOf(none)).toBe(0);
        expect(none.totalHours).toBeCloseTo(driving, 9);
        const rail = fastestRoute(net, { origin: 'a', destination: 'b', profile: 'wagon' })!;
        expect(restOf(rail)).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
  it('rejects a crew size other than 1 or 2', () => {
    expect(() => resolveProfile(middleCorridor(), { ...truck, drivers: 3 as unknown as 1 })).toThrow(/profile\.drivers/);
  });
});
