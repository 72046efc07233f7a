// Calibration: selectors pick whole classes of figures, the objective scores misses by band, the
// search recovers a known factor on the toy corridor, and the result carries its provenance.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, applyMeasures, calibrate, calibrationObjective, parseCalibrationParameters, parseNetwork, parseTargets, patchFigures, validation, CALIBRATION_PARAMETERS } from '../src/index.js';
import { selectedFigures, type CalibrationParameter } from '../src/evidence/calibration-parameters.js';
import { run } from '../src/cli/run.js';
import { invalidField, toyDoc } from './fixtures.js';

const net = parseNetwork(toyDoc());
const source = { title: 't', organisation: 'o', date: '2024', url: 'https://example.org' };
const trip = { origin: 'a', destination: 'z', profile: 'container-rail' };
const borderDwell: CalibrationParameter = {
  id: 'border-dwell',
  description: 'time at borders',
  scales: 'every stage at border nodes',
  select: { figure: 'stage-duration', nodeKinds: ['border'] },
  min: 0.5,
  max: 4,
  default: 1,
};
// Border b's stages take 7 h on average (customs 4 h, a quarter of units examined for 4 h, gauge 2 h):
// a band of 13.5–14.5 h asks for twice that.
const targets = parseTargets({
  title: 'toy',
  targets: [{ id: 'B', case: 'border b', published: '14 h', source, unit: 'hours', band: { min: 13.5, max: 14.5 }, measure: { kind: 'segment', trip, nodes: ['b'], statistic: 'mean' } }],
});

describe('calibration parameters', () => {
  it('selectors pick every figure of their class', () => {
    expect(selectedFigures(net, borderDwell.select)).toEqual([
      { node: 'b', stage: 'customs', field: 'durationHours' },
      { node: 'b', stage: 'exam', field: 'durationHours' },
      { node: 'b', stage: 'gauge', field: 'durationHours' },
    ]);
    expect(selectedFigures(net, { figure: 'stage-duration', modes: ['ferry'] })).toEqual([{ node: 'p', stage: 'tranship', field: 'durationHours' }]);
    expect(selectedFigures(net, { figure: 'service-headway', waters: ['Caspian Sea'] })).toEqual([{ link: 'pq-ferry', service: true, field: 'headwayHours' }]);
    expect(selectedFigures(net, { figure: 'link-speed', modes: ['rail'], countries: ['CN'] })).toEqual([{ link: 'ab-rail', field: 'speedKmh' }]);
    expect(CALIBRATION_PARAMETERS.every((p) => p.min <= p.default && p.default <= p.max)).toBe(true);
  });

  it('parseCalibrationParameters checks shape, bounds and ids', () => {
    expect(parseCalibrationParameters(JSON.stringify([borderDwell]))).toEqual([borderDwell]);
    const field = (input: unknown): string => invalidField(() => parseCalibrationParameters(input));
    expect(field([{ ...borderDwell, min: 2 }])).toBe('parameters[0]');
    expect(field([borderDwell, borderDwell])).toBe('parameters[1].id');
    expect(field([{ ...borderDwell, select: { figure: 'everything' } }])).toBe('parameters[0].select.figure');
  });
});

