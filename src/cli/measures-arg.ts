// The `--measures` flag: `japan2025`, `none`, or JSON files of measure recipes (`-`: standard input),
// repeated or comma-separated and stacked in the order given, so a planner can add measures to the
// package from the command line (`--measures japan2025 --measures own.json`).
import { InvalidMeasureError, TranscaspianError } from '../errors.js';
import { createMeasure } from '../measures/create.js';
import { japan2025, type Japan2025Package } from '../measures/japan2025.js';
import type { Measure, MeasureDefinition } from '../measures/types.js';
import { UsageError } from './errors.js';
import type { InputReader } from './io.js';

/** The measures of `--measures`, with the package when `japan2025` is among them. */
export interface MeasuresArg {
  readonly measures: readonly Measure[];
  /** The Japan 2025 package, when `japan2025` was given (its notes go into reports). */
  readonly package?: Japan2025Package;
  /** The flag's values joined by commas, as a report records them to be reproduced. */
  readonly label: string;
}

function measuresFromFile(path: string, input: InputReader): readonly Measure[] {
  const text = input.read(path, '--measures');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new TranscaspianError('io_error', `--measures: cannot read ${path === '-' ? 'standard input' : path} as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null && Array.isArray((doc as { measures?: unknown }).measures) ? (doc as { measures: unknown[] }).measures : null;
  if (list === null) throw new InvalidMeasureError('--measures', path, doc, 'an array of { "kind", "options" } recipes (or { "measures": [...] })');
  return list.map((d) => createMeasure(d as MeasureDefinition));
}

/**
 * Resolve the values of `--measures` in order: `japan2025` (the December 2025 package with its
 * defaults), `none` (alone: no measures), or the path of a JSON file with an array of recipes
 * `{ "kind": …, "options": { … } }` (or an object with such an array in `measures`).
 */
export function measuresFromArg(values: readonly string[], input: InputReader): MeasuresArg {
  if (values.some((v) => v === '')) throw new UsageError('--measures: an empty value; expected japan2025, none or a file');
  if (values.includes('none')) {
    if (values.length > 1) throw new UsageError(`--measures: "none" cannot be combined with other measures (${values.filter((v) => v !== 'none').join(', ')})`);
    return { measures: [], label: 'none' };
  }
  let pkg: Japan2025Package | undefined;
  const measures: Measure[] = [];
  for (const v of values) {
    if (v === 'japan2025') {
      pkg ??= japan2025();
      measures.push(...pkg.measures);
    } else measures.push(...measuresFromFile(v, input));
  }
  return { measures, label: values.join(','), ...(pkg !== undefined ? { package: pkg } : {}) };
}
