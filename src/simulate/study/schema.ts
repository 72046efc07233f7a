// The study document: alternatives (stacked packages of measures) × trips, simulated with one seed and
// compared against the first alternative. The zod schema is the one source of the structural checks
// and of the JSON Schema (`studyJsonSchema`, data/study.schema.json); references (nodes, profiles,
// measure files and recipes) are checked when a study is loaded (load.ts).
import * as z from 'zod';
import { raises } from '../../network/raises.js';

const id = z.string().min(1, raises('invalid_id', 'a non-empty id')).describe('Identifier; any non-empty string.');
const names = z.array(z.string().min(1)).describe('Node ids, names or aliases.');

const avoid = z
  .strictObject({
    countries: z.array(z.string().min(1)).optional().describe('ISO 3166-1 alpha-2 codes.'),
    nodes: names.optional(),
    links: z.array(z.string().min(1)).optional().describe('Link ids (a document id closes both directions, <id>:reverse one).'),
  })
  .describe('Places the trip must not use.');

/**
 * Options passed through to the simulation as they are (e.g. departure windows and volume once the
 * simulation takes them); which keys are accepted is `STUDY_PASS_THROUGH_OPTIONS`, checked on loading.
 */
const options = z.record(z.string(), z.unknown()).describe('Trip options passed through to the simulation (see STUDY_PASS_THROUGH_OPTIONS).');

const recipe = z
  .strictObject({ kind: z.string().min(1), options: z.record(z.string(), z.unknown()).optional() })
  .describe('A measure recipe, as createMeasure takes it.');

const measureEntry = z
  .union([z.string().min(1), recipe])
  .describe('"japan2025" (the December 2025 package), the path of a JSON file of recipes (relative to the study file), or a recipe.');

const trip = z.strictObject({
  id,
  title: z.string().optional(),
  origin: z.string().min(1),
  destination: z.string().min(1),
  profile: z.string().min(1).default('container-rail'),
  avoid: avoid.optional(),
  via: names.optional().describe('Nodes the trip must pass, in order.'),
  withinDays: z.number().nonnegative().optional().describe('Report the probability of arriving within this many days (overrides the study\'s).'),
  options: options.optional(),
});

const alternative = z.strictObject({
  id,
  title: z.string().optional(),
  measures: z.array(measureEntry).describe('Measures applied in this order to the network (empty: the network as it is).'),
});

/** The zod schema of study documents. */
export const studySchema = z.strictObject({
  $schema: z.string().optional().describe('Pointer to this JSON Schema, for editors; ignored.'),
  format: z.literal('transcaspian/study@1').optional(),
  title: z.string().min(1),
  network: z.string().min(1).optional().describe('A network document (path relative to the study file); default the shipped Middle Corridor.'),
  runs: z.int().min(1).max(100_000_000).describe('Monte Carlo runs per alternative and trip.'),
  seed: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  policy: z.enum(['planned', 'adaptive']).default('planned'),
  withinDays: z.number().nonnegative().optional(),
  blockRuns: z.int().min(1).optional().describe('Runs per unit of work (a multiple of 4096; default 65536): shards split alternatives × trips × blocks of this many runs.'),
  options: options.optional(),
  trips: z.array(trip).min(1),
  alternatives: z.array(alternative).min(1).describe('The first is the reference every other alternative is compared with.'),
});

/** A study document as written (the JSON the schema validates). */
export type StudySpec = z.input<typeof studySchema>;

/** The JSON Schema (draft 2020-12) of study documents, generated from the same zod schema. */
export function studyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(studySchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: 'https://transcaspian.dev/schema/study@1.json',
    title: 'transcaspian study',
  };
}
