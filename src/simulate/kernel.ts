// The Monte Carlo draw kernel. Each random element of a simulation becomes a row of typed arrays
// (kind, probability, distribution constants, the keys of its draws 0 and 1), and one function
// fills a block of runs for a row with a loop specialised to its kind. Compared with a closure per
// element, the call sites stay monomorphic and the inverse CDF is inlined into the loop, which is
// what the draws cost (bench/RESULTS.md, "Monte Carlo: optimisation history").
//
// The kernel computes exactly what `drawPart` (sample.ts) computes, operation for operation, so
// the two agree bit for bit (test/kernel.test.ts). Empirical distributions and departure waits call
// the distribution's precomputed quantile functions (`quantileFn`, `lengthBiasedFn`) per draw.
import { exp } from './exp.js';
import { lognormalParams, meanOf } from '../network/distribution.js';
import type { PartModel } from '../route/expand.js';
import { A0, A1, A2, A3, A4, A5, B0, B1, B2, B3, B4, C0, C1, C2, C3, C4, C5, D0, D1, D2, D3, P_LOW } from '../stats/normal-quantile.js';
import { ElementStream, unitOf } from './random.js';
import { tableQuantile } from './congestion/table.js';
import { BIASED_TRIANGULAR_SIZE, DRAWN_CANCELLATIONS, biasedTriangularQuantile, cancelledHeadwaysHours, biasedTriangularTable, lengthBiasedFn, quantileFn } from './sample.js';

/** Any distribution, through its quantile function (empirical ones). */
const QUANTILE = 0;
const FIXED = 1;
const UNIFORM = 2;
const TRIANGULAR = 3;
const LOGNORMAL = 4;
const DEPARTURE = 5;
/** A speed restriction drawn from its link's travel (`restriction` models), through the travel's quantile function. */
const RESTRICTION = 6;
/** A quantile table (a modelled wait), `WaitTable`. */
const TABLE = 7;
/** Distribution constants per row. */
const STRIDE = 5;

/** The kernel's element kinds, by number. */
export const KERNEL_KINDS = Object.freeze(['quantile', 'fixed', 'uniform', 'triangular', 'lognormal', 'departure', 'restriction'] as const);

/** One row of the kernel's table (`ElementTable.describe`). */
export interface KernelRow {
  readonly kind: (typeof KERNEL_KINDS)[number];
  readonly probability: number;
  /** The kind's constants (fixed: value; uniform: min, span; triangular: a, b, F(c), b − a, 1 − F(c); lognormal: μ, σ; departure: fixed headway or NaN, cancellation, its log; restriction: limit hours, hours per travel hour). */
  readonly constants: readonly number[];
  /** Where its occurrence band starts in draw 0 of key 0 (> 0 only for a stage instead of another, whose draw 0 is that stage's). */
  readonly from: number;
  /** The keys of draws 0, 1 and 2 (signed 32-bit). */
  readonly keys: readonly [number, number, number];
  /** The element's stream (`drawKey(d)` for the later draws of a departure wait's cancellations). */
  readonly stream: ElementStream;
  readonly model: PartModel;
}

/** The random elements of a simulation, by key, in order of first appearance. */
export class ElementTable {
  /** Element keys, in row order. */
  readonly keys: string[] = [];
  private readonly rowOf = new Map<string, number>();
  private readonly models: PartModel[] = [];
  private readonly seed: number;
  private kind = new Uint8Array(0);
  private probability = new Float64Array(0);
  private constants = new Float64Array(0);
  // Keys as signed 32-bit integers: the same bits as ElementStream's, and they stay small integers
  // in optimised code (a Uint32Array read above 2^31 is a double).
  private key0 = new Int32Array(0);
  private key1 = new Int32Array(0);
  private key2 = new Int32Array(0);
  /** Where a row's occurrence band starts (> 0 only for a stage instead of another: its draw 0 is that stage's). */
  private from = new Float64Array(0);
  /** Per QUANTILE row: the quantile function; per DEPARTURE row: the headway's plain and length-biased ones. */
  private quantile: ((u: number) => number)[] = [];
  private biased: ((u: number) => number)[] = [];
  private streams: ElementStream[] = [];
  /** Length-biased triangular headways' tables (`biasedTriangularTable`), one after another, and each DEPARTURE row's offset in it (-1: none). */
  private biasTables = new Float64Array(0);
  private biasOffset = new Int32Array(0);
  /** Per DEPARTURE row with a lognormal headway: its length-biased lognormal's μ + σ² and σ (NaN otherwise). */
  private headwayMu = new Float64Array(0);
  private headwaySigma = new Float64Array(0);
  /** Per TABLE row: its knots (the tail's mean excess is in `constants`). */
  private knots: Float64Array[] = [];
  private sealed = false;

