// The validated, immutable, indexed network that every function takes. Users edit documents
// (`NetworkSpec`); the library reads a `Network`. Lookups use Maps, so ids such as `__proto__` are
// ordinary ids.
import { InvalidArgumentError, UnknownProfileError } from '../errors.js';
import { BUILT_IN_PROFILES } from './profiles.js';
import { MODES, type LinkSpec, type NetworkSpec, type NodeSpec, type ProfileSpec, type SourceSpec } from './types.js';
import { specChange, type SpecChange } from './derivation.js';
import { attachMemo, memoized, memoOf } from './memo.js';
import { LazyMap } from './lazy-map.js';
import { deepFreeze, parseNetworkSpec, takeNodeIndex, type ValidateOptions } from './validate.js';
import { IdIndex } from './id-index.js';

/** A directed link as the network uses it: `bidirectional` links appear twice, the second reversed. */
export interface Link extends Omit<LinkSpec, 'bidirectional'> {
  /** The id of the link in the document (`id` without `:reverse`). */
  readonly baseId: string;
  /** True for the generated reverse of a `bidirectional` link. */
  readonly reversed: boolean;
}

/** A validated, immutable network with indexes. Create it with `parseNetwork`. */
export interface Network {
  /** The document it was built from (frozen). Measures transform this and re-parse. */
  readonly spec: NetworkSpec;
  readonly id: string;
  readonly title: string;
  readonly nodes: readonly NodeSpec[];
  /** Directed links, reverse links of `bidirectional` ones included. */
  readonly links: readonly Link[];
  readonly nodeById: ReadonlyMap<string, NodeSpec>;
  readonly linkById: ReadonlyMap<string, Link>;
  readonly sourceById: ReadonlyMap<string, SourceSpec>;
  /** Built-in profiles plus those declared in the document (which override built-ins of the same id). */
  readonly profileById: ReadonlyMap<string, ProfileSpec>;
}

/**
 * Validate a network document (JSON text or a parsed value) and index it. Throws one
 * `InvalidNetworkError` holding every problem found.
 */
export function parseNetwork(input: unknown, options: ValidateOptions = {}): Network {
  return indexNetwork(parseNetworkSpec(input, options));
}

// Networks this module indexed: their documents passed validation, or were derived from one that did
// by the library's own measures (`indexValidSpec`). A hand-made object that merely has the `Network`
// shape is not in the set, so nothing downstream may take its document as valid.
const indexed = new WeakSet<Network>();

/** Whether `network` was built by `parseNetwork` (or `indexValidSpec`), so its document is valid. */
export function isIndexedNetwork(network: unknown): boolean {
  return typeof network === 'object' && network !== null && indexed.has(network as Network);
}

/** A network derived from another by the library's own measures, and how its document differs. */
export interface Derivation {
  readonly parent: Network;
  readonly change: SpecChange;
}

const DERIVATION = Symbol('derivation');

/**
 * `network` if it is a `Network` (from `parseNetwork`, `loadNetwork`, `middleCorridor` or
 * `applyMeasures`); otherwise an `InvalidArgumentError` naming `field`. A network document (JSON) must
 * go through `parseNetwork` first: it is validated there, and indexed.
 */
export function requireNetwork(network: unknown, field = 'network'): Network {
  if (!isIndexedNetwork(network)) {
    const hint = typeof network === 'object' && network !== null && Array.isArray((network as { nodes?: unknown }).nodes) ? ' (this is a network document: pass it through parseNetwork first)' : '';
    throw new InvalidArgumentError(field, network, `a Network from parseNetwork, loadNetwork, middleCorridor or applyMeasures${hint}`);
  }
  return network as Network;
}

/**
 * Index a document that is valid by construction, without validating it again: for the library's
 * own measures, which turn a valid document into a valid one (`applyMeasures`). The document must be
 * deeply frozen. With `parent` (the network the measures were applied to), what changed is recorded
 * when it changes only arc weights or removes links (`derivationOf`). Not part of the public API: a
 * caller's document goes through `parseNetwork`.
 */
export function indexValidSpec(spec: NetworkSpec, parent?: Network): Network {
  const network = indexNetwork(spec, parent);
  if (parent !== undefined) {
    const change = specChange(parent.spec, spec);
    if (change !== undefined) memoOf(network).set(DERIVATION, { parent, change });
  }
  return network;
}

/** The network `network` was derived from by weight changes and link removals, and how; else undefined. */
export function derivationOf(network: Network): Derivation | undefined {
  return memoOf(network).get(DERIVATION) as Derivation | undefined;
}

