// The zod schema of corridor alternatives: structural validation and the JSON Schema written to
// data/corridors.schema.json. Nodes and profiles are checked when the document meets a network.
import * as z from 'zod';
import { tableCountry, tableId, tableReference, tripFields } from './table-fields.js';
import { raises } from '../network/raises.js';
import { provenanceSpec, sourceSchema } from '../network/schema.js';
import type { CorridorAlternativesSpec } from './corridor-types.js';
import { documentJsonSchema, type Defined } from '../network/json-schema.js';

const id = tableId;
const reference = tableReference;
const country = tableCountry;

const alternativeSchema = z.strictObject({
  ...tripFields,
  observedTeuPerYear: z.number().nonnegative(raises('negative')).optional(),
  source: provenanceSpec,
  notes: z.string().optional(),
});

/** The whole corridor alternatives document. */
export const corridorAlternativesSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal('transcaspian/corridors@1'),
    id,
    title: z.string().min(1),
    description: z.string().optional(),
    year: z.number().int().min(1900).max(2100),
    reference,
    sources: z.array(sourceSchema).optional(),
    alternatives: z.array(alternativeSchema).min(2, raises('invalid_value', 'at least two alternatives to choose among')),
  })
  .describe('transcaspian corridor alternatives: the routes freight chooses among, with observed volumes for calibration.');

const _schemaMatchesTypes = (x: Defined<z.output<typeof corridorAlternativesSchema>>): CorridorAlternativesSpec => x;
void _schemaMatchesTypes;

/** The JSON Schema (draft 2020-12) of corridor alternatives (`data/corridors.schema.json`). */
export function corridorAlternativesJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(corridorAlternativesSchema, 'corridors', 'transcaspian corridor alternatives');
}
