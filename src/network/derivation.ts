// What changed between a network and one the library's own measures derived from it, found by
// reference: a measure's transform shares every object it does not change with its input, so a node
// or link whose object is the same is unchanged. A change that keeps the shape of the mode-expanded
// graph (the same nodes, the same links with the same ends, modes, countries, profiles and weight
// caps) changes only arc weights; links may also be removed. The route layer then derives the new
// network's graphs from the old one's by replacing the changed arcs, instead of expanding and
// compiling afresh (what `applyMeasures` → `fastestRoute` spends its time on otherwise).
import type { LinkSpec, NetworkSpec, NodeSpec, StructureSpec } from './types.js';

/** How a document differs from the one it was derived from, when only arc weights and link removals differ. */
export interface SpecChange {
  /** Nodes whose stages changed (nothing else about them did), by id, as they are now. */
  readonly nodes: ReadonlyMap<string, NodeSpec>;
  /** Links whose timing changed (not their ends, mode, country, waters, profiles or weight caps), by document id, as they are now. */
  readonly links: ReadonlyMap<string, LinkSpec>;
  /** Document ids of links removed. */
  readonly removedLinks: ReadonlySet<string>;
}

/** Node fields whose change reshapes the graph or its keys: all but `stages` (and the prose). */
function sameNodeShape(a: NodeSpec, b: NodeSpec): boolean {
  return a.id === b.id && a.country === b.country && a.lat === b.lat && a.lon === b.lon && a.kind === b.kind && a.name === b.name;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

/** Structures that keep their ids and weight caps (which decide who may use the link). */
function sameCaps(a: readonly StructureSpec[] | undefined, b: readonly StructureSpec[] | undefined): boolean {
  if (a === b) return true;
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  return x.every((s, i) => {
    const t = y[i]!;
    return s.id === t.id && s.weightLimitTonnes === t.weightLimitTonnes && (s.overweightDetourHours === undefined) === (t.overweightDetourHours === undefined);
  });
}

function sameLinkShape(a: LinkSpec, b: LinkSpec): boolean {
  return (
    a.id === b.id &&
    a.from === b.from &&
    a.to === b.to &&
    a.mode === b.mode &&
    a.bidirectional === b.bidirectional &&
    a.country === b.country &&
    a.waters === b.waters &&
    a.name === b.name &&
    sameList(a.profiles, b.profiles) &&
    sameCaps(a.structures, b.structures)
  );
}

/**
 * How `child` differs from `parent`, or `undefined` when the difference reshapes the graph beyond
 * removing links (a node added, removed or moved, a link added or re-routed, profiles changed).
 */
export function specChange(parent: NetworkSpec, child: NetworkSpec): SpecChange | undefined {
  if (child.profiles !== parent.profiles || child.nodes.length !== parent.nodes.length) return undefined;
  const nodes = new Map<string, NodeSpec>();
  if (child.nodes !== parent.nodes) {
    for (let i = 0; i < child.nodes.length; i++) {
      const a = parent.nodes[i]!;
      const b = child.nodes[i]!;
      if (a === b) continue;
      if (!sameNodeShape(a, b)) return undefined;
      nodes.set(b.id, b);
    }
  }
  const links = new Map<string, LinkSpec>();
  const removedLinks = new Set<string>();
  if (child.links !== parent.links) {
    // The child's links are the parent's in the same order, some removed, some changed in timing.
    let j = 0;
    for (const b of child.links) {
      while (j < parent.links.length && parent.links[j]!.id !== b.id) removedLinks.add(parent.links[j++]!.id);
      if (j === parent.links.length) return undefined;
      const a = parent.links[j++]!;
      if (a === b) continue;
      if (!sameLinkShape(a, b)) return undefined;
      links.set(b.id, b);
    }
    while (j < parent.links.length) removedLinks.add(parent.links[j++]!.id);
  }
  return { nodes, links, removedLinks };
}
