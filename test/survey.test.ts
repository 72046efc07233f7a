// The time survey as an input: CSV records, the goodness-of-fit figures, the fit recovering the
// synthetic survey's known parameters, and the patch with its provenance.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyMeasures, fitSurvey, middleCorridor, surveyRecordsFromCsv } from '../src/index.js';
import { parseCsv } from '../src/evidence/csv.js';
import { ElementStream } from '../src/simulate/random.js';
import { normalQuantile } from '../src/simulate/sample.js';
import { normalCdf } from '../src/network/distribution.js';
import { normalGoodness } from '../src/stats/goodness-of-fit.js';
import { invalidField } from './fixtures.js';
import { SYNTHETIC_PARAMETERS, syntheticSurveyCsv } from './synthetic-survey.js';

const field = invalidField;

describe('survey records', () => {
  it('parseCsv reads quoted fields, doubled quotes, CRLF and a byte-order mark, and refuses an open quote', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\n\n1,2')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['1', '2']]);
    expect(parseCsv('a\n"multi\nline"\n')).toEqual([['a'], ['multi\nline']]);
    expect(field(() => parseCsv('a\n"open'))).toBe('csv');
    expect(field(() => parseCsv('"x"y'))).toBe('csv');
  });

  it('surveyRecordsFromCsv takes start and end or durationHours, and names the line of a bad value', () => {
    const r = surveyRecordsFromCsv('Consignment,Country,Node,Checkpoint,Start,End\nC1,kz,dostyk,kz-customs-block,2026-03-02T08:00:00Z,2026-03-02T09:30:00Z\n');
    expect(r).toEqual([{ consignment: 'C1', country: 'KZ', node: 'dostyk', stage: 'kz-customs-block', durationHours: 1.5, start: '2026-03-02T08:00:00Z', end: '2026-03-02T09:30:00Z' }]);
    expect(surveyRecordsFromCsv('consignment,country,node,stage,durationHours\nC1,KZ,n,s,2.25\n')[0]!.durationHours).toBe(2.25);
    expect(field(() => surveyRecordsFromCsv('consignment,country,node,stage\nC1,KZ,n,s\n'))).toBe('csv header');
    expect(field(() => surveyRecordsFromCsv('consignment,country,stage,durationHours\nC1,KZ,s,1\n'))).toBe('csv header');
    expect(field(() => surveyRecordsFromCsv('consignment,country,node,stage,durationHours\nC1,KZ,n,s,-1\n'))).toBe('line 2: durationHours');
    expect(field(() => surveyRecordsFromCsv('consignment,country,node,stage,start,end\nC1,KZ,n,s,2026-03-02T10:00Z,2026-03-02T09:00Z\n'))).toBe('line 2: end');
    expect(field(() => surveyRecordsFromCsv('consignment,country,node,stage,start,end,durationHours\nC1,KZ,n,s,2026-03-02T08:00Z,2026-03-02T09:00Z,3\n'))).toBe('line 2: durationHours');
    expect(field(() => surveyRecordsFromCsv('consignment,country,node,stage,durationHours\n,KZ,n,s,1\n'))).toBe('line 2: consignment');
  });
});

describe('goodness of fit', () => {
  const normals = (seed: number, n: number): Float64Array => {
    const s = new ElementStream(seed, 'normals');
    return Float64Array.from({ length: n }, (_, i) => normalQuantile(s.uniform(i, 0)));
  };
  const fitOf = (x: Float64Array) => {
    let mu = 0;
    for (const v of x) mu += v;
    mu /= x.length;
    let ss = 0;
    for (const v of x) ss += (v - mu) ** 2;
    return normalGoodness(x, mu, Math.sqrt(ss / (x.length - 1)));
  };

  it('normalCdf matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.2815515655446004)).toBeCloseTo(0.9, 6);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 6);
  });

  it('rejects a normal about 5% of the time when the data are normal, and nearly always when they are uniform', () => {
    let rejected = 0;
    for (let seed = 0; seed < 200; seed++) if (fitOf(normals(seed, 50)).p < 0.05) rejected++;
    expect(rejected / 200).toBeGreaterThan(0.01);
    expect(rejected / 200).toBeLessThan(0.11);
    const s = new ElementStream(7, 'uniform');
    const uniform = Float64Array.from({ length: 200 }, (_, i) => s.uniform(i, 0));
    expect(fitOf(uniform).p).toBeLessThan(0.01);
    expect(() => normalGoodness([1, 2], 1, 1)).toThrow(RangeError);
  });
});

