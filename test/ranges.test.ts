// Plausible ranges of figures in network documents: where they point, what they may hold, and that
// the figure lies inside (validateNetwork), and the shipped data's rule that every estimate has one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateNetwork } from '../src/index.js';
import { figureAt, rangeFactors } from '../src/network/ranges.js';
import { toyDoc } from './fixtures.js';

type Doc = Record<string, any>;
const problemsOf = (change: (d: Doc) => void, options = {}): string[] => {
  const d = toyDoc();
  change(d);
  return validateNetwork(d, options).map((p) => `${p.code} ${p.pointer}`);
};
const exam = (d: Doc): Doc => d.nodes[1].stages[1];

describe('figure ranges', () => {
  it('accept absolute ranges on numbers and factors on numbers and distributions, in arrays too', () => {
    expect(
      problemsOf((d) => {
        exam(d).source = {
          estimate: 'a quarter examined; 2–6 h',
          range: [
            { field: 'probability', min: 0.1, max: 0.4, reason: 'risk channels of neighbouring posts' },
            { field: 'durationHours', factor: [0.5, 2], reason: 'no figure found: half to double' },
          ],
        };
        d.links[0].source = { estimate: 'general geography', range: { field: 'distanceKm', factor: [0.9, 1.1], reason: '±10%' } };
        d.links[4].service.source = { ref: 'T1', range: { field: 'cancellationProbability', min: 0, max: 0.2, reason: 'storm months' } };
      }),
    ).toEqual([]);
  });

  it('report a field that names no figure, min/max on a distribution, a figure outside, and bad ends', () => {
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'durationHours.mode', factor: [0.5, 2], reason: 'r' } }))).toEqual([
      'unknown_field /nodes/1/stages/1/source/range/field',
    ]);
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'kind', factor: [0.5, 2], reason: 'r' } }))).toEqual([
      'unknown_field /nodes/1/stages/1/source/range/field',
    ]);
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'durationHours', min: 1, max: 8, reason: 'r' } }))).toEqual([
      'conflicting_fields /nodes/1/stages/1/source/range/min',
    ]);
    expect(problemsOf((d) => (exam(d).source = [{ estimate: 'x', range: [{ field: 'probability', min: 0.3, max: 0.5, reason: 'r' }] }]))).toEqual([
      'outside_range /nodes/1/stages/1/source/0/range/0/min',
    ]);
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'probability', min: 0.2, max: 1.2, reason: 'r' } }))).toEqual([
      'probability_out_of_range /nodes/1/stages/1/source/range/max',
    ]);
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'probability', factor: [0.5, 5], reason: 'r' } }))).toEqual([
      'probability_out_of_range /nodes/1/stages/1/source/range/factor',
    ]);
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'probability', min: 0.3, max: 0.2, reason: 'r' } }))).toContain(
      'range_order /nodes/1/stages/1/source/range',
    );
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'probability', min: 0.1, reason: 'r' } }))).toContain(
      'conflicting_fields /nodes/1/stages/1/source/range',
    );
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'probability', min: 0.1, max: 0.3, factor: [0.5, 2], reason: 'r' } }))).toContain(
      'conflicting_fields /nodes/1/stages/1/source/range',
    );
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'probability', factor: [0, 2], reason: 'r' } }))).toContain(
      'not_positive /nodes/1/stages/1/source/range/factor/0',
    );
    // A range without its reason fails both shapes of provenance: reported on the provenance.
    expect(problemsOf((d) => (exam(d).source = { estimate: 'x', range: { field: 'probability', min: 0.1, max: 0.3 } }))).toEqual([
      'invalid_value /nodes/1/stages/1/source',
    ]);
  });

  it('requireRanges asks every estimate for a range, and nothing of references', () => {
    const change = (d: Doc): void => {
      d.links[0].source = [{ ref: 'T1' }, { estimate: 'speed assumed' }];
    };
    expect(problemsOf(change)).toEqual([]);
    expect(problemsOf(change, { requireRanges: true })).toEqual(['missing_range /links/0/source/1/range']);
  });

  it('figureAt follows dotted fields to numbers and distributions only; rangeFactors turns ends into multipliers', () => {
    const service = toyDoc().links[4].service;
    expect(figureAt(service, 'cancellationProbability')).toBe(0.1);
    expect(figureAt(service, 'headwayHours')).toEqual({ type: 'uniform', min: 24, max: 96 });
    expect(figureAt(service, 'headwayHours.min')).toBeUndefined();
    expect(figureAt({ capacity: { teu: 200 } }, 'capacity.teu')).toBe(200);
    expect(figureAt({ capacity: { teu: 200 } }, 'capacity')).toBeUndefined();
    expect(figureAt(Object.create({ inherited: 3 }) as object, 'inherited')).toBeUndefined();
    expect(rangeFactors({ field: 'x', min: 5, max: 20, reason: 'r' }, 10)).toEqual([0.5, 2]);
    expect(rangeFactors({ field: 'x', factor: [0.8, 1.5], reason: 'r' }, 10)).toEqual([0.8, 1.5]);
  });
});

describe('the shipped dataset', () => {
  it('gives every estimate a range, each with its reason, and every range holds its figure', () => {
    expect(validateNetwork(readFileSync('data/middle-corridor.json', 'utf8'), { requireSources: true, requireRanges: true })).toEqual([]);
  });
});
