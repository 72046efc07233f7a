// Assembling a measure object: everything frozen, the recipe copied so that later changes to the
// caller's options object cannot change the measure. Every measure assembled here is recorded as the
// library's own: its transform turns a valid document into a valid one (each factory checks, when the
// measure is built or applied, whatever could make the result invalid), so `applyMeasures` may index
// the result without validating it again. A hand-written object implementing `Measure` is not
// recorded and its result is validated in full.
import { deepFreeze } from '../network/validate.js';
import type { NetworkSpec } from '../network/types.js';
import { dropStaleRanges } from './stale-ranges.js';
import type { Measure, MeasureCitation, MeasureDefinition, MeasureKind, MeasureParameter, MeasureScope } from './types.js';

/** The parts of a measure a factory computes. */
export interface MeasureParts {
  readonly id: string;
  readonly kind: MeasureKind;
  readonly title: string;
  readonly changes: string;
  readonly sources: readonly MeasureCitation[];
  readonly parameters: readonly (MeasureParameter | undefined)[];
  readonly scope: { readonly [K in keyof MeasureScope]?: MeasureScope[K] | undefined };
  readonly options: object;
  readonly transform: (spec: NetworkSpec) => NetworkSpec;
}

/** The library's own measures, each with its factory's transform (before stale ranges are dropped). */
const libraryMeasures = new WeakMap<Measure, (spec: NetworkSpec) => NetworkSpec>();

/** The warning for a parameter set outside its plausible range. */
export function implausible(measureId: string, p: MeasureParameter): string {
  return `${measureId}: ${p.name} = ${p.value} is outside its plausible range ${p.min}–${p.max} (${p.unit}); the result rests on a value the evidence behind the default does not support`;
}

/** Whether `measure` was built by one of the library's factories (through `defineMeasure`). */
export function isLibraryMeasure(measure: unknown): boolean {
  return typeof measure === 'object' && measure !== null && libraryMeasures.has(measure as Measure);
}

/**
 * A library measure's transform as its factory wrote it, without dropping the ranges it made stale:
 * the same nodes, stages and links changed, with the same figures (only their provenance may keep a
 * range). For callers that read times only (the route planner, per what-if); `undefined` for a
 * measure that is not the library's own.
 */
export function timingTransform(measure: Measure): ((spec: NetworkSpec) => NetworkSpec) | undefined {
  return libraryMeasures.get(measure);
}

/**
 * Build a frozen measure; parameters that are `undefined` (settings not given) are left out. The
 * factory vouches that `parts.transform` maps a valid document to a valid one (or throws
 * `InvalidMeasureError`): the measure is recorded as the library's own (`isLibraryMeasure`).
 */
export function defineMeasure(parts: MeasureParts): Measure {
  const scope: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parts.scope)) if (v !== undefined) scope[k] = v;
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parts.options)) if (v !== undefined) options[k] = v;
  options.id = parts.id;
  const transform = parts.transform;
  const parameters = parts.parameters.filter((p): p is MeasureParameter => p !== undefined);
  const measure: Measure = Object.freeze({
    id: parts.id,
    kind: parts.kind,
    title: parts.title,
    changes: parts.changes,
    sources: Object.freeze([...parts.sources]),
    parameters: Object.freeze(parameters),
    warnings: Object.freeze(parameters.filter((p) => p.value < p.min || p.value > p.max).map((p) => implausible(parts.id, p))),
    scope: deepFreeze(structuredClone(scope)) as MeasureScope,
    definition: deepFreeze(structuredClone({ kind: parts.kind, options })) as unknown as MeasureDefinition,
    transform: (spec: NetworkSpec) => dropStaleRanges(spec, transform(spec)),
  });
  libraryMeasures.set(measure, transform);
  return measure;
}