/** A link document's fields, but `bidirectional`, copied into a new object (a for-in copy: rest destructuring of frozen objects takes V8's slow path). */
function linkFields(l: LinkSpec): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const key in l) if (key !== 'bidirectional') o[key] = (l as unknown as Record<string, unknown>)[key];
  return o;
}

/**
 * One direction of a link document as a `Link`: the document's own direction, or (`reversed`) the
 * reverse of a bidirectional one. Frozen one level deep: the document (deeply frozen, as
 * `indexNetwork` requires) holds the nested objects they share.
 */
function directedLink(l: LinkSpec, reversed: boolean): Link {
  const o = linkFields(l);
  if (reversed) {
    o['id'] = `${l.id}:reverse`;
    o['from'] = l.to;
    o['to'] = l.from;
  }
  o['baseId'] = l.id;
  o['reversed'] = reversed;
  return Object.freeze(o) as unknown as Link;
}

/**
 * The directed links of a link document: itself as a `Link`, and its reverse after it when
 * bidirectional.
 */
export function directedLinksOf(l: LinkSpec): readonly Link[] {
  return l.bidirectional === true ? [directedLink(l, false), directedLink(l, true)] : [directedLink(l, false)];
}

/**
 * A network's directed links, each made on first use. Routing reads a link document's figures
 * (`spec.links`) and needs the `Link` objects only of the arcs a route takes: a big network has a
 * million directed links, and copying them all was a second of its parse. `all()` makes the whole
 * array (`network.links`) on first use, keeping the links already made, so a link is one object
 * whichever way it was reached. Position p is the link's index in `network.links`.
 */
export class DirectedLinks {
  /** The link documents, in order (the network's `spec.links`). */
  readonly specs: readonly LinkSpec[];
  /** Links made one by one, by position, before `all()`. */
  readonly #made = new Map<number, Link>();
  #all: readonly Link[] | undefined;

  constructor(specs: readonly LinkSpec[], all?: readonly Link[]) {
    this.specs = specs;
    this.#all = all;
  }

  /** The link at position `position` of `network.links`: direction `reversed` of `doc`. */
  at(position: number, doc: LinkSpec, reversed: boolean): Link {
    const all = this.#all;
    if (all !== undefined) return all[position]!;
    let link = this.#made.get(position);
    if (link === undefined) this.#made.set(position, (link = directedLink(doc, reversed)));
    return link;
  }

