// The one routing function everything calls: the cheapest arc path from any of several start
// vertices to any of several end vertices of an expanded graph. Today it runs graphology-shortest-path
// (bidirectional Dijkstra) on a graphology graph built once per expanded graph; the compiled engine
// can replace it behind the same signature.
import { MultiDirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import { InvalidArgumentError } from '../errors.js';
import type { ExpandedGraph } from './expand.js';

type RoutingGraph = MultiDirectedGraph;
const cache = new WeakMap<ExpandedGraph, RoutingGraph>();

// Vertices are keyed by their index, never by user ids: graphology's adjacency indexes are plain
// objects, where a node called `__proto__` would corrupt them.
const SOURCE = 'source';
const TARGET = 'target';

function routingGraph(g: ExpandedGraph): RoutingGraph {
  let graph = cache.get(g);
  if (graph !== undefined) return graph;
  graph = new MultiDirectedGraph();
  for (let v = 0; v < g.vertices.length; v++) graph.addNode(String(v));
  g.arcs.forEach((arc, i) => {
    graph!.addEdgeWithKey(String(i), String(arc.from), String(arc.to), { weight: arc.expectedHours });
  });
  cache.set(g, graph);
  return graph;
}

/**
 * Cheapest path, as arc indices, from any vertex of `sources` to any vertex of `targets`, with arc
 * weights `weights` (hours; default each arc's expected hours). `null` when no path exists. Ties
 * between parallel arcs go to the lowest arc index, so results are deterministic.
 */
export function shortestArcPath(
  g: ExpandedGraph,
  sources: readonly number[],
  targets: readonly number[],
  weights?: ArrayLike<number>,
): number[] | null {
  if (sources.length === 0 || targets.length === 0) return null;
  const weightOf = (arc: number): number => {
    const w = weights === undefined ? g.arcs[arc]!.expectedHours : weights[arc];
    if (w === undefined || !Number.isFinite(w) || w < 0) {
      // Never default a weight (graphology would use 1): a bad weight is a bug upstream.
      throw new InvalidArgumentError(`weights[${arc}]`, w, 'a finite number of hours >= 0');
    }
    return w;
  };
  const graph = routingGraph(g);
  graph.addNode(SOURCE);
  graph.addNode(TARGET);
  try {
    for (const s of sources) graph.addEdge(SOURCE, String(s), { terminal: true });
    for (const t of targets) graph.addEdge(String(t), TARGET, { terminal: true });
    const path = bidirectional(graph, SOURCE, TARGET, (edge: string, attributes: Record<string, unknown>) =>
      attributes['terminal'] === true ? 0 : weightOf(Number(edge)),
    );
    if (path === null || path === undefined || path.length < 2) return null;
    const arcs: number[] = [];
    for (let k = 1; k + 2 < path.length; k++) {
      let best = -1;
      let bestW = Infinity;
      for (const e of graph.outEdges(path[k]!, path[k + 1]!)) {
        const i = Number(e);
        const w = weightOf(i);
        if (w < bestW || (w === bestW && i < best)) {
          best = i;
          bestW = w;
        }
      }
      arcs.push(best);
    }
    return arcs;
  } finally {
    graph.dropNode(SOURCE);
    graph.dropNode(TARGET);
  }
}
