import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, compare, parseNetwork, simulate, type NetworkSpec } from '../src/index.js';
import { ElementStream, mixRun } from '../src/simulate/random.js';
import { DRAWN_CANCELLATIONS, cancelledHeadwaysHours, drawPart, lengthBiasedQuantileOf, normalQuantile, quantileOf } from '../src/simulate/sample.js';
import { toyDoc, toySpec } from './fixtures.js';

/** a →(rail, 10 h)→ b →(link kind given)→ c, with one stage at b. */
function line(stage: Record<string, unknown> | null, second: Record<string, unknown> = { mode: 'rail', speedKmh: 50 }): NetworkSpec {
  return {
    id: 'line',
    title: 'line',
    nodes: [
      { id: 'a', name: 'A', kind: 'terminal', country: 'KZ', lat: 0, lon: 0 },
      { id: 'b', name: 'B', kind: 'port', country: 'KZ', lat: 0, lon: 1, ...(stage ? { stages: [stage as never] } : {}) },
      { id: 'c', name: 'C', kind: 'terminal', country: 'AZ', lat: 0, lon: 2 },
    ],
    links: [
      { id: 'ab', from: 'a', to: 'b', mode: 'rail', distanceKm: 500, speedKmh: 50 },
      { id: 'bc', from: 'b', to: 'c', distanceKm: 500, waters: 'Caspian Sea', ...second } as never,
    ],
  };
}

const tri = { id: 't', name: 'tri', kind: 'customs', category: 'customs', country: 'KZ', durationHours: { type: 'triangular', min: 2, mode: 4, max: 9 }, modes: ['rail'] };

