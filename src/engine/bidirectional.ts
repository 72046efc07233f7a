// Bidirectional Dijkstra: a forward search from the sources on the CSR and a backward search from
// the targets on its reverse, each step advancing the side with the smaller queue (balancing the
// two searches measured ~10% faster on grids, and much faster on random graphs, than alternating on
// the smaller queue top). It stops when the two tops add up to at least the best meeting cost μ
// found so far (the classic criterion), and usually settles far fewer vertices than a one-way search.
import { InvalidArgumentError } from '../errors.js';
import type { Csr } from './csr.js';
import { chainLength, costOf, tailOf, writeChain, type PathResult } from './path.js';
import { TARGET, type SearchSide, type Workspace, checkEnds, markTargets, clearTargets } from './workspace.js';

/** Relax every arc of `u` on one side, lowering the best meeting cost μ (and its vertex) when it can. */
function expand(
  g: Csr,
  side: SearchSide,
  other: Float64Array,
  u: number,
  best: { mu: number; meet: number },
): void {
  const { offsets, targets, weights } = g;
  const { dist, parent, heap, touched } = side;
  let tc = side.touchedCount;
  const du = dist[u]!;
  for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
    const v = targets[s]!;
    const nd = du + weights[s]!;
    const dv = dist[v]!;
    if (nd < dv) {
      if (dv === Infinity) touched[tc++] = v;
      dist[v] = nd;
      parent[v] = s;
      heap.push(v, nd);
      const total = nd + other[v]!;
      if (total < best.mu) {
        best.mu = total;
        best.meet = v;
      }
    }
  }
  side.touchedCount = tc;
}

/**
 * A least-cost path from any of `sources` to any of `targets`, searching from both ends; `reverse`
 * must be `reverseCsr(csr)` with the same weights. Same result contract as `shortestPath` (the cost
 * may differ from it in the last bits when several paths tie, as sums are taken in another order;
 * `cost` is always Σ weights of `arcs` in path order). `null` when no path exists.
 */
export function bidirectionalShortestPath(
  csr: Csr,
  reverse: Csr,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  ws: Workspace,
): PathResult | null {
  checkEnds(csr, ws, sources, targets);
  if (reverse.vertexCount !== csr.vertexCount || reverse.arcCount !== csr.arcCount) {
    throw new InvalidArgumentError('reverse', reverse, 'reverseCsr(csr)');
  }
  if (sources.length === 0 || targets.length === 0) return null;
  const fwd = ws.forward;
  const bwd = ws.backward;
  fwd.reset();
  bwd.reset();
  const both = sourceAlsoTarget(ws, sources, targets);
  if (both >= 0) return { cost: 0, arcs: new Int32Array(0), source: both, target: both };
  for (let i = 0; i < sources.length; i++) fwd.start(sources[i]!, 0);
  for (let i = 0; i < targets.length; i++) bwd.start(targets[i]!, 0);
  const best = ws.meeting;
  best.mu = Infinity;
  best.meet = -1;
  const fh = fwd.heap;
  const bh = bwd.heap;
  while (fh.size > 0 && bh.size > 0) {
    const fk = fh.minKey();
    const bk = bh.minKey();
    if (fk + bk >= best.mu) break;
    if (fh.size <= bh.size) expand(csr, fwd, bwd.dist, fh.pop(), best);
    else expand(reverse, bwd, fwd.dist, bh.pop(), best);
  }
  return best.meet < 0 ? null : pathThrough(csr, reverse, ws, best.meet);
}

/** The first of `sources` that is also a target (a path of no arcs), or -1. */
export function sourceAlsoTarget(ws: Workspace, sources: ArrayLike<number>, targets: ArrayLike<number>): number {
  const flags = ws.flags;
  markTargets(ws, targets);
  let both = -1;
  for (let i = 0; i < sources.length && both < 0; i++) if (flags[sources[i]!] === TARGET) both = sources[i]!;
  clearTargets(ws, targets);
  return both;
}

/**
 * The path of a finished bidirectional search through `meet`: the forward side's parent chain from
 * a source, then the backward side's (on `reverse`) to a target; its cost is Σ weights in order.
 */
export function pathThrough(csr: Csr, reverse: Csr, ws: Workspace, meet: number): PathResult {
  const fwd = ws.forward;
  const bwd = ws.backward;
  const head = chainLength(csr, fwd.parent, meet);
  const tail = chainLength(reverse, bwd.parent, meet);
  const arcs = new Int32Array(head + tail);
  const source = writeChain(csr, fwd.parent, meet, arcs, head);
  let v = meet;
  for (let k = head; k < head + tail; k++) {
    const s = bwd.parent[v]!;
    arcs[k] = reverse.arcOf[s]!;
    v = tailOf(reverse.offsets, reverse.vertexCount, s);
  }
  return { cost: costOf(csr, arcs), arcs, source, target: v };
}

