// One trip of a report: `runScenario` with a heading. Kept for callers of the report API; the
// simulation itself (comparison, attribution, progress) lives in simulate/scenario.ts.
import type { Measure } from '../measures/types.js';
import type { Network } from '../network/network.js';
import type { CompareOptions } from '../simulate/compare.js';
import { runScenario, type ScenarioProgress, type ScenarioSettings } from '../simulate/scenario.js';
import type { ReportTrip } from './model.js';

/** A progress report: `step` of `steps` simulation batches is starting (the same as `runScenario`'s). */
export type ReportProgress = ScenarioProgress;

/** Settings of `reportTrip`: those of `runScenario`, plus the trip's heading. */
export interface ReportTripSettings extends ScenarioSettings {
  readonly title?: string;
}

/**
 * Simulate a trip for a report: `runScenario(network, measures, options, settings)` (the
 * before/after comparison and, when there are measures, the Shapley attribution reusing the
 * comparison's runs; progress through `settings.onProgress`), with `settings.title` as the trip's
 * heading. An attribution that cannot be computed is recorded in `attributionError`, so the rest of
 * the report still renders.
 */
export function reportTrip(network: Network, measures: readonly Measure[], options: CompareOptions, settings: ReportTripSettings = {}): ReportTrip {
  const { title, ...scenario } = settings;
  return { ...runScenario(network, measures, options, scenario), ...(title !== undefined ? { title } : {}) };
}
