// Seeded, counter-based random numbers. A uniform is a pure function of (seed, element key, run,
// draw): no generator state to advance, so results are identical whatever the order of evaluation,
// the number of worker threads, or which other elements a network has. That last point is what makes
// before/after comparisons use common random numbers even when a measure adds a stage or closes a
// link (a sequential stream would shift every later draw). There is no unseeded source anywhere.
import { InvalidArgumentError } from '../errors.js';

/**
 * "triple32", a 32-bit integer hash with very low bias (Chris Wellons, hash-prospector, 2018).
 * A bijection on 32-bit integers with full avalanche.
 */
export function triple32(input: number): number {
  let x = input >>> 0;
  x ^= x >>> 17;
  x = Math.imul(x, 0xed5ad4bb);
  x ^= x >>> 11;
  x = Math.imul(x, 0xac4c1b51);
  x ^= x >>> 15;
  x = Math.imul(x, 0x31848bab);
  x ^= x >>> 14;
  return x >>> 0;
}

/** FNV-1a of a string's UTF-16 code units, then mixed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return triple32(h);
}

const GOLDEN = 0x9e3779b9;
const TWO32 = 4294967296;

/** Check a seed: an integer from 0 to 2^53 − 1. */
export function checkSeed(seed: unknown, field = 'seed'): number {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidArgumentError(field, seed, 'an integer from 0 to 2^53 - 1');
  }
  return seed;
}

/** The 32-bit key of a seed (both halves of a 53-bit integer count). */
export function seedKey(seed: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO32) >>> 0;
  return triple32(lo ^ triple32(hi + GOLDEN));
}

/**
 * The stream of one random element under one seed: `uniform(run, draw)` gives a number in (0, 1),
 * never 0 or 1 (inverse CDFs stay finite), with 32 bits of resolution.
 */
export class ElementStream {
  /** Per-draw keys for the first draws, precomputed (most elements use at most 3). */
  private readonly drawKeys: Uint32Array;
  private readonly base: number;
  private readonly seed: number;
  constructor(seed: number, elementKey: string) {
    this.seed = seed;
    this.base = triple32(hashString(elementKey) ^ seedKey(seed));
    this.drawKeys = new Uint32Array(4);
    for (let j = 0; j < 4; j++) this.drawKeys[j] = triple32((this.base + Math.imul(j + 1, GOLDEN)) >>> 0);
  }
  /** Uniform in (0, 1) for run `run` (0 ≤ run < 2^32) and draw number `draw` (≥ 0). */
  uniform(run: number, draw: number): number {
    return this.u(mixRun(run), draw);
  }
  /** The same as `uniform(run, draw)` given `mixRun(run)`, which hot loops compute once per run. */
  u(mixedRun: number, draw: number): number {
    return unitOf(this.drawKey(draw), mixedRun);
  }
  /** The stream of element `elementKey` under the same seed. */
  sibling(elementKey: string): ElementStream {
    return new ElementStream(this.seed, elementKey);
  }
  /** The key of draw number `draw` (≥ 0): `u(m, draw)` is `unitOf(drawKey(draw), m)`. */
  drawKey(draw: number): number {
    return draw < 4 ? this.drawKeys[draw]! : triple32((this.base + Math.imul(draw + 1, GOLDEN)) >>> 0);
  }
}

/** The uniform in (0, 1) of a draw key and a run's `mixRun` value: the one formula behind every draw. */
export function unitOf(drawKey: number, mixedRun: number): number {
  // × 2^-32 rather than ÷ 2^32: the same number (a power of two scales exactly), without a division.
  return (triple32(drawKey ^ mixedRun) + 0.5) * INV_TWO32;
}

/** 2^-32, exactly. */
const INV_TWO32 = 1 / TWO32;

/** The run's share of every uniform: hashed once per run, then combined with each element's key. */
export function mixRun(run: number): number {
  return triple32(run ^ 0x5bd1e995);
}
