// `transcaspian simulate`: one scenario (before/after Monte Carlo of a trip under a set of measures,
// with attribution), printed as text or JSON.
import { TranscaspianError } from '../errors.js';
import type { Measure } from '../measures/types.js';
import type { Network } from '../network/network.js';
import { comparisonJson, comparisonText } from '../report/scenario-text.js';
import { runScenario } from '../simulate/scenario.js';
import type { ScenarioFlags } from './args.js';

/** What one before/after scenario run needs: the checked scenario flags, the network and the measures. */
export interface ScenarioRun extends ScenarioFlags {
  readonly network: Network;
  readonly measures: readonly Measure[];
}

/**
 * The output of `simulate` for a scenario (`runScenario`: comparison, and attribution when there are
 * measures), or `null` when the trip has no route. An attribution that cannot be computed fails the
 * command (a `TranscaspianError` with its message) rather than print a result without it; one skipped
 * for more than 10 measures is said so in the text and in JSON (`attribution: null`, `attributionSkipped`).
 */
export function simulateScenario(s: ScenarioRun): { text: string; json: Record<string, unknown> } | null {
  const options = {
    origin: s.origin,
    destination: s.destination,
    profile: s.profile,
    runs: s.runs,
    seed: s.seed,
    policy: s.policy,
    ...(s.withinDays !== undefined ? { withinDays: s.withinDays } : {}),
    ...(s.avoid !== undefined ? { avoid: s.avoid } : {}),
    ...(s.volume !== undefined ? { volume: s.volume } : {}),
    ...(s.congestion !== undefined ? { congestion: s.congestion } : {}),
    ...(s.regime !== undefined ? { regime: s.regime } : {}),
  };
  const { comparison, attribution, attributionError, attributionSkipped, warnings } = runScenario(s.network, s.measures, options);
  if (comparison === null) return null;
  if (attributionError !== undefined) throw new TranscaspianError('invalid_argument', attributionError);
  const text = [...warnings.map((w) => `warning: ${w}`), comparisonText(s.network, comparison, attribution)].join('\n');
  const json = { ...(warnings.length > 0 ? { warnings } : {}), ...comparisonJson(comparison, attribution) };
  if (attributionSkipped === undefined) return { text, json };
  return { text: `${text}\n\n  Note: ${attributionSkipped}.`, json: { ...json, attribution: null, attributionSkipped } };
}
