// Seeded synthetic graphs for the benchmarks, as plain arc arrays that every peer is built from:
// grid-like road networks (4-neighbour grid, both directions, random speeds, a few random diagonals)
// and a random sparse graph. Vertices have planar coordinates; every arc's weight is at least its
// Euclidean length, so `distance × 1` is an admissible, consistent A* heuristic for all peers.
import { prng, randomInt } from './prng.js';

/** A directed graph as arc arrays plus vertex coordinates. */
export interface ArcGraph {
  readonly name: string;
  readonly vertexCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weights: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Growable int/float arc buffers (the final arrays are typed). */
class ArcBuffer {
  from: number[] = [];
  to: number[] = [];
  weights: number[] = [];
  add(u: number, v: number, w: number): void {
    this.from.push(u);
    this.to.push(v);
    this.weights.push(w);
  }
}

const length = (x: Float64Array, y: Float64Array, u: number, v: number): number => Math.hypot(x[u]! - x[v]!, y[u]! - y[v]!);

/**
 * The A* heuristic every peer gets: the Euclidean distance for offsets (dx, dy), shrunk by one part
 * in 10¹² so that rounding never puts it above an arc's length (`Math.hypot`, which rounds
 * differently). Written with `Math.sqrt`: `Math.hypot` is a call into C that costs about 28 ns, which
 * made filling a 100k-vertex bound array (the engine's A* takes bounds as an array) 2.8 ms per query
 * against 0.17 ms.
 */
export function euclideanBound(dx: number, dy: number): number {
  return Math.sqrt(dx * dx + dy * dy) * (1 - 1e-12);
}

/**
 * A side × side grid road network: arcs both ways between 4-neighbours, each direction with weight
 * length × U(1, 4) (a travel time at a random speed), and a diagonal pair in about 2% of cells.
 */
export function gridGraph(side: number, seed: number): ArcGraph {
  const rand = prng(seed);
  const n = side * side;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      x[r * side + c] = c;
      y[r * side + c] = r;
    }
  }
  const buf = new ArcBuffer();
  const both = (u: number, v: number): void => {
    const len = length(x, y, u, v);
    buf.add(u, v, len * (1 + 3 * rand()));
    buf.add(v, u, len * (1 + 3 * rand()));
  };
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const v = r * side + c;
      if (c + 1 < side) both(v, v + 1);
      if (r + 1 < side) both(v, v + side);
      if (c + 1 < side && r + 1 < side && rand() < 0.02) both(v, v + side + 1);
    }
  }
  return finish(`grid ${side}×${side}`, n, buf, x, y);
}

/**
 * A random sparse graph: n points uniform in a √n × √n square, each with `degree` arcs to distinct
 * uniformly chosen other vertices, weight length × U(1, 2). Small diameter, so searches explore
 * much of the graph: the opposite of a road network.
 */
export function randomGraph(n: number, degree: number, seed: number): ArcGraph {
  const rand = prng(seed);
  const side = Math.sqrt(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    x[v] = rand() * side;
    y[v] = rand() * side;
  }
  const buf = new ArcBuffer();
  const chosen: number[] = [];
  for (let u = 0; u < n; u++) {
    chosen.length = 0;
    while (chosen.length < degree) {
      const v = randomInt(rand, n);
      if (v === u || chosen.includes(v)) continue;
      chosen.push(v);
      buf.add(u, v, length(x, y, u, v) * (1 + rand()));
    }
  }
  return finish(`random n=${n}, out-degree ${degree}`, n, buf, x, y);
}

function finish(name: string, n: number, buf: ArcBuffer, x: Float64Array, y: Float64Array): ArcGraph {
  return { name, vertexCount: n, from: Int32Array.from(buf.from), to: Int32Array.from(buf.to), weights: Float64Array.from(buf.weights), x, y };
}

/** `count` seeded (origin, destination) pairs of distinct vertices. */
export function queryPairs(n: number, count: number, seed: number): [number, number][] {
  const rand = prng(seed);
  const pairs: [number, number][] = [];
  while (pairs.length < count) {
    const s = randomInt(rand, n);
    const t = randomInt(rand, n);
    if (s !== t) pairs.push([s, t]);
  }
  return pairs;
}
