// A* (Hart, Nilsson & Raphael 1968): Dijkstra ordered by cost so far plus a lower bound of the cost
// still to go, so that it heads for the targets. Bounds come as one Float64Array per target set
// (e.g. from `greatCircleLowerBounds`), computed once and reused across queries to the same
// destination. A vertex is reopened when its cost improves after it left the queue, so an admissible
// but inconsistent bound still gives a least-cost path.
import { InvalidArgumentError } from '../errors.js';
import type { Csr } from './csr.js';
import { forwardPath, type PathResult } from './path.js';
import { TARGET, type Workspace, checkEnds, markTargets, clearTargets } from './workspace.js';

/**
 * A least-cost path from any of `sources` to any of `targets`, guided by `lowerBounds[v]`, a lower
 * bound (≥ 0, never above the true least cost; Infinity when no target is reachable from v) of the
 * cost from v to the nearest target. Same result contract as `shortestPath`. An inadmissible bound
 * can give a costlier path; bounds are not checked per query (that would cost O(V)).
 */
export function aStarShortestPath(
  csr: Csr,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  lowerBounds: Float64Array,
  ws: Workspace,
): PathResult | null {
  checkEnds(csr, ws, sources, targets);
  if (!(lowerBounds instanceof Float64Array) || lowerBounds.length !== csr.vertexCount) {
    throw new InvalidArgumentError('lowerBounds', lowerBounds, `a Float64Array of ${csr.vertexCount} lower bounds, one per vertex`);
  }
  if (sources.length === 0 || targets.length === 0) return null;
  const flags = ws.flags;
  markTargets(ws, targets);
  const side = ws.forward;
  side.reset();
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    if (lowerBounds[s]! < Infinity) side.start(s, 0, lowerBounds[s]!);
  }
  const { offsets, targets: heads, weights } = csr;
  const { dist, parent, heap, touched } = side;
  let tc = side.touchedCount;
  let found = -1;
  while (heap.size > 0) {
    const u = heap.pop();
    if (flags[u] === TARGET) {
      found = u;
      break;
    }
    const du = dist[u]!;
    for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
      const v = heads[s]!;
      const nd = du + weights[s]!;
      const dv = dist[v]!;
      if (nd < dv) {
        const h = lowerBounds[v]!;
        // No target is reachable from v: never queue it.
        if (h === Infinity) continue;
        if (dv === Infinity) touched[tc++] = v;
        dist[v] = nd;
        parent[v] = s;
        heap.push(v, nd + h);
      }
    }
  }
  side.touchedCount = tc;
  clearTargets(ws, targets);
  return found < 0 ? null : forwardPath(csr, parent, found);
}
