// The zod schema of the network document: the one source for structural validation and for the
// JSON Schema written to data/network.schema.json. Cross-references (ids, sources, profiles) are
// checked in validate.ts, which zod cannot express.
import * as z from 'zod';
import type { ProblemCode } from '../errors.js';
import { COUNTRY_CODES } from './countries.js';
import { documentJsonSchema, type Defined } from './json-schema.js';
import { isoDayNumber, monthDay } from './dates.js';
import { raises } from './raises.js';
import {
  CATEGORIES,
  DISTRIBUTION_TYPES,
  EPISODE_EFFECTS,
  EPISODE_OCCURRENCES,
  FIRST_YEAR,
  LAST_YEAR,
  MODES,
  NODE_KINDS,
  SOURCE_CONFIDENCES,
  STAGE_KINDS,
  STAGE_WHEN_VALUES,
  STRUCTURE_KINDS,
  WAIT_CAUSES,
  type DistributionType,
  type NetworkSpec,
} from './types.js';

// Every check that has a problem code of its own declares it here with `raises`; a check without one
// reports `invalid_value` (a year out of range, an empty name, a `when` that is not one of its values).

const ID_TEXT = 'Identifier; any non-empty string (used as given, never as an object key).';
/** An object's own id or a link's end. */
const id = z.string().min(1, raises('invalid_id', 'a non-empty id')).describe(ID_TEXT);
/** A reference by id (a provenance's `ref`, a `profiles` entry): the cross-reference checks name what it misses. */
const reference = z.string().min(1).describe(ID_TEXT);
const hours = z.number().nonnegative(raises('negative'));
const positive = z.number().positive(raises('not_positive'));
/** A number in [min, max], reporting `code` on either side. */
const between = (min: number, max: number, code: ProblemCode) =>
  z.number().min(min, raises(code)).max(max, raises(code));
const probability = between(0, 1, 'probability_out_of_range');
const country = z
  .enum(COUNTRY_CODES as [string, ...string[]], raises('unknown_country'))
  .describe('ISO 3166-1 alpha-2 country code.');
const mode = z.enum(MODES, raises('unknown_mode'));
const category = z.enum(CATEGORIES, raises('unknown_category'));
const stageKind = z.enum(STAGE_KINDS, raises('unknown_kind'));
const notes = z.string().optional();

/** The values of `record` in the order of `keys`, as the non-empty tuple zod's unions take. */
function inOrder<K extends string, V>(keys: readonly [K, ...K[]], record: Readonly<Record<K, V>>): [V, ...V[]] {
  const [first, ...rest] = keys;
  return [record[first], ...rest.map((k) => record[k])];
}

/** One object schema per distribution type, each with its own order check. */
const distributionShapes = {
  fixed: z.strictObject({ type: z.literal('fixed'), value: hours }),
  uniform: z
    .strictObject({ type: z.literal('uniform'), min: hours, max: hours })
    .refine((d) => d.min <= d.max, raises('uniform_order', 'min <= max')),
  triangular: z
    .strictObject({ type: z.literal('triangular'), min: hours, mode: hours, max: hours })
    .refine((d) => d.min <= d.mode && d.mode <= d.max, raises('triangular_order', 'min <= mode <= max')),
  lognormal: z
    .strictObject({ type: z.literal('lognormal'), median: positive, p90: positive })
    .refine((d) => d.p90 >= d.median, raises('lognormal_order', 'p90 >= median')),
  empirical: z.strictObject({
    type: z.literal('empirical'),
    values: z.array(hours).min(1, raises('empty_distribution', 'at least one value')),
  }),
} satisfies { readonly [K in DistributionType]: z.ZodType<{ type: K }> };

/** Duration distribution in hours. */
export const distributionSchema = z
  .discriminatedUnion(
    'type',
    inOrder(DISTRIBUTION_TYPES, distributionShapes),
    raises('unknown_distribution', `a distribution type: ${DISTRIBUTION_TYPES.join(', ')}`),
  )
  .describe('A duration distribution in hours.');

/** The plausible range of a figure (types.ts `FigureRange`); validate.ts checks the figure lies inside. */
const figureRange = z
  .strictObject({
    field: z.string().min(1).describe('The figure: a field of the object, dotted for a nested one (durationHours, capacity.teu).'),
    min: z.number().optional().describe('Absolute low end in the figure\'s units (with max).'),
    max: z.number().optional().describe('Absolute high end (with min).'),
    factor: z
      .tuple([positive, positive])
      .refine(([lo, hi]) => lo <= 1 && 1 <= hi, raises('range_order', 'factors [low, high] with low <= 1 <= high'))
      .optional()
      .describe('Relative range: the figure times [low, high], 0 < low <= 1 <= high; a distribution is scaled whole.'),
    reason: z.string().min(1).describe('Why this range: the evidence or reasoning behind its ends.'),
  })
  .refine((r) => (r.factor === undefined) === (r.min !== undefined && r.max !== undefined) && (r.min === undefined) === (r.max === undefined), raises('conflicting_fields', 'either min and max, or factor'))
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, raises('range_order', 'min <= max'))
  .describe('The plausible range of one figure of this object (not a hard limit).');
