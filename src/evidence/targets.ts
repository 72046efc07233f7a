// Validation targets: published figures the model is checked against (data/validation/targets.json),
// each with what was measured, by whom and when, where it was read, and the band the model's figure
// must fall in. The zod schema validates target documents and generates their JSON Schema, as for
// networks.
import * as z from 'zod';
import targetsJson from '../../data/validation/targets.json' with { type: 'json' };
import { InvalidArgumentError } from '../errors.js';
import { requireString } from '../arguments.js';
import { readTextCapped, DEFAULT_MAX_FILE_BYTES } from '../network/read-file.js';

/** The trip a target's figure is measured on: route options, plus any mechanism's options (`via`, `month`, `regime`, `volume`…), passed through. */
export interface TargetTrip {
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  readonly avoid?: { readonly countries?: readonly string[]; readonly nodes?: readonly string[]; readonly links?: readonly string[] };
  /** Options of mechanisms beyond today's routing (waypoints, calendar, regimes, volume), passed to the simulation as given. */
  readonly [option: string]: unknown;
}

/** A statistic of a trip's transit time: `mean`, or a percentile `p1` … `p99`. */
export type TripStatistic = 'mean' | `p${number}`;

/** What a target measures in the model. */
export type TargetMeasure =
  /** A statistic of a trip's simulated transit time (days). */
  | { readonly kind: 'trip'; readonly trip: TargetTrip; readonly statistic: TripStatistic }
  /** Whether the trip's expected-time route passes any of `nodes`. */
  | { readonly kind: 'route-uses'; readonly trip: TargetTrip; readonly nodes: readonly string[] }
  /** A statistic of the hours spent at `nodes` (their stages) on the trip's planned route, per run. */
  | { readonly kind: 'segment'; readonly trip: TargetTrip; readonly nodes: readonly string[]; readonly statistic: TripStatistic }
  /** The ratio of two trip statistics (e.g. a surge regime's p50 over today's). */
  | {
      readonly kind: 'ratio';
      readonly numerator: { readonly trip: TargetTrip; readonly statistic: TripStatistic };
      readonly denominator: { readonly trip: TargetTrip; readonly statistic: TripStatistic };
    }
  /**
   * A statistic of a place over the calendar (seasons, episodes): `closed-share`, the expected share
   * of the hours of `months` (1–12, required) the place is closed by its episodes; or
   * `worst-month-p95-wait`, over the calendar months of departure, the largest p95 of the hours
   * spent at the place (arriving to leaving: stages, queues, episodes' holds) on `trip` (required),
   * which must pass it.
   */
  | {
      readonly kind: 'place';
      readonly node: string;
      readonly statistic: 'worst-month-p95-wait' | 'closed-share';
      readonly months?: readonly number[];
      readonly trip?: TargetTrip;
    };

/** Where a published figure comes from. */
export interface TargetSource {
  readonly title: string;
  /** Who published the figure, and through whom it was read (e.g. `KTZ via Trend`). */
  readonly organisation: string;
  /** Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date: string;
  /** Where it was read. */
  readonly url: string;
}

/** The band the model's figure must fall in: `min`/`max` (either may be open), or `equals` for a yes/no figure. */
export interface TargetBand {
  readonly min?: number;
  readonly max?: number;
  readonly equals?: boolean;
}

/** One validation target. */
export interface Target {
  /** Stable id, e.g. `T2b`. */
  readonly id: string;
  /** What was published, in words. */
  readonly case: string;
  /** The figure as published, e.g. `12–15 d`. */
  readonly published: string;
  readonly source: TargetSource;
  readonly measure: TargetMeasure;
  /** Unit of the model's figure and of the band: `days`, `hours`, `ratio`, `share` or `boolean`. */
  readonly unit: 'days' | 'hours' | 'ratio' | 'share' | 'boolean';
  /** The band; `null` for a cross-check reported without a verdict. */
  readonly band: TargetBand | null;
  /** The mechanisms the target needs beyond today's model, in words (shown while they are missing). */
  readonly needs?: string;
  /** Why this band and this model figure: how the published figure maps onto the model. */
  readonly notes?: string;
}

/** A targets document. */
export interface TargetsDocument {
  readonly $schema?: string;
  readonly format?: 'transcaspian/targets@1';
  readonly title: string;
  readonly description?: string;
  readonly targets: readonly Target[];
}

const text = z.string().min(1);
const statistic = z
  .string()
  .regex(/^(mean|p([1-9]|[1-9][0-9]))$/, 'mean, or a percentile p1 … p99')
  .describe('mean, or a percentile p1 … p99 (R-7).');
