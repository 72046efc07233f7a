// Running one trip of a report: the before/after comparison on common random numbers and, when
// there are measures, the Shapley attribution, with an optional progress callback (the library
// itself stays quiet; the CLI prints progress on a terminal).
import { TranscaspianError } from '../../errors.js';
import { applyMeasures } from '../../measures/apply.js';
import type { Measure } from '../../measures/types.js';
import type { Network } from '../../network/network.js';
import { attribute, type Attribution } from '../../simulate/attribute.js';
import { compare, type CompareOptions, type Comparison } from '../../simulate/compare.js';

/** One trip of a report. */
export interface ReportTrip {
  /** The options the trip was simulated with (origin, destination, profile, runs, seed, policy…). */
  readonly options: CompareOptions;
  /** A heading or a sentence on why the trip matters (e.g. the main job's `why`). */
  readonly title?: string;
  /** `null` when the trip has no route for the profile (before or after the measures). */
  readonly comparison: Comparison | null;
  /** Hours saved per measure; absent without measures or when `attributionError` is set. */
  readonly attribution?: Attribution;
  /** Why there is no attribution although there are measures (a subset of them left no route). */
  readonly attributionError?: string;
}

/** A progress report: `step` of `steps` simulation batches is starting. */
export interface ReportProgress {
  readonly step: number;
  readonly steps: number;
  /** e.g. `before/after comparison` or `measure subset 3/16`. */
  readonly label: string;
}

/** Settings of `reportTrip`. */
export interface ReportTripSettings {
  readonly title?: string;
  /** Attribute the saving to each measure (default true; false skips the 2^n subset runs). */
  readonly attribution?: boolean;
  /** Called before each batch of simulations (the comparison, then each of the 2^n measure subsets). */
  readonly onProgress?: (progress: ReportProgress) => void;
}

/**
 * Simulate a trip for a report: `compare` the network before and after `measures` (applied in
 * order) with `options`, then `attribute` the saving to each measure (exact Shapley values over
 * the 2^n subsets, same seed). The comparison is `null` when there is no route. Throws what
 * `applyMeasures` throws for measures that do not fit the network; an attribution that cannot be
 * computed (a subset of the measures leaves no route, more than 10 measures) is recorded in
 * `attributionError` instead of thrown, so the rest of the report still renders.
 */
export function reportTrip(network: Network, measures: readonly Measure[], options: CompareOptions, settings: ReportTripSettings = {}): ReportTrip {
  const { onProgress } = settings;
  const attributing = settings.attribution !== false && measures.length > 0;
  const subsets = attributing ? 2 ** measures.length : 0;
  const steps = 1 + subsets;
  onProgress?.({ step: 1, steps, label: 'before/after comparison' });
  const after = measures.length > 0 ? applyMeasures(network, measures) : network;
  const comparison = compare(network, after, options);
  const base = { options, ...(settings.title !== undefined ? { title: settings.title } : {}) };
  if (comparison === null || !attributing) return { ...base, comparison };

  try {
    const attribution = attribute(network, measures, options, {
      onSubset: (subset, total) => onProgress?.({ step: 1 + subset, steps, label: `measure subset ${subset}/${total}` }),
    });
    return { ...base, comparison, attribution };
  } catch (e) {
    if (e instanceof TranscaspianError) return { ...base, comparison, attributionError: e.message };
    throw e;
  }
}