// Arrays first: a single range fails the array branch at its type check, cheaply.
const figureRanges = z.union([z.array(figureRange).min(1), figureRange]).optional();

const PROVENANCE_TEXT = 'a provenance: { "ref": <source id> } or { "estimate": <reasoning> }, or an array of them';
/** One provenance entry: `{ ref, note?, range? }` or `{ estimate, range? }` (measures that add figures check theirs with it). */
export const provenanceSchema = z.union(
  [
    z.strictObject({ ref: reference.describe('Key into the document sources table.'), note: z.string().optional(), range: figureRanges }),
    z.strictObject({ estimate: z.string().min(1).describe('The reasoning behind the estimate.'), range: figureRanges }),
  ],
  raises('invalid_value', PROVENANCE_TEXT),
);
const provenance = provenanceSchema;
/** A figure's provenance (one or several), as every sourced document writes it (arrays tried first, so an error names the entry). */
export const provenanceSpec = z.union([z.array(provenance).min(1), provenance], raises('invalid_value', PROVENANCE_TEXT)).optional();

/** An entry of a document's `sources` table. */
export const sourceSchema = z.strictObject({
  id,
  title: z.string().min(1),
  organisation: z.string().min(1),
  year: z.number().int().min(1800).max(2100).nullable().describe('Publication year; null when the source states none.'),
  url: z.string().optional(),
  confidence: z.enum(SOURCE_CONFIDENCES).optional(),
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
  insteadOf: reference
    .optional()
    .describe('The id of another stage at this node that this one replaces for some units: both share one draw per unit, the named stage taking the first part of it, this stage the next (never both).'),
  modes: z.array(mode).min(1),
  when: z.enum(STAGE_WHEN_VALUES).optional(),
  profiles: z.array(reference).optional(),
  servers: z
    .number()
    .int()
    .positive(raises('not_positive'))
    .optional()
    .describe('Queue model only: parallel servers performing the stage; omitted means unlimited (a pure delay).'),
  waitCause: z
    .enum(WAIT_CAUSES)
    .optional()
    .describe('Queue stages only: capacity (default; a capacity the network declares, so the queue and congestion models replace the stage by queueing), undeclared (a capacity the network does not declare: kept as a delay), weather or schedule (kept as a delay).'),
  source: provenanceSpec,
  notes,
});

/** One node of the document. */
export const nodeSchema = z.strictObject({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  kind: z.enum(NODE_KINDS, raises('unknown_kind')),
  country,
  lat: between(-90, 90, 'latitude_out_of_range'),
  lon: between(-180, 180, 'longitude_out_of_range'),
  reefer: z.boolean().optional(),
  stages: z.array(stageSchema).optional(),
  source: provenanceSpec,
  notes,
});

const serviceSchema = z.strictObject({
  headwayHours: distributionSchema.optional(),
  departuresPerWeek: positive.optional(),
  sailingHours: distributionSchema,
  cancellationProbability: probability.refine(
    (p) => p !== 1,
    raises('probability_out_of_range', 'a probability below 1 (every departure cancelled means no service)'),
  ),
  capacity: z
    .strictObject({ wagons: positive.optional(), trucks: positive.optional(), teu: positive.optional() })
    .optional(),
  departWhenFull: z.boolean().optional(),
  maxWaitHours: positive.optional(),
  vessels: z.number().int().positive(raises('not_positive')).optional().describe('Queue model only, with returnHours: vessels serving this direction.'),
  returnHours: distributionSchema
    .optional()
    .describe('Queue model only, with vessels: hours from arrival at the far port until ready to load again.'),
  operator: z.string().optional(),
  source: provenanceSpec,
  notes,
});

