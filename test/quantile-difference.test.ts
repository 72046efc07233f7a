// compare's quantile-difference intervals from order statistics: they cover the true difference
// about 95% of the time over independent seeds, and agree with the paired bootstrap they replace.
import { describe, expect, it } from 'vitest';
import { adjustStage, applyMeasures, compare, japan2025, middleCorridor, parseNetwork, simulate } from '../src/index.js';
import { quantileOfSorted } from '../src/stats/summary.js';
import { toySpec } from './fixtures.js';

describe('quantile-difference intervals', { timeout: 60_000 }, () => {
  it('cover the true difference of p50, p90 and p95 in about 95% of independent replications', () => {
    const before = parseNetwork(toySpec());
    // Halve the lognormal transhipment at the port and the customs time at the border.
    const after = applyMeasures(before, [
      adjustStage({ node: 'p', stage: 'tranship', durationFactor: 0.5 }),
      adjustStage({ node: 'b', stage: 'customs', durationFactor: 0.5 }),
    ]);
    const trip = { origin: 'a', destination: 'z', profile: 'container-rail' } as const;
    // The truth, from 400,000 paired runs on a seed of its own.
    const big = { ...trip, runs: 400_000, seed: 999_999 };
    const tb = simulate(before, big)!.sorted;
    const ta = simulate(after, big)!.sorted;
    const probs = [0.5, 0.9, 0.95] as const;
    const truth = probs.map((p) => quantileOfSorted(ta, p) - quantileOfSorted(tb, p));
    const replications = 200;
    const covered = [0, 0, 0];
    for (let r = 0; r < replications; r++) {
      const c = compare(before, after, { ...trip, runs: 5000, seed: r + 1 })!;
      [c.difference.p50Hours, c.difference.p90Hours, c.difference.p95Hours].forEach((iv, j) => {
        expect(iv.low).toBeLessThanOrEqual(iv.estimate);
        expect(iv.high).toBeGreaterThanOrEqual(iv.estimate);
        if (iv.low! <= truth[j]! && truth[j]! <= iv.high!) covered[j]!++;
      });
    }
    // 95% nominal; with 200 replications the share has a standard error of about 1.5 points.
    for (const k of covered) {
      expect(k / replications).toBeGreaterThan(0.9);
      expect(k / replications).toBeLessThan(0.995);
    }
  });

  it('agree in width with the paired bootstrap on the shipped corridor (Japan 2025 package)', () => {
    const base = middleCorridor();
    const after = applyMeasures(base, japan2025().measures);
    const options = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, runs: 20_000, seed: 3 } as const;
    const fast = compare(base, after, options)!.difference;
    const boot = compare(base, after, { ...options, bootstrap: 300 })!.difference;
    for (const key of ['p50Hours', 'p90Hours', 'p95Hours'] as const) {
      expect(fast[key].estimate).toBe(boot[key].estimate);
      const ratio = (fast[key].high! - fast[key].low!) / (boot[key].high! - boot[key].low!);
      expect(ratio).toBeGreaterThan(0.6);
      expect(ratio).toBeLessThan(1.6);
    }
    // The mean's interval does not depend on the method.
    expect(fast.meanHours).toEqual(boot.meanHours);
  });
});
