// Calibration: selectors pick whole classes of figures, the objective scores misses by band, the
// search recovers a known factor on the toy corridor, and the result carries its provenance.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, calibrate, calibrationObjective, parseCalibrationParameters, parseNetwork, parseTargets, validation, CALIBRATION_PARAMETERS } from '../src/index.js';
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
