// Fastest route on expected times, and the per-country × per-category breakdown of where its time goes.
import { fsum } from 'd3-array';
import { InvalidArgumentError } from '../errors.js';
import { isCountryCode } from '../network/countries.js';
import { findNode } from '../network/lookup.js';
import { resolveProfile, type Network } from '../network/network.js';
import { CATEGORIES, type Category, type Mode, type ProfileSpec } from '../network/types.js';
import { expand, type Avoid, type ExpandedGraph, type Part, type PartKind } from './expand.js';
import { shortestArcPath } from './shortest.js';

/** One timed item of a route, with the hours it is expected to take. */
export interface RoutePart {
  readonly kind: PartKind;
  readonly label: string;
  /** Country (ISO alpha-2) or body of water the time counts to. */
  readonly country: string;
  readonly category: Category;
  /** Expected hours (a stage's probability × its mean duration). */
  readonly hours: number;
  readonly nodeId?: string;
  readonly linkId?: string;
  readonly stageId?: string;
  readonly structureId?: string;
}

/** Travel along one link. */
export interface RouteLeg {
  readonly linkId: string;
  readonly from: string;
  readonly to: string;
  readonly mode: Mode;
  readonly distanceKm: number;
  /** Σ parts: waiting for a departure, travel or sailing, structures. */
  readonly hours: number;
  readonly parts: readonly RoutePart[];
}

/** A pass through an intermediate node, with the stages that apply. */
export interface RouteStop {
  readonly nodeId: string;
  readonly name: string;
  readonly country: string;
  readonly arrivalMode: Mode;
  readonly departureMode: Mode;
  readonly hours: number;
  readonly parts: readonly RoutePart[];
}

/** A route with expected times. */
export interface Route {
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  /** Node ids, origin first. */
  readonly nodes: readonly string[];
  /** Link ids, in order. */
  readonly links: readonly string[];
  readonly legs: readonly RouteLeg[];
  /** Intermediate nodes (every node but the first and last), in order. */
  readonly stops: readonly RouteStop[];
  /** Every timed item in travel order; legs' and stops' parts interleaved. */
  readonly parts: readonly RoutePart[];
  readonly distanceKm: number;
  /** Σ parts' hours. */
  readonly totalHours: number;
  readonly totalDays: number;
}

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
}

const graphs = new WeakMap<Network, Map<string, ExpandedGraph>>();

/** Expanded graphs kept per network (least recently used dropped first). */
export const GRAPH_CACHE_SIZE = 32;

/**
 * The expanded graph of a network for a profile (minus what `avoid` names), built once and cached
 * per network by what shapes the graph: profile id, modes, the structures whose weight cap the
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
  const countries = checkList('avoid.countries', a['countries']);
  for (const c of countries) if (!isCountryCode(c)) throw new InvalidArgumentError('avoid.countries', c, 'an ISO 3166-1 alpha-2 code such as "RU"');
  const nodes = checkList('avoid.nodes', a['nodes']).map((n) => findNode(network, n, 'avoid.nodes').id);
  const links = checkList('avoid.links', a['links']);
  for (const l of links) {
    if (!network.linkById.has(l)) throw new InvalidArgumentError('avoid.links', l, 'the id of a link of the network');
  }
  return { countries, nodes, links };
}

/** Origin, destination and profile checked and resolved, ready for routing. */
export interface ResolvedTrip {
  readonly graph: ExpandedGraph;
  /** The profile as given (the graph may have been built for an equal one; limits such as `maxHours` come from here). */
  readonly profile: ProfileSpec;
  readonly originId: string;
  readonly destinationId: string;
  readonly sources: readonly number[];
  readonly targets: readonly number[];
}

/** Resolve and check a trip's origin, destination and profile (typed errors on bad input). */
export function resolveTrip(network: Network, options: RouteOptions): ResolvedTrip {
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
  const graph = expandedGraph(network, profile, avoid);
  return {
    graph,
    profile,
    originId: origin.id,
    destinationId: destination.id,
    sources: graph.departures.get(origin.id) ?? [],
    targets: graph.arrivals.get(destination.id) ?? [],
  };
}

function toRoutePart(p: Part, hours: number): RoutePart {
  const out: { -readonly [K in keyof RoutePart]: RoutePart[K] } = { kind: p.kind, label: p.label, country: p.country, category: p.category, hours };
  if (p.nodeId !== undefined) out.nodeId = p.nodeId;
  if (p.linkId !== undefined) out.linkId = p.linkId;
  if (p.stageId !== undefined) out.stageId = p.stageId;
  if (p.structureId !== undefined) out.structureId = p.structureId;
  return out;
}

