// The peers, built from the same arc arrays: graphology (+ graphology-shortest-path), the library
// users see, and ngraph.graph (+ ngraph.path), the usual fast JavaScript path finder. Both get
// numeric-string / numeric ids and the same weights and heuristic as the engine.
import { DirectedGraph } from 'graphology';
import { bidirectional, singleSource } from 'graphology-shortest-path/dijkstra.js';
import createGraph, { type Graph as NGraph, type Link, type Node } from 'ngraph.graph';
import ngraphPath from 'ngraph.path';
import { euclideanBound, type ArcGraph } from './graphs.js';

interface XY {
  readonly x: number;
  readonly y: number;
}

/** The graph as a graphology DirectedGraph (the generated graphs have no parallel arcs). */
export function toGraphology(g: ArcGraph): DirectedGraph {
  const graph = new DirectedGraph();
  for (let v = 0; v < g.vertexCount; v++) graph.addNode(String(v));
  for (let i = 0; i < g.from.length; i++) graph.addDirectedEdge(String(g.from[i]), String(g.to[i]), { weight: g.weights[i] });
  return graph;
}

/** graphology-shortest-path's bidirectional Dijkstra; returns the path's cost (Infinity if none). */
export function graphologyPointToPoint(graph: DirectedGraph, s: number, t: number): number {
  const path = bidirectional(graph, String(s), String(t), 'weight');
  if (path === null || path === undefined) return Infinity;
  let cost = 0;
  for (let k = 0; k + 1 < path.length; k++) cost += graph.getDirectedEdgeAttribute(path[k]!, path[k + 1]!, 'weight') as number;
  return cost;
}

/** graphology-shortest-path's singleSource (one-to-all; it builds every path); returns how many vertices it reached. */
export function graphologyOneToAll(graph: DirectedGraph, s: number): number {
  return Object.keys(singleSource(graph, String(s), 'weight')).length;
}

/** The graph as an ngraph.graph with coordinates as node data and weights as link data. */
export function toNgraph(g: ArcGraph): NGraph<XY, number> {
  const graph = createGraph<XY, number>();
  for (let v = 0; v < g.vertexCount; v++) graph.addNode(v, { x: g.x[v]!, y: g.y[v]! });
  for (let i = 0; i < g.from.length; i++) graph.addLink(g.from[i]!, g.to[i]!, g.weights[i]!);
  return graph;
}

/** ngraph.path finders (A* and NBA*) with the Euclidean heuristic the engine's A* gets. */
export function ngraphFinders(graph: NGraph<XY, number>): { aStar: (s: number, t: number) => number; nba: (s: number, t: number) => number } {
  const options = {
    oriented: true,
    heuristic: (a: Node<XY>, b: Node<XY>) => euclideanBound(a.data.x - b.data.x, a.data.y - b.data.y),
    distance: (_a: Node<XY>, _b: Node<XY>, link: Link<number>) => link.data,
  };
  const aStar = ngraphPath.aStar(graph, options);
  const nba = ngraphPath.nba(graph, options);
  // ngraph.path returns the nodes target first; the cost is summed over the links between them.
  const cost = (nodes: Node<XY>[]): number => {
    if (nodes.length === 0) return Infinity;
    let c = 0;
    for (let k = nodes.length - 1; k > 0; k--) c += graph.getLink(nodes[k]!.id, nodes[k - 1]!.id)!.data;
    return c;
  };
  return { aStar: (s, t) => cost(aStar.find(s, t)), nba: (s, t) => cost(nba.find(s, t)) };
}
