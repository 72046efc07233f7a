// The zod schema of cost tables: the one source for their structural validation and for the JSON
// Schema written to data/costs.schema.json. References to a network (nodes, links, profiles) are
// checked when the tables meet one (cost-tables.ts).
import * as z from 'zod';
import { tableCountry, tableId, tableReference, tripFields } from './table-fields.js';
import { raises } from '../network/raises.js';
import { provenanceSpec, sourceSchema } from '../network/schema.js';
import { documentJsonSchema, type Defined } from '../network/json-schema.js';
import { MODES, STAGE_WHEN_VALUES } from '../network/types.js';
import { CHARGE_UNITS, COST_CATEGORIES, type CostTablesSpec } from './cost-types.js';

const id = tableId;
const reference = tableReference;
const money = z.number().nonnegative(raises('negative'));
const country = tableCountry;
/** A country code or the name of a body of water (what a link's time counts to). */
const place = z.string().min(1).describe('ISO 3166-1 alpha-2 country code, or a body of water as links name it (`Caspian Sea`).');
const mode = z.enum(MODES, raises('unknown_mode'));
const notes = z.string().optional();

/** An amount of money per TEU, FEU, tonne or unit, with an optional plausible range around it. */
export const amountSchema = z
  .strictObject({
    usd: money,
    per: z.enum(CHARGE_UNITS, raises('invalid_value', `one of ${CHARGE_UNITS.join(', ')}`)),
    range: z.tuple([money, money]).optional().describe('[low, high] in the same unit, low <= usd <= high.'),
  })
  .refine((a) => a.range === undefined || (a.range[0] <= a.usd && a.usd <= a.range[1]), raises('invalid_value', 'a range [low, high] with low <= usd <= high'));

const lineHaulSchema = z.strictObject({
  mode,
  country: place.optional(),
  profiles: z.array(reference).optional(),
  usdPerKm: amountSchema,
  source: provenanceSpec,
  notes,
});

const nodeChargeSchema = z.strictObject({
  id,
  node: reference,
  name: z.string().min(1),
  category: z.enum(COST_CATEGORIES, raises('unknown_category')),
  country,
  modes: z.array(mode).min(1),
  when: z.enum(STAGE_WHEN_VALUES).optional(),
  profiles: z.array(reference).optional(),
  amount: amountSchema,
  source: provenanceSpec,
  notes,
});

const serviceTariffSchema = z.strictObject({
  link: reference,
  profiles: z.array(reference).optional(),
  amount: amountSchema,
  source: provenanceSpec,
  notes,
});

const timeChargeSchema = z.strictObject({
  id,
  name: z.string().min(1),
  profiles: z.array(reference).optional(),
  usdPerHour: amountSchema,
  source: provenanceSpec,
  notes,
});

const fitSchema = z.strictObject({
  ...tripFields,
  band: z
    .strictObject({ low: money, high: money, per: z.enum(CHARGE_UNITS) })
    .refine((b) => b.low <= b.high, raises('invalid_value', 'low <= high')),
  how: z.string().min(1),
  source: provenanceSpec,
});

/** The whole cost tables document. */
export const costTablesSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal('transcaspian/costs@1'),
    id,
    title: z.string().min(1),
    description: z.string().optional(),
    currency: z.literal('USD'),
    priceYear: z.number().int().min(1900).max(2100),
    sources: z.array(sourceSchema).optional(),
    lineHaul: z.array(lineHaulSchema),
    nodeCharges: z.array(nodeChargeSchema).optional(),
    services: z.array(serviceTariffSchema).optional(),
    timeCharges: z.array(timeChargeSchema).optional(),
    fits: z.array(fitSchema).optional(),
  })
  .describe('transcaspian cost tables: tariffs per km, charges at nodes, ferry and sea tariffs, charges per hour, in USD.');

// Compile-time guarantee that what the schema accepts is a CostTablesSpec.
const _schemaMatchesTypes = (x: Defined<z.output<typeof costTablesSchema>>): CostTablesSpec => x;
void _schemaMatchesTypes;

/** The JSON Schema (draft 2020-12) of cost tables, generated from the zod schema (`data/costs.schema.json`). */
export function costTablesJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(costTablesSchema, 'costs', 'transcaspian cost tables');
}
