// Checks of what the evidence functions are given (`validation`, `calibrate`, their renderings, the
// survey's): a wrong value is an `InvalidArgumentError` naming it, never a TypeError from deep inside.
// A targets document is checked against its schema (it is small); results of the library's own
// functions by the fields the renderers read (asserted, not typed: this file sits below the modules
// that define those results, so that they can use it without an import cycle).
import { requireArray, requireShape } from '../arguments.js';
import { InvalidArgumentError } from '../errors.js';
import { parseTargets, type TargetsDocument } from './targets.js';

/** `targets` if it is a valid targets document (an object: JSON text goes through `parseTargets`). */
export function requireTargets(targets: unknown, field = 'targets'): TargetsDocument {
  if (typeof targets !== 'object' || targets === null || Array.isArray(targets)) throw new InvalidArgumentError(field, targets, 'a targets document from corridorTargets, parseTargets or loadTargets');
  parseTargets(targets);
  return targets as TargetsDocument;
}

/** `options` if it is absent or an object. */
export function requireOptions<T>(options: unknown, field = 'options'): T {
  if (options === undefined) return {} as T;
  return requireShape<T>(options, field, 'an options object');
}

/** Throws unless `v` has the shape of a `Validation` (from `validation`). */
export function checkValidation(v: unknown, field = 'validation'): void {
  const expected = 'a Validation from validation';
  const r = requireShape<{ rows: unknown }>(v, field, expected, { rows: 'array', score: 'object', runs: 'number', seed: 'number' });
  requireArray(r.rows, `${field}.rows`, expected, (row, f) => {
    const checked = requireShape<{ target: unknown }>(row, f, expected, { target: 'object', status: 'string' });
    requireShape(checked.target, `${f}.target`, expected, { id: 'string', case: 'string', unit: 'string', source: 'object' });
  });
}

/** Throws unless `c` has the shape of a `Calibration` (from `calibrate`). */
export function checkCalibration(c: unknown, field = 'calibration'): void {
  const r = requireShape<{ before: unknown; after: unknown }>(c, field, 'a Calibration from calibrate', { against: 'array', parameters: 'array', objective: 'object', evaluations: 'number', runs: 'number', seed: 'number', date: 'string' });
  checkValidation(r.before, `${field}.before`);
  checkValidation(r.after, `${field}.after`);
}

/** Throws unless `f` has the shape of a `SurveyFit` (from `fitSurvey`). */
export function checkSurveyFit(f: unknown, field = 'fit'): void {
  const r = requireShape<{ measure: unknown }>(f, field, 'a SurveyFit from fitSurvey', { records: 'number', stages: 'array', skipped: 'array', measure: 'object' });
  requireShape(r.measure, `${field}.measure`, 'a SurveyFit from fitSurvey', { id: 'string', definition: 'object' });
}