describe('calibrating the calendar\'s mechanisms', () => {
  // The toy corridor with storms closing port p (correlated) and a restriction throttling border b.
  const doc = toyDoc();
  doc.calendar = { referenceYear: 2025 };
  doc.correlation = { sigma: 0.8 };
  const rates = [4, 4, 2.5, 1.5, 1, 0.5, 0.5, 0.5, 1, 2.5, 6, 6];
  doc.episodes = [
    { id: 'storm', name: 'Storm', at: { node: 'p' }, effect: { type: 'closure' }, occurrence: { type: 'process', startsPerMonth: rates, durationHours: { type: 'triangular', min: 12, mode: 36, max: 120 } }, correlated: true, utilisation: 0.5 },
    { id: 'ban', name: 'Ban', at: { node: 'b' }, effect: { type: 'throttle', capacityShare: 0.3 }, occurrence: { type: 'process', startsPerMonth: Array(12).fill(0.2), durationHours: { type: 'triangular', min: 72, mode: 240, max: 720 } }, utilisation: 0.7 },
  ];
  const calendarNet = parseNetwork(doc);
  const byId = (id: string): CalibrationParameter => CALIBRATION_PARAMETERS.find((p) => p.id === id)!;
  const place = (measure: Record<string, unknown>, unit: string, value: number, width: number) =>
    parseTargets({ title: 'synthetic', targets: [{ id: 'S', case: 'synthetic', published: String(value), source, unit, band: { min: value - width, max: value + width }, measure: { kind: 'place', node: 'p', ...measure } }] });
  /** Fit `id` alone to a target computed (`runs` runs) on the network with that parameter's figures scaled by `known`. */
  const recover = (id: string, known: number, measure: Record<string, unknown>, unit: string, width: (v: number) => number, runs = 600): number => {
    const p = byId(id);
    const changes = selectedFigures(calendarNet, p.select).map((c) => ({ ...c, factor: known }));
    const truth = validation(applyMeasures(calendarNet, [patchFigures({ changes })]), place(measure, unit, 1, 1), { runs, seed: 3 }).rows[0]!.model as number;
    const c = calibrate(calendarNet, place(measure, unit, truth, width(truth)), { parameters: [p], runs, seed: 3, date: '2026-11-29', maxEvaluations: 40 });
    expect(c.after.rows[0]!.status).toBe('inside');
    return c.parameters[0]!.value;
  };

  it('selectors pick the closures\' and throttles\' start rates, every utilisation and σ', () => {
    expect(selectedFigures(calendarNet, byId('closure-intensity').select)).toEqual([{ episode: 'storm', field: 'occurrence.startsPerMonth' }]);
    expect(selectedFigures(calendarNet, byId('restriction-intensity').select)).toEqual([{ episode: 'ban', field: 'occurrence.startsPerMonth' }]);
    expect(selectedFigures(calendarNet, byId('traffic-load').select)).toEqual([
      { episode: 'storm', field: 'utilisation' },
      { episode: 'ban', field: 'utilisation' },
    ]);
    expect(selectedFigures(calendarNet, byId('correlation-strength').select)).toEqual([{ correlation: true, field: 'sigma' }]);
    expect(selectedFigures(net, byId('correlation-strength').select)).toEqual([]);
  });

  it('recovers a known closure intensity and σ from the closed share, and a known load from the worst month\'s wait, on common random numbers', () => {
    const share = { statistic: 'closed-share', months: [11, 12] };
    expect(recover('closure-intensity', 1.6, share, 'share', () => 0.002)).toBeCloseTo(1.6, 1);
    // A higher σ makes fewer months closed (Jensen): the closed share pins σ too.
    expect(recover('correlation-strength', 1.4, share, 'share', () => 0.001)).toBeCloseTo(1.4, 1);
    // The worst month's p95 wait moves with the load, but not monotonically (a higher load upstream
    // moves arrivals at p against its storms) and, at 600 runs (about 50 a month, the p95 near the
    // largest few), so roughly that the search can land inside the band 0.1 away from the truth
    // (seeds 1–6 at 600 runs: one outside the band, one at 1.10): 3,000 runs (about 250 a month)
    // land within 0.02 for seeds 1–6.
    const wait = { statistic: 'worst-month-p95-wait', trip };
    const load = recover('traffic-load', 1.2, wait, 'hours', (v) => 0.01 * v, 3000);
    expect(Math.abs(load - 1.2)).toBeLessThan(0.05);
  });
});

describe('calibrate', () => {
  it('the objective is 0 inside the bands and grows with the squared miss, scaled by the band', () => {
    const v = validation(net, targets, { runs: 500, seed: 2 });
    const miss = 13.5 - (v.rows[0]!.model as number);
    expect(calibrationObjective(v)).toBeCloseTo((miss / 1) ** 2, 9);
  });

  it('finds the factor a target asks for, on common random numbers, and records what it did', () => {
    const c = calibrate(net, targets, { parameters: [borderDwell], runs: 500, seed: 2, date: '2026-11-29', maxEvaluations: 40 });
    expect(c.against).toEqual(['B']);
    expect(c.parameters[0]!.value).toBeGreaterThan(1.85);
    expect(c.parameters[0]!.value).toBeLessThan(2.15);
    expect(c.after.rows[0]!.status).toBe('inside');
    expect(c.objective.after).toBe(0);
    expect(c.network.spec.calibration).toMatchObject({ against: ['B'], date: '2026-11-29', seed: 2, runs: 500, parameters: [{ id: 'border-dwell', value: c.parameters[0]!.value }] });
    const customs = c.network.nodeById.get('b')!.stages![0]!;
    expect(JSON.stringify(customs.source)).toMatch(/calibrated: ×\d\.\d+ by border-dwell against B on 2026-11-29 \(seed 2, 500 runs per simulation\)/);
    expect(customs.durationHours).toEqual({ type: 'fixed', value: 4 * c.parameters[0]!.value });
    // The same inputs give the same fit.
    expect(calibrate(net, targets, { parameters: [borderDwell], runs: 500, seed: 2, date: '2026-11-29', maxEvaluations: 40 }).parameters[0]!.value).toBe(c.parameters[0]!.value);
  });

  it('refuses targets none of which evaluate, and a bad date', () => {
    const none = parseTargets({ title: 't', targets: [{ id: 'P', case: 'c', published: 'p', source, unit: 'share', band: { min: 0.1 }, measure: { kind: 'place', node: 'p', statistic: 'closed-share', months: [12] } }] });
    expect(() => calibrate(net, none, { parameters: [borderDwell], runs: 100 })).toThrow(InvalidArgumentError);
    expect(() => calibrate(net, targets, { parameters: [borderDwell], runs: 100, date: '29/11/2026' })).toThrow(InvalidArgumentError);
  });

  it('transcaspian calibrate --list prints the built-in parameters', () => {
    const out: string[] = [];
    expect(run(['calibrate', '--list'], { out: (t) => out.push(t), err: () => {} })).toBe(0);
    expect(out.join('\n')).toMatch(/^rail-border-dwell \(0\.5–4, default 1\): the duration of every stage at border nodes that applies to rail/);
  });
});
