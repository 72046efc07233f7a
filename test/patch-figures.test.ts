// patchFigures: figures set or scaled at named places, with their provenance, as a library measure.
import { describe, expect, it } from 'vitest';
import { InvalidMeasureError, applyMeasures, createMeasure, meanOf, parseNetwork, patchFigures, type Measure } from '../src/index.js';
import { validByConstruction } from '../src/measures/apply.js';
import { stormyToyDoc, toyDoc } from './fixtures.js';

const base = (): ReturnType<typeof parseNetwork> => {
  const d = toyDoc();
  d.nodes[1].stages[1].source = {
    estimate: 'a quarter examined; 2–6 h',
    range: [
      { field: 'probability', min: 0.1, max: 0.4, reason: 'r' },
      { field: 'durationHours', factor: [0.5, 2], reason: 'r' },
    ],
  };
  return parseNetwork(d);
};
const failure = (fn: () => unknown): InvalidMeasureError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidMeasureError) return e;
    throw e;
  }
  throw new Error('expected an InvalidMeasureError');
};

describe('patchFigures', () => {
  it('sets and scales figures of stages, links, services and structures, in order, and nothing else', () => {
    const net = base();
    const m = patchFigures({
      changes: [
        { node: 'b', stage: 'customs', field: 'durationHours', set: { type: 'lognormal', median: 2, p90: 5 } },
        { node: 'b', stage: 'customs', field: 'durationHours', factor: 2 },
        { link: 'ab-rail', field: 'speedKmh', factor: 1.1 },
        { link: 'pq-ferry', service: true, field: 'headwayHours', factor: 0.5 },
        { link: 'pq-ferry', service: true, field: 'cancellationProbability', set: 0.2 },
      ],
    });
    const after = applyMeasures(net, [m]);
    const b = after.nodeById.get('b')!;
    expect(b.stages![0]!.durationHours).toEqual({ type: 'lognormal', median: 4, p90: 10 });
    expect(b.stages![1]).toBe(net.nodeById.get('b')!.stages![1]); // untouched stages are shared
    expect(after.linkById.get('ab-rail')!.speedKmh).toBeCloseTo(55, 12);
    expect(after.linkById.get('ab-rail:reverse')!.speedKmh).toBeCloseTo(55, 12);
    expect(after.linkById.get('pq-ferry')!.service!.headwayHours).toEqual({ type: 'uniform', min: 12, max: 48 });
    expect(after.linkById.get('pq-ferry')!.service!.cancellationProbability).toBe(0.2);
    expect(after.nodeById.get('p')).toBe(net.nodeById.get('p'));
    // The library's own: no second validation, and the recipe rebuilds the same measure.
    expect(validByConstruction(net, [m])).toBe(true);
    expect(createMeasure(m.definition).transform(net.spec)).toEqual(m.transform(net.spec));
  });

  it('appends the source, drops the old ranges of a set field, adds sources to the table', () => {
    const net = base();
    const m = patchFigures({
      addSources: [{ id: 'survey-1', title: 'Time survey', organisation: 'Customs', year: 2026 }],
      changes: [
        {
          node: 'b',
          stage: 'exam',
          field: 'durationHours',
          set: { type: 'lognormal', median: 3, p90: 7 },
          source: { ref: 'survey-1', note: 'n = 120', range: { field: 'durationHours', factor: [0.9, 1.1], reason: 'sampling error' } },
        },
      ],
    });
    const after = applyMeasures(net, [m]);
    const exam = after.nodeById.get('b')!.stages![1]!;
    expect(exam.source).toEqual([
      { estimate: 'a quarter examined; 2–6 h', range: { field: 'probability', min: 0.1, max: 0.4, reason: 'r' } },
      { ref: 'survey-1', note: 'n = 120', range: { field: 'durationHours', factor: [0.9, 1.1], reason: 'sampling error' } },
    ]);
    expect(after.sourceById.get('survey-1')?.title).toBe('Time survey');
  });

  it('keeps a range that still holds a scaled figure and drops one the change moved outside', () => {
    const net = base();
    const inside = applyMeasures(net, [patchFigures({ changes: [{ node: 'b', stage: 'exam', field: 'probability', factor: 1.2 }] })]);
    expect(JSON.stringify(inside.nodeById.get('b')!.stages![1]!.source)).toContain('"probability"');
    const outside = applyMeasures(net, [patchFigures({ changes: [{ node: 'b', stage: 'exam', field: 'probability', set: 0.9 }] })]);
    expect(JSON.stringify(outside.nodeById.get('b')!.stages![1]!.source)).not.toContain('"probability"');
    expect(JSON.stringify(outside.nodeById.get('b')!.stages![1]!.source)).toContain('"durationHours"');
  });

  it('names the change at fault, when built and when applied', () => {
    const net = base();
    const apply = (m: Measure) => () => applyMeasures(net, [m]);
    expect(failure(() => patchFigures({ changes: [] })).field).toBe('changes');
    expect(failure(() => patchFigures({ changes: [{ field: 'x', factor: 1 }] })).field).toBe('changes[0]');
    expect(failure(() => patchFigures({ changes: [{ node: 'b', link: 'ab-rail', field: 'x', factor: 1 }] })).field).toBe('changes[0]');
    expect(failure(() => patchFigures({ changes: [{ node: 'b', field: 'lat', set: 1, factor: 2 }] })).field).toBe('changes[0]');
    expect(failure(() => patchFigures({ changes: [{ node: 'b', field: 'lat', factor: -1 }] })).field).toBe('changes[0].factor');
    expect(failure(() => patchFigures({ changes: [{ node: 'b', field: 'lat', set: Number.NaN }] })).field).toBe('changes[0].set');
    expect(failure(() => patchFigures({ changes: [{ node: 'b', field: '', set: 1 }] })).field).toBe('changes[0].field');
    expect(failure(() => patchFigures({ changes: [{ node: 'b', stage: 'exam', field: 'durationHours', set: { type: 'lognormal', median: 5, p90: 2 } }] })).field).toBe('changes[0].set');
    expect(failure(() => patchFigures({ changes: [{ node: 'b', field: 'lat', set: 1, colour: 'red' } as never] })).field).toBe('changes[0].colour');
    expect(failure(apply(patchFigures({ changes: [{ node: 'nowhere', field: 'lat', set: 1 }] }))).field).toBe('changes[0].node');
    expect(failure(apply(patchFigures({ changes: [{ node: 'b', stage: 'none', field: 'durationHours', factor: 1 }] }))).field).toBe('changes[0].stage');
    expect(failure(apply(patchFigures({ changes: [{ link: 'ab-rail', service: true, field: 'headwayHours', factor: 1 }] }))).field).toBe('changes[0].service');
    expect(failure(apply(patchFigures({ changes: [{ node: 'b', stage: 'exam', field: 'kind', factor: 1 }] }))).field).toBe('changes[0].field');
    expect(failure(apply(patchFigures({ changes: [{ node: 'b', stage: 'exam', field: 'durationHours', set: 3 }] }))).field).toBe('changes[0].set');
    expect(failure(apply(patchFigures({ changes: [{ node: 'b', stage: 'exam', field: 'probability', factor: 5 }] }))).field).toBe('changes[0].factor');
    expect(failure(apply(patchFigures({ changes: [{ node: 'b', stage: 'exam', field: 'probability', set: 0.5, source: { ref: 'nope' } }] }))).field).toBe('changes[0].set');
    expect(failure(apply(patchFigures({ addSources: [{ id: 'T1', title: 't', organisation: 'o', year: 2024 }], changes: [{ node: 'b', field: 'lat', set: 44 }] }))).field).toBe('addSources[0].id');
  });

  it('scales a distribution whole: its mean by the factor', () => {
    const net = base();
    const before = net.nodeById.get('p')!.stages![0]!.durationHours;
    const after = applyMeasures(net, [patchFigures({ changes: [{ node: 'p', stage: 'tranship', field: 'durationHours', factor: 0.7 }] })]).nodeById.get('p')!.stages![0]!.durationHours;
    expect(meanOf(after)).toBeCloseTo(0.7 * meanOf(before), 12);
  });
});

