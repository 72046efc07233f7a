// The result every search returns, and the walk back along parent slots that builds it. Paths are
// lists of original arc indices, so parallel arcs are never ambiguous.
import type { Csr } from './csr.js';

/** A path found by a search. */
export interface PathResult {
  /** Σ weights of `arcs`, summed in path order (hours when weights are hours). */
  readonly cost: number;
  /** Original arc indices, in path order; empty when the path is a single vertex. */
  readonly arcs: Int32Array;
  /** First vertex (one of the sources). */
  readonly source: number;
  /** Last vertex (one of the targets). */
  readonly target: number;
}

/** The vertex a CSR slot leaves from: the largest v with offsets[v] ≤ slot (empty vertices skipped). */
export function tailOf(offsets: Int32Array, vertexCount: number, slot: number): number {
  let lo = 0;
  let hi = vertexCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= slot) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Number of arcs on the parent chain ending at `v`. */
export function chainLength(csr: Csr, parent: Int32Array, v: number): number {
  let n = 0;
  for (let s = parent[v]!; s >= 0; s = parent[tailOf(csr.offsets, csr.vertexCount, s)]!) n++;
  return n;
}

/**
 * Write the original arcs of the parent chain ending at `v` into `out`, from position `at`
 * backwards (the last arc at `at - 1`); returns the chain's first vertex.
 */
export function writeChain(csr: Csr, parent: Int32Array, v: number, out: Int32Array, at: number): number {
  let u = v;
  for (let s = parent[u]!; s >= 0; s = parent[u]!) {
    out[--at] = csr.arcOf[s]!;
    u = tailOf(csr.offsets, csr.vertexCount, s);
  }
  return u;
}

/** Σ weights of `arcs` in order: the cost every result reports, whichever search found it. */
export function costOf(csr: Csr, arcs: ArrayLike<number>): number {
  let c = 0;
  for (let i = 0; i < arcs.length; i++) c += csr.weights[csr.slotOf[arcs[i]!]!]!;
  return c;
}

/** The path reaching `v` along the parent chain of a forward search. */
export function forwardPath(csr: Csr, parent: Int32Array, v: number): PathResult {
  const arcs = new Int32Array(chainLength(csr, parent, v));
  const source = writeChain(csr, parent, v, arcs, arcs.length);
  return { cost: costOf(csr, arcs), arcs, source, target: v };
}
