// Which measure matters: exact Shapley values of hours saved over every subset of a package, on
// common random numbers, plus the one-at-a-time views (each measure alone; each removed from the
// full package). Shapley values sum to the whole package's effect by construction. A scenario
// (scenario.ts) has already simulated two of the subsets for its before/after comparison, the empty
// one and the full package, with the same options: `attributeReusing` takes their summaries instead of
// running them again (same seed, same network, so the same numbers).
import { InvalidArgumentError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import type { Measure } from '../measures/types.js';
import type { Network } from '../network/network.js';
import type { Route } from '../route/fastest.js';
import { shapleyValues } from '../stats/shapley.js';
import type { Summary } from '../stats/summary.js';
import { simulate, type SimulateOptions } from './montecarlo.js';


/** The most measures an exact Shapley attribution takes: 2^10 = 1,024 subsets, each one simulation. */
export const MAX_ATTRIBUTED_MEASURES = 10;

/** Hours saved (before − after; positive means faster) in mean and median transit time. */
export interface HoursSaved {
  readonly meanHours: number;
  readonly p50Hours: number;
}

/** One measure's share of the package's effect, three ways. */
export interface MeasureAttribution {
  readonly id: string;
  readonly title: string;
  /** Shapley value: the measure's average marginal saving over every order of adding measures. */
  readonly shapley: HoursSaved;
  /** The measure alone, added to the baseline. */
  readonly alone: HoursSaved;
  /** What is lost when the measure alone is removed from the full package. */
  readonly removed: HoursSaved;
}

/** One subset of the measures, as simulated: its summary and its route on expected times. */
export interface SubsetResult {
  /** The ids of the measures in the subset, in package order. */
  readonly measures: readonly string[];
  readonly summary: Summary;
  readonly route: Route;
}

/** The result of `attribute`. */
export interface Attribution {
  readonly baseline: Summary;
  readonly full: Summary;
  /** The whole package's saving; equals the sum of the Shapley values (to rounding). */
  readonly total: HoursSaved;
  readonly measures: readonly MeasureAttribution[];
  /** Number of measure subsets (2^n), each simulated once with the same seed. */
  readonly subsets: number;
  /**
   * Every subset's result, indexed by bit mask (bit i: the i-th measure): what other Shapley
   * splits are computed from (the appraisal's split of the benefit in money).
   */
  readonly bySubset: readonly SubsetResult[];
}

/** Settings of `attribute` that do not change its result. */
export interface AttributeSettings {
  /** Called before each subset is simulated: `subset` counts from 1 to `subsets` (2^n). */
  readonly onSubset?: (subset: number, subsets: number) => void;
}

/**
 * Summaries (and routes) already simulated with the options of the attribution: the network itself
 * (`baseline`, the empty subset) and with every measure applied in order (`full`).
 */
export interface SimulatedEnds {
  readonly baseline: Summary;
  readonly full: Summary;
  readonly baselineRoute: Route;
  readonly fullRoute: Route;
}

/**
 * Hours saved by each subset of `measures` (index = bit mask), on common random numbers. With
 * `ends`, the empty and the full subset take those summaries instead of being simulated (they are
 * still reported to `onSubset`, in their place).
 */
export function subsetSavings(
  network: Network,
  measures: readonly Measure[],
  options: SimulateOptions,
  settings: AttributeSettings = {},
  ends?: SimulatedEnds,
): { saved: HoursSaved[]; summaries: Summary[]; bySubset: SubsetResult[] } {
  if (!Array.isArray(measures)) throw new InvalidArgumentError('measures', measures, 'an array of measures');
  if (measures.length > MAX_ATTRIBUTED_MEASURES) throw new InvalidArgumentError('measures', measures.length, `at most ${MAX_ATTRIBUTED_MEASURES} measures (2^${MAX_ATTRIBUTED_MEASURES} subsets)`);
  const ids = new Set<string>();
  for (const m of measures) {
    if (typeof m !== 'object' || m === null || typeof m.id !== 'string') throw new InvalidArgumentError('measures', m, 'measures (objects with an id and a transform)');
    if (ids.has(m.id)) throw new InvalidArgumentError('measures', m.id, 'measures with distinct ids');
    ids.add(m.id);
  }
  const n = measures.length;
  const full = (1 << n) - 1;
  const bySubset: SubsetResult[] = [];
  for (let mask = 0; mask <= full; mask++) {
    settings.onSubset?.(mask + 1, full + 1);
    const chosen = measures.filter((_, i) => (mask >> i) & 1);
    const ids = chosen.map((m) => m.id);
    if (ends !== undefined && (mask === 0 || mask === full)) {
      bySubset.push(mask === 0 ? { measures: ids, summary: ends.baseline, route: ends.baselineRoute } : { measures: ids, summary: ends.full, route: ends.fullRoute });
      continue;
    }
    const result = simulate(chosen.length === 0 ? network : applyMeasures(network, chosen), options);
    if (result === null) {
      throw new InvalidArgumentError('measures', ids, 'measures that leave a route for every subset (this subset leaves none)');
    }
    bySubset.push({ measures: ids, summary: result.summary, route: result.route });
  }
  const summaries = bySubset.map((r) => r.summary);
  const base = summaries[0]!;
  const saved = summaries.map((s) => ({ meanHours: base.meanHours - s.meanHours, p50Hours: base.p50Hours - s.p50Hours }));
  return { saved, summaries, bySubset };
}

/**
 * Attribute the hours a package of measures saves to each measure: exact Shapley values over all
 * 2^n subsets (n ≤ 10; measures applied in package order), each simulated with the same seed (common
 * random numbers); they sum to the whole package's saving. Also each measure alone and each removed
 * from the full package. Throws when a subset leaves no route. `settings.onSubset` reports progress.
 */
export function attribute(network: Network, measures: readonly Measure[], options: SimulateOptions, settings: AttributeSettings = {}): Attribution {
  return shapley(network, measures, options, settings);
}

/**
 * `attribute`, reusing the summaries of the empty and the full subset that the caller simulated
 * with the same `options` (a scenario's before/after comparison): 2^n − 2 simulations instead of 2^n,
 * and the same result.
 */
export function attributeReusing(network: Network, measures: readonly Measure[], options: SimulateOptions, ends: SimulatedEnds, settings: AttributeSettings = {}): Attribution {
  return shapley(network, measures, options, settings, ends);
}

function shapley(network: Network, measures: readonly Measure[], options: SimulateOptions, settings: AttributeSettings, ends?: SimulatedEnds): Attribution {
  const { saved, summaries, bySubset } = subsetSavings(network, measures, options, settings, ends);
  const n = measures.length;
  const full = (1 << n) - 1;
  const mean = shapleyValues(n, (mask) => saved[mask]!.meanHours);
  const p50 = shapleyValues(n, (mask) => saved[mask]!.p50Hours);
  const rows = measures.map((m, i) => {
    const without = full & ~(1 << i);
    return {
      id: m.id,
      title: m.title,
      shapley: { meanHours: mean[i]!, p50Hours: p50[i]! },
      alone: saved[1 << i]!,
      removed: { meanHours: saved[full]!.meanHours - saved[without]!.meanHours, p50Hours: saved[full]!.p50Hours - saved[without]!.p50Hours },
    };
  });
  return { baseline: summaries[0]!, full: summaries[full]!, total: saved[full]!, measures: rows, subsets: full + 1, bySubset };
}
