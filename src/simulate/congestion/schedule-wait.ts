// The wait to be carried by a ferry or feeder that sails on its schedule (no fleet): a bulk-service
// queue. Departures follow the headway; each that weather does not cancel takes one vessel load,
// first come first served, splitting the consignment that does not fit. Work left behind after a
// call obeys the embedded chain Q' = max(Q + A − K, 0): A the vessel shares arriving over a headway
// (compound Poisson, mixed over the headway), K one load (0 when cancelled). Its stationary
// distribution, found by iterating the chain on a grid of shares, gives for a consignment arriving
// at a random time (Poisson arrivals see time averages) the work ahead of it: Q, plus what arrived
// since the last call (over the headway's age, the equilibrium distribution of the headway), plus
// its own share. It leaves on call ⌈work / load⌉: the calls before are "rolled" sailings, each
// costing one headway (and the cancellations in it). The first call's wait — the residual headway
// and its cancellations — stays the departure-wait part it always was; this adds the rolled part.
import { expectedDepartureWaitHours, meanOf } from '../../network/distribution.js';
import type { WaitTable } from '../../route/expand.js';
import { convolve, latticeOf } from './lattice.js';
import { serviceUtilisation, type ServiceLoad } from './load.js';
import { latticeWaitTable, zeroTable } from './table.js';

/** Grid points per mean headway (the time grid of headways, ages and rolled waits). */
const HEADWAY_POINTS = 48;
/** Largest grid of vessel shares per load (shares of other sizes are rounded to it: at most 1/120 of a load off). */
const MAX_GRID = 60;
/** Probability mass dropped from the chain's tail per step; convergence when a step moves less than this (L1). */
const CHAIN_TAIL = 1e-14;
const CHAIN_TOLERANCE = 1e-10;
const MAX_ITERATIONS = 200_000;
/** Products per step of the chain, at most (about); and the coarsest grid of shares it may use. */
const CHAIN_WORK = 1 << 16;
const MIN_GRID = 6;
/** Largest time grid of the rolled sailings' wait. */
const ROLLED_POINTS = 4096;

/** The modelled wait at a scheduled service. */
export interface ScheduleWait {
  /** Vessel shares arriving over shares carried: Σ λ s E[H] / (1 − c). */
  readonly utilisation: number;
  /** Mean wait from joining to the departure of the last part (hours): residual headway, cancellations, rolled sailings; null when unstable. */
  readonly meanWaitHours: number | null;
  /** The rolled sailings' wait, as the Monte Carlo draws it; null when unstable. */
  readonly rolled: WaitTable | null;
}

/**
 * Grid points per vessel load and each flow's share in points: exact when every share is a
 * multiple of 1/G for some G ≤ `MAX_GRID`, else rounded on a grid of `MAX_GRID` (at least 1 point).
 */
function shareGrid(shares: readonly number[]): { grid: number; points: number[] } {
  for (let g = 1; g <= MAX_GRID; g++) {
    if (shares.every((s) => Math.abs(s * g - Math.round(s * g)) < 1e-9 && Math.round(s * g) >= 1)) return { grid: g, points: shares.map((s) => Math.round(s * g)) };
  }
  return { grid: MAX_GRID, points: shares.map((s) => Math.max(1, Math.round(s * MAX_GRID))) };
}

/**
 * The compound Poisson distribution of grid points arriving over `hours` (flow i: rate `rates[i]`
 * per hour, `points[i]` each), by Panjer's recursion; over long spans by doubling, so that e^(−Λt)
 * never underflows.
 */
function compoundPoisson(rates: readonly number[], points: readonly number[], hours: number): Float64Array {
  let total = 0;
  for (const r of rates) total += r * hours;
  if (total > 500) {
    const half = compoundPoisson(rates, points, hours / 2);
    return convolve(half, half, CHAIN_TAIL);
  }
  const out: number[] = [Math.exp(-total)];
  let cumulative = out[0]!;
  for (let n = 1; cumulative < 1 - CHAIN_TAIL && n < 1e6; n++) {
    let g = 0;
    for (let f = 0; f < rates.length; f++) {
      const k = points[f]!;
      if (k <= n) g += rates[f]! * hours * k * out[n - k]!;
    }
    g /= n;
    out.push(g);
    cumulative += g;
  }
  return Float64Array.from(out);
}

