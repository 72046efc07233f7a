// Studies: documents validated like networks (typed problems with paths), alternatives stacked and
// compared with the first as compare does, and sharded runs that merge to the unsharded result bit
// for bit (4 shards, through the part files' text).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InvalidStudyError,
  applyMeasures,
  compare,
  japan2025,
  mergeStudyParts,
  middleCorridor,
  parseStudy,
  parseStudyPart,
  runStudy,
  simulate,
  studyCsv,
  studyJson,
  studyJsonSchema,
  studyPartJson,
  validateStudy,
  type StudySpec,
} from '../src/index.js';
import { run } from '../src/cli/run.js';
import { shardFrom } from '../src/cli/commands/study.js';

const dir = mkdtempSync(join(tmpdir(), 'transcaspian-study-'));
writeFileSync(join(dir, 'ferries.json'), JSON.stringify([{ kind: 'adjust-link', options: { link: 'turkmenbashi-alat-ferry', headwayFactor: 0.5 } }]));

/** A small study: 3 alternatives × 2 trips × 3 blocks of 4,096 runs (9,000 runs). */
function spec(): StudySpec {
  return {
    title: 'test study',
    runs: 9000,
    seed: 11,
    blockRuns: 4096,
    withinDays: 20,
    trips: [
      { id: 'corridor', origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } },
      { id: 'truck', origin: 'kashgar', destination: 'baku', profile: 'truck', withinDays: 6, via: ['bishkek'] },
    ],
    alternatives: [
      { id: 'today', measures: [] },
      { id: 'japan', measures: ['japan2025'] },
      { id: 'japan-ferries', measures: ['japan2025', 'ferries.json', { kind: 'adjust-stage', options: { node: 'alat', kind: 'customs', durationFactor: 0.5 } }] },
    ],
  };
}

const problemsOf = (doc: unknown): { code: string; pointer: string }[] => validateStudy(doc, { baseDir: dir }).map(({ code, pointer }) => ({ code, pointer }));

