// Plausible ranges of figures: where a provenance's `range` points (a field of the object the
// provenance sits on), what it may hold, and the checks that the figure lies inside its range. The
// validator, the patch measure and the two-level simulation read ranges through this one module.
import type { Distribution, FigureRange, Provenance, ProvenanceSpec } from './types.js';
import { DISTRIBUTION_TYPES } from './types.js';

/** A figure a range can point at: a number, a duration distribution, or a monthly profile (numbers ≥ 0, ranged and scaled whole by a factor, as a distribution). */
export type Figure = number | Distribution | readonly number[];

/** Whether a value is a profile: a non-empty array of finite numbers ≥ 0 (an episode's starts per month). */
export function isProfile(v: unknown): v is readonly number[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0);
}

/** Fields holding a probability: a range's absolute `max`, and the figure times its factor, stay ≤ 1. */
const PROBABILITY_FIELDS: ReadonlySet<string> = new Set(['probability', 'cancellationProbability', 'closureProbability']);

/** Whether a dotted field names a probability (its last segment). */
export function isProbabilityField(field: string): boolean {
  return PROBABILITY_FIELDS.has(field.slice(field.lastIndexOf('.') + 1));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a value is shaped like a distribution (its `type` one of `DISTRIBUTION_TYPES`). */
export function isDistribution(v: unknown): v is Distribution {
  return isRecord(v) && typeof v.type === 'string' && (DISTRIBUTION_TYPES as readonly string[]).includes(v.type);
}

/**
 * The figure at a dotted `field` of `holder` (own properties only), or `undefined` when the path
 * holds no number, distribution or monthly profile. `field` may not end inside a distribution (`durationHours.median`
 * is not a figure: a distribution is ranged whole, by a factor).
 */
export function figureAt(holder: unknown, field: string): Figure | undefined {
  let cur: unknown = holder;
  for (const key of field.split('.')) {
    if (!isRecord(cur) || isDistribution(cur) || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = cur[key];
  }
  if (typeof cur === 'number' && Number.isFinite(cur)) return cur;
  if (isProfile(cur)) return cur;
  return isDistribution(cur) ? cur : undefined;
}

/** The ranges of one provenance entry, as a list. */
export function rangesOf(p: Provenance): readonly FigureRange[] {
  const r = p.range;
  if (r === undefined) return [];
  return Array.isArray(r) ? (r as readonly FigureRange[]) : [r as FigureRange];
}

/** The provenance entries of a `source`, as a list. */
export function provenanceList(source: ProvenanceSpec | undefined): readonly Provenance[] {
  if (source === undefined) return [];
  return Array.isArray(source) ? (source as readonly Provenance[]) : [source as Provenance];
}

/** The ends of a range as multipliers of the figure's current value (`min`/`max` divided by it). */
export function rangeFactors(range: FigureRange, figure: Figure): readonly [number, number] {
  if (range.factor !== undefined) return range.factor;
  const v = figure as number;
  return [range.min! / v, range.max! / v];
}

/** A problem found in a range: its code, which part of the range, what was expected. */
export interface RangeProblem {
  readonly code: 'unknown_field' | 'conflicting_fields' | 'outside_range' | 'probability_out_of_range';
  /** `field`, `min`, `max` or `factor`: the member of the range the problem points at. */
  readonly member: 'field' | 'min' | 'max' | 'factor';
  readonly expected: string;
}

/**
 * What is wrong with `range` on `holder` (shape aside, which the schema checks): the field must name
 * a number or a distribution of the holder; a distribution takes a `factor`, not `min`/`max`; the
 * figure must lie inside the range (min ≤ value ≤ max, or low ≤ 1 ≤ high); a probability's range
 * stays within [0, 1].
 */
export function rangeProblem(holder: unknown, range: FigureRange): RangeProblem | undefined {
  const figure = figureAt(holder, range.field);
  if (figure === undefined) {
    return { code: 'unknown_field', member: 'field', expected: 'the path of a number or a duration distribution of this object (dotted for a nested field)' };
  }
  if (typeof figure !== 'number') {
    if (range.factor === undefined) return { code: 'conflicting_fields', member: 'min', expected: 'factor: [low, high] for a distribution or a monthly profile (it is scaled whole)' };
    return undefined;
  }
  const probability = isProbabilityField(range.field);
  if (range.factor !== undefined) {
    if (probability && figure * range.factor[1] > 1) return { code: 'probability_out_of_range', member: 'factor', expected: `a high factor keeping the probability ≤ 1 (at most ${1 / figure})` };
    return undefined;
  }
  if (range.min === undefined || range.max === undefined) return undefined;
  if (figure < range.min) return { code: 'outside_range', member: 'min', expected: `a low end at most the figure (${figure})` };
  if (figure > range.max) return { code: 'outside_range', member: 'max', expected: `a high end at least the figure (${figure})` };
  if (probability && (range.min < 0 || range.max > 1)) return { code: 'probability_out_of_range', member: range.min < 0 ? 'min' : 'max', expected: 'a range within [0, 1] for a probability' };
  return undefined;
}