describe('simulate statistics (fixed seed, tolerance)', () => {
  it("a triangular stage's sample mean is within 1% of (min+mode+max)/3 over 10^5 draws", () => {
    const r = simulate(parseNetwork(line(tri)), { origin: 'a', destination: 'c', profile: 'container-rail', runs: 100_000, seed: 7 })!;
    const stageMean = r.summary.meanHours - 20;
    expect(Math.abs(stageMean / 5 - 1)).toBeLessThan(0.01);
    expect(r.summary.minHours).toBeGreaterThanOrEqual(22);
    expect(r.summary.maxHours).toBeLessThanOrEqual(29);
  });

  it("a ferry wait's mean is within 2% of half the headway", () => {
    const ferry = { mode: 'ferry', service: { headwayHours: { type: 'fixed', value: 48 }, sailingHours: { type: 'fixed', value: 20 }, cancellationProbability: 0 } };
    const r = simulate(parseNetwork(line(null, ferry)), { origin: 'a', destination: 'c', profile: 'container-rail', runs: 100_000, seed: 11 })!;
    const wait = r.summary.meanHours - 10 - 20;
    expect(Math.abs(wait / 24 - 1)).toBeLessThan(0.02);
    expect(r.byCountry.find((c) => c.country === 'KZ')!.byCategory.waiting).toBeCloseTo(wait, 9);
  });

  it('irregular headways and cancellations match the expected-wait formula within 2%', () => {
    for (const [headway, c] of [
      [{ type: 'uniform', min: 24, max: 96 }, 0.1],
      [{ type: 'lognormal', median: 48, p90: 120 }, 0.2],
      [{ type: 'triangular', min: 12, mode: 24, max: 96 }, 0],
      [{ type: 'empirical', values: [24, 72, 168] }, 0.05],
    ] as const) {
      const ferry = { mode: 'ferry', service: { headwayHours: headway, sailingHours: { type: 'fixed', value: 20 }, cancellationProbability: c } };
      const network = parseNetwork(line(null, ferry));
      const r = simulate(network, { origin: 'a', destination: 'c', profile: 'container-rail', runs: 100_000, seed: 3 })!;
      expect(Math.abs(r.summary.meanHours / r.route.totalHours - 1)).toBeLessThan(0.02);
    }
  });

  it('a speed restriction on a link with a random travel time: the Monte Carlo mean matches the expected time within 1%', () => {
    for (const durationHours of [
      { type: 'lognormal', median: 8, p90: 14 },
      { type: 'triangular', min: 4, mode: 9, max: 20 },
      { type: 'uniform', min: 5, max: 15 },
      { type: 'empirical', values: [6, 8, 20] },
    ] as const) {
      const road = { mode: 'rail', durationHours, country: 'KZ', structures: [{ id: 'br', name: 'bridge', kind: 'bridge', speedLimitKmh: 30, restrictedKm: 200, closureProbability: 0 }] };
      const network = parseNetwork(line(null, road));
      const r = simulate(network, { origin: 'a', destination: 'c', profile: 'container-rail', runs: 100_000, seed: 5 })!;
      expect(r.route.parts.some((p) => p.kind === 'speed-restriction')).toBe(true);
      expect(Math.abs(r.summary.meanHours / r.route.totalHours - 1)).toBeLessThan(0.01);
    }
  });

  it('a stage instead of another happens to the next share of its draw: never both, together as often as their summed probability', () => {
    const network = parseNetwork({
      ...line(null),
      nodes: line(null).nodes.map((n) =>
        n.id !== 'b'
          ? n
          : {
              ...n,
              stages: [
                { id: 'exam', name: 'exam', kind: 'inspection', category: 'customs', country: 'KZ', durationHours: { type: 'fixed', value: 100 }, probability: 0.2, modes: ['rail'] },
                { id: 'scan', name: 'scan', kind: 'scan', category: 'customs', country: 'KZ', durationHours: { type: 'fixed', value: 1 }, probability: 0.5, insteadOf: 'exam', modes: ['rail'] },
              ],
            },
      ),
    });
    const r = simulate(network, { origin: 'a', destination: 'c', profile: 'container-rail', runs: 50_000, seed: 2 })!;
    const counts = new Map<number, number>();
    for (const h of r.samples) counts.set(Math.round(h - 20), (counts.get(Math.round(h - 20)) ?? 0) + 1);
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([0, 1, 100]);
    expect(counts.get(100)! / 50_000).toBeCloseTo(0.2, 2);
    expect(counts.get(1)! / 50_000).toBeCloseTo(0.5, 2);
    expect(r.summary.meanHours).toBeCloseTo(r.route.totalHours, 0);
  });

  it('a cancellation probability near 1 finishes at once, with the mean of the expected-wait formula', () => {
    const ferry = { mode: 'ferry', service: { headwayHours: { type: 'uniform', min: 24, max: 48 }, sailingHours: { type: 'fixed', value: 20 }, cancellationProbability: 0.9999999 } };
    const network = parseNetwork(line(null, ferry));
    const r = simulate(network, { origin: 'a', destination: 'c', profile: 'container-rail', runs: 20_000, seed: 4 })!;
    // c/(1 − c) = 10^7 headways of 36 h on average: a geometric number with a standard deviation as large.
    expect(Math.abs(r.summary.meanHours / r.route.totalHours - 1)).toBeLessThan(0.03);
    expect(r.summary.minHours).toBeGreaterThan(0);
  });

  it('a fixed headway costs exactly K headways for K cancellations, however many', () => {
    const model = { type: 'departure-wait', headway: { type: 'fixed', value: 33.6 }, cancellationProbability: 0.9999999 } as const;
    const stream = new ElementStream(8, 'wait');
    for (let run = 0; run < 2000; run++) {
      const m = mixRun(run);
      const cancelled = Math.floor(Math.log(stream.u(m, 2)) / Math.log(0.9999999));
      expect(drawPart(model, stream, run)).toBe(stream.u(m, 0) * 33.6 + cancelled * 33.6);
    }
  });

  it('beyond 16 cancellations the drawn headways stand for all K: the sum of K headways\' exact mean and variance', () => {
    const headway = { type: 'uniform', min: 24, max: 48 } as const;
    const mean = 36;
    const variance = 24 ** 2 / 12;
    for (const k of [DRAWN_CANCELLATIONS, 17, 100, 1e6]) {
      const stream = new ElementStream(3, `k${k}`);
      const n = 40_000;
      let s = 0;
      let s2 = 0;
      for (let run = 0; run < n; run++) {
        const drawn = Math.min(k, DRAWN_CANCELLATIONS);
        let sum = 0;
        for (let j = 0; j < drawn; j++) sum += quantileOf(headway, stream.uniform(run, 4 + j));
        const h = cancelledHeadwaysHours(k, sum, drawn, mean);
        s += h;
        s2 += h * h;
      }
      const m = s / n;
      const v = s2 / n - m * m;
      expect(Math.abs(m / (k * mean) - 1)).toBeLessThan(0.002);
      expect(Math.abs(v / (k * variance) - 1)).toBeLessThan(0.05);
    }
  });

  it('the hours of K cancellations are never negative, exact up to 16, and never less for a larger K or shorter headways', () => {
    const headways = fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: DRAWN_CANCELLATIONS, maxLength: DRAWN_CANCELLATIONS });
    fc.assert(
      fc.property(headways, fc.double({ min: 0, max: 1e3, noNaN: true }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e3 }), fc.double({ min: 0, max: 1, noNaN: true }), (hs, mean, k, more, shrink) => {
        const hoursOf = (kk: number, factor: number): number => {
          const drawn = Math.min(kk, DRAWN_CANCELLATIONS);
          let sum = 0;
          for (let j = 0; j < drawn; j++) sum += hs[j]! * factor;
          return cancelledHeadwaysHours(kk, sum, drawn, mean * factor);
        };
        const h = hoursOf(k, 1);
        expect(h).toBeGreaterThanOrEqual(-1e-9 * k * (mean + 1e3));
        if (k <= DRAWN_CANCELLATIONS) expect(h).toBe(hs.slice(0, k).reduce((a, b) => a + b, 0));
        const slack = 1e-12 * (k + more) * (mean + 1e3);
        expect(hoursOf(k + more, 1)).toBeGreaterThanOrEqual(h - slack);
        expect(hoursOf(k, shrink)).toBeLessThanOrEqual(h + slack);
      }),
      { numRuns: 300 },
    );
  });

  it('every draw of a distribution with figures ≥ 0 is ≥ 0 and within its bounds, however tiny the figures', () => {
    const figure = fc.oneof(fc.double({ min: 0, max: 1e-150, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    const u = fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true, maxExcluded: true });
    fc.assert(
      fc.property(figure, figure, figure, u, (x, y, z, v) => {
        const [min, mode, max] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        for (const d of [{ type: 'triangular', min, mode, max }, { type: 'uniform', min, max: Math.max(min, max) }] as const) {
          const h = quantileOf(d, v);
          expect(h).toBeGreaterThanOrEqual(0);
          // Within rounding of the bounds, at the scale of the largest figure.
          expect(h).toBeGreaterThanOrEqual(min - 1e-15 * max);
          expect(h).toBeLessThanOrEqual(max * (1 + 1e-15));
        }
      }),
      { numRuns: 3000 },
    );
    // The case found: a triangular of 1e-162 h drew −6.2e-163 h.
    expect(quantileOf({ type: 'triangular', min: 6e-323, mode: 6.4e-323, max: 1.5993892836013945e-162 }, 6.694148448578333e-128)).toBeGreaterThanOrEqual(0);
  });

  it('inverse CDFs: normalQuantile, triangular and length-biased draws have the right shape', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 6);
    expect(quantileOf({ type: 'lognormal', median: 6, p90: 12 }, 0.9)).toBeCloseTo(12, 6);
    expect(quantileOf({ type: 'triangular', min: 2, mode: 4, max: 9 }, 2 / 7)).toBeCloseTo(4, 12);
    // Length-biased median of U(0, 1): sqrt(0.5).
    expect(lengthBiasedQuantileOf({ type: 'uniform', min: 0, max: 1 }, 0.5)).toBeCloseTo(Math.SQRT1_2, 12);
    // Triangular length-biased quantiles are monotone and span the support.
    const d = { type: 'triangular', min: 1, mode: 2, max: 6 } as const;
    let prev = 0;
    for (let u = 0.01; u < 1; u += 0.01) {
      const x = lengthBiasedQuantileOf(d, u);
      expect(x).toBeGreaterThanOrEqual(prev);
      prev = x;
    }
    expect(lengthBiasedQuantileOf(d, 1e-9)).toBeCloseTo(1, 3);
  });

  it('element streams are uniform and uncorrelated with each other', () => {
    const s1 = new ElementStream(42, 'stage|a|x');
    const s2 = new ElementStream(42, 'stage|a|y');
    const n = 200_000;
    let m1 = 0, m2 = 0, m12 = 0, v1 = 0, v2 = 0;
    const bins = new Array<number>(20).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = s1.uniform(i, 1);
      const y = s2.uniform(i, 1);
      if (!(x > 0 && x < 1)) outside++;
      bins[Math.floor(x * 20)]!++;
      m1 += x; m2 += y; m12 += x * y; v1 += x * x; v2 += y * y;
    }
    expect(outside).toBe(0);
    m1 /= n; m2 /= n;
    const corr = (m12 / n - m1 * m2) / Math.sqrt((v1 / n - m1 * m1) * (v2 / n - m2 * m2));
    expect(Math.abs(m1 - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(corr)).toBeLessThan(0.01);
    const chi2 = bins.reduce((s, o) => s + (o - n / 20) ** 2 / (n / 20), 0);
    expect(chi2).toBeLessThan(43.8); // χ²(19) at p = 0.001
    // 200,000 draws of two streams, each checked: seconds on a busy machine.
  }, 30_000);
});

