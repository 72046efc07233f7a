// The zod schema of emission tables: the one source for their structural validation and for the JSON
// Schema written to data/emissions.schema.json. References to a network are checked when the tables
// meet one (emission-tables.ts).
import * as z from 'zod';
import { COUNTRY_CODES } from '../network/countries.js';
import { raises } from '../network/raises.js';
import { provenanceSpec, sourceSchema } from '../network/schema.js';
import { documentJsonSchema, type Defined } from '../network/json-schema.js';
import { INTENSITY_UNITS, TRACTIONS, type EmissionTablesSpec } from './emission-types.js';

const id = z.string().min(1, raises('invalid_id', 'a non-empty id'));
const reference = z.string().min(1);
const nonNegative = z.number().nonnegative(raises('negative'));
const country = z.enum(COUNTRY_CODES as [string, ...string[]], raises('unknown_country')).describe('ISO 3166-1 alpha-2 country code.');
const notes = z.string().optional();
const ORDER = raises('invalid_value', 'a range [low, high] with low <= value <= high');

const figure = z
  .strictObject({ value: nonNegative, range: z.tuple([nonNegative, nonNegative]).optional() })
  .refine((f) => f.range === undefined || (f.range[0] <= f.value && f.value <= f.range[1]), ORDER);

const intensity = z
  .strictObject({
    kgCo2e: nonNegative,
    per: z.enum(INTENSITY_UNITS, raises('invalid_value', `one of ${INTENSITY_UNITS.join(', ')}`)),
    range: z.tuple([nonNegative, nonNegative]).optional(),
  })
  .refine((f) => f.range === undefined || (f.range[0] <= f.kgCo2e && f.kgCo2e <= f.range[1]), ORDER);

const share = z.number().min(0, raises('probability_out_of_range')).max(1, raises('probability_out_of_range'));

/** The whole emission tables document. */
export const emissionTablesSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal('transcaspian/emissions@1'),
    id,
    title: z.string().min(1),
    description: z.string().optional(),
    basis: z.literal('well-to-wheel'),
    sources: z.array(sourceSchema).optional(),
    railEnergy: z.strictObject({ electricKwhPerTeuKm: figure, dieselKgCo2ePerTeuKm: figure, source: provenanceSpec, notes }),
    electricity: z.array(z.strictObject({ country: country.optional(), gCo2ePerKwh: figure, source: provenanceSpec, notes })),
    rail: z.array(z.strictObject({ country: country.optional(), electricShare: share, source: provenanceSpec, notes })),
    railLinks: z.array(z.strictObject({ link: reference, traction: z.enum(TRACTIONS), source: provenanceSpec, notes })).optional(),
    road: z.array(z.strictObject({ country: country.optional(), profiles: z.array(reference).optional(), intensity, source: provenanceSpec, notes })),
    vessels: z.array(z.strictObject({ link: reference, vessel: z.string().min(1), profiles: z.array(reference).optional(), intensity, source: provenanceSpec, notes })).optional(),
    waterDefaults: z.array(z.strictObject({ mode: z.enum(['ferry', 'sea']), vessel: z.string().min(1), intensity, source: provenanceSpec, notes })).optional(),
    hubs: z.array(z.strictObject({ node: reference.optional(), kgCo2ePerTeu: figure, source: provenanceSpec, notes })),
  })
  .describe('transcaspian emission tables: well-to-wheel intensities by mode, fuel, grid, vessel class and lane, and hub handling.');

// Compile-time guarantee that what the schema accepts is an EmissionTablesSpec.
const _schemaMatchesTypes = (x: Defined<z.output<typeof emissionTablesSchema>>): EmissionTablesSpec => x;
void _schemaMatchesTypes;

/** The JSON Schema (draft 2020-12) of emission tables, generated from the zod schema (`data/emissions.schema.json`). */
export function emissionTablesJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(emissionTablesSchema, 'emissions', 'transcaspian emission tables');
}
