// `transcaspian simulate`: one scenario (before/after Monte Carlo of a trip under a set of measures,
// with attribution and, unless --draws 0, the effect under uncertain inputs), printed as text or JSON.
import { TranscaspianError } from '../errors.js';
import type { Measure } from '../measures/types.js';
import type { Network } from '../network/network.js';
import { scenarioJson, scenarioText } from '../report/scenario-text.js';
import { runScenario } from '../simulate/scenario.js';
import { compareOptionsFrom, uncertaintyFrom, type ScenarioFlags } from './args.js';

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
  const { network, measures, ...flags } = s;
  const uncertainty = uncertaintyFrom(flags);
  const scenario = runScenario(network, measures, compareOptionsFrom(flags), uncertainty !== undefined ? { uncertainty } : {});
  if (scenario.comparison === null) return null;
  if (scenario.attributionError !== undefined) throw new TranscaspianError('invalid_argument', scenario.attributionError);
  return { text: scenarioText(network, scenario), json: scenarioJson(scenario) };
}
