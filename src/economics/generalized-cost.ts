// Generalized cost per TEU of a simulated trip: what the shipper pays, plus what the time costs him
// (value of time × mean hours), plus what the uncertainty costs him (value of reliability × the
// spread of transit time). The quantity shippers weigh, and the corridor choice's utility.
import type { Network } from '../network/network.js';
import type { ProfileSpec } from '../network/types.js';
import type { SimulationResult } from '../simulate/montecarlo.js';
import { simulationCost } from './cost-distribution.js';
import type { CostOptions } from './route-cost.js';
import { reliabilityOf, spreadHours, valueOfTime, type ReliabilityOptions, type SpreadMeasure, type ValueOfTimeOptions } from './value-of-time.js';

/** Options of `generalizedCost`. */
export interface GeneralizedCostOptions extends CostOptions {
  readonly valueOfTime?: ValueOfTimeOptions;
  readonly reliability?: ReliabilityOptions;
  /** The profile (default: the simulation's, by id; give the object for a profile the network does not declare). */
  readonly profile?: string | ProfileSpec;
}

/** Generalized cost per TEU and its parts. */
export interface GeneralizedCost {
  /** Mean money per TEU (tariffs, charges, charges per hour). */
  readonly moneyUsdPerTeu: number;
  /** `valueOfTimeUsdPerTeuHour × meanHours`. */
  readonly timeUsdPerTeu: number;
  /** `valueOfReliabilityUsdPerTeuHour × spreadHours`. */
  readonly reliabilityUsdPerTeu: number;
  /** The sum of the three. */
  readonly usdPerTeu: number;
  readonly meanHours: number;
  readonly spreadHours: number;
  readonly spread: SpreadMeasure;
  readonly valueOfTimeUsdPerTeuHour: number;
  readonly valueOfReliabilityUsdPerTeuHour: number;
}

/**
 * Generalized cost per TEU of a simulated trip: mean money per TEU + value of time × mean hours +
 * value of reliability × spread (p90 − p50 by default, or the standard deviation), where the value
 * of reliability is the reliability ratio × the value of time (both per TEU-hour).
 */
export function generalizedCost(network: Network, result: SimulationResult, options: GeneralizedCostOptions = {}): GeneralizedCost {
  const money = simulationCost(network, result, options);
  const vot = valueOfTime(options.valueOfTime).usdPerTeuHour;
  const rel = reliabilityOf(options.reliability);
  const vor = rel.ratio * vot;
  const spread = spreadHours(result.summary, rel.spread);
  const meanHours = result.summary.meanHours;
  const timeUsdPerTeu = vot * meanHours;
  const reliabilityUsdPerTeu = vor * spread;
  return {
    moneyUsdPerTeu: money.meanUsdPerTeu,
    timeUsdPerTeu,
    reliabilityUsdPerTeu,
    usdPerTeu: money.meanUsdPerTeu + timeUsdPerTeu + reliabilityUsdPerTeu,
    meanHours,
    spreadHours: spread,
    spread: rel.spread,
    valueOfTimeUsdPerTeuHour: vot,
    valueOfReliabilityUsdPerTeuHour: vor,
  };
}
