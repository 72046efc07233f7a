// `transcaspian study`: run a study file (alternatives × trips, compared with the first alternative)
// and write its comparison table (text, JSON, CSV) and HTML report; or, with --shard, run one shard
// and write its part file for `transcaspian merge`.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { TranscaspianError } from '../../errors.js';
import { studyCsv, studyJson, studyText } from '../../report/study-text.js';
import { renderStudyReport } from '../../report/html/study.js';
import { loadStudy } from '../../simulate/study/load.js';
import { mergeStudyParts, type StudyResult } from '../../simulate/study/merge.js';
import { studyPartJson } from '../../simulate/study/part-file.js';
import { runStudy, type Shard } from '../../simulate/study/run.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { quote } from '../escape.js';
import type { CliIo } from '../io.js';
import { writeOutputs } from '../output.js';

/** Environment variables that hold a batch job's array index, in the order they are read. */
export const SHARD_INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX', 'SLURM_ARRAY_TASK_ID'] as const;

/**
 * `--shard i/N`, or `--shard N` with the index from the batch scheduler's environment
 * (`SHARD_INDEX_VARIABLES`: a Kubernetes Indexed Job, an AWS Batch array job, a Slurm array).
 */
export function shardFrom(value: string, env: Readonly<Record<string, string | undefined>>): Shard {
  const m = /^(?:(\d+)\/)?(\d+)$/.exec(value);
  if (m === null) throw new UsageError(`--shard: expected i/N (e.g. 0/4) or N with the index from ${SHARD_INDEX_VARIABLES.join(', ')}, received ${quote(value)}`);
  const count = Number(m[2]);
  let index: number;
  if (m[1] !== undefined) index = Number(m[1]);
  else {
    const name = SHARD_INDEX_VARIABLES.find((v) => env[v] !== undefined && env[v] !== '');
    if (name === undefined) throw new UsageError(`--shard ${value}: no shard index given, and none of ${SHARD_INDEX_VARIABLES.join(', ')} is set`);
    const text = env[name]!;
    if (!/^\d+$/.test(text)) throw new UsageError(`--shard: ${name} is ${quote(text)}, not a shard index`);
    index = Number(text);
  }
  if (!(count >= 1 && count <= 1_000_000)) throw new UsageError(`--shard: expected from 1 to 1,000,000 shards, received ${count}`);
  if (!(index < count)) throw new UsageError(`--shard: index ${index} is not below the number of shards, ${count} (indices run from 0)`);
  return { index, count };
}

/**
 * Write a study's result where `--out` says: a path ending in `.json` gets the comparison as JSON;
 * any other path is a directory (made if missing) that gets comparison.txt, comparison.json, comparison.csv and report.html.
 */
export function writeStudyResult(io: CliIo, out: string, result: StudyResult): string[] {
  if (/\.json$/i.test(out) || out === '-') {
    writeOutputs(io, [{ path: out, text: `${JSON.stringify(studyJson(result), null, 2)}\n` }]);
    return [out];
  }
  const dir = out.replace(/[\\/]+$/, '');
  const files = [
    { path: `${dir}/comparison.txt`, text: `${studyText(result)}\n` },
    { path: `${dir}/comparison.json`, text: `${JSON.stringify(studyJson(result), null, 2)}\n` },
    { path: `${dir}/comparison.csv`, text: studyCsv(result) },
    { path: `${dir}/report.html`, text: renderStudyReport(result) },
  ];
  writeOutputs(io, files);
  return files.map((f) => f.path);
}

/** Make sure `out` can be written: its directory exists (a results directory is made). */
export function prepareOut(out: string, file: boolean): void {
  if (out === '-') return;
  if (file || /\.json$/i.test(out)) {
    const dir = dirname(out);
    if (!existsSync(dir)) throw new TranscaspianError('io_error', `cannot write ${out}: no such directory ${dir}`);
    return;
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new TranscaspianError('io_error', `cannot make the directory ${out}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `transcaspian study`. */
export const studyCommand = defineCommand({
  name: 'study',
  summary: 'Run a study file: alternatives (stacked measures) × trips, one comparison table and one HTML report.',
  description: `Runs every alternative of the study file (packages of measures, stacked in order: japan2025, files of recipes, inline recipes) on every trip with the study's runs and seed, and compares each alternative with the first on common random numbers. --out <dir> writes comparison.txt, comparison.json, comparison.csv and report.html (the alternatives side by side) into the directory (made if missing); --out <file.json> writes the JSON only. The table is also printed.

--shard i/N runs only shard i of N (units of alternative × trip × block of the study's blockRuns runs, dealt round-robin) and writes its part file to --out (a {index} in the path becomes the index); merge the parts with transcaspian merge. --shard N takes the index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job), AWS_BATCH_JOB_ARRAY_INDEX or SLURM_ARRAY_TASK_ID. The merged result equals the unsharded one bit for bit. The study's schema: transcaspian schema --document study.`,
  flags: {
    out: { type: 'string', short: 'o', value: '<dir|file.json|part.json>', required: true, help: 'Where to write: a directory (all outputs), a .json file (the comparison), or with --shard the part file.' },
    shard: { type: 'string', value: 'i/N', help: 'Run shard i of N only and write its part (N alone: the index from the batch scheduler).' },
  },
  positionals: [{ name: 'study.json', help: 'The study file (paths in it are relative to it).', required: true }],
  examples: ['study examples/study/plan.json --out results/', 'study plan.json --shard 2/8 --out part-2.json', 'study plan.json --shard 8 --out /results/part-{index}.json'],
  run({ values, positionals, io }) {
    const shard = values.shard === undefined ? undefined : shardFrom(values.shard, io.env ?? process.env);
    // Fail before the runs, not after: the directory of a part or of a .json, or the output directory (made if missing).
    prepareOut(shard === undefined ? values.out : values.out.replace(/\{index\}/g, String(shard.index)), shard !== undefined);
    const study = loadStudy(positionals[0]!);
    if (shard !== undefined) {
      const path = values.out.replace(/\{index\}/g, String(shard.index));
      const part = runStudy(study, { shard });
      writeOutputs(io, [{ path, text: `${studyPartJson(part)}\n` }]);
      if (path !== '-') io.out(`wrote ${path} (shard ${shard.index}/${shard.count}: ${part.units.length} of ${part.unitCount} units)`);
      return 0;
    }
    const result = mergeStudyParts([runStudy(study)]);
    const paths = writeStudyResult(io, values.out, result);
    if (!paths.includes('-')) io.out(`${studyText(result)}\n\nwrote ${paths.join(', ')}`);
    return 0;
  },
});
