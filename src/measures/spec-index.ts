// Lookups on a network document, for measures. Transforms read the document they are given (not a
// parsed Network), because in a chain of measures an earlier one may have added or closed links.
import { InvalidMeasureError } from '../errors.js';
import type { LinkSpec, NetworkSpec, NodeSpec } from '../network/types.js';

/** Where a directed link id lives in the document. */
export interface LinkRef {
  /** Index into `spec.links`. */
  readonly index: number;
  /** True when the id is the generated reverse (`x:reverse`) of a bidirectional link. */
  readonly reversed: boolean;
}

/** Where a structure lives in the document. */
export interface StructureRef {
  readonly linkIndex: number;
  readonly structureIndex: number;
}

/** Indexes of one document. */
export interface SpecIndex {
  readonly nodes: ReadonlyMap<string, NodeSpec>;
  /** Where each node id lives in `spec.nodes`. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Directed link ids (reverse ids of bidirectional links included). */
  readonly links: ReadonlyMap<string, LinkRef>;
  readonly structures: ReadonlyMap<string, StructureRef>;
  /** Every country a node, stage or link of the document names. */
  readonly countries: ReadonlySet<string>;
}

// Indexes of frozen documents, kept: every measure of a package, and every variant of a measure
// applied to the same network, indexes the same document.
const indexes = new WeakMap<NetworkSpec, SpecIndex>();

/** Index a document (linear in its size; once per frozen document). */
export function indexSpec(spec: NetworkSpec): SpecIndex {
  let index = indexes.get(spec);
  if (index === undefined) {
    index = buildIndex(spec);
    if (Object.isFrozen(spec) && Object.isFrozen(spec.nodes) && Object.isFrozen(spec.links)) indexes.set(spec, index);
  }
  return index;
}

function buildIndex(spec: NetworkSpec): SpecIndex {
  const nodes = new Map<string, NodeSpec>();
  const nodeIndex = new Map<string, number>();
  const countries = new Set<string>();
  for (const [i, n] of spec.nodes.entries()) {
    nodes.set(n.id, n);
    nodeIndex.set(n.id, i);
    countries.add(n.country);
    for (const s of n.stages ?? []) countries.add(s.country);
  }
  const links = new Map<string, LinkRef>();
  const structures = new Map<string, StructureRef>();
  spec.links.forEach((l, index) => {
    links.set(l.id, { index, reversed: false });
    if (l.bidirectional === true) links.set(`${l.id}:reverse`, { index, reversed: true });
    if (l.country !== undefined) countries.add(l.country);
    (l.structures ?? []).forEach((s, structureIndex) => structures.set(s.id, { linkIndex: index, structureIndex }));
  });
  return { nodes, nodeIndex, links, structures, countries };
}

/** The country a link's time counts to: its `country`, else its origin node's (undefined for waters). */
export function linkCountry(index: SpecIndex, link: LinkSpec): string | undefined {
  if (link.country !== undefined) return link.country;
  if (link.waters !== undefined) return undefined;
  return index.nodes.get(link.from)?.country;
}

/** Throw unless every country is named somewhere in the document (no check with `absent: 'ignore'`). */
export function requireCountries(measureId: string, index: SpecIndex, countries: readonly string[] | undefined, absent: 'error' | 'ignore' = 'error'): void {
  if (absent === 'ignore') return;
  for (const c of countries ?? []) {
    if (!index.countries.has(c)) {
      throw new InvalidMeasureError(measureId, 'scope.countries', c, `a country present in the network (${[...index.countries].sort().join(', ')})`);
    }
  }
}

/** Throw unless every node id exists; returns the nodes. */
export function requireNodes(measureId: string, field: string, index: SpecIndex, ids: readonly string[] | undefined): NodeSpec[] {
  return (ids ?? []).map((id) => {
    const n = index.nodes.get(id);
    if (n === undefined) throw new InvalidMeasureError(measureId, field, id, 'the id of a node of the network');
    return n;
  });
}

/** Throw unless the directed link id exists; returns where it lives. */
export function requireLink(measureId: string, field: string, index: SpecIndex, id: string): LinkRef {
  const ref = index.links.get(id);
  if (ref === undefined) throw new InvalidMeasureError(measureId, field, id, 'the id of a link of the network (a document id, or "<id>:reverse" for the reverse of a bidirectional link)');
  return ref;
}
