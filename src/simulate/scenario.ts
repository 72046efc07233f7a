// A scenario: a network, a package of measures and a trip, run once into everything a planner reads —
// the before/after comparison on common random numbers, the attribution of the saving to each
// measure (exact Shapley values) and, when asked, the sensitivity to each parameter. The comparison's
// two simulations are the attribution's empty and full subsets and the sensitivity's baseline and
// full package (same network, same options, same seed), so they are run once and shared. The CLI's
// `simulate`, `report` and `start` and the report's `reportTrip` all run trips through here.
import { InvalidArgumentError, TranscaspianError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import type { Measure } from '../measures/types.js';
import type { Network } from '../network/network.js';
import { MAX_ATTRIBUTED_MEASURES, attributeReusing, type Attribution } from './attribute.js';
import { compare, type CompareOptions, type Comparison } from './compare.js';
import { sensitivityPoints, sensitivityReusing, type Sensitivity } from './sensitivity.js';
import { checkUncertaintySettings, twoLevel, type Uncertainty, type UncertaintySettings } from './uncertainty.js';

/** A progress report of `runScenario`: step `step` of `steps` is starting. */
export interface ScenarioProgress {
  readonly step: number;
  readonly steps: number;
  /** e.g. `before/after comparison`, `measure subset 3/16`, `sensitivity 2/14: customs.proceduralCut = 0.5`. */
  readonly label: string;
}

/** Settings of `runScenario` (what to compute besides the comparison, and progress). */
export interface ScenarioSettings {
  /** Attribute the saving to each measure (default true; false skips the 2^n − 2 subset runs). */
  readonly attribution?: boolean;
  /** Sweep each measure parameter to the ends of its range (default false: two runs per parameter). */
  readonly sensitivity?: boolean;
  /**
   * Run the two-level simulation too (`Scenario.uncertainty`): the uncertain inputs drawn from their
   * plausible ranges by a Latin hypercube, each draw compared on the scenario's seed. Default: not run.
   */
  readonly uncertainty?: UncertaintySettings;
  /**
   * Called before each step: the comparison (step 1), then each of the 2^n measure subsets in mask
   * order (the empty and the full subset are the comparison's runs and pass at once), then each
   * sensitivity point.
   */
  readonly onProgress?: (progress: ScenarioProgress) => void;
}

/** The result of `runScenario`. */
export interface Scenario {
  /** The network "before". */
  readonly network: Network;
  /** The measures "after" applies to it, in order. */
  readonly measures: readonly Measure[];
  /** The options the trip was simulated with (origin, destination, profile, runs, seed, policy…). */
  readonly options: CompareOptions;
  /** `null` when the trip has no route for the profile (before or after the measures). */
  readonly comparison: Comparison | null;
  /** Hours saved per measure; absent without measures, when not asked, or when `attributionError` is set. */
  readonly attribution?: Attribution;
  /** Why there is no attribution although there are measures (a subset of them leaves no route). */
  readonly attributionError?: string;
  /**
   * Set instead of an attribution when there are more than `MAX_ATTRIBUTED_MEASURES` (10) measures:
   * the exact Shapley values need 2^n subset simulations, so they are skipped, and this says so.
   */
  readonly attributionSkipped?: string;
  /** The tornado data, when asked and there are measures; absent when `sensitivityError` is set. */
  readonly sensitivity?: Sensitivity;
  /** Why there is no sensitivity although it was asked (a parameter's end leaves no route). */
  readonly sensitivityError?: string;
  /**
   * The effect under uncertain inputs (two levels), when asked, there are measures and at least one
   * uncertain input: the headline uncertainty of the effect; the comparison's intervals are Monte
   * Carlo error only.
   */
  readonly uncertainty?: Uncertainty;
  /**
   * The measures' warnings, in package order: parameters set outside their plausible range (accepted
   * within their hard limits). Empty when every parameter is plausible.
   */
  readonly warnings: readonly string[];
}

/** The result of `run`, or the message of the library error it threw. */
function recorded<T>(run: () => T): { value: T } | { error: string } {
  try {
    return { value: run() };
  } catch (e) {
    if (e instanceof TranscaspianError) return { error: e.message };
    throw e;
  }
}

/**
 * Run a scenario once: `compare` `network` before and after `measures` (applied in order) with
 * `options`; then, when there are measures and a route, attribute the saving to each measure (exact
 * Shapley values over the 2^n subsets, n ≤ 10, the same seed: `attribute`) and, with
 * `settings.sensitivity`, sweep each parameter to its range's ends (`sensitivity`). The attribution
 * and the sensitivity reuse the comparison's two simulations, so the figures equal those of
 * `compare`, `attribute` and `sensitivity` called one by one, for two to four fewer simulations.
 * Throws what `applyMeasures` and `compare` throw (measures that do not fit the network, bad
 * options); an attribution or sensitivity that cannot be computed is recorded in `attributionError`
 * or `sensitivityError` instead, so the comparison is still returned.
 */
export function runScenario(network: Network, measures: readonly Measure[], options: CompareOptions, settings: ScenarioSettings = {}): Scenario {
  const { onProgress } = settings;
  if (!Array.isArray(measures)) throw new InvalidArgumentError('measures', measures, 'an array of measures');
  const tooMany = settings.attribution !== false && measures.length > MAX_ATTRIBUTED_MEASURES;
  const attributing = settings.attribution !== false && measures.length > 0 && !tooMany;
  const sweeping = settings.sensitivity === true && measures.length > 0;
  const subsets = attributing ? 2 ** measures.length : 0;
  const drawing = settings.uncertainty !== undefined && measures.length > 0;
  const draws = drawing ? checkUncertaintySettings(settings.uncertainty!, options.runs).draws : 0;
  const steps = 1 + subsets + (sweeping ? sensitivityPoints(measures) : 0) + draws;
  const warnings = measures.flatMap((m) => m.warnings ?? []);
  onProgress?.({ step: 1, steps, label: 'before/after comparison' });
  const after = measures.length > 0 ? applyMeasures(network, measures) : network;
  const comparison = compare(network, after, options);
  const skipped = tooMany
    ? {
        attributionSkipped: `hours saved per measure not computed: the exact Shapley attribution of ${measures.length} measures needs 2^${measures.length} = ${(2 ** measures.length).toLocaleString('en-US')} simulations (it is done for up to ${MAX_ATTRIBUTED_MEASURES}); group the measures, or attribute a subset of them`,
      }
    : {};
  if (comparison === null || (!attributing && !sweeping && !drawing)) return { network, measures, options, comparison, warnings, ...(comparison === null ? {} : skipped) };

  const ends = { baseline: comparison.before.summary, full: comparison.after.summary, baselineRoute: comparison.before.route, fullRoute: comparison.after.route };
  const attribution = attributing
    ? recorded(() =>
        attributeReusing(network, measures, options, ends, {
          onSubset: (subset, total) => onProgress?.({ step: 1 + subset, steps, label: `measure subset ${subset}/${total}` }),
        }),
      )
    : undefined;
  const sensitivity = sweeping
    ? recorded(() =>
        sensitivityReusing(network, measures, options, ends, (point, points, label) =>
          onProgress?.({ step: 1 + subsets + point, steps, label: `sensitivity ${point}/${points}: ${label}` }),
        ),
      )
    : undefined;
  const before = 1 + subsets + (sweeping ? sensitivityPoints(measures) : 0);
  const uncertainty = drawing
    ? twoLevel(network, measures, options.seed, {
          ...settings.uncertainty!,
          onDraw: (draw, total) => {
            onProgress?.({ step: before + draw, steps, label: `parameter draw ${draw}/${total}` });
            settings.uncertainty!.onDraw?.(draw, total);
          },
        }, options.runs, (n, ms, runs) =>
        // Quantile intervals are not used per draw: the fewest bootstrap resamples.
        runScenario(n, ms, { ...options, runs, bootstrap: 20 }, { attribution: false }).comparison,
      )
    : null;
  return {
    network,
    measures,
    options,
    comparison,
    warnings,
    ...skipped,
    ...(uncertainty !== null ? { uncertainty } : {}),
    ...(attribution === undefined ? {} : 'value' in attribution ? { attribution: attribution.value } : { attributionError: attribution.error }),
    ...(sensitivity === undefined ? {} : 'value' in sensitivity ? { sensitivity: sensitivity.value } : { sensitivityError: sensitivity.error }),
  };
}
