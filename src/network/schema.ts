// The zod schema of the network document: the one source for structural validation and for the
// JSON Schema written to data/network.schema.json. Cross-references (ids, sources, profiles) are
// checked in validate.ts, which zod cannot express.
import * as z from 'zod';
import { COUNTRY_CODES } from './countries.js';
import type { NetworkSpec } from './types.js';

const id = z.string().min(1).describe('Identifier; any non-empty string (used as given, never as an object key).');
const hours = z.number().nonnegative();
const positive = z.number().positive();
const probability = z.number().min(0).max(1);
const country = z.enum(COUNTRY_CODES as [string, ...string[]]).describe('ISO 3166-1 alpha-2 country code.');
const mode = z.enum(['rail', 'road', 'ferry', 'sea']);
const category = z.enum(['moving', 'border', 'customs', 'handling', 'waiting']);
const stageKind = z.enum([
  'customs',
  'inspection',
  'scan',
  'gauge-change',
  'handling',
  'marshalling',
  'queue',
  'documents',
  'sanitary',
  'traction-change',
]);
const notes = z.string().optional();

/** Duration distribution in hours. */
export const distributionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('fixed'), value: hours }),
    z
      .strictObject({ type: z.literal('uniform'), min: hours, max: hours })
      .refine((d) => d.min <= d.max, { params: { code: 'uniform_order' }, message: 'expected min <= max' }),
    z
      .strictObject({ type: z.literal('triangular'), min: hours, mode: hours, max: hours })
      .refine((d) => d.min <= d.mode && d.mode <= d.max, {
        params: { code: 'triangular_order' },
        message: 'expected min <= mode <= max',
      }),
    z
      .strictObject({ type: z.literal('lognormal'), median: positive, p90: positive })
      .refine((d) => d.p90 >= d.median, { params: { code: 'lognormal_order' }, message: 'expected p90 >= median' }),
    z.strictObject({ type: z.literal('empirical'), values: z.array(hours).min(1) }),
  ])
  .describe('A duration distribution in hours.');

const provenance = z.union([
  z.strictObject({ ref: id.describe('Key into the document sources table.'), note: z.string().optional() }),
  z.strictObject({ estimate: z.string().min(1).describe('The reasoning behind the estimate.') }),
]);
const provenanceSpec = z.union([provenance, z.array(provenance).min(1)]).optional();

const sourceSchema = z.strictObject({
  id,
  title: z.string().min(1),
  organisation: z.string().min(1),
  year: z.number().int().min(1800).max(2100).nullable().describe('Publication year; null when the source states none.'),
  url: z.string().optional(),
  confidence: z.enum(['H', 'M', 'L']).optional(),
  notes,
});

const stageSchema = z.strictObject({
  id,
  name: z.string().min(1),
  kind: stageKind,
  category,
  country,
  durationHours: distributionSchema,
  probability: probability.optional(),
  modes: z.array(mode).min(1),
  when: z.enum(['always', 'transfer', 'through']).optional(),
  profiles: z.array(id).optional(),
  servers: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Queue model only: parallel servers performing the stage; omitted means unlimited (a pure delay).'),
  waitCause: z
    .enum(['capacity', 'weather', 'schedule'])
    .optional()
    .describe('Queue stages only: capacity (default; the queue model replaces the stage by queueing), weather or schedule (kept as a delay).'),
  source: provenanceSpec,
  notes,
});

const nodeSchema = z.strictObject({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  kind: z.enum(['terminal', 'border', 'port', 'hub']),
  country,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  reefer: z.boolean().optional(),
  stages: z.array(stageSchema).optional(),
  source: provenanceSpec,
  notes,
});

const serviceSchema = z.strictObject({
  headwayHours: distributionSchema.optional(),
  departuresPerWeek: positive.optional(),
  sailingHours: distributionSchema,
  cancellationProbability: probability.refine((p) => p !== 1, {
    params: { code: 'probability_out_of_range' },
    message: 'expected a probability below 1 (every departure cancelled means no service)',
  }),
  capacity: z
    .strictObject({ wagons: positive.optional(), trucks: positive.optional(), teu: positive.optional() })
    .optional(),
  departWhenFull: z.boolean().optional(),
  maxWaitHours: positive.optional(),
  vessels: z.number().int().positive().optional().describe('Queue model only, with returnHours: vessels serving this direction.'),
  returnHours: distributionSchema
    .optional()
    .describe('Queue model only, with vessels: hours from arrival at the far port until ready to load again.'),
  operator: z.string().optional(),
  source: provenanceSpec,
  notes,
});

const structureSchema = z.strictObject({
  id,
  kind: z.enum(['bridge', 'tunnel', 'pass']),
  name: z.string().min(1),
  builtYear: z.number().int().optional(),
  weightLimitTonnes: positive.optional(),
  overweightDetourHours: distributionSchema.optional(),
  restrictedKm: positive.optional(),
  speedLimitKmh: positive.optional(),
  closureProbability: probability,
  closureDelayHours: distributionSchema.optional(),
  source: provenanceSpec,
  notes,
});

const linkSchema = z.strictObject({
  id,
  from: id,
  to: id,
  mode,
  distanceKm: positive,
  speedKmh: positive.optional(),
  durationHours: distributionSchema.optional(),
  country: country.optional(),
  waters: z.string().min(1).optional(),
  profiles: z.array(id).optional(),
  service: serviceSchema.optional(),
  structures: z.array(structureSchema).optional(),
  bidirectional: z.boolean().optional(),
  name: z.string().optional(),
  source: provenanceSpec,
  notes,
});

const profileSchema = z.strictObject({
  id,
  name: z.string().min(1),
  modes: z.array(mode).min(1),
  grossWeightTonnes: positive.optional(),
  maxHours: positive.optional(),
  notes,
});

/** The whole network document. */
export const networkSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal('transcaspian/network@1').optional(),
    id,
    title: z.string().min(1),
    description: z.string().optional(),
    sources: z.array(sourceSchema).optional(),
    profiles: z.array(profileSchema).optional(),
    nodes: z.array(nodeSchema).min(1),
    links: z.array(linkSchema),
  })
  .describe('A transcaspian network document: nodes, links, services and their sources.');

// Compile-time guarantee that what the schema accepts is a NetworkSpec.
// zod types optional fields as `T | undefined`; JSON never produces `undefined`, so strip it first.
type Defined<T> = T extends readonly (infer E)[]
  ? Defined<E>[]
  : T extends object
    ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> }
    : T;
type SchemaOutput = Defined<z.output<typeof networkSchema>>;
const _schemaMatchesTypes = (x: SchemaOutput): NetworkSpec => x;
void _schemaMatchesTypes;

/** The JSON Schema (draft 2020-12) of the network document, generated from the zod schema. */
export function networkJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(networkSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'https://transcaspian.dev/schema/network@1.json',
    title: 'transcaspian network',
  };
}