describe('simulate determinism and errors', () => {
  const toy = parseNetwork(toySpec());
  const opts = { origin: 'a', destination: 'z', profile: 'container-rail', runs: 2000, seed: 123 } as const;

  it('the same seed gives identical results, bit for bit; another seed differs', () => {
    const r1 = simulate(toy, opts)!;
    const r2 = simulate(parseNetwork(toySpec()), opts)!;
    expect(Buffer.from(r1.samples.buffer).equals(Buffer.from(r2.samples.buffer))).toBe(true);
    expect(r1.summary).toEqual(r2.summary);
    const r3 = simulate(toy, { ...opts, seed: 124 })!;
    expect(Buffer.from(r1.samples.buffer).equals(Buffer.from(r3.samples.buffer))).toBe(false);
    const a1 = simulate(toy, { ...opts, policy: 'adaptive', runs: 300 })!;
    const a2 = simulate(toy, { ...opts, policy: 'adaptive', runs: 300 })!;
    expect(Buffer.from(a1.samples.buffer).equals(Buffer.from(a2.samples.buffer))).toBe(true);
  });

  it('run i does not depend on how many runs are made', () => {
    const short = simulate(toy, { ...opts, runs: 10 })!;
    const long = simulate(toy, opts)!;
    expect([...short.samples]).toEqual([...long.samples.subarray(0, 10)]);
  });

  it('the result reports summary, per-country means summing to the mean, and on-time probabilities', () => {
    const r = simulate(toy, opts)!;
    const s = r.summary;
    expect([s.minHours, s.p5Hours, s.p50Hours, s.p90Hours, s.p95Hours, s.p99Hours, s.maxHours]).toEqual(
      [...[s.minHours, s.p5Hours, s.p50Hours, s.p90Hours, s.p95Hours, s.p99Hours, s.maxHours]].sort((x, y) => x - y),
    );
    expect(r.byCountry.reduce((t, c) => t + c.hours, 0)).toBeCloseTo(s.meanHours, 6);
    expect(r.probabilityWithin(0)).toBe(0);
    expect(r.probabilityWithin(1000)).toBe(1);
    expect(r.probabilityWithin(s.p50Hours / 24)).toBeGreaterThanOrEqual(0.5);
    expect(r.routes).toEqual([{ links: r.route.links, nodes: r.route.nodes, runs: 2000, share: 1 }]);
    expect(() => r.probabilityWithin(NaN)).toThrow(InvalidArgumentError);
  });

  it('simulate returns null when there is no route, and rejects bad options with typed errors', () => {
    expect(simulate(toy, { ...opts, destination: 'island' })).toBeNull();
    for (const bad of [{ runs: 0 }, { runs: 1.5 }, { runs: NaN }, { seed: -1 }, { seed: 0.5 }, { seed: '1' }, { policy: 'psychic' }]) {
      expect(() => simulate(toy, { ...opts, ...(bad as object) })).toThrow(InvalidArgumentError);
    }
  });

  it('a profile maxHours gives the cold-chain probability', () => {
    const r = simulate(toy, { ...opts, profile: { id: 'reefer', name: 'reefer', modes: ['rail', 'ferry'], maxHours: 190 } })!;
    expect(r.maxHours!.hours).toBe(190);
    expect(r.maxHours!.probability).toBe(r.probabilityWithin(190 / 24));
  });
});