describe('fitSurvey', () => {
  const network = middleCorridor();
  const records = surveyRecordsFromCsv(readFileSync('data/surveys/synthetic-kazakhstan-2026.csv', 'utf8'));
  const fit = fitSurvey(records, { network, id: 'synthetic-survey', title: 'Synthetic time survey', organisation: 'test data' });

  it('the committed synthetic survey is what its script generates', () => {
    expect(readFileSync('data/surveys/synthetic-kazakhstan-2026.csv', 'utf8')).toBe(syntheticSurveyCsv());
  });

  it('recovers the known lognormal medians and 90th percentiles, keeps the observed values where a lognormal does not fit, skips a place with too few records', () => {
    for (const p of SYNTHETIC_PARAMETERS.filter((x) => x.durationHours.type === 'lognormal' && x.n >= 5)) {
      const s = fit.stages.find((x) => x.node === p.node && x.stage === p.stage)!;
      const d = p.durationHours as { median: number; p90: number };
      expect(s.chosen).toBe('lognormal');
      expect(s.n).toBe(p.n);
      expect(s.lognormal!.median / d.median).toBeGreaterThan(0.85);
      expect(s.lognormal!.median / d.median).toBeLessThan(1.15);
      expect(s.lognormal!.p90 / d.p90).toBeGreaterThan(0.8);
      expect(s.lognormal!.p90 / d.p90).toBeLessThan(1.2);
      expect(s.medianInterval[0]).toBeLessThanOrEqual(s.median);
      expect(s.medianInterval[1]).toBeGreaterThanOrEqual(s.median);
    }
    const uniform = fit.stages.find((x) => x.stage === 'kz-inspection-block')!;
    expect(uniform.chosen).toBe('empirical');
    expect(uniform.goodness!.p).toBeLessThan(0.05);
    expect(fit.skipped).toEqual([{ node: 'korday', stage: 'kz-customs', n: 4 }]);
  });

  it('patches the network: the fitted durations, the survey in the sources table, n and dates on each stage, a range from the median\'s interval', () => {
    const after = applyMeasures(network, [fit.measure]);
    const stage = after.nodeById.get('dostyk')!.stages!.find((s) => s.id === 'kz-customs-block')!;
    expect(stage.durationHours).toEqual(fit.stages[0]!.distribution);
    expect(after.sourceById.get('synthetic-survey')).toMatchObject({ title: 'Synthetic time survey', organisation: 'test data', year: 2026 });
    const cited = (Array.isArray(stage.source) ? stage.source : [stage.source]).find((p) => 'ref' in p && p.ref === 'synthetic-survey')!;
    expect(cited).toMatchObject({ note: expect.stringMatching(/^160 records of 160 consignments, 2026-03-02 to 2026-03-15; lognormal fit, Anderson–Darling p = 0\.\d\d$/) });
    const range = (cited as { range: { factor: [number, number] } }).range.factor;
    expect(range[0]).toBeLessThanOrEqual(1);
    expect(range[1]).toBeGreaterThanOrEqual(1);
    // Nothing else changed.
    expect(after.nodeById.get('alashankou')).toBe(network.nodeById.get('alashankou'));
  });

  it('names the record at fault: a stage the node lacks, a country that is not the stage\'s', () => {
    const base = { consignment: 'c', node: 'dostyk', durationHours: 1 };
    expect(field(() => fitSurvey([{ ...base, country: 'KZ', stage: 'nope' }], { network }))).toBe('records[0].stage');
    expect(field(() => fitSurvey([{ ...base, country: 'CN', stage: 'kz-customs-block' }], { network }))).toBe('records[0].country');
    expect(field(() => fitSurvey([{ ...base, country: 'KZ', stage: 's' }, { ...base, country: 'KZ', stage: 's' }]))).toBe('records');
  });
});
