// Point-to-point Dijkstra from a set of sources to a set of targets, stopping as soon as the first
// target leaves the queue: in the mode-expanded graph a trip starts at any departure vertex of its
// origin and ends at any arrival vertex of its destination, so both ends are sets.
import type { Csr } from './csr.js';
import { forwardPath, type PathResult } from './path.js';
import { TARGET, type Workspace, checkEnds, markTargets, clearTargets } from './workspace.js';

/**
 * A least-cost path from any vertex of `sources` to any vertex of `targets`, or `null` when none
 * exists. Ties go to the arc met first (so the lowest arc index among parallel arcs). The path never
 * passes through a target before its end, nor through a source after its start.
 */
export function shortestPath(csr: Csr, sources: ArrayLike<number>, targets: ArrayLike<number>, ws: Workspace): PathResult | null {
  checkEnds(csr, ws, sources, targets);
  if (sources.length === 0 || targets.length === 0) return null;
  const flags = ws.flags;
  markTargets(ws, targets);
  const side = ws.forward;
  side.reset();
  for (let i = 0; i < sources.length; i++) side.start(sources[i]!, 0);
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
        if (dv === Infinity) touched[tc++] = v;
        dist[v] = nd;
        parent[v] = s;
        heap.push(v, nd);
      }
    }
  }
  side.touchedCount = tc;
  clearTargets(ws, targets);
  return found < 0 ? null : forwardPath(csr, parent, found);
}
