// `transcaspian schema`: the JSON Schema of network documents, printed or written.
import { networkJsonSchema } from '../../network/schema.js';
import { defineCommand } from '../command.js';
import { writeOutputs } from '../output.js';

/** `transcaspian schema`. */
export const schemaCommand = defineCommand({
  name: 'schema',
  summary: 'Print (or write) the JSON Schema of network documents.',
  description: 'The JSON Schema (draft 2020-12) of network documents, generated from the same zod schema that validates them (data/network.schema.json is its output), for editors and other tools.',
  flags: {
    out: { type: 'string', short: 'o', value: '<file|->', help: 'Write it to a file ("-", the default: standard output).' },
  },
  examples: ['schema --out network.schema.json'],
  run({ values, io }) {
    const text = `${JSON.stringify(networkJsonSchema(), null, 2)}\n`;
    const out = values.out ?? '-';
    writeOutputs(io, [{ path: out, text }]);
    if (out !== '-') io.out(`wrote ${out}`);
    return 0;
  },
});
