// Waypoints: a trip that must pass given nodes in order is a shortest path in a layered copy of the
// expanded graph. Layer j holds the trip after its first j waypoints; every arc of the expanded graph
// appears in each layer, except that a pass through waypoint j + 1 (a stop arc A(w, a) → D(w, b) at
// that node, carrying its stages) leads from layer j to layer j + 1. A trip starts in layer 0 and
// ends in the last layer, so it passes every waypoint in order, each with its stages counted as at
// any other intermediate node, and between waypoints it is free (it may pass a later waypoint early,
// or come back the way it went, as a route to a dead-end port must). The least-time path of the
// layered graph is thus the best concatenation of legs, each leg a least-time path between the
// waypoints' vertices (the property test checks this against routing each leg on its own).
//
// Arcs keep their parts (and so their random elements' keys): Monte Carlo draws, planned or adaptive,
// need nothing else, and an element met in two layers gets the same draw in both, as a stage met
// twice on one route does.
import { memoized } from '../network/memo.js';
import { withEnds, type Arc, type ExpandedGraph } from './expand.js';

const LAYERED = Symbol('through waypoints');

/**
 * The layered graph of `graph` through `via` (node ids, in order, none the trip's origin or
 * destination, no two consecutive ones equal: checked by `resolveTrip`). Vertex `v` of layer `j` is
 * `j × V + v`; `departures` lists, per node, its departure vertices in the first layer and
 * `arrivals` its arrival vertices in the last, so a trip from any origin to any destination starts
 * and ends where it must. Built once per graph and list of waypoints.
 */
export function throughWaypoints(graph: ExpandedGraph, via: readonly string[]): ExpandedGraph {
  if (via.length === 0) return graph;
  const cache = memoized(graph, LAYERED, () => new Map<string, ExpandedGraph>());
  const key = JSON.stringify(via);
  let g = cache.get(key);
  if (g === undefined) cache.set(key, (g = build(graph, via)));
  return g;
}

function build(graph: ExpandedGraph, via: readonly string[]): ExpandedGraph {
  const layers = via.length + 1;
  const n = graph.vertexCount;
  const vertices: string[] = [];
  for (let j = 0; j < layers; j++) for (const k of graph.vertices) vertices.push(j === 0 ? k : `${j}|${k}`);
  const arcs: Arc[] = [];
  for (let j = 0; j < layers; j++) {
    const next = j < via.length ? via[j] : undefined;
    const base = j * n;
    for (const arc of graph.arcs) {
      // A pass through the next waypoint moves on to the next layer; nothing else does.
      const up = arc.type === 'stop' && arc.node!.id === next ? n : 0;
      arcs.push(withEnds(arc, base + arc.from, base + up + arc.to));
    }
  }
  const last = via.length * n;
  const departures = new Map<string, readonly number[]>();
  const arrivals = new Map<string, readonly number[]>();
  for (const [node, vs] of graph.departures) departures.set(node, vs);
  for (const [node, vs] of graph.arrivals) arrivals.set(node, vs.map((v) => last + v));
  return { ...graph, vertexCount: vertices.length, vertices, arcs, departures, arrivals, via: [...via] };
}