/** Σ_k weights[k] · compoundPoisson(over times[k]). */
function mixedArrivals(rates: readonly number[], points: readonly number[], times: readonly number[], weights: readonly number[]): Float64Array {
  let out = new Float64Array(1);
  for (let k = 0; k < times.length; k++) {
    const w = weights[k]!;
    if (w <= 0) continue;
    const p = compoundPoisson(rates, points, times[k]!);
    if (p.length > out.length) {
      const grown = new Float64Array(p.length);
      grown.set(out);
      out = grown;
    }
    for (let j = 0; j < p.length; j++) out[j]! += w * p[j]!;
  }
  return out;
}

/** One step of the chain: π ⊛ a, then a load of `grid` points leaves (unless the call is cancelled, probability `c`). */
function chainStep(pi: Float64Array, a: Float64Array, grid: number, c: number): Float64Array {
  const next = convolve(pi, a, CHAIN_TAIL);
  const out = new Float64Array(next.length);
  for (let j = 0; j < next.length; j++) {
    out[j]! += c * next[j]!;
    out[Math.max(0, j - grid)]! += (1 - c) * next[j]!;
  }
  return out;
}

/**
 * The diffusion approximation of the work left after a call: an exponential tail of rate
 * 2 |E[X]| / Var[X] per grid point for the net input X = A − K; 0 when the drift is not negative.
 */
function diffusionRate(a: Float64Array, grid: number, c: number): number {
  let m1 = 0;
  let m2 = 0;
  for (let k = 0; k < a.length; k++) {
    m1 += k * a[k]!;
    m2 += k * k * a[k]!;
  }
  const drift = m1 - (1 - c) * grid;
  const variance = m2 - m1 * m1 + c * (1 - c) * grid * grid;
  return drift < 0 && variance > 0 ? (-2 * drift) / variance : 0;
}

/**
 * `mass` on a grid `scale` (< 1) times as fine: point k goes to k·scale, split between the two
 * nearest points of the new grid so that the mean is kept.
 */
function coarser(mass: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(Math.floor((mass.length - 1) * scale) + 2);
  for (let k = 0; k < mass.length; k++) {
    const x = k * scale;
    const lo = Math.floor(x);
    const w = x - lo;
    out[lo]! += (1 - w) * mass[k]!;
    out[lo + 1]! += w * mass[k]!;
  }
  return trimmedTail(out);
}

/** `mass` without its trailing zeros. */
function trimmedTail(mass: Float64Array): Float64Array {
  let end = mass.length;
  while (end > 1 && mass[end - 1] === 0) end--;
  return end === mass.length ? mass : mass.slice(0, end);
}

/**
 * The stationary distribution of the work left after a call (grid points), or null when it does not
 * settle. It starts from the diffusion approximation, so near capacity the iteration has less to do.
 */
function stationaryLeftover(a: Float64Array, grid: number, c: number): Float64Array | null {
  const rate = diffusionRate(a, grid, c);
  let pi: Float64Array = Float64Array.of(1);
  if (rate > 0) {
    const n = Math.min(1 << 16, Math.ceil(30 / rate) + 1);
    pi = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) total += pi[k] = Math.exp(-rate * k);
    for (let k = 0; k < n; k++) pi[k]! /= total;
  }
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const next = chainStep(pi, a, grid, c);
    let diff = 0;
    for (let j = 0; j < next.length; j++) diff += Math.abs(next[j]! - (pi[j] ?? 0));
    for (let j = next.length; j < pi.length; j++) diff += pi[j]!;
    pi = next;
    if (diff < CHAIN_TOLERANCE) return pi;
  }
  return null;
}

/**
 * The wait at a scheduled service under `load`. Unstable (utilisation ≥ 1, or a chain that never
 * settles) gives nulls.
 */
