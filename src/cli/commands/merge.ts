// `transcaspian merge`: merge the part files of a sharded study into its result (the same outputs as
// an unsharded `transcaspian study`, bit for bit).
import { studyText } from '../../report/study-text.js';
import { mergeStudyParts } from '../../simulate/study/merge.js';
import { parseStudyPart } from '../../simulate/study/part-file.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { InputReader } from '../io.js';
import { prepareOut, writeStudyResult } from './study.js';

/** `transcaspian merge`. */
export const mergeCommand = defineCommand({
  name: 'merge',
  summary: 'Merge the part files of a sharded study into its comparison table and report.',
  description: `Reads the part files written by transcaspian study --shard (every shard of one study exactly once, in any order) and writes the study's result as an unsharded run would, bit for bit: --out <file.json> the comparison as JSON, --out <dir> comparison.txt, comparison.json, comparison.csv and report.html. Parts of different studies or inputs (their digests differ), a missing shard or one given twice are errors.`,
  flags: {
    out: { type: 'string', short: 'o', value: '<file.json|dir>', required: true, help: 'Where to write the merged result.' },
  },
  positionals: [{ name: 'part.json…', help: 'The part files (a shell glob: part-*.json).', required: true, variadic: true }],
  examples: ['merge part-*.json --out result.json', 'merge parts/part-*.json --out results/'],
  run({ values, positionals, io }) {
    if (positionals.length === 0) throw new UsageError('expected the part files to merge');
    prepareOut(values.out, false);
    const input = new InputReader(io);
    const parts = positionals.map((p) => parseStudyPart(input.read(p, 'part'), p));
    const result = mergeStudyParts(parts);
    const paths = writeStudyResult(io, values.out, result);
    if (!paths.includes('-')) io.out(`${studyText(result)}\n\nmerged ${parts.length} part${parts.length === 1 ? '' : 's'}; wrote ${paths.join(', ')}`);
    return 0;
  },
});
