// Wait distributions as quantile tables: the form in which the Monte Carlo draws a modelled wait (one
// inverse-CDF lookup per draw, kernel kind TABLE). Knots at u = i/K are joined linearly; above the
// last knot an exponential tail keeps the quantile finite for every u < 1 and monotone, so a table of
// a stochastically smaller wait gives a pointwise smaller draw on common random numbers.
import type { WaitTable } from '../../route/expand.js';
import type { Lattice } from './lattice.js';

/** Knots per table. */
export const TABLE_KNOTS = 1024;

/** The u-quantile of a table, u in (0, 1). */
export function tableQuantile(t: WaitTable, u: number): number {
  const k = t.knots;
  const n = k.length;
  const s = u * n;
  const i = s | 0;
  if (i < n - 1) return k[i]! + (s - i) * (k[i + 1]! - k[i]!);
  // Above the last knot: P(U > u | U > (n − 1)/n) = n(1 − u), so −ln(n(1 − u)) is Exp(1).
  return k[n - 1]! - t.tailHours * Math.log(n * (1 - u));
}

/** The exact mean of what `tableQuantile` draws. */
function meanOfKnots(knots: Float64Array, tailHours: number): number {
  const n = knots.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) s += (knots[i]! + knots[i + 1]!) / 2;
  return (s + knots[n - 1]! + tailHours) / n;
}

function table(knots: Float64Array, tailHours: number): WaitTable {
  return Object.freeze({ knots, tailHours, meanHours: meanOfKnots(knots, tailHours) });
}

/** A wait that is always 0. */
export function zeroTable(): WaitTable {
  return table(new Float64Array(TABLE_KNOTS), 0);
}

/**
 * A wait that is 0 with probability 1 − `pWait` and otherwise exponential with mean `meanIfWaitHours`
 * (the M/G/c form: Erlang C's probability of waiting, an exponential conditional wait).
 */
export function exponentialWaitTable(pWait: number, meanIfWaitHours: number): WaitTable {
  const knots = new Float64Array(TABLE_KNOTS);
  if (!(pWait > 0) || !(meanIfWaitHours > 0)) return table(knots, 0);
  const p = Math.min(1, pWait);
  for (let i = 0; i < TABLE_KNOTS; i++) {
    const u = i / TABLE_KNOTS;
    knots[i] = u <= 1 - p ? 0 : meanIfWaitHours * Math.log(p / (1 - u));
  }
  // An exponential's excess over any point is the same exponential (when the last knot waits).
  return table(knots, knots[TABLE_KNOTS - 1]! > 0 ? meanIfWaitHours : meanIfWaitHours * p * TABLE_KNOTS);
}

/**
 * A wait that is 0 with probability `zero` and otherwise has the lattice distribution `positive`
 * (masses summing to 1 − `zero`, each spread evenly over its grid cell (k ± ½)·step, the cell at 0
 * over [0, ½·step]).
 */
export function latticeWaitTable(zero: number, positive: Lattice): WaitTable {
  const { step, mass } = positive;
  const knots = new Float64Array(TABLE_KNOTS);
  // Cumulative probability at each cell's upper end; cells in order.
  let cell = 0;
  let below = zero;
  const lower = (k: number): number => (k === 0 ? 0 : (k - 0.5) * step);
  const upper = (k: number): number => (k + 0.5) * step;
  for (let i = 0; i < TABLE_KNOTS; i++) {
    const u = i / TABLE_KNOTS;
    if (u <= zero) continue;
    while (cell < mass.length - 1 && below + mass[cell]! < u) below += mass[cell++]!;
    const m = mass[cell]!;
    const f = m > 0 ? Math.min(1, Math.max(0, (u - below) / m)) : 1;
    knots[i] = lower(cell) + f * (upper(cell) - lower(cell));
  }
  // Mean excess over the last knot, from the cells above it (evenly spread mass).
  const q = knots[TABLE_KNOTS - 1]!;
  let m0 = 0;
  let m1 = 0;
  for (let k = 0; k < mass.length; k++) {
    const a = Math.max(lower(k), q);
    const b = upper(k);
    if (b <= q || mass[k] === 0) continue;
    const share = (b - a) / (b - lower(k));
    m0 += mass[k]! * share;
    m1 += mass[k]! * share * ((a + b) / 2 - q);
  }
  return table(knots, m0 > 0 ? m1 / m0 : 0);
}

/** The empirical distribution of `sorted` (ascending, at least one value) as a table. */
export function sampleWaitTable(sorted: Float64Array): WaitTable {
  const n = sorted.length;
  const knots = new Float64Array(TABLE_KNOTS);
  for (let i = 0; i < TABLE_KNOTS; i++) {
    const x = (i / TABLE_KNOTS) * (n - 1);
    const j = Math.floor(x);
    knots[i] = j + 1 < n ? sorted[j]! + (x - j) * (sorted[j + 1]! - sorted[j]!) : sorted[n - 1]!;
  }
  const q = knots[TABLE_KNOTS - 1]!;
  let count = 0;
  let excess = 0;
  for (let j = n - 1; j >= 0 && sorted[j]! > q; j--) {
    count++;
    excess += sorted[j]! - q;
  }
  return table(knots, count > 0 ? excess / count : 0);
}
