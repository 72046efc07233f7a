// `transcaspian schema`: the JSON Schema of network documents (or of the economics tables), printed or written.
import { corridorAlternativesJsonSchema } from '../../economics/corridor-schema.js';
import { costTablesJsonSchema } from '../../economics/cost-schema.js';
import { emissionTablesJsonSchema } from '../../economics/emission-schema.js';
import { networkJsonSchema } from '../../network/schema.js';
import { UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { quote } from '../escape.js';
import { writeOutputs } from '../output.js';

/** The documents `schema --document` knows, with the function that generates each one's JSON Schema. */
const DOCUMENTS: Readonly<Record<string, () => Record<string, unknown>>> = {
  network: networkJsonSchema,
  costs: costTablesJsonSchema,
  emissions: emissionTablesJsonSchema,
  corridors: corridorAlternativesJsonSchema,
};

/** `transcaspian schema`. */
export const schemaCommand = defineCommand({
  name: 'schema',
  summary: 'Print (or write) the JSON Schema of network documents, or of the economics tables.',
  description:
    'The JSON Schema (draft 2020-12) of network documents (or, with --document, of cost tables, emission tables or corridor alternatives), generated from the same zod schema that validates them (data/network.schema.json, data/costs.schema.json, data/emissions.schema.json and data/corridors.schema.json are its output), for editors and other tools.',
  flags: {
    out: { type: 'string', short: 'o', value: '<file|->', help: 'Write it to a file ("-", the default: standard output).' },
    document: { type: 'string', value: 'network|costs|emissions|corridors', default: 'network', help: 'Which document’s schema: a network (default), cost tables, emission tables or corridor alternatives.' },
  },
  examples: ['schema --out network.schema.json', 'schema --document costs --out costs.schema.json'],
  run({ values, io }) {
    const generate = Object.prototype.hasOwnProperty.call(DOCUMENTS, values.document) ? DOCUMENTS[values.document] : undefined;
    if (generate === undefined) throw new UsageError(`--document: expected ${Object.keys(DOCUMENTS).join(', ')}, received ${quote(values.document)}`);
    const text = `${JSON.stringify(generate(), null, 2)}\n`;
    const out = values.out ?? '-';
    writeOutputs(io, [{ path: out, text }]);
    if (out !== '-') io.out(`wrote ${out}`);
    return 0;
  },
});
