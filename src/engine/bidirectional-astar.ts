// Bidirectional A* with average potentials (Ikeda et al. 1994; Goldberg & Harrelson 2005): a
// bidirectional Dijkstra on reduced costs w(u,v) − p(u) + p(v), where p(v) = (toTargets[v] −
// fromSources[v]) / 2 averages a bound of the cost still to go and a bound of the cost already
// come. Both searches then see the same non-negative reduced costs, so the classic stopping rule of
// bidirectional Dijkstra holds: stop when the two queue tops add up to at least the best meeting
// cost μ found so far. Forward keys are d_f(v) + p(v), backward keys d_r(v) − p(v), and a meeting at
// v costs d_f(v) + d_r(v), the real cost. Like NBA* it searches from both ends towards each other,
// guided by the heuristic. Its relax loop is its own (keys with the potential, two bounds checked);
// ends and path assembly are shared with bidirectional Dijkstra.
import { InvalidArgumentError } from '../errors.js';
import type { Csr } from './csr.js';
import { pathThrough, sourceAlsoTarget } from './bidirectional.js';
import type { PathResult } from './path.js';
import { type SearchSide, type Workspace, checkEnds } from './workspace.js';

/**
 * Relax every arc of `u` on one side: a vertex is queued with key cost + sign × p(v), and the best
 * meeting cost μ (and its vertex) is lowered when it can be. Vertices with an infinite bound on
 * either side lie on no path from a source to a target and are never queued.
 */
function expand(
  g: Csr,
  side: SearchSide,
  other: Float64Array,
  toTargets: Float64Array,
  fromSources: Float64Array,
  sign: number,
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
      const ht = toTargets[v]!;
      const hs = fromSources[v]!;
      if (ht === Infinity || hs === Infinity) continue;
      if (dv === Infinity) touched[tc++] = v;
      dist[v] = nd;
      parent[v] = s;
      // A vertex already settled is queued again (push re-inserts it): with bounds consistent only
      // to rounding, its cost can still improve by a few ulps.
      heap.push(v, nd + (sign * (ht - hs)) / 2);
      const total = nd + other[v]!;
      if (total < best.mu) {
        best.mu = total;
        best.meet = v;
      }
    }
  }
  side.touchedCount = tc;
}

function checkBounds(field: string, bounds: unknown, vertexCount: number): asserts bounds is Float64Array {
  if (!(bounds instanceof Float64Array) || bounds.length !== vertexCount) {
    throw new InvalidArgumentError(field, bounds, `a Float64Array of ${vertexCount} lower bounds, one per vertex`);
  }
}

/**
 * A least-cost path from any of `sources` to any of `targets`, searching from both ends with the
 * heuristic. `reverse` must be `reverseCsr(csr)` with the same weights. `toTargets[v]` bounds the
 * cost from v to the nearest target from below, `fromSources[v]` the cost from the nearest source to
 * v (Infinity when there is no such path; 0 at the targets and at the sources respectively). Both
 * must be **consistent** (for every arc u → v of weight w: toTargets[u] ≤ w + toTargets[v] and
 * fromSources[v] ≤ fromSources[u] + w), as a distance over a top speed is
 * (`greatCircleLowerBounds` towards the targets and from the sources); merely admissible bounds can
 * give a costlier path here, where `aStarShortestPath` still gives a least-cost one. Same result
 * contract as `bidirectionalShortestPath`; `null` when no path exists. Bounds are not checked per
 * query (that would cost O(V)).
 */
export function bidirectionalAStarShortestPath(
  csr: Csr,
  reverse: Csr,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  toTargets: Float64Array,
  fromSources: Float64Array,
  ws: Workspace,
): PathResult | null {
  checkEnds(csr, ws, sources, targets);
  if (reverse.vertexCount !== csr.vertexCount || reverse.arcCount !== csr.arcCount) {
    throw new InvalidArgumentError('reverse', reverse, 'reverseCsr(csr)');
  }
  checkBounds('toTargets', toTargets, csr.vertexCount);
  checkBounds('fromSources', fromSources, csr.vertexCount);
  if (sources.length === 0 || targets.length === 0) return null;
  const fwd = ws.forward;
  const bwd = ws.backward;
  fwd.reset();
  bwd.reset();
  const both = sourceAlsoTarget(ws, sources, targets);
  if (both >= 0) return { cost: 0, arcs: new Int32Array(0), source: both, target: both };
  for (let i = 0; i < sources.length; i++) {
    const v = sources[i]!;
    if (toTargets[v]! < Infinity && fromSources[v]! < Infinity) fwd.start(v, 0, (toTargets[v]! - fromSources[v]!) / 2);
  }
  for (let i = 0; i < targets.length; i++) {
    const v = targets[i]!;
    if (toTargets[v]! < Infinity && fromSources[v]! < Infinity) bwd.start(v, 0, (fromSources[v]! - toTargets[v]!) / 2);
  }
  const best = ws.meeting;
  best.mu = Infinity;
  best.meet = -1;
  const fh = fwd.heap;
  const bh = bwd.heap;
  while (fh.size > 0 && bh.size > 0) {
    if (fh.minKey() + bh.minKey() >= best.mu) break;
    if (fh.size <= bh.size) expand(csr, fwd, bwd.dist, toTargets, fromSources, 1, fh.pop(), best);
    else expand(reverse, bwd, fwd.dist, toTargets, fromSources, -1, bh.pop(), best);
  }
  return best.meet < 0 ? null : pathThrough(csr, reverse, ws, best.meet);
}
