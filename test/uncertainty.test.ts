// The two-level simulation: Latin hypercube columns, first-order indices against known answers, the
// noise threshold against the null, the uncertain inputs of a scenario, and runScenario's uncertainty.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, installScanners, parseNetwork, runScenario, streamlineCustoms, uncertainInputs } from '../src/index.js';
import { betaCdf, betaQuantile } from '../src/stats/beta.js';
import { firstOrderIndices, noiseThreshold } from '../src/stats/first-order.js';
import { hypercubeColumn } from '../src/simulate/latin-hypercube.js';
import { ElementStream } from '../src/simulate/random.js';
import { scenarioJson, scenarioText } from '../src/report/scenario-text.js';
import { allInputs, drawScenario } from '../src/simulate/uncertain-inputs.js';
import { renderReport } from '../src/index.js';
import { stormyToyDoc, toyDoc } from './fixtures.js';

describe('hypercubeColumn', () => {
  it('puts one draw in each stratum, inside it, the same for the same (seed, id, n) whatever else is drawn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 200 }), (seed, id, n) => {
        const c = hypercubeColumn(seed, id, n);
        expect([...c.strata].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        c.units.forEach((u, i) => {
          expect(u).toBeGreaterThan(c.strata[i]! / n);
          expect(u).toBeLessThan((c.strata[i]! + 1) / n);
        });
        expect(hypercubeColumn(seed, id, n)).toEqual(c);
      }),
      { numRuns: 50 },
    );
    // Different inputs get different orders (independent columns).
    expect([...hypercubeColumn(1, 'a', 64).strata]).not.toEqual([...hypercubeColumn(1, 'b', 64).strata]);
  });
});

describe('first-order indices', () => {
  const uniforms = (seed: number, k: number, n: number) => Array.from({ length: k }, (_, j) => hypercubeColumn(seed, `x${j}`, n));

  it('recover the indices of an additive model: Y = X1 + 2·X2 with X uniform gives 1/5 and 4/5, X3 none', () => {
    const n = 2000;
    const cols = uniforms(3, 3, n);
    const y = Float64Array.from({ length: n }, (_, i) => cols[0]!.units[i]! + 2 * cols[1]!.units[i]!);
    const fo = firstOrderIndices(y, cols.map((c) => c.strata));
    expect(fo.indices[0]).toBeCloseTo(0.2, 1);
    expect(fo.indices[1]).toBeCloseTo(0.8, 1);
    expect(Math.abs(fo.indices[2]!)).toBeLessThan(4 * fo.noise);
  });

  it('see a non-monotone effect that a correlation would miss: Y = (X1 − ½)²', () => {
    const n = 400;
    const cols = uniforms(5, 2, n);
    const y = Float64Array.from({ length: n }, (_, i) => (cols[0]!.units[i]! - 0.5) ** 2);
    const fo = firstOrderIndices(y, cols.map((c) => c.strata));
    expect(fo.indices[0]).toBeGreaterThan(0.9);
    expect(fo.indices[1]).toBeLessThan(3 * fo.noise);
  });

  it('the noise threshold holds the family-wise false alarms of inputs without effect near 5%', () => {
    const n = 64;
    const k = 50;
    let alarms = 0;
    const reps = 60;
    for (let rep = 0; rep < reps; rep++) {
      const cols = uniforms(100 + rep, k, n);
      const s = new ElementStream(rep, 'noise');
      const y = Float64Array.from({ length: n }, (_, i) => s.uniform(i, 0));
      const fo = firstOrderIndices(y, cols.map((c) => c.strata));
      if (Math.max(...fo.indices) > noiseThreshold(n, fo.bins, k)) alarms++;
    }
    expect(alarms / reps).toBeLessThan(0.2);
    // A normal approximation of the same tail would be far too low (the beta tail is heavier).
    expect(noiseThreshold(64, 8, 474)).toBeGreaterThan(0.3);
  });

  it('leave out failed draws, and reject too few outputs or bad bins', () => {
    const cols = uniforms(1, 1, 10);
    const y = Float64Array.from({ length: 10 }, (_, i) => (i === 3 ? NaN : cols[0]!.units[i]!));
    expect(firstOrderIndices(y, cols.map((c) => c.strata)).indices[0]).toBeGreaterThan(0.5);
    expect(() => firstOrderIndices([1, 2, 3], [[0, 1, 2]])).toThrow(RangeError);
    expect(() => firstOrderIndices(y, cols.map((c) => c.strata), 1)).toThrow(RangeError);
  });

  it('betaCdf and betaQuantile agree with closed forms and with each other', () => {
    expect(betaCdf(0.5, 2, 3)).toBeCloseTo(0.6875, 12);
    expect(betaCdf(0.3, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.3)), 12);
    expect(betaCdf(0.7, 1, 1)).toBeCloseTo(0.7, 12);
    for (const [p, a, b] of [[0.05, 3.5, 28], [0.999, 3.5, 28], [0.5, 0.5, 2]] as const) expect(betaCdf(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 9);
  });
});

// The toy corridor with ranges on the border's figures and a measure package with plausible ranges.
function rangedToy() {
  const d = toyDoc();
  d.nodes[1].stages[0].source = { estimate: 'customs 4 h', range: { field: 'durationHours', factor: [0.5, 2], reason: 'guess' } };
  d.nodes[1].stages[1].source = { estimate: 'a quarter examined', range: [{ field: 'probability', min: 0.1, max: 0.4, reason: 'guess' }] };
  d.nodes[0].source = { estimate: 'coordinates', range: [{ field: 'lat', min: 33, max: 35, reason: 'map' }] };
  return parseNetwork(d);
}
const measures = [streamlineCustoms({ countries: ['KZ'] }), installScanners({ countries: ['KZ'] })];
const trip = { origin: 'a', destination: 'z', profile: 'container-rail', runs: 300, seed: 4 } as const;

