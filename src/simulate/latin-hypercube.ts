// A Latin hypercube design on the unit cube, from the counter-based streams: for each input, the n
// draws fall one in each of the n equal strata of (0, 1), in an order and at positions drawn from the
// input's own stream (keyed by its id). So an input's column depends only on (seed, its id, n): adding
// or removing another input leaves it unchanged, and the design is the same on any machine.
import { ElementStream } from './random.js';

/** One input's column of the design. */
export interface HypercubeColumn {
  /** The stratum (0 … n − 1) of each draw: a permutation of 0 … n − 1. */
  readonly strata: Int32Array;
  /** The point of each draw in (0, 1), inside its stratum. */
  readonly units: Float64Array;
}

/** The column of input `id` in an n-draw Latin hypercube under `seed`. */
export function hypercubeColumn(seed: number, id: string, n: number): HypercubeColumn {
  const stream = new ElementStream(seed, `uncertainty|lhs|${id}`);
  // The order of the strata: draws sorted by a uniform key (ties, at 2^-32, broken by draw index).
  const keys = Array.from({ length: n }, (_, i) => stream.uniform(i, 0));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
  const strata = new Int32Array(n);
  order.forEach((draw, stratum) => (strata[draw] = stratum));
  const units = new Float64Array(n);
  for (let i = 0; i < n; i++) units[i] = (strata[i]! + stream.uniform(i, 1)) / n;
  return { strata, units };
}
