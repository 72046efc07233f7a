// A network derived by the library's own measures (network/derivation.ts) gets its expanded graph
// from its parent's: the same vertices and arcs, with the arcs of changed links and nodes given new
// parts (and weights) and the arcs of removed links dropped. When nothing was removed the arc
// numbering is the parent's, so the compiled graph is the parent's topology with a copy of its
// weights (search.ts); otherwise it is compiled from the derived arcs. Either way nothing is
// expanded again: no vertex keys, no labels or element keys for what did not change.
import { memoOf } from '../network/memo.js';
import type { Network } from '../network/network.js';
import type { SpecChange } from '../network/derivation.js';
import type { ProfileSpec } from '../network/types.js';
import { linkParts, partsHours, stopParts, type Arc, type ExpandedGraph } from './expand.js';

/** A derived graph that kept its parent's arc numbering, and the arcs whose weight may differ. */
export interface SameShape {
  readonly parent: ExpandedGraph;
  readonly changedArcs: Int32Array;
}

const SAME_SHAPE = Symbol('same shape as');

/** The parent and changed arcs of a graph derived without removals (`deriveGraph`), else undefined. */
export function sameShapeAs(graph: ExpandedGraph): SameShape | undefined {
  return memoOf(graph).get(SAME_SHAPE) as SameShape | undefined;
}

/**
 * The expanded graph of `network` (derived from `parent.network` by `change`) for `profile`, built
 * from `parent`, the parent network's graph for the same profile and avoided places. Vertices the
 * removed links alone served stay, with no arcs: no route can use them.
 */
export function deriveGraph(parent: ExpandedGraph, network: Network, change: SpecChange, profile: ProfileSpec): ExpandedGraph {
  const arcs: Arc[] = [];
  const changed: number[] = [];
  let removed = false;
  for (const arc of parent.arcs) {
    if (arc.type === 'link') {
      const baseId = arc.link!.baseId;
      if (change.removedLinks.has(baseId)) {
        removed = true;
        continue;
      }
      if (change.links.has(baseId)) {
        const link = network.linkById.get(arc.link!.id)!;
        const parts = linkParts(network, link, profile);
        changed.push(arcs.length);
        arcs.push({ from: arc.from, to: arc.to, type: 'link', link, parts, expectedHours: partsHours(parts) });
        continue;
      }
    } else if (change.nodes.has(arc.node!.id)) {
      const node = network.nodeById.get(arc.node!.id)!;
      const parts = stopParts(node, arc.arrivalMode!, arc.departureMode!, profile);
      changed.push(arcs.length);
      arcs.push({ from: arc.from, to: arc.to, type: 'stop', node, arrivalMode: arc.arrivalMode!, departureMode: arc.departureMode!, parts, expectedHours: partsHours(parts) });
      continue;
    }
    arcs.push(arc);
  }
  const graph: ExpandedGraph = { ...parent, network, profile, arcs };
  if (!removed) memoOf(graph).set(SAME_SHAPE, { parent, changedArcs: Int32Array.from(changed) });
  return graph;
}
