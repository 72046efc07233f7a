// First-order (main-effect) variance-based sensitivity from one Latin hypercube design: for each
// input, the share of the output's variance explained by that input alone, S = Var(E[Y | X]) / Var(Y)
// (Sobol's first-order index), estimated by the correlation ratio over the design's strata of that
// input (McKay, "Evaluating prediction uncertainty", NUREG/CR-6311, 1995: replicated-LHS estimator;
// here the n draws of one design are grouped into m bins of consecutive strata of the input).
// Every input's index comes from the same n runs, whatever the number of inputs; the price is a
// noise floor: an input that does nothing gets, in expectation, exactly (m − 1)/(n − 1) of the
// variance by chance (the between-bin share of exchangeable values), which is subtracted, and the
// spread left around zero is reported (`noise`, and `noiseThreshold` for many inputs at once) so
// that rankings below it are not read as signal.
import { betaQuantile } from './beta.js';

/** First-order indices of the inputs of one design, with the noise floor of the estimator. */
export interface FirstOrderIndices {
  /** The index of each input (same order as the design's columns); 0 for a constant output. */
  readonly indices: Float64Array;
  /** Bins of consecutive strata used per input. */
  readonly bins: number;
  /**
   * Standard deviation of an index whose input does nothing (the estimator's noise, after the bias
   * correction): an index within about two of these of 0 is indistinguishable from 0.
   */
  readonly noise: number;
}

/**
 * First-order indices of `outputs` (one per draw; non-finite outputs are left out) on `strata`:
 * `strata[k][i]` is the stratum (0 … n − 1) of input k in draw i, as a Latin hypercube gives them.
 * Each input's draws are put in `bins` groups of consecutive strata (default ⌊√n⌋); the index is the
 * between-group share of the output's sum of squares, less its expectation (m − 1)/(n − 1) for an
 * input without effect, rescaled so that an input explaining everything scores 1. The result may be
 * slightly below 0 by chance. Throws `RangeError` for fewer than 4 finite outputs or `bins` out of 2 … n.
 */
export function firstOrderIndices(outputs: ArrayLike<number>, strata: readonly ArrayLike<number>[], bins?: number): FirstOrderIndices {
  const keep: number[] = [];
  for (let i = 0; i < outputs.length; i++) if (Number.isFinite(outputs[i]!)) keep.push(i);
  const n = keep.length;
  if (n < 4) throw new RangeError(`firstOrderIndices: at least 4 finite outputs are needed, received ${n}`);
  const m = bins ?? Math.max(2, Math.floor(Math.sqrt(n)));
  if (!Number.isInteger(m) || m < 2 || m > n) throw new RangeError(`firstOrderIndices: bins must be an integer from 2 to ${n}, received ${String(bins)}`);
  let mean = 0;
  for (const i of keep) mean += outputs[i]!;
  mean /= n;
  let total = 0;
  for (const i of keep) total += (outputs[i]! - mean) ** 2;
  const chance = (m - 1) / (n - 1);
  const indices = new Float64Array(strata.length);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  const size = outputs.length;
  strata.forEach((column, k) => {
    if (total === 0) return;
    sums.fill(0);
    counts.fill(0);
    // Bins of consecutive strata of the full design (n draws); failed draws leave their bin short.
    for (const i of keep) {
      const b = Math.min(m - 1, Math.floor((column[i]! * m) / size));
      sums[b] = sums[b]! + outputs[i]!;
      counts[b] = counts[b]! + 1;
    }
    let between = 0;
    for (let b = 0; b < m; b++) if (counts[b]! > 0) between += counts[b]! * (sums[b]! / counts[b]! - mean) ** 2;
    indices[k] = (between / total - chance) / (1 - chance);
  });
  // Under no effect the between-bin share of n exchangeable values has mean (m − 1)/(n − 1) and
  // variance 2(m − 1)(n − m) / ((n − 1)²(n + 1)) (its beta distribution for normal outputs), rescaled
  // like the indices.
  const noise = Math.sqrt((2 * (m - 1) * (n - m)) / ((n - 1) ** 2 * (n + 1))) / (1 - chance);
  return { indices, bins: m, noise };
}

/**
 * The index above which an input stands out from the noise of `firstOrderIndices` (n finite outputs,
 * m bins) with family-wise confidence 1 − `alpha` over `inputs` inputs (Bonferroni): under no effect
 * and normal outputs the between-bin share is beta((m − 1)/2, (n − m)/2) distributed (the one-way
 * analysis of variance's F, rewritten), whose right tail is heavier than a normal one; its
 * 1 − alpha/inputs quantile, corrected and rescaled like the indices.
 */
export function noiseThreshold(n: number, bins: number, inputs: number, alpha = 0.05): number {
  const chance = (bins - 1) / (n - 1);
  const critical = betaQuantile(1 - alpha / Math.max(1, inputs), (bins - 1) / 2, (n - bins) / 2);
  return (critical - chance) / (1 - chance);
}
