// The expanded-graph cache: one mode-expanded graph per network and what shapes it (profile, weight
// caps, avoided places), kept least recently used first, so routing and simulation never expand twice.
import { memoized } from '../network/memo.js';
import { derivationOf, type Network } from '../network/network.js';
import type { ProfileSpec } from '../network/types.js';
import { deriveGraph } from './derive.js';
import { expand, type Avoid, type ExpandedGraph } from './expand.js';

const GRAPHS = Symbol('expanded graphs');

/** Expanded graphs kept per network (least recently used dropped first). */
export const GRAPH_CACHE_SIZE = 32;

const OVER_CAPS = Symbol('weight caps exceeded');

/** The structures (`link\0structure`) whose weight cap a gross weight exceeds, as JSON; once per network and weight. */
function overCapKey(network: Network, grossWeightTonnes: number | undefined): string {
  if (grossWeightTonnes === undefined) return '[]';
  const byWeight = memoized(network, OVER_CAPS, () => new Map<number, string>());
  let key = byWeight.get(grossWeightTonnes);
  if (key === undefined) {
    const over: string[] = [];
    // From the link documents, each direction in the order of `network.links` (a reverse link has
    // its document's structures): the directed links are made only when read.
    for (const l of network.spec.links) {
      for (const id of l.bidirectional === true ? [l.id, `${l.id}:reverse`] : [l.id]) {
        for (const st of l.structures ?? []) {
          if (st.weightLimitTonnes !== undefined && grossWeightTonnes > st.weightLimitTonnes) over.push(`${id}\u0000${st.id}`);
        }
      }
    }
    byWeight.set(grossWeightTonnes, (key = JSON.stringify(over)));
  }
  return key;
}

/** What shapes a network's graph for a profile: profile id, modes, the weight caps it exceeds, avoided places. */
function graphKey(network: Network, profile: ProfileSpec, avoid: Avoid): string {
  return JSON.stringify([
    profile.id,
    [...profile.modes].sort(),
    profile.drivers ?? 0,
    overCapKey(network, profile.grossWeightTonnes),
    [...(avoid.countries ?? [])].sort(),
    [...(avoid.nodes ?? [])].sort(),
    [...(avoid.links ?? [])].sort(),
  ]);
}

/**
 * The expanded graph of a network for a profile (minus what `avoid` names), built once and cached
 * per network by what shapes the graph: profile id, modes, drivers, the structures whose weight cap the
 * profile exceeds, and `avoid`. Equal profiles share a graph; a sweep over `maxHours` or over
 * weights below every cap reuses one; at most `GRAPH_CACHE_SIZE` graphs are kept per network. A
 * network derived by the library's measures with only weight changes and link removals gets its
 * graph from its parent's (route/derive.ts), not by expanding again.
 */
export function expandedGraph(network: Network, profile: ProfileSpec, avoid: Avoid = {}): ExpandedGraph {
  const cache = memoized(network, GRAPHS, () => new Map<string, ExpandedGraph>());
  const key = graphKey(network, profile, avoid);
  let g = cache.get(key);
  if (g !== undefined) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, g);
    return g;
  }
  const derivation = derivationOf(network);
  g =
    derivation === undefined
      ? expand(network, profile, avoid)
      : deriveGraph(expandedGraph(derivation.parent, profile, avoid), network, derivation.change, profile);
  cache.set(key, g);
  if (cache.size > GRAPH_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return g;
}