  constructor(seed: number) {
    this.seed = seed;
  }

  /** Number of rows. */
  get count(): number {
    return this.keys.length;
  }

  /**
   * The row of the element `key`, added (with `model`) on first sight. Parts sharing a key share
   * their draws, and the first part's model is the element's.
   */
  row(key: string, model: PartModel): number {
    let e = this.rowOf.get(key);
    if (e === undefined) {
      if (this.sealed) throw new Error('internal: ElementTable rows are fixed once drawing starts');
      e = this.keys.length;
      this.rowOf.set(key, e);
      this.keys.push(key);
      this.models.push(model);
    }
    return e;
  }

  private seal(): void {
    const n = this.keys.length;
    this.kind = new Uint8Array(n);
    this.probability = new Float64Array(n).fill(1);
    this.constants = new Float64Array(n * STRIDE);
    this.key0 = new Int32Array(n);
    this.key1 = new Int32Array(n);
    this.key2 = new Int32Array(n);
    this.from = new Float64Array(n);
    this.quantile = new Array<(u: number) => number>(n);
    this.biased = new Array<(u: number) => number>(n);
    this.streams = new Array<ElementStream>(n);
    this.biasOffset = new Int32Array(n).fill(-1);
    this.headwayMu = new Float64Array(n).fill(NaN);
    this.headwaySigma = new Float64Array(n).fill(NaN);
    this.knots = new Array<Float64Array>(n);
    const tables: Float64Array[] = [];
    for (let e = 0; e < n; e++) {
      const stream = new ElementStream(this.seed, this.keys[e]!);
      this.streams[e] = stream;
      this.key0[e] = stream.drawKey(0);
      this.key1[e] = stream.drawKey(1);
      this.key2[e] = stream.drawKey(2);
      const m = this.models[e]!;
      const c = e * STRIDE;
      if (m.type === 'constant') {
        this.kind[e] = FIXED;
        this.constants[c] = m.hours;
        continue;
      }
      if (m.type === 'restriction') {
        // Draw 1 of the link's travel element, through the same quantile function as its own row.
        this.kind[e] = RESTRICTION;
        this.key1[e] = new ElementStream(this.seed, m.travelKey).drawKey(1);
        this.quantile[e] = quantileFn(m.travel);
        this.constants[c] = m.limitHours;
        this.constants[c + 1] = m.perTravelHour;
        continue;
      }
      if (m.type === 'departure-wait') {
        const h = m.headway;
        this.kind[e] = DEPARTURE;
        this.biased[e] = lengthBiasedFn(h);
        if (h.type === 'triangular' && h.max > h.min) {
          this.biasOffset[e] = tables.length * BIASED_TRIANGULAR_SIZE;
          tables.push(biasedTriangularTable(h));
        }
        if (h.type === 'lognormal') {
          // lengthBiasedFn's constants: the length-biased lognormal is lognormal with μ + σ².
          const { mu, sigma } = lognormalParams(h.median, h.p90);
          this.headwayMu[e] = mu + sigma * sigma;
          this.headwaySigma[e] = sigma;
        }
        this.quantile[e] = quantileFn(h);
        this.constants[c] = h.type === 'fixed' ? h.value : NaN;
        this.constants[c + 1] = m.cancellationProbability;
        this.constants[c + 2] = m.cancellationProbability > 0 ? Math.log(m.cancellationProbability) : 0;
        this.constants[c + 3] = meanOf(h);
        continue;
      }
      this.probability[e] = m.probability;
      if (m.occurrence !== undefined) {
        this.key0[e] = new ElementStream(this.seed, m.occurrence.key).drawKey(0);
        this.from[e] = m.occurrence.from;
      }
      if (m.type === 'table') {
        this.kind[e] = TABLE;
        this.knots[e] = m.table.knots;
        this.constants[c] = m.table.tailHours;
        continue;
      }
      const d = m.dist;
      switch (d.type) {
        case 'fixed':
          this.kind[e] = FIXED;
          this.constants[c] = d.value;
          break;
        case 'uniform':
          this.kind[e] = UNIFORM;
          this.constants[c] = d.min;
          this.constants[c + 1] = d.max - d.min;
          break;
        case 'triangular':
          if (d.max === d.min) {
            this.kind[e] = FIXED;
            this.constants[c] = d.min;
          } else {
            this.kind[e] = TRIANGULAR;
            this.constants[c] = d.min;
            this.constants[c + 1] = d.max;
            this.constants[c + 2] = (d.mode - d.min) / (d.max - d.min);
            this.constants[c + 3] = d.max - d.min;
            this.constants[c + 4] = 1 - this.constants[c + 2]!;
          }
          break;
        case 'lognormal': {
          const { mu, sigma } = lognormalParams(d.median, d.p90);
          this.kind[e] = LOGNORMAL;
          this.constants[c] = mu;
          this.constants[c + 1] = sigma;
          break;
        }
        case 'empirical':
          this.kind[e] = QUANTILE;
          this.quantile[e] = quantileFn(d);
          break;
      }
    }
    this.biasTables = new Float64Array(tables.length * BIASED_TRIANGULAR_SIZE);
    tables.forEach((t, i) => this.biasTables.set(t, i * BIASED_TRIANGULAR_SIZE));
    this.sealed = true;
  }

