// The network as a graphology graph, for users who want graphology's ecosystem (metrics, layouts,
// GEXF/GraphML export). Routing does not use this graph; see route/search.ts.
import { MultiDirectedGraph } from 'graphology';
import { InvalidArgumentError } from '../errors.js';
import { requireNetwork, type Link, type Network } from './network.js';
import type { NodeSpec } from './types.js';

/** Node attributes of `toGraph`'s graph: the node document minus its id. */
export type GraphNodeAttributes = Omit<NodeSpec, 'id'>;
/** Edge attributes of `toGraph`'s graph: the link minus its id, from and to. */
export type GraphLinkAttributes = Omit<Link, 'id' | 'from' | 'to'>;

/**
 * A graphology `MultiDirectedGraph` of the network: one node per node (keyed by id), one edge per
 * directed link (keyed by link id, reverse links of bidirectional ones included), with the document's
 * fields as attributes. Throws `InvalidArgumentError` for an id that graphology cannot hold as a key
 * (a name of `Object.prototype`, such as `__proto__`: graphology indexes adjacency with plain objects).
 */
export function toGraph(network: Network): MultiDirectedGraph<GraphNodeAttributes, GraphLinkAttributes> {
  requireNetwork(network);
  const graph = new MultiDirectedGraph<GraphNodeAttributes, GraphLinkAttributes>();
  const unsafe = (key: string): boolean => key in Object.prototype;
  for (const n of network.nodes) {
    if (unsafe(n.id)) throw new InvalidArgumentError(`nodes[id=${n.id}]`, n.id, 'an id graphology can use as a key (not a name of Object.prototype)');
    const { id, ...attributes } = n;
    graph.addNode(id, attributes);
  }
  for (const l of network.links) {
    if (unsafe(l.id)) throw new InvalidArgumentError(`links[id=${l.id}]`, l.id, 'an id graphology can use as a key (not a name of Object.prototype)');
    const { id, from, to, ...attributes } = l;
    graph.addDirectedEdgeWithKey(id, from, to, attributes);
  }
  return graph;
}
