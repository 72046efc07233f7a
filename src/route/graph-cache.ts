// The expanded-graph cache: one mode-expanded graph per network and what shapes it (profile, weight
// caps, avoided places), kept least recently used first, so routing and simulation never expand twice.
import type { Network } from '../network/network.js';
import type { ProfileSpec } from '../network/types.js';
import { expand, type Avoid, type ExpandedGraph } from './expand.js';

const graphs = new WeakMap<Network, Map<string, ExpandedGraph>>();

/** Expanded graphs kept per network (least recently used dropped first). */
export const GRAPH_CACHE_SIZE = 32;

/**
 * The expanded graph of a network for a profile (minus what `avoid` names), built once and cached
 * per network by what shapes the graph: profile id, modes, drivers, the structures whose weight cap the
 * profile exceeds, and `avoid`. Equal profiles share a graph; a sweep over `maxHours` or over
 * weights below every cap reuses one; at most `GRAPH_CACHE_SIZE` graphs are kept per network.
 */
export function expandedGraph(network: Network, profile: ProfileSpec, avoid: Avoid = {}): ExpandedGraph {
  let cache = graphs.get(network);
  if (cache === undefined) graphs.set(network, (cache = new Map()));
  const overCap: string[] = [];
  if (profile.grossWeightTonnes !== undefined) {
    for (const l of network.links) {
      for (const st of l.structures ?? []) {
        if (st.weightLimitTonnes !== undefined && profile.grossWeightTonnes > st.weightLimitTonnes) overCap.push(`${l.id}\u0000${st.id}`);
      }
    }
  }
  const key = JSON.stringify([
    profile.id,
    [...profile.modes].sort(),
    profile.drivers ?? 0,
    overCap,
    [...(avoid.countries ?? [])].sort(),
    [...(avoid.nodes ?? [])].sort(),
    [...(avoid.links ?? [])].sort(),
  ]);
  let g = cache.get(key);
  if (g !== undefined) {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, g);
    return g;
  }
  g = expand(network, profile, avoid);
  cache.set(key, g);
  if (cache.size > GRAPH_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return g;
}

