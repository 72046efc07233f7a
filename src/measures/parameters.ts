// Checking a measure's options when it is built: numeric parameters against their plausible range,
// scope lists (ISO country codes, ids), unknown option names. Every problem is an
// InvalidMeasureError naming the option; nothing is defaulted silently except documented defaults.
import { InvalidMeasureError } from '../errors.js';
import { isCountryCode } from '../network/countries.js';
import type { MeasureCitation, MeasureParameter } from './types.js';

/** A parameter's definition: everything but the value in use. */
export type ParameterDef = Omit<MeasureParameter, 'value'>;

/** Options every factory accepts. */
export const BASE_OPTIONS = ['id', 'title', 'sources'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The measure id: `options.id` when given (a non-empty string), else `fallback`. */
export function measureIdOf(options: unknown, fallback: string): string {
  if (!isRecord(options) || options.id === undefined) return fallback;
  if (typeof options.id !== 'string' || options.id.length === 0) {
    throw new InvalidMeasureError(fallback, 'id', options.id, 'a non-empty string');
  }
  return options.id;
}

/** Check that `options` is an object with only the `allowed` keys (plus id, title, sources). */
export function checkOptions(measureId: string, options: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!isRecord(options)) throw new InvalidMeasureError(measureId, 'options', options, 'an options object');
  const known = [...BASE_OPTIONS, ...allowed];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new InvalidMeasureError(measureId, key, options[key], `one of the options ${known.join(', ')}`);
  }
  if (options.title !== undefined && (typeof options.title !== 'string' || options.title.length === 0)) {
    throw new InvalidMeasureError(measureId, 'title', options.title, 'a non-empty string');
  }
  return options;
}

/** Extra citations given in `options.sources`, checked and frozen (empty when absent). */
export function extraSources(measureId: string, value: unknown): readonly MeasureCitation[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidMeasureError(measureId, 'sources', value, 'an array of citations');
  return Object.freeze(
    value.map((c: unknown, i) => {
      const ok =
        isRecord(c) &&
        typeof c.title === 'string' &&
        typeof c.organisation === 'string' &&
        (c.year === null || (typeof c.year === 'number' && Number.isInteger(c.year))) &&
        (c.url === undefined || typeof c.url === 'string') &&
        (c.ref === undefined || typeof c.ref === 'string');
      if (!ok) throw new InvalidMeasureError(measureId, `sources[${i}]`, c, 'a citation { title, organisation, year (integer or null), url?, ref? }');
      return Object.freeze(structuredClone(c) as unknown as MeasureCitation);
    }),
  );
}

/**
 * The parameter in use: `given`, or the default when `given` is undefined. Throws for a value that is
 * not a finite number within the hard limits [hardMin, hardMax]; a value outside the plausible range
 * [min, max] is accepted (the measure records a warning, see `defineMeasure`). Returns `undefined`
 * when nothing was given and there is no default.
 */
export function resolveParameter(measureId: string, def: ParameterDef, given: unknown): MeasureParameter | undefined {
  if (given === undefined) {
    return def.default === null ? undefined : Object.freeze({ ...def, value: def.default });
  }
  if (typeof given !== 'number' || !Number.isFinite(given) || given < def.hardMin || given > def.hardMax) {
    throw new InvalidMeasureError(measureId, def.name, given, `a number from ${def.hardMin} to ${def.hardMax} (${def.unit}; plausible ${def.min}–${def.max})`);
  }
  return Object.freeze({ ...def, value: given });
}

/** Like `resolveParameter` for a parameter with a default (never undefined). */
export function requireParameter(measureId: string, def: ParameterDef & { readonly default: number }, given: unknown): MeasureParameter {
  return resolveParameter(measureId, def, given)!;
}

/**
 * Definition of a setting of a generic measure, which has no default (the caller's own figure): its
 * range is its hard limits (there is no evidence behind a plausible range of a caller's own figure).
 */
export function userSetting(name: string, unit: string, description: string, min: number, max: number): ParameterDef {
  return { name, unit, description, default: null, min, max, hardMin: min, hardMax: max, assumption: 'Set by the caller; no shipped default.' };
}

/**
 * A list of ISO 3166-1 alpha-2 codes (upper case, as in network documents), checked and frozen;
 * `undefined` when absent and not required. An empty list is an error: it would silently match nothing.
 */
export function countryList(measureId: string, value: unknown, required: boolean): readonly string[] | undefined {
  const field = 'scope.countries';
  if (value === undefined) {
    if (required) throw new InvalidMeasureError(measureId, field, value, 'a non-empty array of ISO 3166-1 alpha-2 codes');
    return undefined;
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidMeasureError(measureId, field, value, 'a non-empty array of ISO 3166-1 alpha-2 codes');
  }
  for (const c of value) {
    if (typeof c !== 'string' || !isCountryCode(c)) {
      throw new InvalidMeasureError(measureId, field, c, 'an ISO 3166-1 alpha-2 code in upper case, e.g. KZ');
    }
  }
  return Object.freeze([...new Set(value as string[])]);
}

/** A non-empty list of ids, checked and frozen; `undefined` when absent. */
export function idList(measureId: string, field: string, value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) throw new InvalidMeasureError(measureId, field, value, 'a non-empty array of ids');
  for (const id of value) {
    if (typeof id !== 'string' || id.length === 0) throw new InvalidMeasureError(measureId, field, id, 'a non-empty string id');
  }
  return Object.freeze([...new Set(value as string[])]);
}

/** One id (a non-empty string). */
export function requireId(measureId: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidMeasureError(measureId, field, value, 'a non-empty string id');
  return value;
}

/** Format a share as a percentage for `changes` texts (0.3 → `30%`). */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

/** Check the `absentCountries` option (default `error`). */
export function absentCountriesOf(measureId: string, value: unknown): 'error' | 'ignore' {
  if (value === undefined) return 'error';
  if (value !== 'error' && value !== 'ignore') throw new InvalidMeasureError(measureId, 'absentCountries', value, '"error" or "ignore"');
  return value;
}
