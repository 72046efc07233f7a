import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, parseNetwork } from '../src/index.js';
import { adjustLink, adjustStage } from '../src/measures/index.js';
import { attribute } from '../src/simulate/attribute.js';
import { sensitivity } from '../src/simulate/sensitivity.js';
import { toySpec } from './fixtures.js';

const toy = parseNetwork(toySpec());
const opts = { origin: 'a', destination: 'z', profile: 'container-rail', runs: 800, seed: 17 } as const;

describe('attribute', () => {
  it('attribute(network, measures) on independent cuts: Shapley = alone = removed = each cut, summing to the total', () => {
    const measures = [
      adjustStage({ id: 'customs', node: 'b', stage: 'customs', durationFactor: 0.5 }), // −2 h every run
      adjustStage({ id: 'gauge', node: 'b', stage: 'gauge', durationFactor: 0 }), // −2 h on average
      adjustLink({ id: 'faster-rail', link: 'ab-rail', speedFactor: 1.25 }), // 60 h → 48 h
    ];
    const a = attribute(toy, measures, opts);
    expect(a.subsets).toBe(8);
    const byId = new Map(a.measures.map((m) => [m.id, m]));
    expect(byId.get('customs')!.shapley.meanHours).toBeCloseTo(2, 9);
    expect(byId.get('faster-rail')!.shapley.meanHours).toBeCloseTo(12, 9);
    for (const m of a.measures) {
      expect(m.alone.meanHours).toBeCloseTo(m.shapley.meanHours, 9);
      expect(m.removed.meanHours).toBeCloseTo(m.shapley.meanHours, 9);
    }
    expect(a.measures.reduce((s, m) => s + m.shapley.meanHours, 0)).toBeCloseTo(a.total.meanHours, 9);
    expect(a.total.meanHours).toBeCloseTo(a.baseline.meanHours - a.full.meanHours, 12);
  });

  it('Shapley values always sum to the whole package effect, in mean and p50 (efficiency)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('customs', 'exam', 'gauge'), fc.double({ min: 0, max: 2, noNaN: true })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 1e6 }),
        (changes, seed) => {
          const measures = changes.map(([stage, f], i) => adjustStage({ id: `m${i}`, node: 'b', stage, durationFactor: f }));
          const a = attribute(toy, measures, { ...opts, runs: 200, seed });
          const sumMean = a.measures.reduce((s, m) => s + m.shapley.meanHours, 0);
          const sumP50 = a.measures.reduce((s, m) => s + m.shapley.p50Hours, 0);
          expect(sumMean).toBeCloseTo(a.total.meanHours, 8);
          expect(sumP50).toBeCloseTo(a.total.p50Hours, 8);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('attribute reports each subset to onSubset, and the result does not depend on it', () => {
    const measures = [adjustStage({ id: 'a', node: 'b', stage: 'customs', durationFactor: 0.5 }), adjustStage({ id: 'b', node: 'b', stage: 'gauge', durationFactor: 0.5 })];
    const seen: string[] = [];
    const watched = attribute(toy, measures, opts, { onSubset: (k, n) => seen.push(`${k}/${n}`) });
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);
    expect(watched).toEqual(attribute(toy, measures, opts));
  });

  it('attribute rejects duplicate ids and more than 10 measures', () => {
    const m = adjustStage({ id: 'x', node: 'b', stage: 'customs', durationFactor: 0.5 });
    expect(() => attribute(toy, [m, m], opts)).toThrow(InvalidArgumentError);
    const many = Array.from({ length: 11 }, (_, i) => adjustStage({ id: `m${i}`, node: 'b', stage: 'customs', durationFactor: 0.9 }));
    expect(() => attribute(toy, many, opts)).toThrow(InvalidArgumentError);
  });
});

describe('sensitivity', () => {
  it('sensitivity sweeps each parameter across its range; bars sorted by swing', () => {
    const measures = [adjustStage({ id: 'customs', node: 'b', stage: 'customs', durationFactor: 0.5 }), adjustLink({ id: 'rail', link: 'ab-rail', speedFactor: 1.1 })];
    const s = sensitivity(toy, measures, opts);
    expect(s.rows.length).toBeGreaterThanOrEqual(2);
    for (let k = 1; k < s.rows.length; k++) expect(s.rows[k - 1]!.swingMeanHours).toBeGreaterThanOrEqual(s.rows[k]!.swingMeanHours);
    const customs = s.rows.find((r) => r.measureId === 'customs' && r.parameter === 'durationFactor')!;
    // Factor f saves 4 (1 − f) hours: at f = low the saving is largest.
    expect(customs.low.saved.meanHours - customs.high.saved.meanHours).toBeCloseTo(4 * (customs.high.value - customs.low.value), 6);
    expect(s.base.meanHours).toBeGreaterThan(0);
  });
});
