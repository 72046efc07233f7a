// A trip's origin, destination, profile and avoided places, checked against the network and resolved
// to the start and end vertices of its expanded graph: what every route search and simulation starts from.
import { InvalidArgumentError } from '../errors.js';
import { isCountryCode } from '../network/countries.js';
import { findNode } from '../network/lookup.js';
import { requireNetwork, resolveProfile, type Network } from '../network/network.js';
import type { ProfileSpec } from '../network/types.js';
import type { Avoid, ExpandedGraph } from './expand.js';
import { expandedGraph } from './graph-cache.js';
import { throughWaypoints } from './waypoints.js';

/** Options of `fastestRoute`. */
export interface RouteOptions {
  /** Node id, name or alias (case- and accent-insensitive). */
  readonly origin: string;
  readonly destination: string;
  /** A built-in profile (`container-rail`, `wagon`, `truck`), one the network declares, or a profile object. */
  readonly profile: string | ProfileSpec;
  /**
   * Places the trip must not use: `countries` (ISO codes: their nodes and the links counted to them),
   * `nodes` (ids or names) and `links` (ids). E.g. `{ countries: ['RU', 'BY'] }` for a route that
   * bypasses Russia and Belarus, as Middle Corridor shippers do.
   */
  readonly avoid?: Avoid;
  /**
   * Nodes the trip must pass, in this order (ids, names or aliases), e.g. `['poti']` for a route
   * through Poti. Each is an intermediate stop: its stages count as at any other node. Between
   * waypoints the route is free (it may pass a later waypoint early, or come back the way it went).
   */
  readonly via?: readonly string[];
}

function checkList(field: string, value: unknown): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new InvalidArgumentError(field, value, 'an array of strings');
  return value as string[];
}

/** Check `avoid` against the network; node names resolve to ids. */
function resolveAvoid(network: Network, avoid: unknown): Avoid {
  if (avoid === undefined) return {};
  if (typeof avoid !== 'object' || avoid === null || Array.isArray(avoid)) throw new InvalidArgumentError('avoid', avoid, 'an object { countries?, nodes?, links? }');
  const a = avoid as Record<string, unknown>;
  for (const key of Object.keys(a)) {
    if (!['countries', 'nodes', 'links'].includes(key)) throw new InvalidArgumentError(`avoid.${key}`, a[key], 'no such field (countries, nodes, links)');
  }
  // Country codes are matched in any case, like node names ("ru" is Russia).
  const countries = checkList('avoid.countries', a['countries']).map((c) => {
    if (!isCountryCode(c.toUpperCase())) throw new InvalidArgumentError('avoid.countries', c, 'an ISO 3166-1 alpha-2 code such as "RU"');
    return c.toUpperCase();
  });
  const nodes = checkList('avoid.nodes', a['nodes']).map((n) => findNode(network, n, 'avoid.nodes').id);
  const links = checkList('avoid.links', a['links']);
  for (const l of links) {
    if (!network.linkById.has(l)) throw new InvalidArgumentError('avoid.links', l, 'the id of a link of the network');
  }
  return { countries, nodes, links };
}

/** Check `via` against the network and the trip's ends; names resolve to ids. */
function resolveVia(network: Network, via: unknown, originId: string, destinationId: string, avoid: Avoid): string[] {
  const ids = checkList('via', via).map((n, i) => findNode(network, n, `via[${i}]`).id);
  ids.forEach((id, i) => {
    if (id === originId || id === destinationId) throw new InvalidArgumentError(`via[${i}]`, id, 'a node other than the origin and the destination');
    if (i > 0 && ids[i - 1] === id) throw new InvalidArgumentError(`via[${i}]`, id, `a node other than the waypoint before it`);
    const country = network.nodeById.get(id)!.country;
    if (avoid.countries?.includes(country) || avoid.nodes?.includes(id)) throw new InvalidArgumentError(`via[${i}]`, id, 'a node the trip does not avoid');
  });
  return ids;
}

/** Origin, destination and profile checked and resolved, ready for routing. */
export interface ResolvedTrip {
  /** The expanded graph, layered through the waypoints when there are any (`throughWaypoints`). */
  readonly graph: ExpandedGraph;
  /** The profile as given (the graph may have been built for an equal one; limits such as `maxHours` come from here). */
  readonly profile: ProfileSpec;
  readonly originId: string;
  readonly destinationId: string;
  /** Waypoint node ids, in order (empty without). */
  readonly via: readonly string[];
  readonly sources: readonly number[];
  readonly targets: readonly number[];
}

/** Resolve and check a trip's origin, destination and profile (typed errors on bad input). */
export function resolveTrip(network: Network, options: RouteOptions): ResolvedTrip {
  requireNetwork(network);
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object { origin, destination, profile }');
  const profile = resolveProfile(network, options.profile);
  const origin = findNode(network, options.origin, 'origin');
  const destination = findNode(network, options.destination, 'destination');
  if (origin.id === destination.id) {
    throw new InvalidArgumentError('destination', options.destination, `a node other than the origin (${origin.id})`);
  }
  const avoid = resolveAvoid(network, options.avoid);
  for (const [field, node] of [['origin', origin], ['destination', destination]] as const) {
    if (avoid.countries?.includes(node.country) || avoid.nodes?.includes(node.id)) {
      throw new InvalidArgumentError(field, node.id, 'a node the trip does not avoid');
    }
  }
  const via = resolveVia(network, options.via, origin.id, destination.id, avoid);
  const graph = throughWaypoints(expandedGraph(network, profile, avoid), via);
  return {
    graph,
    profile,
    originId: origin.id,
    destinationId: destination.id,
    via,
    sources: graph.departures.get(origin.id) ?? [],
    targets: graph.arrivals.get(destination.id) ?? [],
  };
}