describe('simulate properties', () => {
  const toy = parseNetwork(toySpec());
  it('quantiles are monotone and the mean converges to the expected-time model (within 4 standard errors)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom('z', 'q', 'p'), (seed, destination) => {
        const r = simulate(toy, { origin: 'a', destination, profile: 'container-rail', runs: 4000, seed })!;
        const s = r.summary;
        const qs = [0.01, 0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99].map((p) => r.sorted[Math.floor(p * (r.runs - 1))]!);
        for (let k = 1; k < qs.length; k++) expect(qs[k]!).toBeGreaterThanOrEqual(qs[k - 1]!);
        expect(s.p5Hours <= s.p50Hours && s.p50Hours <= s.p90Hours && s.p90Hours <= s.p95Hours && s.p95Hours <= s.p99Hours).toBe(true);
        expect(Math.abs(s.meanHours - r.route.totalHours)).toBeLessThan(4 * (s.sdHours / Math.sqrt(r.runs)) + 1e-9);
      }),
      { numRuns: 25 },
    );
  });

  it('adaptive routing is never slower than the planned route on the same draws', () => {
    const doc = toyDoc();
    // A second, irregular ferry makes adaptive choices matter.
    doc.links.push({ id: 'pq-ro', from: 'p', to: 'q', mode: 'ferry', distanceKm: 470, waters: 'Caspian Sea', service: { headwayHours: { type: 'lognormal', median: 30, p90: 120 }, sailingHours: { type: 'uniform', min: 18, max: 30 }, cancellationProbability: 0.2 } });
    const n = parseNetwork(doc);
    const o = { origin: 'a', destination: 'z', profile: 'container-rail', runs: 1500, seed: 99 } as const;
    const planned = simulate(n, o)!;
    const adaptive = simulate(n, { ...o, policy: 'adaptive' })!;
    for (let i = 0; i < o.runs; i++) expect(adaptive.samples[i]!).toBeLessThanOrEqual(planned.samples[i]! + 1e-9);
    expect(adaptive.routes.length).toBeGreaterThan(1);
    expect(adaptive.routes.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    expect(adaptive.summary.meanHours).toBeLessThan(planned.summary.meanHours);
  });

  it('a change that only cuts durations or probabilities never lengthens any paired sample', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1e9 }), (cut, pcut, seed) => {
        const doc = toyDoc();
        const scale = (d: Record<string, any>): void => {
          for (const k of ['value', 'min', 'mode', 'max', 'median', 'p90']) if (typeof d[k] === 'number') d[k] *= cut;
          if (Array.isArray(d.values)) d.values = d.values.map((v: number) => v * cut);
        };
        for (const s of doc.nodes[1].stages) scale(s.durationHours);
        doc.nodes[1].stages[1].probability *= pcut;
        scale(doc.nodes[2].stages[0].durationHours);
        scale(doc.links[4].service.sailingHours);
        const o = { origin: 'a', destination: 'z', profile: 'container-rail', runs: 500, seed } as const;
        const before = simulate(parseNetwork(toySpec()), o)!;
        const after = simulate(parseNetwork(doc), o)!;
        for (let i = 0; i < o.runs; i++) expect(after.samples[i]!).toBeLessThanOrEqual(before.samples[i]! + 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});

