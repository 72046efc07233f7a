// runScenario: one run of network + measures + trip gives the same figures as compare, attribute and
// sensitivity called one by one, with the comparison's two simulations shared (not run again), its
// progress steps in order, and what cannot be computed recorded instead of thrown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLink, adjustLink, adjustStage, applyMeasures, closeLink, installScanners } from '../src/measures/index.js';
import { parseNetwork } from '../src/network/network.js';
import { attribute } from '../src/simulate/attribute.js';
import { compare } from '../src/simulate/compare.js';
import { runScenario, type ScenarioProgress } from '../src/simulate/scenario.js';
import { sensitivity } from '../src/simulate/sensitivity.js';
import { toySpec } from './fixtures.js';

const toy = parseNetwork(toySpec());
const options = { origin: 'a', destination: 'z', profile: 'container-rail', runs: 400, seed: 11 } as const;
const measures = [
  adjustStage({ id: 'customs', node: 'b', stage: 'customs', durationFactor: 0.5 }),
  installScanners({ id: 'scanners', nodes: ['b'] }),
  adjustLink({ id: 'faster-ferry', link: 'pq-ferry', headwayFactor: 0.5 }),
];

describe('runScenario', () => {
  it('equals compare + attribute + sensitivity run one by one, sharing the comparison runs', () => {
    const s = runScenario(toy, measures, options, { sensitivity: true });
    const c = compare(toy, applyMeasures(toy, measures), options)!;
    expect(s.comparison!.difference).toEqual(c.difference);
    expect(s.comparison!.byCountry).toEqual(c.byCountry);
    expect(s.attribution).toEqual(attribute(toy, measures, options));
    expect(s.sensitivity).toEqual(sensitivity(toy, measures, options));
    // The attribution's empty and full subsets are the comparison's runs, not new ones.
    expect(s.attribution!.baseline).toBe(s.comparison!.before.summary);
    expect(s.attribution!.full).toBe(s.comparison!.after.summary);
    expect(s.options).toBe(options);
  });

  it('Shapley values from the shared runs sum to the comparison\'s saving in mean, on any package and seed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('customs', 'exam', 'gauge'), fc.nat(20).map((k) => k / 10)), { minLength: 1, maxLength: 3 }),
        fc.nat(1e6),
        (changes, seed) => {
          const ms = changes.map(([stage, f], i) => adjustStage({ id: `m${i}`, node: 'b', stage, durationFactor: f }));
          const s = runScenario(toy, ms, { ...options, runs: 100, seed });
          const sum = s.attribution!.measures.reduce((t, m) => t + m.shapley.meanHours, 0);
          expect(sum).toBeCloseTo(s.comparison!.before.summary.meanHours - s.comparison!.after.summary.meanHours, 8);
          expect(s.attribution).toEqual(attribute(toy, ms, { ...options, runs: 100, seed }));
        },
      ),
      { numRuns: 10 },
    );
  });

  it('reports 1 + 2^n + sensitivity steps in order, and the result does not depend on onProgress', () => {
    const seen: ScenarioProgress[] = [];
    const watched = runScenario(toy, measures, options, { sensitivity: true, onProgress: (p) => seen.push(p) });
    const points = 2 * measures.reduce((k, m) => k + m.parameters.filter((p) => p.min !== p.max).length, 0);
    expect(points).toBeGreaterThan(0);
    const steps = 1 + 2 ** measures.length + points;
    expect(seen.map((p) => p.step)).toEqual(Array.from({ length: steps }, (_, i) => i + 1));
    expect(seen.every((p) => p.steps === steps)).toBe(true);
    expect(seen[0]!.label).toBe('before/after comparison');
    expect(seen[2 ** measures.length]!.label).toBe('measure subset 8/8');
    expect(seen[steps - 1]!.label).toMatch(new RegExp(`^sensitivity ${points}/${points}: `));
    const quiet = runScenario(toy, measures, options, { sensitivity: true });
    expect(watched.comparison!.difference).toEqual(quiet.comparison!.difference);
    expect(watched.attribution).toEqual(quiet.attribution);
    expect(watched.sensitivity).toEqual(quiet.sensitivity);
  });

  it('computes only what is asked: no attribution with attribution: false or without measures', () => {
    const seen: ScenarioProgress[] = [];
    const plain = runScenario(toy, measures, options, { attribution: false, onProgress: (p) => seen.push(p) });
    expect(plain.attribution).toBeUndefined();
    expect(plain.sensitivity).toBeUndefined();
    expect(seen.map((p) => p.steps)).toEqual([1]);
    const none = runScenario(toy, [], options, { sensitivity: true });
    expect(none.attribution).toBeUndefined();
    expect(none.sensitivity).toBeUndefined();
    expect(none.comparison!.difference.meanHours.estimate).toBe(0);
  });

  it('records an attribution that cannot be computed (a subset leaves no route) and keeps the comparison', () => {
    const bypass = addLink({ id: 'bypass', link: { id: 'ab-new', from: 'a', to: 'b', mode: 'rail', distanceKm: 2800, speedKmh: 60, country: 'CN', bidirectional: true } });
    const s = runScenario(toy, [closeLink({ id: 'close', link: 'ab-rail' }), bypass], options);
    expect(s.comparison).not.toBeNull();
    expect(s.attribution).toBeUndefined();
    expect(s.attributionError).toMatch(/leaves none/);
    expect(() => attribute(toy, [closeLink({ id: 'close', link: 'ab-rail' }), bypass], options)).toThrow(/leaves none/);
  });

  it('returns a null comparison when the trip has no route, with nothing else computed', () => {
    const s = runScenario(toy, measures, { ...options, profile: 'truck' }, { sensitivity: true });
    expect(s).toEqual({ network: toy, measures, options: { ...options, profile: 'truck' }, comparison: null, warnings: [] });
  });
});