const structureSchema = z.strictObject({
  id,
  kind: z.enum(STRUCTURE_KINDS, raises('unknown_kind')),
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

/** One link of the document. */
export const linkSchema = z.strictObject({
  id,
  from: id,
  to: id,
  mode,
  distanceKm: positive,
  speedKmh: positive.optional(),
  durationHours: distributionSchema.optional(),
  country: country.optional(),
  waters: z.string().min(1).optional(),
  profiles: z.array(reference).optional(),
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
  teu: positive.optional().describe('TEU one consignment carries (a 40-foot box is 2): money and CO2e are reported per TEU.'),
  cargoTonnes: positive.optional().describe('Net cargo tonnes of one consignment: for tariffs per tonne and intensities per tonne-km.'),
  drivers: z.union([z.literal(1), z.literal(2)]).optional().describe("Drivers' hours on road legs (UNECE AETR): 1, one driver; 2, a two-driver crew; unset, no rests counted."),
  notes,
});

const sizeSchema = z.strictObject({ teu: positive.optional(), wagons: positive.optional(), trucks: positive.optional() });

const trafficFlowSchema = z.strictObject({
  id,
  name: z.string().min(1),
  origin: reference.describe('Node id.'),
  destination: reference.describe('Node id.'),
  profile: reference.describe('A built-in profile or one the document declares.'),
  avoid: z
    .strictObject({ countries: z.array(country).optional(), nodes: z.array(reference).optional(), links: z.array(reference).optional() })
    .optional(),
  perWeek: positive.describe('Consignments per week at the reference volume.'),
  size: sizeSchema.describe('One consignment in TEU (by sea), wagons (by ferry after rail) or trucks (by ferry after road).'),
  scales: z.boolean().optional().describe('Whether a volume factor scales the flow (default true).'),
  source: provenanceSpec,
  notes,
});

const ISO_DATE_TEXT = `a date YYYY-MM-DD from ${FIRST_YEAR} to ${LAST_YEAR}`;
const isoDate = z.string().refine((t) => isoDayNumber(t) !== null, raises('invalid_value', ISO_DATE_TEXT)).describe(`${ISO_DATE_TEXT} (UTC).`);
const recurringDay = z
  .string()
  .refine((t) => monthDay(t) !== null, raises('invalid_value', 'a day MM-DD that every year has (not 02-29)'))
  .describe('A day of every year, MM-DD (UTC).');
const dateWindow = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((w) => !((isoDayNumber(w.from) ?? -Infinity) > (isoDayNumber(w.to) ?? Infinity)), raises('invalid_value', '"from" on or before "to"'))
  .describe('Whole days, from the start of "from" to the end of "to".');
const recurringWindow = z
  .strictObject({ from: recurringDay, to: recurringDay })
  .describe('Whole days every year, from the start of "from" to the end of "to" (into the next year when "to" comes first).');
const share = z.number().gt(0, raises('invalid_value', 'a share > 0 and < 1')).lt(1, raises('invalid_value', 'a share > 0 and < 1'));
const year = z.number().int().min(FIRST_YEAR).max(LAST_YEAR);

/** One object schema per episode effect. */
const effectShapes = {
  closure: z.strictObject({ type: z.literal('closure') }),
  throttle: z.strictObject({ type: z.literal('throttle'), capacityShare: share.describe('Share of the capacity left while it lasts.') }),
} satisfies { readonly [K in (typeof EPISODE_EFFECTS)[number]]: z.ZodType<{ type: K }> };

/** One object schema per kind of occurrence. */
const occurrenceShapes = {
  process: z.strictObject({
    type: z.literal('process'),
    startsPerMonth: z
      .array(z.number().min(0, raises('negative')).max(31, raises('invalid_value', 'at most 31 starts a month')))
      .length(12, raises('invalid_value', '12 numbers, January first'))
      .describe('Mean number of episodes starting in each calendar month, January first.'),
    durationHours: distributionSchema,
  }),
  windows: z
    .strictObject({ type: z.literal('windows'), windows: z.array(dateWindow).optional(), recurring: z.array(recurringWindow).optional() })
    .refine((o) => (o.windows?.length ?? 0) + (o.recurring?.length ?? 0) > 0, raises('missing_field', 'at least one entry in "windows" or "recurring"')),
} satisfies { readonly [K in (typeof EPISODE_OCCURRENCES)[number]]: z.ZodType<{ type: K }> };

const episodeSchema = z.strictObject({
  id,
  name: z.string().min(1),
  at: z.union([z.strictObject({ node: reference }), z.strictObject({ link: reference })], raises('invalid_value', 'a place: { "node": <id> } or { "link": <id> }')),
  modes: z.array(mode).min(1).optional(),
  effect: z.discriminatedUnion('type', inOrder(EPISODE_EFFECTS, effectShapes), raises('unknown_kind', `an effect type: ${EPISODE_EFFECTS.join(', ')}`)),
  occurrence: z.discriminatedUnion(
    'type',
    inOrder(EPISODE_OCCURRENCES, occurrenceShapes),
    raises('unknown_kind', `an occurrence type: ${EPISODE_OCCURRENCES.join(', ')}`),
  ),
  correlated: z.boolean().optional(),
  utilisation: z
    .number()
    .min(0, raises('negative'))
    .lt(1, raises('invalid_value', 'a utilisation below 1 (at 1 or more a backlog never clears)'))
    .optional()
    .describe('Utilisation of the place at the reference volume; sets the backlog an episode leaves.'),
  source: provenanceSpec,
  notes,
});

const trafficSchema = z
  .strictObject({
    year: z.number().int().min(1900).max(2199),
    description: z.string().min(1),
    teuPerYear: positive,
    tonnesPerYear: positive,
    flows: z.array(trafficFlowSchema).min(1),
    source: provenanceSpec,
    notes,
  })
  .describe('The traffic the network carries at its reference volume: the queue model\'s flows and the congestion model\'s load.');

const regimeSchema = z
  .strictObject({
    id,
    name: z.string().min(1),
    description: z.string().min(1),
    volume: positive.max(100).describe('Traffic offered in the period, a factor on the traffic\'s reference volume.'),
    period: z.strictObject({ from: isoDate, to: isoDate }).describe('The period it describes (departures).'),
    services: z
      .array(
        z.strictObject({
          link: reference.describe('A link with a service.'),
          vessels: z.number().int().min(1).max(1000).optional(),
          capacity: sizeSchema.optional(),
          headwayFactor: positive.max(100).optional(),
          source: provenanceSpec,
          notes,
        }),
      )
      .optional(),
    stages: z
      .array(
        z.strictObject({
          node: reference.describe('A node of the document.'),
          stage: reference.describe('A stage of that node with servers.'),
          servers: z.number().int().min(1).max(1000).optional(),
          durationFactor: positive.max(100).optional().describe('Multiplies the stage\'s duration, the time a consignment holds a server (2: half the throughput).'),
          source: provenanceSpec,
          notes,
        }),
      )
      .optional()
      .describe("Capacity-limited stages as they were in the period: their servers and how long a consignment held one."),
    closedLinks: z.array(z.strictObject({ link: reference, source: provenanceSpec, notes })).optional(),
    overload: z
      .strictObject({
        until: isoDate,
        crossings: z
          .array(z.strictObject({ link: reference.describe('A link with a service.'), share: z.number().min(0).max(1).optional().describe('The share of the backlog a consignment there meets (default 1).'), source: provenanceSpec, notes }))
          .optional()
          .describe("Services that crossed between the same shores as an overloaded one in the period: a consignment there met the same backlog (shippers moved to the other crossings until the waits matched)."),
        source: provenanceSpec,
        notes,
      })
      .optional(),
    source: provenanceSpec,
    notes,
  })
  .describe('The corridor over a period: the traffic offered then against the capacity of that time.');

const calendarSchema = z.strictObject({ referenceYear: year, source: provenanceSpec, notes });
const correlationSchema = z.strictObject({
  sigma: z.number().min(0, raises('negative')).max(3, raises('invalid_value', 'a sigma from 0 to 3')),
  source: provenanceSpec,
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
    nodes: z.array(nodeSchema).min(1, raises('empty_network', 'at least one node')),
    links: z.array(linkSchema),
    traffic: trafficSchema.optional(),
    regimes: z.array(regimeSchema).optional(),
    calibration: z
      .strictObject({
        against: z.array(z.string().min(1)).min(1),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        seed: z.number().int().nonnegative(),
        runs: z.number().int().positive(),
        parameters: z.array(z.strictObject({ id: z.string().min(1), scales: z.string().min(1), min: positive, max: positive, value: positive })),
        objective: z.strictObject({ before: z.number().nonnegative(), after: z.number().nonnegative() }),
      })
      .optional()
      .describe('Present when the figures were calibrated: the targets fitted against, the date, seed and runs, each parameter and its value, the objective before and after.'),
    calendar: calendarSchema.optional(),
    correlation: correlationSchema.optional(),
    episodes: z.array(episodeSchema).optional(),
  })
  .describe('A transcaspian network document: nodes, links, services and their sources.');

/**
 * The document with its nodes and links unchecked (their schemas checked one by one): `networkSchema`
 * in pieces, for big documents, where one parse of the whole built a copy of every node and link in
 * one go (a copy that outlived the young generation) and most of the parse went to collecting it.
 */
export const networkShellSchema = networkSchema.extend({
  nodes: z.array(z.unknown()).min(1, raises('empty_network', 'at least one node')),
  links: z.array(z.unknown()),
});

// Compile-time guarantee that what the schema accepts is a NetworkSpec.
type SchemaOutput = Defined<z.output<typeof networkSchema>>;
const _schemaMatchesTypes = (x: SchemaOutput): NetworkSpec => x;
void _schemaMatchesTypes;

/** The JSON Schema (draft 2020-12) of the network document, generated from the zod schema. */
export function networkJsonSchema(): Record<string, unknown> {
  return documentJsonSchema(networkSchema, 'network', 'transcaspian network');
}
