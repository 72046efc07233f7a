// Validation targets: the shipped document and its schema, each kind of target on the toy corridor
// (inside, outside, not evaluable for a missing mechanism, cross-check), and the README's score.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { middleCorridor, parseNetwork } from '../src/index.js';
import { corridorTargets, parseTargets, targetsJsonSchema, type Target, type TargetsDocument } from '../src/evidence/targets.js';
import { validation } from '../src/evidence/validation.js';
import { scoreText, validationText } from '../src/report/validation-text.js';
import { invalidField, toyDoc } from './fixtures.js';

const source = { title: 't', organisation: 'o', date: '2024-05', url: 'https://example.org' };
const doc = (targets: Partial<Target>[]): TargetsDocument =>
  parseTargets({ title: 'toy', targets: targets.map((t, i) => ({ id: `X${i}`, case: 'c', published: 'p', source, unit: 'days', band: { min: 0, max: 100 }, ...t })) });
const trip = { origin: 'a', destination: 'z', profile: 'container-rail' };

describe('targets documents', () => {
  it('the shipped targets parse, and data/validation/targets.schema.json is the generated schema', () => {
    expect(corridorTargets().targets.map((t) => t.id)).toEqual(['T1', 'T2a', 'T2b', 'T2c', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'T13']);
    expect(JSON.parse(readFileSync('data/validation/targets.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(targetsJsonSchema())));
  });

  it('reject a duplicate id, a band of the wrong kind, a bad date, an unknown statistic, naming the path', () => {
    const field = invalidField;
    const base = { case: 'c', published: 'p', source, unit: 'days', band: { min: 1 }, measure: { kind: 'trip', trip, statistic: 'p50' } };
    expect(field(() => parseTargets({ title: 't', targets: [{ id: 'A', ...base }, { id: 'A', ...base }] }))).toBe('targets[1].id');
    expect(field(() => parseTargets({ title: 't', targets: [{ id: 'A', ...base, band: { equals: true } }] }))).toBe('targets[0].band');
    expect(field(() => parseTargets({ title: 't', targets: [{ id: 'A', ...base, source: { ...source, date: 'May 2024' } }] }))).toBe('targets[0].source.date');
    expect(field(() => parseTargets({ title: 't', targets: [{ id: 'A', ...base, measure: { ...base.measure, statistic: 'p100' } }] }))).toBe('targets[0].measure.statistic');
    expect(field(() => parseTargets('{ nope'))).toBe('targets');
  });
});

describe('validation', () => {
  const net = parseNetwork(toyDoc());
  const v = validation(
    net,
    doc([
      { measure: { kind: 'trip', trip, statistic: 'p50' }, band: { min: 1, max: 30 } },
      { measure: { kind: 'trip', trip, statistic: 'mean' }, band: { max: 1 } },
      { measure: { kind: 'route-uses', trip, nodes: ['p'] }, unit: 'boolean', band: { equals: true } },
      { measure: { kind: 'segment', trip, nodes: ['b'], statistic: 'mean' }, unit: 'hours', band: { min: 6.5, max: 7.5 } },
      { measure: { kind: 'ratio', numerator: { trip, statistic: 'p90' }, denominator: { trip, statistic: 'p50' } }, unit: 'ratio', band: { min: 1 } },
      { measure: { kind: 'trip', trip: { ...trip, month: 3 }, statistic: 'p50' }, needs: 'calendar months' },
      { measure: { kind: 'trip', trip: { ...trip, via: ['island'] }, statistic: 'p50' } },
      { measure: { kind: 'place', node: 'p', statistic: 'closed-share', months: [12] }, unit: 'share', band: { min: 0.1 } },
      { measure: { kind: 'trip', trip, statistic: 'p50' }, band: null },
    ]),
    { runs: 2000, seed: 3 },
  );

  it('gives each kind of target its figure and verdict', () => {
    expect(v.rows.map((r) => r.status)).toEqual(['inside', 'outside', 'inside', 'inside', 'inside', 'not-evaluable', 'not-evaluable', 'not-evaluable', 'cross-check']);
    expect(v.rows[0]!.model).toBeCloseTo(v.rows[8]!.model as number, 12);
    expect(v.rows[2]!.model).toBe(true);
    // Border b: customs 4 h, an exam for a quarter of units (mean 4 h), gauge change 1–3 h: 7 h expected.
    expect(v.rows[3]!.model as number).toBeCloseTo(7, 0);
    expect(v.rows[5]!.needs).toMatch(/^calendar months; missing: month \(no effect on the simulation\)/);
    // The waypoint is a route option now: a trip that cannot pass it has no route (no figure).
    expect(v.rows[6]!.needs).toBe('no route from a to z via island for container-rail');
    expect(v.score).toEqual({ inside: 4, outside: 1, notEvaluable: 3, crossChecks: 1, evaluable: 5 });
    expect(validationText(v)).toContain('4 of 5 evaluable targets inside their bands (80%); 3 not evaluable yet, 1 cross-check');
  });

  it('uses common random numbers: the same seed gives the same table, the segment is the paired difference', () => {
    const again = validation(net, doc([{ measure: { kind: 'segment', trip, nodes: ['b'], statistic: 'p90' }, unit: 'hours' }]), { runs: 2000, seed: 3 });
    expect(again.rows[0]!.model).toBe(validation(net, doc([{ measure: { kind: 'segment', trip, nodes: ['b'], statistic: 'p90' }, unit: 'hours' }]), { runs: 2000, seed: 3 }).rows[0]!.model);
    // p90 at b: at least the fixed 4 h customs plus the gauge change; an exam pushes it past 8 h.
    expect(again.rows[0]!.model as number).toBeGreaterThan(8);
  });
});

describe('the README', () => {
  it('states the score the shipped data gets now (5,000 runs, seed 1: `transcaspian validation`)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const stated = /Current score\s+\(`transcaspian validation`\):\s+([^.]+)\./.exec(readme)?.[1]?.replace(/\s+/g, ' ');
    expect(stated).toBe(scoreText(validation(middleCorridor(), corridorTargets())));
  }, 120_000);
});
