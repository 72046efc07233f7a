// The validated, immutable, indexed network that every function takes. Users edit documents
// (`NetworkSpec`); the library reads a `Network`. Lookups use Maps, so ids such as `__proto__` are
// ordinary ids.
import { InvalidArgumentError, UnknownProfileError } from '../errors.js';
import { BUILT_IN_PROFILES } from './profiles.js';
import { MODES, type LinkSpec, type NetworkSpec, type NodeSpec, type ProfileSpec, type SourceSpec } from './types.js';
import { deepFreeze, parseNetworkSpec, type ValidateOptions } from './validate.js';

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
 * deeply frozen. Not part of the public API: a caller's document goes through `parseNetwork`.
 */
export function indexValidSpec(spec: NetworkSpec): Network {
  return indexNetwork(spec);
}

function indexNetwork(spec: NetworkSpec): Network {
  const links: Link[] = [];
  for (const l of spec.links) {
    const { bidirectional, ...rest } = l;
    links.push(deepFreeze({ ...rest, baseId: l.id, reversed: false }));
    if (bidirectional === true) {
      links.push(deepFreeze({ ...rest, id: `${l.id}:reverse`, from: l.to, to: l.from, baseId: l.id, reversed: true }));
    }
  }
  const profileById = new Map<string, ProfileSpec>(BUILT_IN_PROFILES.map((p) => [p.id, p]));
  for (const p of spec.profiles ?? []) profileById.set(p.id, p);
  const network: Network = Object.freeze({
    spec,
    id: spec.id,
    title: spec.title,
    nodes: spec.nodes,
    links: Object.freeze(links),
    nodeById: new Map(spec.nodes.map((n) => [n.id, n])),
    linkById: new Map(links.map((l) => [l.id, l])),
    sourceById: new Map((spec.sources ?? []).map((s) => [s.id, s])),
    profileById,
  });
  indexed.add(network);
  return network;
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
