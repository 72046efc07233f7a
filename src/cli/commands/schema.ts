// `transcaspian schema`: the JSON Schema of network documents (or of the economics tables, of validation
// targets or of study files), printed or written.
import { corridorAlternativesJsonSchema } from '../../economics/corridor-schema.js';
import { costTablesJsonSchema } from '../../economics/cost-schema.js';
import { emissionTablesJsonSchema } from '../../economics/emission-schema.js';
import { targetsJsonSchema } from '../../evidence/targets.js';
import { networkJsonSchema } from '../../network/schema.js';
import { studyJsonSchema } from '../../simulate/study/schema.js';
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
  targets: targetsJsonSchema,
  study: studyJsonSchema,
};

/** `transcaspian schema`. */
export const schemaCommand = defineCommand({
  name: 'schema',
  summary: 'Print (or write) the JSON Schema of network documents, of the economics tables, of validation targets or of study files.',
  description:
    'The JSON Schema (draft 2020-12) of network documents (or, with --document, of cost tables, emission tables, corridor alternatives, validation targets or study files), generated from the same zod schema that validates them (data/network.schema.json, data/costs.schema.json, data/emissions.schema.json, data/corridors.schema.json, data/validation/targets.schema.json and data/study.schema.json are its output), for editors and other tools.',
  flags: {
    out: { type: 'string', short: 'o', value: '<file|->', help: 'Write it to a file ("-", the default: standard output).' },
    document: { type: 'string', value: 'network|costs|emissions|corridors|targets|study', default: 'network', help: 'Which document’s schema: a network (default), cost tables, emission tables, corridor alternatives, validation targets or a study file.' },
  },
  examples: ['schema --out network.schema.json', 'schema --document costs --out costs.schema.json', 'schema --document targets --out targets.schema.json', 'schema --document study --out study.schema.json'],
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