describe('compare', () => {
  const o = { origin: 'a', destination: 'z', profile: 'container-rail', runs: 3000, seed: 5, withinDays: 8 } as const;
  it('compare(n, n) is exactly zero: common random numbers', () => {
    const c = compare(parseNetwork(toySpec()), parseNetwork(toySpec()), o)!;
    expect(c.difference.meanHours).toEqual({ estimate: 0, low: 0, high: 0 });
    expect(c.difference.p90Hours).toEqual({ estimate: 0, low: 0, high: 0 });
    expect(c.within!.delta).toBe(0);
  });

  it('compare reports a cut with a tight paired interval, per-country deltas and on-time change', () => {
    const doc = toyDoc();
    doc.nodes[1].stages[0].durationHours = { type: 'fixed', value: 1 }; // customs at b: 4 h → 1 h
    const c = compare(parseNetwork(toySpec()), parseNetwork(doc), o)!;
    expect(c.difference.meanHours.estimate).toBeCloseTo(-3, 9);
    expect(c.difference.meanHours.high! - c.difference.meanHours.low!).toBeLessThan(1e-6);
    expect(c.difference.p50Hours.low).toBeLessThanOrEqual(c.difference.p50Hours.estimate);
    expect(c.difference.p50Hours.high).toBeGreaterThanOrEqual(c.difference.p50Hours.estimate);
    expect(c.difference.p50Hours.high).toBeLessThanOrEqual(0);
    const kz = c.byCountry.find((x) => x.country === 'KZ')!;
    expect(kz.deltaHours).toBeCloseTo(-3, 9);
    expect(c.byCategory.delta.customs).toBeCloseTo(-3, 9);
    expect(c.within!.after).toBeGreaterThanOrEqual(c.within!.before);
  });

  it('compare returns null when a network has no route', () => {
    const doc = toyDoc();
    doc.links.splice(5, 1);
    expect(compare(parseNetwork(toySpec()), parseNetwork(doc), o)).toBeNull();
  });
});

describe('samplers against d3-random (reference implementation)', () => {
  it('quantileOf(lognormal) draws have the moments of d3-random randomLogNormal with the same μ, σ', async () => {
    const { randomLcg, randomLogNormal } = await import('d3-random');
    const mu = Math.log(6);
    const sigma = Math.log(12 / 6) / 1.2815515655446004;
    const ref = randomLogNormal.source(randomLcg(0.42))(mu, sigma);
    const s = new ElementStream(1, 'lognormal');
    const n = 200_000;
    let m1 = 0, r1 = 0, mLog = 0, rLog = 0;
    for (let i = 0; i < n; i++) {
      const x = quantileOf({ type: 'lognormal', median: 6, p90: 12 }, s.uniform(i, 1));
      const y = ref();
      m1 += x; r1 += y; mLog += Math.log(x); rLog += Math.log(y);
    }
    expect(Math.abs(m1 / r1 - 1)).toBeLessThan(0.01);
    expect(Math.abs(mLog / n - mu)).toBeLessThan(0.005);
    expect(Math.abs(rLog / n - mu)).toBeLessThan(0.005);
  });
});