  /**
   * Row `e` as the kernel holds it — its kind (`KERNEL_KINDS`), probability, constants and draw keys,
   * and its model — for a reference implementation in another language (bench/reference-mc.cpp)
   * to draw exactly what the kernel draws.
   */
  describe(e: number): KernelRow {
    if (!this.sealed) this.seal();
    const c = e * STRIDE;
    return {
      kind: KERNEL_KINDS[this.kind[e]!]!,
      probability: this.probability[e]!,
      constants: Array.from(this.constants.subarray(c, c + STRIDE)),
      from: this.from[e]!,
      keys: [this.key0[e]!, this.key1[e]!, this.key2[e]!],
      stream: this.streams[e]!,
      model: this.models[e]!,
    };
  }

  /** Row `e`'s hours when they are the same on every run (a fixed stage that always happens), else NaN. */
  constantHours(e: number): number {
    if (!this.sealed) this.seal();
    return this.kind[e] === FIXED && this.probability[e]! >= 1 ? this.constants[e * STRIDE]! : NaN;
  }

  /**
   * Write row `e`'s hours for the runs whose `mixRun` values are `mixes[0 … n)` into
   * `out[at … at + n)`: draw 0 decides whether a stage happens (u < probability), draw 1 its
   * duration by inverse CDF, as `drawPart` does.
   */
  fill(e: number, mixes: Int32Array, n: number, out: Float64Array, at: number): void {
    out.fill(0, at, at + n);
    this.accumulate(e, mixes, n, out, at, 1);
  }

