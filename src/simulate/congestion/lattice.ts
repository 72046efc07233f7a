// Distributions of hours (or of vessel shares) on an evenly spaced grid: point masses at 0, δ, 2δ, …
// with each one holding the probability of the interval around it. The congestion model convolves
// them (sums of independent durations, compound arrivals) instead of sampling, so its waits are
// exact functions of volume and capacity, with no sampling noise.
import { lognormalParams } from '../../network/distribution.js';
import type { Distribution } from '../../network/types.js';

/** A distribution on the grid 0, step, 2·step, …: `mass[k]` is the probability at k·step. */
export interface Lattice {
  readonly step: number;
  readonly mass: Float64Array;
}

/** Mass left beyond the grid's end by default (the tail is folded onto the last point). */
const TAIL = 1e-12;

/** Φ(x), the standard normal CDF, from Numerical Recipes' `erfcc` (a Chebyshev fit with fractional error below 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** P(X ≤ x) for a duration distribution. */
export function cdfOf(d: Distribution, x: number): number {
  switch (d.type) {
    case 'fixed':
      return x >= d.value ? 1 : 0;
    case 'uniform':
      if (d.max === d.min) return x >= d.min ? 1 : 0;
      return Math.min(1, Math.max(0, (x - d.min) / (d.max - d.min)));
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (x <= a) return b === a && x === a ? 1 : 0;
      if (x >= b) return 1;
      if (x <= c) return ((x - a) * (x - a)) / ((b - a) * (c - a));
      return 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
    }
    case 'lognormal': {
      if (x <= 0) return 0;
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return sigma === 0 ? (x >= d.median ? 1 : 0) : normalCdf((Math.log(x) - mu) / sigma);
    }
    case 'empirical': {
      let n = 0;
      for (const v of d.values) if (v <= x) n++;
      return n / d.values.length;
    }
  }
}

/** An upper bound beyond which at most about `tail` of the distribution lies. */
function upperOf(d: Distribution, tail: number): number {
  switch (d.type) {
    case 'fixed':
      return d.value;
    case 'uniform':
    case 'triangular':
      return d.max;
    case 'lognormal': {
      // z = √(−2 ln tail) is beyond Φ⁻¹(1 − tail): the Chernoff bound 1 − Φ(z) ≤ e^(−z²/2).
      const { mu, sigma } = lognormalParams(d.median, d.p90);
      return Math.exp(mu + Math.sqrt(-2 * Math.log(tail)) * sigma);
    }
    case 'empirical':
      return Math.max(...d.values);
  }
}

/**
 * `d` on the grid of `step` hours: the mass at k·step is P((k − ½)·step < X ≤ (k + ½)·step) (at 0,
 * P(X ≤ ½·step)), and the tail beyond the grid's end is folded onto its last point. `probability`
 * < 1 puts the rest at 0 (a stage that happens to that share of consignments). At most about `tail`
 * lies beyond the grid (folded onto its last point).
 */
export function latticeOf(d: Distribution, step: number, probability = 1, tail = TAIL): Lattice {
  const top = Math.ceil(upperOf(d, tail) / step + 0.5);
  const mass = new Float64Array(top + 1);
  let previous = 0;
  for (let k = 0; k <= top; k++) {
    const c = k === top ? 1 : cdfOf(d, (k + 0.5) * step);
    mass[k] = probability * (c - previous);
    previous = c;
  }
  mass[0]! += 1 - probability;
  return { step, mass: trimmed(mass, tail) };
}

/** `mass` without trailing points holding less than `tail` together (their mass folded onto the new last point). */
export function trimmed(mass: Float64Array, tail = TAIL): Float64Array {
  let end = mass.length;
  let folded = 0;
  while (end > 1 && folded + mass[end - 1]! < tail) folded += mass[--end]!;
  if (end === mass.length) return mass;
  const out = mass.slice(0, end);
  out[end - 1]! += folded;
  return out;
}

/** Above this many products a convolution goes through the FFT (O(n log n) instead of O(n·m)). */
const DIRECT_LIMIT = 1 << 17;

/** The distribution of the sum of two independent lattice variables on the same grid (tail beyond `tail` folded). */
export function convolve(a: Float64Array, b: Float64Array, tail = TAIL): Float64Array {
  if (a.length * b.length > DIRECT_LIMIT && a.length > 64 && b.length > 64) return trimmed(fftConvolve(a, b), tail);
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j]! += ai * b[j]!;
  }
  return trimmed(out, tail);
}

/** In-place iterative radix-2 FFT of (re, im), length a power of 2; `inverse` without the 1/n. */
function fft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]!;
      re[i] = re[j]!;
      re[j] = t;
      t = im[i]!;
      im[i] = im[j]!;
      im[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    const half = len >> 1;
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < half; k++) {
        const ar = re[i + k + half]! * cr - im[i + k + half]! * ci;
        const ai = re[i + k + half]! * ci + im[i + k + half]! * cr;
        re[i + k + half] = re[i + k]! - ar;
        im[i + k + half] = im[i + k]! - ai;
        re[i + k]! += ar;
        im[i + k]! += ai;
        const next = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = next;
      }
    }
  }
}

/** `a` ⊛ `b` by FFT; rounding's tiny negatives are set to 0. */
function fftConvolve(a: Float64Array, b: Float64Array): Float64Array {
  const m = a.length + b.length - 1;
  let n = 1;
  while (n < m) n <<= 1;
  const ar = new Float64Array(n);
  const ai = new Float64Array(n);
  const br = new Float64Array(n);
  const bi = new Float64Array(n);
  ar.set(a);
  br.set(b);
  fft(ar, ai, false);
  fft(br, bi, false);
  for (let k = 0; k < n; k++) {
    const r = ar[k]! * br[k]! - ai[k]! * bi[k]!;
    ai[k] = ar[k]! * bi[k]! + ai[k]! * br[k]!;
    ar[k] = r;
  }
  fft(ar, ai, true);
  const out = new Float64Array(m);
  for (let k = 0; k < m; k++) out[k] = Math.max(0, ar[k]! / n);
  return out;
}

/** Mean of a lattice distribution, in its grid's unit. */
export function latticeMean(l: Lattice): number {
  let s = 0;
  for (let k = 1; k < l.mass.length; k++) s += k * l.mass[k]!;
  return s * l.step;
}
