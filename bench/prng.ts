// A tiny seeded PRNG for benchmark inputs (never Math.random): SplitMix32, a 32-bit variant of
// Steele, Lea & Flood's SplitMix (2014). Enough for graph generation; not for statistics.

/** A generator of uniform floats in [0, 1) from a 32-bit seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n) from `rand`. */
export function randomInt(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}