  /**
   * Add `times` × row `e`'s hours for runs `mixes[0 … n)` to `totals[at … at + n)` and return the
   * sum of those hours (once each): the planned loop's fused draw-and-add. `fill` is this on zeros.
   */
  accumulate(e: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
    if (!this.sealed) this.seal();
    const kind = this.kind[e]!;
    const c = e * STRIDE;
    const k = this.constants;
    const p = this.probability[e]!;
    const k0 = this.key0[e]!;
    const k1 = this.key1[e]!;
    // A stage instead of another (rare: scanners) happens in a band of that stage's draw 0: one
    // generic loop, so that the loops below keep their single comparison.
    const from = this.from[e]!;
    if (from > 0 && p < 1) return addQuantile(kind === QUANTILE ? this.quantile[e]! : this.rowQuantile(e), from, p, k0, k1, mixes, n, totals, at, times);
    switch (kind) {
      case FIXED:
        return addFixed(k[c]!, p, k0, mixes, n, totals, at, times);
      case UNIFORM:
        return addUniform(k[c]!, k[c + 1]!, p, k0, k1, mixes, n, totals, at, times);
      case TRIANGULAR:
        return p < 1 ? addTriangular(k[c]!, k[c + 1]!, k[c + 2]!, k[c + 3]!, k[c + 4]!, p, k0, k1, mixes, n, totals, at, times) : addTriangularAlways(k[c]!, k[c + 1]!, k[c + 2]!, k[c + 3]!, k[c + 4]!, k1, mixes, n, totals, at, times);
      case LOGNORMAL:
        // (Two functions: a call that one of them makes only for some networks would deoptimise it.)
        return p < 1 ? addLognormalSometimes(k[c]!, k[c + 1]!, p, k0, k1, mixes, n, totals, at, times) : addLognormal(k[c]!, k[c + 1]!, k1, mixes, n, totals, at, times);
      case QUANTILE:
        return addQuantile(this.quantile[e]!, 0, p, k0, k1, mixes, n, totals, at, times);
      case RESTRICTION:
        return addRestriction(this.quantile[e]!, k[c]!, k[c + 1]!, k1, mixes, n, totals, at, times);
      case TABLE:
        return addTable(this.knots[e]!, k[c]!, p, k0, k1, mixes, n, totals, at, times);
      case DEPARTURE:
        // (A lognormal headway drawn in the loop: through its closure, a call per draw.)
        if (this.headwayMu[e] === this.headwayMu[e]) return addDepartureLognormal(this.headwayMu[e]!, this.headwaySigma[e]!, this.quantile[e]!, k[c + 1]!, k[c + 2]!, k[c + 3]!, this.streams[e]!, k0, k1, this.key2[e]!, mixes, n, totals, at, times);
        return addDeparture(this.biased[e]!, this.biasTables, this.biasOffset[e]!, this.quantile[e]!, k[c]!, k[c + 1]!, k[c + 2]!, k[c + 3]!, this.streams[e]!, k0, k1, this.key2[e]!, mixes, n, totals, at, times);
      default:
        throw new Error(`internal: element kind ${kind}`);
    }
  }

  /** Row `e`'s inverse CDF as a function, computing what its specialised loop computes. */
  private rowQuantile(e: number): (u: number) => number {
    const m = this.models[e]!;
    if (m.type === 'table') return (u) => tableQuantile(m.table, u);
    if (m.type !== 'random') throw new Error('internal: only stages and their waits have an occurrence band');
    return quantileFn(m.dist);
  }
}

/** A speed restriction: max(0, limitHours − perTravelHour × T), T the link's travel (its draw 1). */
function addRestriction(quantile: (u: number) => number, limitHours: number, perTravelHour: number, k1: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const h = Math.max(0, limitHours - perTravelHour * quantile(unitOf(k1, mixes[r]!)));
    totals[at + r]! += times * h;
    sum += h;
  }
  return sum;
}

// One loop per kind, each its own function so that each is optimised on its own: draw 0 (when the
// probability is below 1) decides occurrence, draw 1 the duration. Each returns Σ hours drawn.

function addFixed(v: number, p: number, k0: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
  if (p >= 1) {
    const add = times * v;
    for (let r = 0; r < n; r++) totals[at + r]! += add;
    return v * n;
  }
  let sum = 0;
  for (let r = 0; r < n; r++) {
    if (!(unitOf(k0, mixes[r]!) < p)) continue;
    totals[at + r]! += times * v;
    sum += v;
  }
  return sum;
}

