// One-to-all Dijkstra (Dijkstra 1959) from a set of sources on a CSR graph, with the workspace's
// indexed binary heap. The tree it returns lives in the workspace: it is valid until the next search
// on that workspace, which is what lets a query allocate nothing.
import { InvalidArgumentError } from '../errors.js';
import { requireCsr, type Csr } from './csr.js';
import { forwardPath, type PathResult } from './path.js';
import { checkQuery, type Workspace } from './workspace.js';

/** Least costs from a set of sources to every vertex. */
export interface ShortestPathTree {
  /** `costs[v]`: least cost from any source to v; Infinity when v is unreachable. */
  readonly costs: Float64Array;
  /** `parentSlots[v]`: CSR slot of the last arc of a least-cost path to v; -1 for sources and unreachable vertices. */
  readonly parentSlots: Int32Array;
}

/**
 * Least costs from `sources` (all at cost 0) to every vertex of `csr`. The returned arrays belong
 * to `ws` and are overwritten by its next search; copy them to keep them. Ties go to the arc met
 * first (lowest arc index among parallel arcs).
 */
export function shortestPathTree(csr: Csr, sources: ArrayLike<number>, ws: Workspace): ShortestPathTree {
  checkQuery(csr, ws, 'sources', sources);
  const side = ws.forward;
  side.reset();
  for (let i = 0; i < sources.length; i++) side.start(sources[i]!, 0);
  const { offsets, targets, weights } = csr;
  const { dist, parent, heap, touched } = side;
  let tc = side.touchedCount;
  while (heap.size > 0) {
    const u = heap.pop();
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
      }
    }
  }
  side.touchedCount = tc;
  return { costs: dist, parentSlots: parent };
}

/** The least-cost path to `v` in a tree from `shortestPathTree` on `csr`; `null` when v is unreachable. */
export function treePath(csr: Csr, tree: ShortestPathTree, v: number): PathResult | null {
  requireCsr(csr);
  if (typeof tree !== 'object' || tree === null || !(tree.costs instanceof Float64Array) || !(tree.parentSlots instanceof Int32Array) || tree.costs.length !== csr.vertexCount) {
    throw new InvalidArgumentError('tree', tree, `a ShortestPathTree of ${csr.vertexCount} vertices from shortestPathTree`);
  }
  if (!Number.isInteger(v) || v < 0 || v >= csr.vertexCount) throw new InvalidArgumentError('v', v, `a vertex index in 0…${csr.vertexCount - 1}`);
  if (!(tree.costs[v]! < Infinity)) return null;
  return forwardPath(csr, tree.parentSlots, v);
}