  /** Every directed link, in order (made once). */
  all(): readonly Link[] {
    if (this.#all !== undefined) return this.#all;
    const list: Link[] = [];
    const made = this.#made;
    for (const l of this.specs) {
      list.push(made.get(list.length) ?? directedLink(l, false));
      if (l.bidirectional === true) list.push(made.get(list.length) ?? directedLink(l, true));
    }
    made.clear();
    return (this.#all = Object.freeze(list));
  }
}

const DIRECTED_LINKS = Symbol('directed links');

/** The directed links of `network` (made on first use), for routing: `network.links` is `all()`. */
export function directedLinksOfNetwork(network: Network): DirectedLinks {
  return memoOf(network).get(DIRECTED_LINKS) as DirectedLinks;
}

const DIRECTED = Symbol('directed links by document link');

/** A network's directed links per link document (for a derived network to share them), made on first use. */
function directedByDocument(network: Network): Map<LinkSpec, readonly Link[]> {
  return memoized(network, DIRECTED, () => {
    const byDoc = new Map<LinkSpec, readonly Link[]>();
    let at = 0;
    for (const l of network.spec.links) {
      const n = l.bidirectional === true ? 2 : 1;
      byDoc.set(l, network.links.slice(at, at + n));
      at += n;
    }
    return byDoc;
  });
}

/**
 * Index a document. With `parent` (a network whose document shares parts with this one), the
 * indexes of the parts it shares — the node, link, source and profile arrays — are reused.
 */
function indexNetwork(spec: NetworkSpec, parent?: Network): Network {
  const same = <K extends 'nodes' | 'links' | 'sources' | 'profiles'>(key: K): boolean => parent !== undefined && parent.spec[key] === spec[key];
  let directed: DirectedLinks;
  let linkById: ReadonlyMap<string, Link>;
  if (same('links')) {
    directed = directedLinksOfNetwork(parent!);
    linkById = parent!.linkById;
  } else {
    if (parent === undefined) directed = new DirectedLinks(spec.links);
    else {
      // Links the document shares with the parent's keep the parent's directed links.
      const list: Link[] = [];
      const shared = directedByDocument(parent);
      for (const l of spec.links) for (const d of shared.get(l) ?? directedLinksOf(l)) list.push(d);
      directed = new DirectedLinks(spec.links, Object.freeze(list));
    }
    linkById = new LazyMap(() => directed.all().map((l) => [l.id, l] as const));
  }
  let profileById: ReadonlyMap<string, ProfileSpec>;
  if (same('profiles')) profileById = parent!.profileById;
  else {
    const byId = new Map<string, ProfileSpec>(BUILT_IN_PROFILES.map((p) => [p.id, p]));
    for (const p of spec.profiles ?? []) byId.set(p.id, p);
    profileById = byId;
  }
  // The node ids validation numbered, when it checked this document (numbers are indexes in `nodes`).
  const index = same('nodes') ? (memoOf(parent!).get(NODE_INDEX) as IdIndex | undefined) : takeNodeIndex(spec);
  const network: Network = {
    spec,
    id: spec.id,
    title: spec.title,
    nodes: spec.nodes,
    links: NO_LINKS,
    nodeById: same('nodes') ? parent!.nodeById : nodeMapOf(spec, index),
    linkById,
    sourceById: same('sources') ? parent!.sourceById : new Map((spec.sources ?? []).map((s) => [s.id, s])),
    profileById,
  };
  // `links` is made on first read (DirectedLinks); it stays an enumerable property, in its place.
  Object.defineProperty(network, 'links', { get: () => directed.all(), enumerable: true });
  // Caches of what is derived from the network (its graphs, its derivation) live on it (memo.ts).
  attachMemo(network);
  memoOf(network).set(DIRECTED_LINKS, directed);
  if (index !== undefined) memoOf(network).set(NODE_INDEX, index);
  Object.freeze(network);
  indexed.add(network);
  return network;
}

const NO_LINKS: readonly Link[] = Object.freeze([]);

/**
 * `nodeById` of a document: with validation's numbering of its node ids, a Map that answers lookups
 * from it and is filled only when read whole (a big network has 200,000 nodes); else a Map.
 */
function nodeMapOf(spec: NetworkSpec, index: IdIndex | undefined): ReadonlyMap<string, NodeSpec> {
  const nodes = spec.nodes;
  if (index === undefined) return new Map(nodes.map((n) => [n.id, n]));
  return new LazyMap(
    () => nodes.map((n) => [n.id, n] as const),
    (id) => {
      const k = typeof id === 'string' ? index.indexOf(id) : -1;
      return k < 0 ? undefined : nodes[k];
    },
  );
}

const NODE_INDEX = Symbol('node index');

/** Each node's index in `network.nodes`, by id (validation's numbering, or made once per network). */
export function nodeIndexOf(network: Network): IdIndex {
  return memoized(network, NODE_INDEX, () => {
    const index = new IdIndex(network.nodes.length);
    for (const n of network.nodes) index.add(n.id);
    return index;
  });
}

/**
 * Resolve a profile given by id (built-in or declared in the network; in any case, unless two
 * declared ids differ only in case) or as an object. An object is checked (modes, positive limits);
 * an unknown id throws `UnknownProfileError`.
 */
export function resolveProfile(network: Network, profile: string | ProfileSpec): ProfileSpec {
  requireNetwork(network);
  if (typeof profile === 'string') {
    const exact = network.profileById.get(profile);
    if (exact !== undefined) return exact;
    // Ids match in any case ("WAGON" is wagon), unless the network declares ids that differ only in case.
    const folded = [...network.profileById.values()].filter((p) => p.id.toLowerCase() === profile.toLowerCase());
    if (folded.length !== 1) throw new UnknownProfileError(profile, [...network.profileById.keys()]);
    return folded[0]!;
  }
  if (typeof profile !== 'object' || profile === null) {
    throw new InvalidArgumentError('profile', profile, 'a profile id or a profile object');
  }
  if (typeof profile.id !== 'string' || profile.id === '') {
    throw new InvalidArgumentError('profile.id', profile.id, 'a non-empty string (links and stages restricted to profiles match on it)');
  }
  if (!Array.isArray(profile.modes) || profile.modes.length === 0 || profile.modes.some((m) => !(MODES as readonly string[]).includes(m))) {
    throw new InvalidArgumentError('profile.modes', profile.modes, `a non-empty array of ${MODES.join(', ')}`);
  }
  for (const key of ['maxHours', 'grossWeightTonnes', 'teu', 'cargoTonnes'] as const) {
    const v = profile[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw new InvalidArgumentError(`profile.${key}`, v, 'a finite number > 0');
    }
  }
  if (profile.drivers !== undefined && profile.drivers !== 1 && profile.drivers !== 2) {
    throw new InvalidArgumentError('profile.drivers', profile.drivers, '1 (one driver) or 2 (a two-driver crew)');
  }
  return profile;
}