function addUniform(min: number, span: number, p: number, k0: number, k1: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const m = mixes[r]!;
    if (p < 1 && !(unitOf(k0, m) < p)) continue;
    const h = min + unitOf(k1, m) * span;
    totals[at + r]! += times * h;
    sum += h;
  }
  return sum;
}

function addTriangular(a: number, b: number, fc: number, w: number, rest: number, p: number, k0: number, k1: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const m = mixes[r]!;
    if (!(unitOf(k0, m) < p)) continue;
    const u = unitOf(k1, m);
    // quantileOf's two branches without a branch (a coin toss to predict): with left = 1 or 0,
    // x·left + y·(1 − left) is x or y exactly, so h equals quantileOf's value bit for bit.
    const left = +(u < fc);
    const right = 1 - left;
    const h = a * left + b * right + (left - right) * w * Math.sqrt(u * fc * left + (1 - u) * rest * right);
    totals[at + r]! += times * h;
    sum += h;
  }
  return sum;
}

/** `addTriangular` for a stage that always happens: two runs a turn, as `addLognormal` (the same operations per run, the sum in run order; an odd last run drawn twice and added once). */
function addTriangularAlways(a: number, b: number, fc: number, w: number, rest: number, k1: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
  let sum = 0;
  for (let r = 0; r < n; r += 2) {
    const r1 = r + 1 < n ? r + 1 : r;
    const u0 = unitOf(k1, mixes[r]!);
    const u1 = unitOf(k1, mixes[r1]!);
    const left0 = +(u0 < fc);
    const right0 = 1 - left0;
    const left1 = +(u1 < fc);
    const right1 = 1 - left1;
    const h0 = a * left0 + b * right0 + (left0 - right0) * w * Math.sqrt(u0 * fc * left0 + (1 - u0) * rest * right0);
    const h1 = a * left1 + b * right1 + (left1 - right1) * w * Math.sqrt(u1 * fc * left1 + (1 - u1) * rest * right1);
    totals[at + r]! += times * h0;
    sum += h0;
    if (r1 !== r) {
      totals[at + r1]! += times * h1;
      sum += h1;
    }
  }
  return sum;
}

/** A lognormal stage that always happens (probability 1): its draw 1 for runs `mixes[0 … n)`. */
function addLognormal(mu: number, sigma: number, k1: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
  // Two runs a turn: each draw is a long chain of dependent arithmetic (hash, quantile, exp), and two
  // chains side by side keep the processor busy where one leaves it waiting (a third less time per
  // draw here). Each run's operations are `lognormalHours`'s, written out (V8 inlines it at one
  // call site only), and the sum is taken in run order: the same bits. An odd last run is drawn
  // twice and added once.
  let sum = 0;
  for (let r = 0; r < n; r += 2) {
    const r1 = r + 1 < n ? r + 1 : r;
    const u0 = unitOf(k1, mixes[r]!);
    const u1 = unitOf(k1, mixes[r1]!);
    let z0: number;
    let z1: number;
    if (u0 >= P_LOW && u0 <= 1 - P_LOW) {
      const q = u0 - 0.5;
      const s = q * q;
      z0 = ((((((A0 * s + A1) * s + A2) * s + A3) * s + A4) * s + A5) * q) / (((((B0 * s + B1) * s + B2) * s + B3) * s + B4) * s + 1);
    } else {
      TAIL[0] = u0;
      normalTail();
      z0 = TAIL[0]!;
    }
    if (u1 >= P_LOW && u1 <= 1 - P_LOW) {
      const q = u1 - 0.5;
      const s = q * q;
      z1 = ((((((A0 * s + A1) * s + A2) * s + A3) * s + A4) * s + A5) * q) / (((((B0 * s + B1) * s + B2) * s + B3) * s + B4) * s + 1);
    } else {
      TAIL[0] = u1;
      normalTail();
      z1 = TAIL[0]!;
    }
    const h0 = exp(mu + sigma * z0);
    const h1 = exp(mu + sigma * z1);
    totals[at + r]! += times * h0;
    sum += h0;
    if (r1 !== r) {
      totals[at + r1]! += times * h1;
      sum += h1;
    }
  }
  return sum;
}