export function scheduleWait(load: ServiceLoad): ScheduleWait {
  const spec = load.service.spec;
  const headway = load.service.headway;
  const c = spec.cancellationProbability;
  const meanH = meanOf(headway);
  const limited = load.arrivals.filter((a) => a.share > 0 && a.perHour > 0);
  const utilisation = serviceUtilisation(load);
  const first = expectedDepartureWaitHours(headway, c);
  // No capacity limit in the units that arrive: nothing is rolled.
  if (limited.length === 0) return { utilisation, meanWaitHours: first, rolled: zeroTable() };
  const unstable = { utilisation, meanWaitHours: null, rolled: null };
  if (utilisation >= 1) return unstable;
  const { grid: exactGrid, points } = shareGrid(limited.map((a) => a.share));
  const rates = limited.map((a) => a.perHour);
  const step = meanH / HEADWAY_POINTS;
  const h = latticeOf(headway, step).mass;
  // Arrivals over a headway (for the chain) and over its age (for an arrival at a random time): the
  // age has density P(H > x) / E[H], here per grid cell around its midpoint.
  const times: number[] = [];
  for (let k = 0; k < h.length; k++) times.push(k * step);
  const a = mixedArrivals(rates, points, times, Array.from(h));
  const ageTimes: number[] = [];
  const ageWeights: number[] = [];
  let above = 1;
  for (let k = 0; k < h.length; k++) {
    // The age cell [kδ, (k + 1)δ) at its midpoint: P(H > (k + ½)δ), the mass up to and at kδ gone.
    above -= h[k]!;
    ageWeights.push(Math.max(0, above) * step);
    ageTimes.push((k + 0.5) * step);
  }
  let ageTotal = 0;
  for (const w of ageWeights) ageTotal += w;
  const aAge = mixedArrivals(
    rates,
    points,
    ageTimes,
    ageWeights.map((w) => w / ageTotal),
  );
  let own: Float64Array = new Float64Array(Math.max(...points) + 1);
  let limitedRate = 0;
  for (const r of rates) limitedRate += r;
  limited.forEach((x, i) => (own[points[i]!]! += x.perHour / limitedRate));
  // Near capacity the leftover's support grows as 1 / (1 − ρ) and the iterations as 1 / (1 − ρ)²:
  // the chain then runs on a coarser grid of shares (the mean of every input kept), so that one
  // step costs at most about `CHAIN_WORK` products.
  let grid = exactGrid;
  let arrivals: Float64Array = a;
  let arrivalsSinceCall: Float64Array = aAge;
  const rate = diffusionRate(a, grid, c);
  const support = rate > 0 ? Math.min(1 << 16, 30 / rate) : a.length;
  const scale = Math.min(1, Math.sqrt(CHAIN_WORK / (support * a.length)));
  if (scale < 1) {
    grid = Math.max(MIN_GRID, Math.round(exactGrid * scale));
    const f = grid / exactGrid;
    arrivals = coarser(a, f);
    arrivalsSinceCall = coarser(aAge, f);
    own = coarser(own, f);
  }
  const leftover = stationaryLeftover(arrivals, grid, c);
  if (leftover === null) return unstable;
  // Work ahead of an arriving consignment at the next call, its own share included.
  const ahead = convolve(convolve(leftover, arrivalsSinceCall, CHAIN_TAIL), own, CHAIN_TAIL);
  // Rolled sailings R = ⌈work / load⌉ − 1.
  const rolledCount: number[] = [];
  for (let t = 1; t < ahead.length; t++) {
    const r = Math.floor((t - 1) / grid);
    rolledCount[r] = (rolledCount[r] ?? 0) + ahead[t]!;
  }
  // Each rolled sailing costs the gap to the next call that sails: J headways, J geometric. Many
  // rolled sailings make long sums: on a coarser time grid then, so that the largest sum has at
  // most ~`ROLLED_POINTS` points.
  const rMax = rolledCount.length - 1;
  const hSpan = h.length * step;
  const rolledStep = Math.max(step, (rMax * 2 * hSpan) / ROLLED_POINTS);
  const hr = rolledStep === step ? h : latticeOf(headway, rolledStep).mass;
  let gap = new Float64Array(0);
  let hj = hr;
  for (let j = 1, pj = 1 - c; pj > 1e-13; j++, pj *= c) {
    if (hj.length > gap.length) {
      const grown = new Float64Array(hj.length);
      grown.set(gap);
      gap = grown;
    }
    for (let k = 0; k < hj.length; k++) gap[k]! += pj * hj[k]!;
    if (c === 0) break;
    hj = convolve(hj, hr, CHAIN_TAIL);
  }
  let positive = new Float64Array(0);
  let sum: Float64Array = gap;
  let remaining = 1 - (rolledCount[0] ?? 0);
  for (let r = 1; r < rolledCount.length && remaining > 1e-13; r++) {
    const pr = rolledCount[r] ?? 0;
    if (pr > 0) {
      if (sum.length > positive.length) {
        const grown = new Float64Array(sum.length);
        grown.set(positive);
        positive = grown;
      }
      for (let k = 0; k < sum.length; k++) positive[k]! += pr * sum[k]!;
      remaining -= pr;
    }
    sum = convolve(sum, gap, CHAIN_TAIL);
  }
  const rolled = positive.length === 0 ? zeroTable() : latticeWaitTable(rolledCount[0] ?? 0, { step: rolledStep, mass: positive });
  return { utilisation, meanWaitHours: first + rolled.meanHours, rolled };
}