const trip = z
  .looseObject({
    origin: text,
    destination: text,
    profile: text,
    avoid: z
      .strictObject({ countries: z.array(text).optional(), nodes: z.array(text).optional(), links: z.array(text).optional() })
      .optional(),
  })
  .describe('Route options, plus the options of mechanisms beyond routing (via, month, regime, volume), passed through as given.');
const nodes = z.array(text).min(1);

const measureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('trip'), trip, statistic }),
  z.strictObject({ kind: z.literal('route-uses'), trip, nodes }),
  z.strictObject({ kind: z.literal('segment'), trip, nodes, statistic }),
  z.strictObject({
    kind: z.literal('ratio'),
    numerator: z.strictObject({ trip, statistic }),
    denominator: z.strictObject({ trip, statistic }),
  }),
  z.strictObject({
    kind: z.literal('place'),
    node: text,
    statistic: z.enum(['worst-month-p95-wait', 'closed-share']),
    months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
    trip: trip.optional(),
  }),
]);

const bandSchema = z
  .strictObject({ min: z.number().optional(), max: z.number().optional(), equals: z.boolean().optional() })
  .refine((b) => (b.equals === undefined) !== (b.min === undefined && b.max === undefined) || (b.equals !== undefined && b.min === undefined && b.max === undefined), 'either min and/or max, or equals')
  .refine((b) => b.equals !== undefined || b.min !== undefined || b.max !== undefined, 'a band needs min, max or equals')
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, 'min <= max');

const targetSchema = z.strictObject({
  id: text,
  case: text,
  published: text,
  source: z.strictObject({
    title: text,
    organisation: text,
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD'),
    url: text,
  }),
  measure: measureSchema,
  unit: z.enum(['days', 'hours', 'ratio', 'share', 'boolean']),
  band: bandSchema.nullable(),
  needs: text.optional(),
  notes: text.optional(),
});

/** The zod schema of targets documents. */
export const targetsSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal('transcaspian/targets@1').optional(),
    title: text,
    description: z.string().optional(),
    targets: z.array(targetSchema).min(1),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.targets.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'id'], message: 'a target id not used before' });
      seen.add(t.id);
      const boolean = t.measure.kind === 'route-uses';
      if (t.band !== null && boolean !== (t.band.equals !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'band'], message: boolean ? 'equals: true or false for a route-uses target' : 'min and/or max for a numeric target' });
      }
      if (boolean !== (t.unit === 'boolean')) ctx.addIssue({ code: 'custom', path: ['targets', i, 'unit'], message: boolean ? 'boolean for a route-uses target' : 'a numeric unit' });
      const m = t.measure;
      if (m.kind === 'place' && m.statistic === 'closed-share' && m.months === undefined) ctx.addIssue({ code: 'custom', path: ['targets', i, 'measure', 'months'], message: 'the months (1–12) whose hours a closed-share averages' });
      if (m.kind === 'place' && m.statistic === 'worst-month-p95-wait' && m.trip === undefined) ctx.addIssue({ code: 'custom', path: ['targets', i, 'measure', 'trip'], message: 'the trip whose waits at the place a worst-month-p95-wait takes' });
    });
  })
  .describe('A transcaspian validation targets document: published figures and the bands the model must land in.');

/** The JSON Schema (draft 2020-12) of targets documents; `data/validation/targets.schema.json` is its output. */
export function targetsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(targetsSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'https://transcaspian.dev/schema/targets@1.json',
    title: 'transcaspian validation targets',
  };
}

/**
 * Validate a targets document (JSON text or a parsed value) and return it frozen. Throws
 * `InvalidArgumentError` on field `targets` naming the first problem's path and message.
 */
export function parseTargets(input: unknown): TargetsDocument {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (e) {
      throw new InvalidArgumentError('targets', `${input.slice(0, 40)}…`, `valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const r = targetsSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    throw new InvalidArgumentError(where === '' ? 'targets' : where, issue.input, issue.message);
  }
  return Object.freeze(structuredClone(r.data)) as unknown as TargetsDocument;
}

/** Read and validate a targets file (`FileReadError` when it cannot be read, `InvalidArgumentError` when invalid). */
export function loadTargets(path: string): TargetsDocument {
  requireString(path, 'path', 'a file path');
  return parseTargets(readTextCapped(path, DEFAULT_MAX_FILE_BYTES, 'targets files are small'));
}

let shipped: TargetsDocument | undefined;

/** The shipped targets of the Middle Corridor dataset (`data/validation/targets.json`), parsed once. */
export function corridorTargets(): TargetsDocument {
  shipped ??= parseTargets(targetsJson);
  return shipped;
}