/**
 * Build a route from a path of arc indices. `partHours(arc, k)` gives the hours of the k-th part of
 * an arc (default: its expected hours); Monte Carlo passes sampled hours.
 */
export function routeFromArcs(
  trip: ResolvedTrip,
  arcs: readonly number[],
  partHours: (arc: number, k: number) => number = (arc, k) => trip.graph.arcs[arc]!.parts[k]!.expectedHours,
): Route {
  const g = trip.graph;
  const nodes: string[] = [trip.originId];
  const links: string[] = [];
  const legs: RouteLeg[] = [];
  const stops: RouteStop[] = [];
  const parts: RoutePart[] = [];
  let distanceKm = 0;
  for (const i of arcs) {
    const arc = g.arcs[i]!;
    const ps = arc.parts.map((p, k) => toRoutePart(p, partHours(i, k)));
    parts.push(...ps);
    const hours = fsum(ps, (p) => p.hours);
    if (arc.type === 'link') {
      const l = arc.link!;
      nodes.push(l.to);
      links.push(l.id);
      distanceKm += l.distanceKm;
      legs.push({ linkId: l.id, from: l.from, to: l.to, mode: l.mode, distanceKm: l.distanceKm, hours, parts: ps });
    } else {
      const n = arc.node!;
      stops.push({ nodeId: n.id, name: n.name, country: n.country, arrivalMode: arc.arrivalMode!, departureMode: arc.departureMode!, hours, parts: ps });
    }
  }
  const totalHours = fsum(parts, (p) => p.hours);
  return {
    origin: trip.originId,
    destination: trip.destinationId,
    profile: trip.profile.id,
    nodes,
    links,
    legs,
    stops,
    parts,
    distanceKm,
    totalHours,
    totalDays: totalHours / 24,
  };
}

/**
 * The fastest route from `origin` to `destination` for a profile, on expected times: links from
 * distance and speed (or mean duration); stages as probability × mean duration; ferry and sea links
 * as the expected wait for a random arrival (mean residual headway plus the cancellation term) plus
 * mean sailing time. Stages at the origin and destination are not counted. Mode changes are
 * transfers in the mode-expanded graph. Returns `null` when no route exists for the profile.
 * Throws `UnknownNodeError`, `UnknownProfileError` or `InvalidArgumentError` on bad arguments.
 */
export function fastestRoute(network: Network, options: RouteOptions): Route | null {
  const trip = resolveTrip(network, options);
  const arcs = shortestArcPath(trip.graph, trip.sources, trip.targets);
  return arcs === null ? null : routeFromArcs(trip, arcs);
}

/** Hours per category. */
export type CategoryHours = Record<Category, number>;

/** Hours spent in one country (or body of water), per category. */
export interface CountryHours {
  readonly country: string;
  readonly hours: number;
  readonly byCategory: CategoryHours;
}

/** Where a route's time goes: per country × category, per country, per category. */
export interface Breakdown {
  readonly totalHours: number;
  /** Countries in order of first appearance along the route. */
  readonly byCountry: readonly CountryHours[];
  readonly byCategory: CategoryHours;
}

/** An object with every category at 0. */
export function zeroCategories(): CategoryHours {
  return { moving: 0, border: 0, customs: 0, handling: 0, waiting: 0 };
}

/**
 * Hours per country × category (`moving`, `border`, `customs`, `handling`, `waiting`) of a route.
 * Every cell is an exactly rounded sum (d3 `fsum`) of the route's parts, so the cells, the country
 * totals and the category totals each add up to `totalHours` to within floating-point rounding
 * (about 1e-12 of the total).
 */
export function breakdown(route: Pick<Route, 'parts' | 'totalHours'>): Breakdown {
  const cells = new Map<string, Map<Category, number[]>>();
  for (const p of route.parts) {
    let row = cells.get(p.country);
    if (row === undefined) cells.set(p.country, (row = new Map()));
    let cell = row.get(p.category);
    if (cell === undefined) row.set(p.category, (cell = []));
    cell.push(p.hours);
  }
  const byCountry: CountryHours[] = [];
  for (const [country, row] of cells) {
    const byCategory = zeroCategories();
    for (const c of CATEGORIES) byCategory[c] = fsum(row.get(c) ?? []);
    byCountry.push({ country, hours: fsum(CATEGORIES.flatMap((c) => row.get(c) ?? [])), byCategory });
  }
  const byCategory = zeroCategories();
  for (const c of CATEGORIES) byCategory[c] = fsum(route.parts.filter((p) => p.category === c), (p) => p.hours);
  return { totalHours: route.totalHours, byCountry, byCategory };
}
