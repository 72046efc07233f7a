// The `--measures` argument: `japan2025`, `none`, or a JSON file holding measure recipes.
import { readFileSync } from 'node:fs';
import { InvalidMeasureError, TranscaspianError } from '../errors.js';
import { createMeasure } from '../measures/create.js';
import { japan2025 } from '../measures/japan2025.js';
import type { Measure, MeasureDefinition } from '../measures/types.js';

/**
 * Resolve `--measures`: `japan2025` (the December 2025 package with its defaults), `none`, or the
 * path of a JSON file with an array of recipes `{ "kind": …, "options": { … } }` (or an object with
 * such an array in `measures`).
 */
export function measuresFromArg(arg: string): readonly Measure[] {
  if (arg === 'japan2025') return japan2025().measures;
  if (arg === 'none') return [];
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(arg, 'utf8'));
  } catch (e) {
    throw new TranscaspianError('io_error', `--measures: cannot read ${arg} as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null && Array.isArray((doc as { measures?: unknown }).measures) ? (doc as { measures: unknown[] }).measures : null;
  if (list === null) throw new InvalidMeasureError('--measures', arg, doc, 'an array of { "kind", "options" } recipes (or { "measures": [...] })');
  return list.map((d) => createMeasure(d as MeasureDefinition));
}