/** `addLognormal` for a stage that happens with probability p < 1 (draw 0 below p). */
function addLognormalSometimes(mu: number, sigma: number, p: number, k0: number, k1: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const m = mixes[r]!;
    if (!(unitOf(k0, m) < p)) continue;
    const h = lognormalHours(mu, sigma, unitOf(k1, m));
    totals[at + r]! += times * h;
    sum += h;
  }
  return sum;
}

/**
 * A lognormal draw's hours, exp(μ + σ·Φ⁻¹(u)), as `quantileFn` computes them: normalQuantile's
 * central branch written out (95% of draws; small enough for V8 to inline into the loops above),
 * its tails through `normalTail`, whose result comes back through a typed array: a call's result
 * in one branch would make z a tagged value, so that every draw's z became a heap number (80 MB of
 * garbage per 400,000 runs).
 */
function lognormalHours(mu: number, sigma: number, u: number): number {
  let z: number;
  if (u >= P_LOW && u <= 1 - P_LOW) {
    const q = u - 0.5;
    const s = q * q;
    z = ((((((A0 * s + A1) * s + A2) * s + A3) * s + A4) * s + A5) * q) / (((((B0 * s + B1) * s + B2) * s + B3) * s + B4) * s + 1);
  } else {
    TAIL[0] = u;
    normalTail();
    z = TAIL[0]!;
  }
  return exp(mu + sigma * z);
}

/** `normalTail`'s argument and result (a fractional number handed to or from a call that is not inlined would be a new heap object). */
const TAIL = new Float64Array(1);

/** normalQuantile(u) for u = TAIL[0] outside [P_LOW, 1 − P_LOW] (its two tail branches, the same operations), into TAIL[0]. */
function normalTail(): void {
  const u = TAIL[0]!;
  if (u < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(u));
    TAIL[0] = (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - u));
    TAIL[0] = -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
}

/**
 * Any distribution through its quantile function (empirical ones), and any stage instead of another:
 * it happens when draw 0 (that stage's) falls in [from, from + p), as `drawOccurrence` decides.
 */
function addQuantile(quantile: (u: number) => number, from: number, p: number, k0: number, k1: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
  const to = from + p;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const m = mixes[r]!;
    if (p < 1) {
      const u0 = unitOf(k0, m);
      if (!(u0 >= from && u0 < to)) continue;
    }
    const h = quantile(unitOf(k1, m));
    totals[at + r]! += times * h;
    sum += h;
  }
  return sum;
}

/** A quantile table's draw, as `tableQuantile` computes it (knots joined linearly, an exponential tail above the last). */
function addTable(knots: Float64Array, tailHours: number, p: number, k0: number, k1: number, mixes: Int32Array, n: number, totals: Float64Array, at: number, times: number): number {
  const count = knots.length;
  const last = knots[count - 1]!;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const m = mixes[r]!;
    if (p < 1 && !(unitOf(k0, m) < p)) continue;
    const u = unitOf(k1, m);
    const s = u * count;
    const i = s | 0;
    const h = i < count - 1 ? knots[i]! + (s - i) * (knots[i + 1]! - knots[i]!) : last - tailHours * Math.log(count * (1 - u));
    totals[at + r]! += times * h;
    sum += h;
  }
  return sum;
}

/**
 * `addDeparture` for a lognormal headway (μ + σ² = `biasedMu` and σ of its length-biased lognormal):
 * the headway drawn as `lengthBiasedFn` draws it, exp(μ + σ² + σ·Φ⁻¹(u)), written out (the central
 * branch here, the tails through `normalTail`), not through a closure whose every result would be
 * a heap number.
 */
