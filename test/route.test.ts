import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  UnknownNodeError,
  UnknownProfileError,
  breakdown,
  expectedDepartureWaitHours,
  fastestRoute,
  findNode,
  meanOf,
  parseNetwork,
  toGraph,
} from '../src/index.js';
import { toyDoc, toySpec } from './fixtures.js';

const toy = parseNetwork(toySpec());
// Hand-computed pieces of the toy network (see fixtures.ts).
const lognormalMean = 6 * Math.exp((Math.log(2) / 1.2815515655446004) ** 2 / 2);
const ferryWait = 4032 / 120 + (0.1 / 0.9) * 60; // E[H²]/(2E[H]) for U(24,96) plus cancellations
const sailing = (18 + 20 + 24) / 3;

describe('distribution means', () => {
  it('meanOf(d) gives the closed-form means', () => {
    expect(meanOf({ type: 'fixed', value: 3 })).toBe(3);
    expect(meanOf({ type: 'uniform', min: 1, max: 3 })).toBe(2);
    expect(meanOf({ type: 'triangular', min: 2, mode: 4, max: 9 })).toBe(5);
    expect(meanOf({ type: 'lognormal', median: 6, p90: 12 })).toBeCloseTo(lognormalMean, 12);
    expect(meanOf({ type: 'empirical', values: [1, 2, 6] })).toBe(3);
  });
  it('expectedDepartureWaitHours(h, c) is half a fixed headway, more when irregular or cancelled', () => {
    expect(expectedDepartureWaitHours({ type: 'fixed', value: 48 }, 0)).toBe(24);
    expect(expectedDepartureWaitHours({ type: 'uniform', min: 24, max: 96 }, 0)).toBeCloseTo(33.6, 12);
    expect(expectedDepartureWaitHours({ type: 'fixed', value: 48 }, 0.5)).toBe(24 + 48);
  });
});

