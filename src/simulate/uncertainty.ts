// Two levels of uncertainty (DESIGN §12). Outer: the uncertain inputs — measure parameters and the
// network's ranged figures — drawn from their plausible ranges by a Latin hypercube. Inner: each
// draw's before/after comparison on common random numbers (the scenario's seed, so the draws differ
// only by their inputs). The effect's spread over the draws is the headline uncertainty; the inner
// Monte Carlo error is reported beside it, and a first-order variance-based (Sobol) ranking says
// which inputs the effect's spread comes from. The inner comparisons are the scenario runner's
// (scenario.ts passes them in), so this file orchestrates draws, not simulations.
import { quantileSorted } from 'd3-array';
import { InvalidArgumentError, TranscaspianError } from '../errors.js';
import type { Measure } from '../measures/types.js';
import type { Network } from '../network/network.js';
import { firstOrderIndices, noiseThreshold } from '../stats/first-order.js';
import type { Comparison } from './compare.js';
import { hypercubeColumn } from './latin-hypercube.js';
import { ElementStream } from './random.js';
import { allInputs, drawScenario, inputValue, publicInput, type UncertainInput } from './uncertain-inputs.js';

/** Settings of the two-level simulation (`runScenario(…, { uncertainty })`). */
export interface UncertaintySettings {
  /** Outer draws of the Latin hypercube, an integer from 4 to 100,000 (default 64). */
  readonly draws?: number;
  /** Inner runs per draw (default: the scenario's `runs`). */
  readonly runs?: number;
  /** Which inputs are drawn: `all` (default), `measures` (parameters only) or `figures` (the network's ranged figures only). */
  readonly inputs?: 'all' | 'measures' | 'figures';
  /** Called before each draw, counting from 1. */
  readonly onDraw?: (draw: number, draws: number) => void;
}

/** The distribution of an effect (hours, after − before) over the parameter draws. */
export interface EffectDistribution {
  /** Median over the draws with a route. */
  readonly median: number;
  /** 5th percentile: 90% of the draws lie between `low` and `high`. */
  readonly low: number;
  /** 95th percentile. */
  readonly high: number;
  readonly mean: number;
}

/** One input's share of the effect's variance. */
export interface InputSensitivity {
  readonly input: UncertainInput;
  /** First-order (main-effect) index, Var(E[effect | input]) / Var(effect); about 0 to 1 (noise may make it slightly negative). */
  readonly firstOrder: number;
}

/** The result of the two-level simulation. */
export interface Uncertainty {
  /** Outer draws made, and how many gave an effect (the others are in `failed`). */
  readonly draws: number;
  readonly evaluated: number;
  /** Draws without an effect: no route before or after, or a drawn package that does not fit. */
  readonly failed: readonly { readonly draw: number; readonly reason: string }[];
  /** Inner runs per draw, and the seed they share (common random numbers across draws). */
  readonly runs: number;
  readonly seed: number;
  /** The inputs drawn, in design-column order. */
  readonly inputs: readonly UncertainInput[];
  /** Per draw (NaN for a failed draw): the paired change in mean, p50 and p90 hours (after − before). */
  readonly meanHours: Float64Array;
  readonly p50Hours: Float64Array;
  readonly p90Hours: Float64Array;
  /** The input values of each draw: `values[k][i]` is input k in draw i. */
  readonly values: readonly Float64Array[];
  /** The effect over the draws: the headline (median, and the 90% band of the parameter draws). */
  readonly effect: { readonly meanHours: EffectDistribution; readonly p50Hours: EffectDistribution; readonly p90Hours: EffectDistribution };
  /**
   * Monte Carlo error beside it: `innerHalfWidthHours`, the median over draws of the 95% half-width
   * of each draw's paired mean change (the inner runs); `outerMedianHalfWidthHours`, the 95%
   * half-width of the median effect from resampling the draws (too few outer draws).
   */
  readonly monteCarlo: { readonly innerHalfWidthHours: number; readonly outerMedianHalfWidthHours: number };
  /**
   * Which inputs the mean effect's spread comes from: first-order indices (`firstOrderIndices`, from
   * the same draws), largest first, with the estimator's `noise` (an index within about 2 × noise of
   * 0 is indistinguishable from 0). Absent with fewer than 4 evaluated draws or no spread.
   */
  readonly sensitivity?: {
    readonly rows: readonly InputSensitivity[];
    readonly noise: number;
    readonly bins: number;
    /**
     * The index above which an input stands out from the noise with 95% confidence for this many
     * inputs at once (`noiseThreshold`: the estimator's null distribution, Bonferroni over the
     * inputs); with hundreds of inputs and 64 draws the largest index of inputs that do nothing
     * often reaches 4 × noise by chance.
     */
    readonly threshold: number;
  };
}

/** What the scenario runner gives for one draw: its comparison, or null when the trip has no route. */
export type InnerRun = (network: Network, measures: readonly Measure[], runs: number) => Comparison | null;

function distribution(values: Float64Array): EffectDistribution {
  const ok = Float64Array.from(values.filter(Number.isFinite)).sort();
  const q = (p: number): number => quantileSorted(ok as unknown as number[], p) ?? NaN;
  let sum = 0;
  for (const v of ok) sum += v;
  return { median: q(0.5), low: q(0.05), high: q(0.95), mean: ok.length > 0 ? sum / ok.length : NaN };
}