describe('patchFigures on episodes and the corridor state', () => {
  const withEpisodes = (): ReturnType<typeof parseNetwork> => parseNetwork(stormyToyDoc('p', [4, 4, 2, 1, 1, 0.5, 0.5, 0.5, 1, 2, 9, 9]));

  it('scales a monthly profile whole, sets a utilisation and scales σ, dropping the ranges a change leaves', () => {
    const net = withEpisodes();
    const after = applyMeasures(net, [
      patchFigures({
        changes: [
          { episode: 'storm', field: 'occurrence.startsPerMonth', factor: 2 },
          { episode: 'storm', field: 'utilisation', set: 0.7 },
          { correlation: true, field: 'sigma', factor: 2 },
        ],
      }),
    ]);
    const e = after.spec.episodes![0]!;
    expect((e.occurrence as unknown as { startsPerMonth: number[] }).startsPerMonth).toEqual([8, 8, 4, 2, 2, 1, 1, 1, 2, 4, 18, 18]);
    expect(e.utilisation).toBe(0.7);
    expect(after.spec.correlation!.sigma).toBeCloseTo(1.6, 12);
    // σ 1.6 is outside 0.4–1.2: that range is dropped; the profile's relative range still holds.
    expect(JSON.stringify(after.spec.correlation!.source)).not.toContain('"range"');
    expect(JSON.stringify(e.source)).toContain('occurrence.startsPerMonth');
    expect(net.spec.episodes![0]!.utilisation).toBe(0.5);
  });

  it('names the change at fault: an unknown episode, no correlation, a set on a profile, two places', () => {
    const net = withEpisodes();
    expect(failure(() => applyMeasures(net, [patchFigures({ changes: [{ episode: 'nope', field: 'utilisation', factor: 1 }] })])).field).toBe('changes[0].episode');
    expect(failure(() => applyMeasures(net, [patchFigures({ changes: [{ episode: 'storm', field: 'occurrence.startsPerMonth', set: 2 }] })])).field).toBe('changes[0].set');
    expect(failure(() => patchFigures({ changes: [{ episode: 'storm', node: 'p', field: 'utilisation', factor: 1 }] })).field).toBe('changes[0]');
    expect(failure(() => applyMeasures(base(), [patchFigures({ changes: [{ correlation: true, field: 'sigma', factor: 1 }] })])).field).toBe('changes[0].correlation');
  });
});