describe('study documents', () => {
  it('a valid study has no problems; the example study is valid', () => {
    expect(problemsOf(spec())).toEqual([]);
    expect(validateStudy(readFileSync('examples/study/plan.json', 'utf8'), { baseDir: 'examples/study' })).toEqual([]);
  });

  it('reports every problem with its path: shape, ids, options, measures, nodes, profiles, places', () => {
    const doc = spec() as Record<string, any>;
    doc.tirps = [];
    expect(problemsOf(doc)).toContainEqual({ code: 'unknown_field', pointer: '/tirps' });
    expect(problemsOf({ ...spec(), runs: 0 })).toContainEqual({ code: 'invalid_value', pointer: '/runs' });
    expect(problemsOf({ ...spec(), blockRuns: 5000 })).toContainEqual({ code: 'invalid_value', pointer: '/blockRuns' });
    expect(problemsOf({ ...spec(), options: { month: 3 } })).toContainEqual({ code: 'unknown_field', pointer: '/options/month' });
    const s = spec();
    const bad = {
      ...s,
      trips: [{ ...s.trips[0]!, origin: 'atlantis' }, { ...s.trips[1]!, id: 'corridor', profile: 'zeppelin', via: ['nowhere'] }],
      alternatives: [...s.alternatives, { id: 'broken', measures: ['no-such-file.json', { kind: 'teleport' }] }],
    };
    const found = problemsOf(bad);
    expect(found).toContainEqual({ code: 'unknown_node', pointer: '/trips/0/origin' });
    expect(found).toContainEqual({ code: 'duplicate_id', pointer: '/trips/1/id' });
    expect(found).toContainEqual({ code: 'unknown_profile', pointer: '/trips/1/profile' });
    expect(found).toContainEqual({ code: 'invalid_value', pointer: '/alternatives/3/measures/0' });
    expect(found).toContainEqual({ code: 'invalid_value', pointer: '/alternatives/3/measures/1' });
    expect(problemsOf({ ...s, trips: [{ ...s.trips[1]!, via: ['nowhere'] }] })).toContainEqual({ code: 'unknown_node', pointer: '/trips/0/via/0' });
    expect(problemsOf({ ...s, network: 'missing.json' })).toContainEqual({ code: 'invalid_value', pointer: '/network' });
    expect(problemsOf('{ not json')).toEqual([{ code: 'invalid_json', pointer: '' }]);
    expect(() => parseStudy(bad, { baseDir: dir })).toThrow(InvalidStudyError);
  });

  it('data/study.schema.json is the schema generated from the zod source (npm run schema)', () => {
    expect(JSON.parse(readFileSync('data/study.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(studyJsonSchema())));
  });
});

describe('running a study', { timeout: 60_000 }, () => {
  const study = parseStudy(spec(), { baseDir: dir });
  const whole = mergeStudyParts([runStudy(study)]);

  it('each alternative is its measures stacked in order, simulated and compared with the first as compare does', () => {
    const network = middleCorridor();
    const ferries = applyMeasures(network, study.alternatives[2]!.measures);
    const trip = study.trips[1]!.options;
    const after = simulate(ferries, trip)!;
    const result = whole.trips[1]!.alternatives[2]!.result!;
    expect(Array.from(result.samples)).toEqual(Array.from(after.samples));
    expect(result.byCountry).toEqual(after.byCountry);
    expect(result.routes).toEqual(after.routes);
    const c = compare(network, applyMeasures(network, japan2025().measures), study.trips[0]!.options)!;
    expect(whole.trips[0]!.alternatives[1]!.comparison!.difference).toEqual(c.difference);
    expect(whole.trips[0]!.alternatives[1]!.comparison!.within).toEqual(c.within);
    expect(whole.trips[0]!.alternatives[0]!.comparison).toBeUndefined();
    expect(studyCsv(whole).split('\r\n')).toHaveLength(1 + 2 * 3 + 1);
  });

  it('four shards merge to the unsharded result, bit for bit, in any order, through the part files', () => {
    const parts = [2, 0, 3, 1].map((index) => parseStudyPart(studyPartJson(runStudy(study, { shard: { index, count: 4 } })), `part-${index}`));
    expect(parts.map((p) => p.units.length).reduce((a, b) => a + b)).toBe(3 * 2 * 3);
    const merged = mergeStudyParts(parts);
    expect(JSON.stringify(studyJson(merged))).toBe(JSON.stringify(studyJson(whole)));
    merged.trips.forEach((t, i) =>
      t.alternatives.forEach((a, j) => {
        const w = whole.trips[i]!.alternatives[j]!.result!;
        expect(Buffer.from(a.result!.samples.buffer).equals(Buffer.from(w.samples.buffer))).toBe(true);
      }),
    );
  });

  it('refuses parts that do not belong together: a missing or repeated shard, another study, a damaged file', () => {
    const part = (index: number, s = study) => runStudy(s, { shard: { index, count: 3 } });
    const p0 = part(0);
    const p1 = part(1);
    expect(() => mergeStudyParts([p0, p1])).toThrow(/missing shard 2/);
    expect(() => mergeStudyParts([p0, p1, p1])).toThrow(/given twice/);
    const other = parseStudy({ ...spec(), seed: 12 }, { baseDir: dir });
    expect(() => mergeStudyParts([p0, p1, part(2, other)])).toThrow(/different studies/);
    expect(() => parseStudyPart('{"format":"something else"}', 'x.json')).toThrow(/not a study part/);
    const text = studyPartJson(p0).replace(/"samples":"[^"]{8}/, '"samples":"');
    expect(() => parseStudyPart(text, 'cut.json')).toThrow(/samples/);
  });

  it('takes the shard index from the batch scheduler when given only the count', () => {
    expect(shardFrom('3/8', {})).toEqual({ index: 3, count: 8 });
    expect(shardFrom('8', { JOB_COMPLETION_INDEX: '5' })).toEqual({ index: 5, count: 8 });
    expect(shardFrom('8', { AWS_BATCH_JOB_ARRAY_INDEX: '6' })).toEqual({ index: 6, count: 8 });
    expect(shardFrom('8', { SLURM_ARRAY_TASK_ID: '7' })).toEqual({ index: 7, count: 8 });
    expect(() => shardFrom('8', {})).toThrow(/JOB_COMPLETION_INDEX/);
    expect(() => shardFrom('8/8', {})).toThrow(/index 8/);
    expect(() => shardFrom('x', {})).toThrow(/expected i\/N/);
  });
});

describe('transcaspian study and merge', { timeout: 60_000 }, () => {
  const cli = (env: Record<string, string>, ...argv: string[]): { code: number; out: string; err: string } => {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), write: () => {}, readStdin: () => '', env });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  it('writes the table, JSON, CSV and HTML report; shards through the environment merge to the same JSON', () => {
    const out = join(dir, 'results');
    const r = cli({}, 'study', 'examples/study/plan.json', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['comparison.txt', 'comparison.json', 'comparison.csv', 'report.html']) expect(readFileSync(join(out, f), 'utf8').length).toBeGreaterThan(100);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('data-chart="t1-spread"');
    for (const index of [0, 1, 2, 3]) expect(cli({ JOB_COMPLETION_INDEX: String(index) }, 'study', 'examples/study/plan.json', '--shard', '4', '--out', join(dir, 'part-{index}.json')).code).toBe(0);
    const merged = join(dir, 'merged.json');
    expect(cli({}, 'merge', ...[3, 2, 1, 0].map((i) => join(dir, `part-${i}.json`)), '--out', merged).code).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(cli({}, 'merge', join(dir, 'part-0.json'), '--out', merged).code).toBe(1);
    expect(cli({}, 'study', 'examples/study/plan.json', '--shard', '4', '--out', join(dir, 'p.json')).code).toBe(2);
  });
});