/** 95% half-width of the median of `values` by a seeded bootstrap over the draws (200 resamples). */
function medianHalfWidth(values: Float64Array, seed: number): number {
  const ok = values.filter(Number.isFinite);
  const n = ok.length;
  if (n < 2) return NaN;
  const stream = new ElementStream(seed, 'uncertainty|bootstrap');
  const resamples = 200;
  const medians = new Float64Array(resamples);
  const x = new Float64Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < n; k++) x[k] = ok[Math.floor(stream.uniform(r, k) * n)]!;
    x.sort();
    medians[r] = quantileSorted(x as unknown as number[], 0.5)!;
  }
  medians.sort();
  const lo = quantileSorted(medians as unknown as number[], 0.025)!;
  const hi = quantileSorted(medians as unknown as number[], 0.975)!;
  return (hi - lo) / 2;
}

/** Check the settings; returns them with defaults. */
export function checkUncertaintySettings(settings: UncertaintySettings, runs: number): { draws: number; runs: number; inputs: 'all' | 'measures' | 'figures' } {
  if (typeof settings !== 'object' || settings === null) throw new InvalidArgumentError('uncertainty', settings, 'an object { draws?, runs?, inputs? }');
  const { draws = 64, inputs = 'all' } = settings;
  if (!Number.isInteger(draws) || draws < 4 || draws > 100_000) throw new InvalidArgumentError('uncertainty.draws', draws, 'an integer from 4 to 100,000');
  const inner = settings.runs ?? runs;
  if (!Number.isInteger(inner) || inner < 2 || inner > 1e8) throw new InvalidArgumentError('uncertainty.runs', settings.runs, 'an integer from 2 to 100,000,000');
  if (inputs !== 'all' && inputs !== 'measures' && inputs !== 'figures') throw new InvalidArgumentError('uncertainty.inputs', inputs, '"all", "measures" or "figures"');
  return { draws, runs: inner, inputs };
}

/**
 * The two-level simulation of `measures` on `network`: `draws` points of a Latin hypercube over the
 * uncertain inputs (`uncertainInputs`), each turned into a network and a package (`drawScenario`) and
 * compared by `inner` with the same seed. Returns `null` when there is no uncertain input.
 */
export function twoLevel(network: Network, measures: readonly Measure[], seed: number, settings: UncertaintySettings, defaultRuns: number, inner: InnerRun): Uncertainty | null {
  const s = checkUncertaintySettings(settings, defaultRuns);
  const inputs = allInputs(network, measures).filter((x) => s.inputs === 'all' || (s.inputs === 'measures') === (x.kind === 'parameter'));
  if (inputs.length === 0) return null;
  const n = s.draws;
  const columns = inputs.map((x) => hypercubeColumn(seed, x.id, n));
  const values = inputs.map((x, k) => columns[k]!.units.map((u) => inputValue(x, u)));
  const meanHours = new Float64Array(n).fill(NaN);
  const p50Hours = new Float64Array(n).fill(NaN);
  const p90Hours = new Float64Array(n).fill(NaN);
  const halfWidths: number[] = [];
  const failed: { draw: number; reason: string }[] = [];
  const row = new Float64Array(inputs.length);
  for (let i = 0; i < n; i++) {
    settings.onDraw?.(i + 1, n);
    for (let k = 0; k < inputs.length; k++) row[k] = values[k]![i]!;
    let c: Comparison | null;
    try {
      const drawn = drawScenario(network, measures, inputs, row);
      c = inner(drawn.network, drawn.measures, s.runs);
    } catch (e) {
      if (!(e instanceof TranscaspianError)) throw e;
      failed.push({ draw: i, reason: e.message });
      continue;
    }
    if (c === null) {
      failed.push({ draw: i, reason: 'no route before or after' });
      continue;
    }
    const d = c.difference;
    meanHours[i] = d.meanHours.estimate;
    p50Hours[i] = d.p50Hours.estimate;
    p90Hours[i] = d.p90Hours.estimate;
    // The mean's interval has ends from 2 runs on (the draws' minimum); kept general all the same.
    if (d.meanHours.high !== null && d.meanHours.low !== null) halfWidths.push((d.meanHours.high - d.meanHours.low) / 2);
  }
  const evaluated = n - failed.length;
  halfWidths.sort((a, b) => a - b);
  const publicInputs = inputs.map(publicInput);
  let sensitivity: Uncertainty['sensitivity'];
  if (evaluated >= 4) {
    const fo = firstOrderIndices(meanHours, columns.map((c) => c.strata));
    if (fo.indices.some((x) => x !== 0)) {
      const rows = publicInputs.map((input, k) => ({ input, firstOrder: fo.indices[k]! })).sort((a, b) => b.firstOrder - a.firstOrder);
      sensitivity = { rows, noise: fo.noise, bins: fo.bins, threshold: noiseThreshold(evaluated, fo.bins, inputs.length) };
    }
  }
  return {
    draws: n,
    evaluated,
    failed,
    runs: s.runs,
    seed,
    inputs: publicInputs,
    meanHours,
    p50Hours,
    p90Hours,
    values,
    effect: { meanHours: distribution(meanHours), p50Hours: distribution(p50Hours), p90Hours: distribution(p90Hours) },
    monteCarlo: {
      innerHalfWidthHours: halfWidths.length > 0 ? quantileSorted(halfWidths, 0.5)! : NaN,
      outerMedianHalfWidthHours: medianHalfWidth(meanHours, seed),
    },
    ...(sensitivity !== undefined ? { sensitivity } : {}),
  };
}
