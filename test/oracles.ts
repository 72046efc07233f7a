// Reference implementations the engine is checked against in tests.
import { MultiDirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';

/**
 * graphology-shortest-path's least cost from any of `sources` to any of `targets` on a multigraph of
 * `vertexCount` vertices with arcs `from[i] → to[i]` of weight `w[i]`, via a super source and a
 * super target; parallel arcs count at their cheapest. Infinity when no path exists.
 */
export function graphologyCost(
  vertexCount: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  w: ArrayLike<number>,
  sources: readonly number[],
  targets: readonly number[],
): number {
  const graph = new MultiDirectedGraph();
  for (let v = 0; v < vertexCount; v++) graph.addNode(String(v));
  for (let i = 0; i < from.length; i++) graph.addEdgeWithKey(String(i), String(from[i]), String(to[i]), { weight: w[i] });
  graph.addNode('S');
  graph.addNode('T');
  for (const s of sources) graph.addEdge('S', String(s), { weight: 0 });
  for (const t of targets) graph.addEdge(String(t), 'T', { weight: 0 });
  const path = bidirectional(graph, 'S', 'T', 'weight');
  if (path === null) return Infinity;
  let cost = 0;
  for (let k = 0; k + 1 < path.length; k++) {
    cost += Math.min(...graph.outEdges(path[k]!, path[k + 1]!).map((e) => graph.getEdgeAttribute(e, 'weight') as number));
  }
  return cost;
}
