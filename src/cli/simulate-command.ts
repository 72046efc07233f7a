// `transcaspian simulate`: before/after Monte Carlo of a trip under a set of measures, with attribution.
import { applyMeasures } from '../measures/apply.js';
import type { Network } from '../network/network.js';
import { comparisonJson, comparisonText } from '../report/scenario-text.js';
import { attribute } from '../simulate/attribute.js';
import { compare } from '../simulate/compare.js';
import type { Measure } from '../measures/types.js';
import type { ScenarioFlags } from './args.js';

/** What one before/after scenario run needs: the checked scenario flags, the network and the measures. */
export interface ScenarioRun extends ScenarioFlags {
  readonly network: Network;
  readonly measures: readonly Measure[];
}

/** Run a scenario: compare before/after on common random numbers, and attribute per measure when there are any. */
export function runScenario(s: ScenarioRun): { text: string; json: Record<string, unknown> } | null {
  const options = {
    origin: s.origin,
    destination: s.destination,
    profile: s.profile,
    runs: s.runs,
    seed: s.seed,
    policy: s.policy,
    ...(s.withinDays !== undefined ? { withinDays: s.withinDays } : {}),
    ...(s.avoid !== undefined ? { avoid: s.avoid } : {}),
  };
  const after = s.measures.length > 0 ? applyMeasures(s.network, s.measures) : s.network;
  const comparison = compare(s.network, after, options);
  if (comparison === null) return null;
  const attribution = s.measures.length > 0 ? attribute(s.network, s.measures, options) : undefined;
  return { text: comparisonText(s.network, comparison, attribution), json: comparisonJson(comparison, attribution) };
}