describe('fastestRoute', () => {
  it('fastestRoute(toy, a → z, container-rail) takes rail, the ferry and rail, with the hand-computed time', () => {
    const r = fastestRoute(toy, { origin: 'a', destination: 'z', profile: 'container-rail' })!;
    expect(r.nodes).toEqual(['a', 'b', 'p', 'q', 'z']);
    expect(r.links).toEqual(['ab-rail', 'bp-rail', 'pq-ferry', 'qz-rail']);
    const expected = 60 + (4 + 0.25 * 4 + 2) + 50 + lognormalMean + ferryWait + sailing + 2;
    expect(r.totalHours).toBeCloseTo(expected, 10);
    expect(r.totalDays).toBeCloseTo(expected / 24, 10);
    expect(r.distanceKm).toBe(3000 + 2900 + 450 + 70);
    expect(r.stops.map((s) => `${s.nodeId}:${s.arrivalMode}>${s.departureMode}`)).toEqual(['b:rail>rail', 'p:rail>ferry', 'q:ferry>rail']);
    // Stages at the origin and destination are not counted; the exam counts at probability × mean.
    const exam = r.parts.find((p) => p.stageId === 'exam')!;
    expect(exam).toMatchObject({ country: 'KZ', category: 'customs', hours: 1, nodeId: 'b' });
    const wait = r.parts.find((p) => p.kind === 'departure-wait')!;
    expect(wait).toMatchObject({ country: 'KZ', category: 'waiting', linkId: 'pq-ferry' });
    expect(wait.hours).toBeCloseTo(ferryWait, 10);
  });

  it('fastestRoute(toy, truck) routes by road and ferry, and returns null where the truck cannot go', () => {
    const r = fastestRoute(toy, { origin: 'a', destination: 'q', profile: 'truck' })!;
    expect(r.links).toEqual(['ab-road', 'bp-road', 'pq-ferry']);
    // Driving 3100/60 h and a mean 52.7 h; one driver rests (0.75 + 11) / 9 h per hour driven (AETR).
    const drivingHours = 3100 / 60 + (40 + 48 + 70) / 3;
    expect(r.totalHours).toBeCloseTo(drivingHours * (1 + 11.75 / 9) + 5 + lognormalMean + ferryWait + sailing, 10);
    expect(fastestRoute(toy, { origin: 'a', destination: 'z', profile: 'truck' })).toBeNull();
    expect(fastestRoute(toy, { origin: 'a', destination: 'island', profile: 'container-rail' })).toBeNull();
  });

  it('fastestRoute applies link profile restrictions and structure weight caps', () => {
    const doc = toyDoc();
    doc.links[4].profiles = ['truck'];
    expect(fastestRoute(parseNetwork(doc), { origin: 'a', destination: 'z', profile: 'container-rail' })).toBeNull();
    const capped = toyDoc();
    capped.links[3].structures = [{ id: 'br', kind: 'bridge', name: 'Old bridge', weightLimitTonnes: 20, closureProbability: 0 }];
    expect(fastestRoute(parseNetwork(capped), { origin: 'a', destination: 'q', profile: 'truck' })).toBeNull();
    capped.links[3].structures[0].overweightDetourHours = { type: 'fixed', value: 5 };
    capped.links[3].structures[0].closureProbability = 0.1;
    capped.links[3].structures[0].closureDelayHours = { type: 'fixed', value: 10 };
    const r = fastestRoute(parseNetwork(capped), { origin: 'a', destination: 'q', profile: 'truck' })!;
    expect(r.parts.filter((p) => p.structureId === 'br').map((p) => [p.kind, p.hours])).toEqual([
      ['overweight-detour', 5],
      ['closure', 1],
    ]);
  });

  it('fastestRoute accepts names and aliases, case- and accent-insensitively', () => {
    const r = fastestRoute(toy, { origin: 'xian test', destination: 'PORT CONSTANTA', profile: 'container-rail' })!;
    expect([r.origin, r.destination]).toEqual(['a', 'p']);
    expect(findNode(toy, 'port p').id).toBe('p');
  });

  it('fastestRoute throws typed errors for unknown nodes (with suggestions) and profiles', () => {
    let e: unknown;
    try {
      fastestRoute(toy, { origin: 'a', destination: 'Port Constanz', profile: 'container-rail' });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(UnknownNodeError);
    expect((e as UnknownNodeError).suggestions[0]).toContain('Constanța');
    expect((e as UnknownNodeError).message).toMatch(/^destination: /);
    expect(() => fastestRoute(toy, { origin: 'a', destination: 'z', profile: 'barge' })).toThrow(UnknownProfileError);
    expect(() => fastestRoute(toy, { origin: 'a', destination: 'a', profile: 'truck' })).toThrow(InvalidArgumentError);
    expect(() => fastestRoute(toy, { origin: '', destination: 'a', profile: 'truck' })).toThrow(InvalidArgumentError);
    expect(() => fastestRoute(toy, { origin: 'a', destination: 'z', profile: { id: 'x', name: 'x', modes: [] } })).toThrow(InvalidArgumentError);
  });

  it('fastestRoute takes a custom profile object', () => {
    const r = fastestRoute(toy, { origin: 'a', destination: 'p', profile: { id: 'mixed', name: 'rail or road', modes: ['rail', 'road'] } })!;
    expect(r.profile).toBe('mixed');
    expect(r.totalHours).toBeGreaterThan(0);
  });
});

describe('breakdown', () => {
  it('breakdown(route) splits hours by country and category and sums to the total', () => {
    const r = fastestRoute(toy, { origin: 'a', destination: 'z', profile: 'container-rail' })!;
    const b = breakdown(r);
    expect(b.byCountry.map((c) => c.country)).toEqual(['CN', 'KZ', 'Caspian Sea', 'AZ']);
    const kz = b.byCountry[1]!;
    expect(kz.byCategory.customs).toBeCloseTo(5, 12);
    expect(kz.byCategory.border).toBeCloseTo(2, 12);
    expect(kz.byCategory.handling).toBeCloseTo(lognormalMean, 12);
    expect(kz.byCategory.waiting).toBeCloseTo(ferryWait, 12);
    expect(b.byCountry.reduce((s, c) => s + c.hours, 0)).toBeCloseTo(r.totalHours, 9);
    expect(Object.values(b.byCategory).reduce((s, h) => s + h, 0)).toBeCloseTo(r.totalHours, 9);
  });
});

describe('toGraph', () => {
  it('toGraph(network) gives a graphology multigraph with every directed link', () => {
    const g = toGraph(toy);
    expect(g.order).toBe(6);
    expect(g.size).toBe(12);
    expect(g.getEdgeAttribute('pq-ferry', 'mode')).toBe('ferry');
    expect(g.source('bp-rail:reverse')).toBe('p');
  });
  it('toGraph refuses ids graphology cannot key, with a typed error', () => {
    const doc = toyDoc();
    doc.nodes[5].id = '__proto__';
    expect(() => toGraph(parseNetwork(doc))).toThrow(InvalidArgumentError);
  });
});
