// Corridor choice: logit shares sum to 1 and move the right way, calibration reproduces the observed
// shares, the reference's money elasticity is the one assumed, and the shipped alternatives.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidTableError,
  adjustStage,
  chinaEuropeCorridors,
  corridorAlternativesJsonSchema,
  corridorChoice,
  logitShares,
  middleCorridor,
  validateCorridorAlternatives,
} from '../src/index.js';

const network = middleCorridor();
const runs = 300;
/** A measure on the Middle Corridor alone (only the Middle Corridor calls at Aktau). */
// Aktau's container handling (a stage with servers: the congestion model's wait there follows it).
const faster = adjustStage({ id: 'aktau-faster', node: 'aktau', stage: 'rail-to-quay', durationFactor: 0.5 });
// Slowing Aktau instead would move the planned route to the cheaper Turkmenbashi ferry; every Middle
// Corridor route passes Gardabani, and no other corridor does.
const slower = adjustStage({ id: 'gardabani-slower', node: 'gardabani', stage: 'traction-change', durationFactor: 2 });

describe('logitShares', () => {
  it('sum to 1, are positive, and rise with their own utility while every other falls', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 6 }), fc.nat(5), fc.double({ min: 0.01, max: 5, noNaN: true }), (u, pick, bump) => {
        const j = pick % u.length;
        const p = logitShares(u);
        const q = logitShares(u.map((x, k) => (k === j ? x + bump : x)));
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(q[j]!).toBeGreaterThanOrEqual(p[j]!);
        q.forEach((x, k) => k !== j && expect(x).toBeLessThanOrEqual(p[k]! + 1e-15));
      }),
      { numRuns: 300 },
    );
    expect(logitShares([0, -Infinity])).toEqual([1, 0]);
  });
});

describe('corridorChoice', () => {
  const base = corridorChoice(network, { measures: [faster], runs });

  it('calibrated: the baseline shares are the observed ones, and before and after each sum to 1', () => {
    const total = chinaEuropeCorridors().alternatives.reduce((t, a) => t + a.observedTeuPerYear!, 0);
    expect(base.marketTeuPerYear).toBe(total);
    for (const a of base.alternatives) {
      expect(a.before!.share).toBeCloseTo(a.observedShare!, 12);
      expect(a.observedShare).toBeCloseTo(chinaEuropeCorridors().alternatives.find((x) => x.id === a.id)!.observedTeuPerYear! / total, 12);
    }
    expect(base.alternatives.reduce((t, a) => t + a.before!.share, 0)).toBeCloseTo(1, 12);
    expect(base.alternatives.reduce((t, a) => t + a.after!.share, 0)).toBeCloseTo(1, 12);
    expect(base.alternatives.reduce((t, a) => t + a.divertedTeuPerYear!, 0)).toBeCloseTo(0, 4);
  });

  it('a faster Middle Corridor wins share from every other corridor; a slower one loses it', () => {
    const middle = base.alternatives.find((a) => a.id === 'middle')!;
    expect(middle.after!.meanHours).toBeLessThan(middle.before!.meanHours);
    expect(middle.shareChange).toBeGreaterThan(0);
    for (const a of base.alternatives.filter((x) => x.id !== 'middle')) {
      expect(a.after!.generalizedUsdPerTeu).toBe(a.before!.generalizedUsdPerTeu); // untouched by the measure
      expect(a.shareChange).toBeLessThan(0);
    }
    expect(base.referenceShare.after).toBeGreaterThan(base.referenceShare.before);
    expect(base.referenceGainTeuPerYear!.value).toBeCloseTo(middle.divertedTeuPerYear!, 6);
    expect(base.referenceShare.afterLow).toBeLessThanOrEqual(base.referenceShare.after);
    expect(base.referenceShare.afterHigh).toBeGreaterThanOrEqual(base.referenceShare.after);
    const worse = corridorChoice(network, { measures: [slower], runs });
    expect(worse.alternatives.find((a) => a.id === 'middle')!.shareChange).toBeLessThan(0);
  });

  it('the reference’s money elasticity is the one assumed, and a 1% dearer Middle Corridor loses about that share', () => {
    for (const eps of [-0.5, -1, -1.5]) {
      const c = corridorChoice(network, { runs, priceElasticity: eps });
      const m = c.alternatives.find((a) => a.id === 'middle')!;
      expect(m.elasticities.money).toBeCloseTo(eps, 12);
      const u = c.alternatives.map((a) => a.asc - c.costCoefficientPerUsd * (a.before!.generalizedUsdPerTeu + (a.id === 'middle' ? 0.01 * a.before!.moneyUsdPerTeu : 0)));
      const after = logitShares(u)[c.alternatives.indexOf(m)]!;
      expect((after - m.before!.share) / m.before!.share).toBeCloseTo(0.01 * eps, 3);
    }
  });

  it('without calibration the constants are 0 and the shares still sum to 1; calibration needs every volume', () => {
    const c = corridorChoice(network, { runs, calibrate: false });
    expect(c.alternatives.every((a) => a.asc === 0)).toBe(true);
    expect(c.alternatives.reduce((t, a) => t + a.before!.share, 0)).toBeCloseTo(1, 12);
    const spec = structuredClone(chinaEuropeCorridors()) as unknown as { alternatives: { observedTeuPerYear?: number }[] };
    delete spec.alternatives[2]!.observedTeuPerYear;
    expect(() => corridorChoice(network, { runs, alternatives: spec as unknown as ReturnType<typeof chinaEuropeCorridors> })).toThrow(InvalidTableError);
  });
});

describe('shipped corridor alternatives', () => {
  it('parse with a source on every volume; data/corridors.schema.json is the schema generated from zod; the reference must exist', () => {
    expect(validateCorridorAlternatives(readFileSync('data/corridors.json', 'utf8'), { requireSources: true })).toEqual([]);
    expect(JSON.parse(readFileSync('data/corridors.schema.json', 'utf8'))).toEqual(corridorAlternativesJsonSchema());
    expect(chinaEuropeCorridors().alternatives.map((a) => a.id)).toEqual(['middle', 'northern', 'southern', 'sea']);
    expect(validateCorridorAlternatives({ ...chinaEuropeCorridors(), reference: 'silk-road' }).map((p) => p.code)).toEqual(['invalid_value']);
  });
});
