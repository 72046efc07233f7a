// Money as Monte Carlo gives it: beside each run's transit time, the run's money. Tariffs and charges
// at nodes do not depend on time and are the same in every run of a route; charges per hour follow
// the run's sampled hours. Per country and category, the charges per hour follow each country's mean
// sampled hours. Under the `adaptive` policy the fixed part is the share-weighted mean of the routes
// taken (runs are not matched to their routes), so the spread omits what switching routes adds.
import { fsum } from 'd3-array';
import type { Network } from '../network/network.js';
import { resolveProfile } from '../network/network.js';
import type { ProfileSpec } from '../network/types.js';
import { requireSimulation } from '../simulate/check-results.js';
import type { SimulationResult } from '../simulate/montecarlo.js';
import { summarize } from '../stats/summary.js';
import { assembleCost, hourlyRate, pathCostItems, tablesFor, type CategoryUsd, type CostItem, type CostOptions, type CountryUsd } from './route-cost.js';

/** A summary of money samples, USD. */
export interface UsdSummary {
  readonly runs: number;
  readonly meanUsd: number;
  readonly sdUsd: number;
  readonly p5Usd: number;
  readonly p50Usd: number;
  readonly p90Usd: number;
  readonly p95Usd: number;
  readonly p99Usd: number;
  readonly minUsd: number;
  readonly maxUsd: number;
}

/** The money of a simulated trip: per run, and its means by country and category. */
export interface CostDistribution {
  readonly profile: string;
  readonly teu: number;
  /** Tariffs and charges per consignment (the same in every run of a route). */
  readonly fixedUsd: number;
  /** Charges per hour in transit per consignment. */
  readonly usdPerHour: number;
  /** Money per consignment of each run, in run order: `fixedUsd + usdPerHour × hours of the run`. */
  readonly samples: Float64Array;
  /** Per consignment. */
  readonly summary: UsdSummary;
  /** `summary.meanUsd / teu`. */
  readonly meanUsdPerTeu: number;
  /** Mean items: the fixed items and `equipment` per country at its mean sampled hours. */
  readonly items: readonly CostItem[];
  /** Mean money per country (or body of water) and category; they add up to the mean. */
  readonly byCountry: readonly CountryUsd[];
  readonly byCategory: CategoryUsd;
}

/** Summarise money samples (R-7 quantiles, as for hours). */
export function summarizeUsd(samples: Float64Array): UsdSummary {
  const s = summarize(samples);
  return {
    runs: s.runs,
    meanUsd: s.meanHours,
    sdUsd: s.sdHours,
    p5Usd: s.p5Hours,
    p50Usd: s.p50Hours,
    p90Usd: s.p90Hours,
    p95Usd: s.p95Hours,
    p99Usd: s.p99Hours,
    minUsd: s.minHours,
    maxUsd: s.maxHours,
  };
}

/** The fixed items of a simulation: its route's, or the routes' weighted by their share of runs. */
function fixedItems(network: Network, result: SimulationResult, profile: ProfileSpec, options: CostOptions): CostItem[] {
  const tables = tablesFor(network, options);
  if (result.routes.length <= 1) return pathCostItems(network, result.route.links, profile, tables);
  return result.routes.flatMap((r) =>
    pathCostItems(network, r.links, profile, tables).map((it) => ({
      ...it,
      usd: it.usd * r.share,
      ...(it.range !== undefined ? { range: [it.range[0] * r.share, it.range[1] * r.share] as const } : {}),
    })),
  );
}

/**
 * Money per consignment for every run of a simulation: the route's tariffs and charges (the same in
 * every run) plus its charges per hour × the run's sampled hours, summarised like hours, and the
 * mean per country and category (charges per hour at each country's mean sampled hours). Add it to
 * a `SimulationResult` or either side of a `Comparison`.
 */
export function simulationCost(network: Network, result: SimulationResult, options: CostOptions & { readonly profile?: string | ProfileSpec } = {}): CostDistribution {
  const tables = tablesFor(network, options);
  requireSimulation(result);
  const profile = resolveProfile(network, options.profile ?? result.profile);
  const fixed = fixedItems(network, result, profile, { costs: tables });
  const rate = hourlyRate(profile, tables);
  const mean = assembleCost(profile, fixed, rate, result.byCountry.map((c) => ({ country: c.country, hours: c.hours })));
  const fixedUsd = fsum(fixed, (i) => i.usd);
  const samples = new Float64Array(result.samples.length);
  for (let i = 0; i < samples.length; i++) samples[i] = fixedUsd + rate.usd * result.samples[i]!;
  const summary = summarizeUsd(samples);
  return {
    profile: profile.id,
    teu: mean.teu,
    fixedUsd,
    usdPerHour: rate.usd,
    samples,
    summary,
    meanUsdPerTeu: summary.meanUsd / mean.teu,
    items: mean.items,
    byCountry: mean.byCountry,
    byCategory: mean.byCategory,
  };
}