describe('uncertain inputs and the two-level simulation', () => {
  it('uncertainInputs lists measure parameters with a plausible range, then ranged figures, never coordinates', () => {
    const inputs = uncertainInputs(rangedToy(), measures);
    expect(inputs.map((x) => x.id)).toEqual([
      'measure:streamline-customs/proceduralCut',
      'measure:streamline-customs/inspectionRateCut',
      'measure:install-scanners/scanMinutes',
      'measure:install-scanners/stillExaminedShare',
      'stage:b/customs/durationHours',
      'stage:b/exam/probability',
    ]);
    expect(inputs[4]).toMatchObject({ kind: 'figure', low: 0.5, high: 2, unit: 'factor', value: 1, reason: 'guess' });
    expect(inputs[5]).toMatchObject({ low: 0.1, high: 0.4, value: 0.25 });
  });

  it('lists the episodes\' ranged start rates, durations and utilisation and σ of the corridor state, and a draw sets them', () => {
    const d = stormyToyDoc('b', Array(12).fill(2));
    const net = parseNetwork(d);
    const inputs = allInputs(net, []);
    expect(inputs.map((x) => x.id)).toEqual(['episode:storm/occurrence.startsPerMonth', 'episode:storm/utilisation', 'correlation:corridor-state/sigma']);
    expect(inputs[0]).toMatchObject({ unit: 'factor', low: 0.5, high: 2, value: 1 });
    const drawn = drawScenario(net, [], inputs, [1.5, 0.45, 1.1]).network;
    expect((drawn.spec.episodes![0]!.occurrence as unknown as { startsPerMonth: number[] }).startsPerMonth).toEqual(Array(12).fill(3));
    expect(drawn.spec.episodes![0]!.utilisation).toBe(0.45);
    expect(drawn.spec.correlation!.sigma).toBe(1.1);
    // The draws reach the simulation: more storms, a longer trip on the same seed.
    const t = { ...trip, runs: 400 };
    const more = drawScenario(net, [], inputs, [2, 0.6, 0.8]).network;
    expect(runScenario(more, measures, t, { attribution: false }).comparison!.before.summary.meanHours).toBeGreaterThan(runScenario(net, measures, t, { attribution: false }).comparison!.before.summary.meanHours);
  });

  it('runScenario gives the effect as a distribution over the draws, around the value at the inputs\' values, the same for the same seed', () => {
    const net = rangedToy();
    const steps: string[] = [];
    const s = runScenario(net, measures, trip, { attribution: false, uncertainty: { draws: 16 }, onProgress: (p) => steps.push(`${p.step}/${p.steps}`) });
    const u = s.uncertainty!;
    expect(u).toMatchObject({ draws: 16, evaluated: 16, runs: 300, seed: 4, failed: [] });
    expect(steps).toHaveLength(17);
    expect(steps[16]).toBe('17/17');
    const e = u.effect.meanHours;
    expect(e.low).toBeLessThanOrEqual(e.median);
    expect(e.median).toBeLessThanOrEqual(e.high);
    // Every draw only cuts times: every paired effect is a saving, and the spread is real (not MC error).
    expect([...u.meanHours].every((h) => h < 0)).toBe(true);
    expect(e.high - e.low).toBeGreaterThan(10 * u.monteCarlo.innerHalfWidthHours);
    const c = s.comparison!.difference.meanHours.estimate;
    expect(c).toBeGreaterThan(e.low - 1);
    expect(c).toBeLessThan(e.high + 1);
    // The draws' values lie in their ranges.
    u.inputs.forEach((x, k) => u.values[k]!.forEach((v) => expect(v >= x.low && v <= x.high).toBe(true)));
    expect(runScenario(net, measures, trip, { attribution: false, uncertainty: { draws: 16 } }).uncertainty!.meanHours).toEqual(u.meanHours);
    expect(u.sensitivity!.rows).toHaveLength(6);
  });

  it('is absent without measures or uncertain inputs; bad settings are typed errors', () => {
    const plain = parseNetwork(toyDoc());
    expect(runScenario(plain, [], trip, { uncertainty: {} }).uncertainty).toBeUndefined();
    const fixedOnly = [streamlineCustoms({ countries: ['KZ'] })];
    expect(runScenario(plain, fixedOnly, trip, { attribution: false, uncertainty: { draws: 8, inputs: 'figures' } }).uncertainty).toBeUndefined();
    expect(() => runScenario(plain, fixedOnly, trip, { uncertainty: { draws: 2 } })).toThrow(InvalidArgumentError);
    expect(() => runScenario(plain, fixedOnly, trip, { uncertainty: { inputs: 'some' as never } })).toThrow(InvalidArgumentError);
  });

  it('is printed first in text, JSON and HTML', () => {
    const net = rangedToy();
    const s = runScenario(net, measures, trip, { attribution: false, uncertainty: { draws: 8 } });
    const text = scenarioText(net, s);
    expect(text.indexOf('Effect of the measures')).toBeLessThan(text.indexOf('route before'));
    expect(text).toMatch(/mean transit time -?\d\.\d\d d; 90% of parameter draws between/);
    expect(Object.keys(scenarioJson(s))[0]).toBe('uncertainty');
    const html = renderReport({ network: net, measures, trips: [s] });
    expect(html.indexOf('Effect of the measures, with its uncertainty')).toBeGreaterThan(0);
    expect(html.indexOf('Effect of the measures, with its uncertainty')).toBeLessThan(html.indexOf('class="key-figures"><thead><tr><th>Transit time'));
  });
});