function addDepartureLognormal(
  biasedMu: number,
  sigma: number,
  quantile: (u: number) => number,
  cancellation: number,
  logCancellation: number,
  meanHeadway: number,
  stream: ElementStream,
  k0: number,
  k1: number,
  k2: number,
  mixes: Int32Array,
  n: number,
  totals: Float64Array,
  at: number,
  times: number,
): number {
  const noCancellationAbove = cancellation * (1 + 1e-12);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const m = mixes[r]!;
    const u = unitOf(k1, m);
    let z: number;
    if (u >= P_LOW && u <= 1 - P_LOW) {
      const q = u - 0.5;
      const s = q * q;
      z = ((((((A0 * s + A1) * s + A2) * s + A3) * s + A4) * s + A5) * q) / (((((B0 * s + B1) * s + B2) * s + B3) * s + B4) * s + 1);
    } else {
      TAIL[0] = u;
      normalTail();
      z = TAIL[0]!;
    }
    let h = unitOf(k0, m) * exp(biasedMu + sigma * z);
    // As addDeparture: draw 2 above the cancellation probability means no cancelled departure.
    const u2 = cancellation !== 0 ? unitOf(k2, m) : 1;
    if (u2 <= noCancellationAbove) {
      const cancelled = Math.floor(Math.log(u2) / logCancellation);
      let drawnHours = 0;
      const drawn = Math.min(cancelled, DRAWN_CANCELLATIONS);
      for (let j = 0; j < drawn; j++) drawnHours += quantile(stream.u(m, 4 + j));
      h += cancelledHeadwaysHours(cancelled, drawnHours, drawn, meanHeadway);
    }
    totals[at + r]! += times * h;
    sum += h;
  }
  return sum;
}

/**
 * A departure wait, as `drawPart` draws it: draw 0 places the arrival within the headway it falls
 * into (draw 1, length-biased; `fixedHours` when the headway is fixed, else NaN), draw 2 the number
 * of cancelled departures K (geometric), and the extra headways they cost: K × `fixedHours`, else
 * draws 4, 5, … for min(K, `DRAWN_CANCELLATIONS`) headways standing for all K
 * (`cancelledHeadwaysHours`).
 */
function addDeparture(
  biased: (u: number) => number,
  biasTables: Float64Array,
  biasOffset: number,
  quantile: (u: number) => number,
  fixedHours: number,
  cancellation: number,
  logCancellation: number,
  meanHeadway: number,
  stream: ElementStream,
  k0: number,
  k1: number,
  k2: number,
  mixes: Int32Array,
  n: number,
  totals: Float64Array,
  at: number,
  times: number,
): number {
  const isFixed = fixedHours === fixedHours;
  const noCancellationAbove = cancellation * (1 + 1e-12);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const m = mixes[r]!;
    // A triangular headway through its table (one monomorphic function for all of them), any
    // other through its length-biased quantile function.
    const headway = isFixed ? fixedHours : biasOffset >= 0 ? biasedTriangularQuantile(biasTables, biasOffset, unitOf(k1, m)) : biased(unitOf(k1, m));
    let h = unitOf(k0, m) * headway;
    // Draw 2 above the cancellation probability (with a margin far beyond log's rounding) means
    // no cancelled departure: floor(log(u) / log(c)) is 0 there, and the log is skipped.
    const u2 = cancellation !== 0 ? unitOf(k2, m) : 1;
    if (u2 <= noCancellationAbove) {
      const cancelled = Math.floor(Math.log(u2) / logCancellation);
      if (isFixed) h += cancelled * fixedHours;
      else {
        let drawnHours = 0;
        const drawn = Math.min(cancelled, DRAWN_CANCELLATIONS);
        for (let j = 0; j < drawn; j++) drawnHours += quantile(stream.u(m, 4 + j));
        h += cancelledHeadwaysHours(cancelled, drawnHours, drawn, meanHeadway);
      }
    }
    totals[at + r]! += times * h;
    sum += h;
  }
  return sum;
}
