// Reference implementations the engine is checked against in tests.
import { MultiDirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import { meanOf, type Link, type Mode, type Network } from '../src/index.js';

/**
 * Expected hours of a link from the document alone (for the random networks of arbitraries.ts: a
 * speed, or a service with a fixed or triangular headway): travel, or the wait a random arrival
 * makes, E[H²] / (2 E[H]) (the inspection paradox) plus the cancellation term, plus sailing; on a
 * road leg, a profile's `drivers` add their AETR rests.
 */
export function expectedLinkHours(l: Link, drivers?: number): number {
  if (l.service) {
    const headway = l.service.headwayHours!;
    const h = meanOf(headway);
    const secondMoment =
      headway.type === 'triangular'
        ? (headway.min ** 2 + headway.mode ** 2 + headway.max ** 2 + headway.min * headway.mode + headway.min * headway.max + headway.mode * headway.max) / 6
        : h * h;
    if (headway.type !== 'triangular' && headway.type !== 'fixed') throw new Error(`oracle: no second moment for ${headway.type}`);
    const c = l.service.cancellationProbability;
    return secondMoment / (2 * h) + (c / (1 - c)) * h + meanOf(l.service.sailingHours);
  }
  const driving = l.distanceKm / l.speedKmh!;
  // AETR rests on road legs: (45 min + 11 h) per 9 h driven for one driver, 12 h per 18 h for two.
  const rest = l.mode === 'road' && drivers !== undefined ? driving * (drivers === 1 ? 11.75 / 9 : 12 / 18) : 0;
  return driving + rest;
}

/** Expected hours of the stages at `nodeId` for a pass arriving by `a` and departing by `b`, from the document alone. */
export function expectedStopHours(network: Network, nodeId: string, a: Mode, b: Mode): number {
  let s = 0;
  for (const st of network.nodeById.get(nodeId)!.stages ?? []) {
    if (!st.modes.includes(a) && !st.modes.includes(b)) continue;
    if (st.when === 'transfer' && a === b) continue;
    if (st.when === 'through' && a !== b) continue;
    s += (st.probability ?? 1) * meanOf(st.durationHours);
  }
  return s;
}

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
