// The mode-expanded ("virtual") network of multimodal freight models (DESIGN §4). Each node n and
// mode m the profile may use at n gives two vertices, A(n,m) "arrived by m" and D(n,m) "departing by
// m". A link u→v of mode m is an arc D(u,m)→A(v,m); passing through n is an arc A(n,a)→D(n,b)
// carrying the stages that apply to (a, b). Dwell is thus an arc weight, and any shortest-path
// routine handles transfers. Every arc keeps its timed parts (with country and category) so that
// results can be broken down and sampled.
import { LazyMap } from '../network/lazy-map.js';
import { directedLinksOfNetwork, nodeIndexOf, type DirectedLinks, type Link, type Network } from '../network/network.js';
import { expectedDepartureWaitHours, headwayOf, meanOf, shortfallMeanOf } from '../network/distribution.js';
import { MODES, type Category, type Distribution, type LinkSpec, type Mode, type NodeSpec, type ProfileSpec, type StageSpec, type StructureSpec } from '../network/types.js';
import { restHoursPerDrivingHour } from './drivers-hours.js';

/**
 * A wait distribution as a quantile table (the congestion model's waits): knots at u = i/K joined
 * linearly, and above the last knot an exponential tail with mean `tailHours`.
 */
export interface WaitTable {
  /** Q(i/K) in hours, i = 0 … K − 1, non-decreasing. */
  readonly knots: Float64Array;
  /** Mean excess over the last knot of the draws above it (hours). */
  readonly tailHours: number;
  /** Mean of what the table draws (hours). */
  readonly meanHours: number;
}

/** How a part's duration is drawn. */
export type PartModel =
  /** Always this many hours. */
  | { readonly type: 'constant'; readonly hours: number }
  /**
   * With probability `probability`, a draw of `dist`; otherwise 0. `occurrence`: whether it happens
   * is decided by another element's draw (a stage `insteadOf` another): it happens when that draw
   * falls in [from, from + probability).
   */
  | { readonly type: 'random'; readonly dist: Distribution; readonly probability: number; readonly occurrence?: Occurrence }
  /**
   * A speed restriction on a link whose travel time T is random: max(0, limitHours − perTravelHour ×
   * T) hours, T being the travel element's own draw (`travelKey`), so that a faster draw, or a
   * faster link, never makes the restricted link slower.
   */
  | { readonly type: 'restriction'; readonly travel: Distribution; readonly travelKey: string; readonly limitHours: number; readonly perTravelHour: number }
  /** Wait for the next departure of a service, for a random arrival. */
  | { readonly type: 'departure-wait'; readonly headway: Distribution; readonly cancellationProbability: number }
  /**
   * With probability `probability`, a draw from `table`; otherwise 0. `occurrence`: whether it
   * happens is decided by another element's draw 0, in [from, from + probability) (a queue wait
   * happens exactly when its stage does: the stage's own draw from 0, or, for a stage instead of
   * another, that stage's band).
   */
  | { readonly type: 'table'; readonly table: WaitTable; readonly probability: number; readonly occurrence?: Occurrence };

/** Whose draw decides whether a part happens, when it is another element's: draw 0 of `key` in [from, from + probability). */
export interface Occurrence {
  readonly key: string;
  readonly from: number;
}

/** The key of the element whose draws a model uses besides its own (`occurrence.key`, `travelKey`). */
export function sourceKeyOf(model: PartModel): string | undefined {
  if (model.type === 'random' || model.type === 'table') return model.occurrence?.key;
  if (model.type === 'restriction') return model.travelKey;
  return undefined;
}

/** What a part is. */
export type PartKind = 'travel' | 'sailing' | 'departure-wait' | 'stage' | 'speed-restriction' | 'overweight-detour' | 'closure' | 'drivers-rest' | 'queue-wait' | 'rolled-wait' | 'backlog-wait';

/** One timed item of a trip: a link's travel, a wait for a ferry, a stage at a node, a bridge closure. */
export interface Part {
  readonly kind: PartKind;
  /**
   * Identity of the random element behind the part (`stage|<node>|<stage>`, `link|<link>|sailing`,
   * …). Monte Carlo draws are keyed by it, so the same element gets the same draws in every network
   * that has it (common random numbers across measures), and stop arcs sharing a stage share its draw.
   */
  readonly key: string;
  /** Human-readable, e.g. `Dostyk: gauge change`. */
  readonly label: string;
  /** Country (ISO alpha-2) or body of water the time counts to. */
  readonly country: string;
  readonly category: Category;
  readonly model: PartModel;
  /** Expected hours (the mean of `model`). */
  readonly expectedHours: number;
  readonly nodeId?: string;
  readonly linkId?: string;
  readonly stageId?: string;
  readonly structureId?: string;
}

/** An arc of the expanded graph: a link, or a pass through a node. */
export interface Arc {
  readonly from: number;
  readonly to: number;
  readonly type: 'link' | 'stop';
  /** The link (for `link` arcs). */
  readonly link?: Link;
  /** The node (for `stop` arcs). */
  readonly node?: NodeSpec;
  readonly arrivalMode?: Mode;
  readonly departureMode?: Mode;
  readonly parts: readonly Part[];
  /** Σ parts' expected hours. */
  readonly expectedHours: number;
}

/** Places a trip must not use: countries (nodes in them, links counted to them), nodes, links. */
export interface Avoid {
  /** ISO 3166-1 alpha-2 codes, e.g. `['RU', 'BY']` for a route that bypasses Russia and Belarus. */
  readonly countries?: readonly string[];
  /** Node ids. */
  readonly nodes?: readonly string[];
  /** Link ids: a document id closes both directions of a bidirectional link; `<id>:reverse` one. */
  readonly links?: readonly string[];
}

/** The expanded graph of one network for one profile. */
export interface ExpandedGraph {
  readonly network: Network;
  readonly profile: ProfileSpec;
  /** What the graph leaves out. */
  readonly avoid: Avoid;
  /**
   * Node ids a trip on this graph passes in order (`throughWaypoints`): the graph is then layered,
   * one copy per waypoint passed; absent for a plain expanded graph.
   */
  readonly via?: readonly string[];
  /** How many vertices (`vertices.length`, without making the keys). */
  readonly vertexCount: number;
  /**
   * Vertex keys, `A|<node>|<mode>` or `D|<node>|<mode>`; the index is the vertex number. `expand`
   * makes them on first read: routing needs only the numbers, and a big network has most of a
   * million vertices (their keys were a tenth of its first route's time).
   */
  readonly vertices: readonly string[];
  readonly arcs: readonly Arc[];
  /** Vertices a trip may start from, per node: D(n, m) for each usable mode (in the first layer). */
  readonly departures: ReadonlyMap<string, readonly number[]>;
  /** Vertices a trip may end at, per node: A(n, m) (in the last layer). */
  readonly arrivals: ReadonlyMap<string, readonly number[]>;
}

/**
 * An element key from id components: `\` and `|` are escaped, so ids that contain `|` can never make
 * two different elements share a key (and so their draws).
 */
export function elementKey(...components: string[]): string {
  let key = '';
  for (let i = 0; i < components.length; i++) {
    const c = components[i]!;
    // Most ids have neither character: no regular expression then (a big network has millions of keys).
    const escaped = c.includes('\\') || c.includes('|') ? c.replace(/\\/g, '\\\\').replace(/\|/g, '\\|') : c;
    key = i === 0 ? escaped : `${key}|${escaped}`;
  }
  return key;
}

function part(p: Omit<Part, 'expectedHours'>): Part {
  return { ...p, expectedHours: expectedHoursOf(p.model) };
}

/** The mean hours of a part drawn by `model`. */
export function expectedHoursOf(m: PartModel): number {
  switch (m.type) {
    case 'constant':
      return m.hours;
    case 'random':
      return m.probability * meanOf(m.dist);
    case 'restriction':
      return m.perTravelHour * shortfallMeanOf(m.travel, m.limitHours / m.perTravelHour);
    case 'departure-wait':
      return expectedDepartureWaitHours(m.headway, m.cancellationProbability);
    case 'table':
      return m.probability * m.table.meanHours;
  }
}

/** The country (or body of water) a link's time counts to: its `country`, its `waters`, or its ends' country. */
export function linkCountry(network: Network, link: Link): string {
  if (link.country !== undefined) return link.country;
  if (link.waters !== undefined) return link.waters;
  // Validation guarantees both ends are in the same country when neither field is given.
  return network.nodeById.get(link.from)!.country;
}

/** May `profile` use `link` (either direction)? Mode allowed, listed in `profiles` if that is set, no impassable weight cap. */
export function linkUsable(link: Pick<LinkSpec, 'mode' | 'profiles' | 'structures'>, profile: ProfileSpec): boolean {
  if (!profile.modes.includes(link.mode)) return false;
  if (link.profiles !== undefined && !link.profiles.includes(profile.id)) return false;
  for (const s of link.structures ?? []) {
    if (overweight(s.weightLimitTonnes, profile) && s.overweightDetourHours === undefined) return false;
  }
  return true;
}

function overweight(limit: number | undefined, profile: ProfileSpec): boolean {
  return limit !== undefined && profile.grossWeightTonnes !== undefined && profile.grossWeightTonnes > limit;
}

/** One timed term of travelling a link: what it is, the model it is drawn from, the structure behind it. */
interface LinkTerm {
  readonly kind: PartKind;
  readonly model: PartModel;
  readonly structure?: StructureSpec;
}

/**
 * The timed terms of travelling a link, in order: wait for departure, travel or sailing, then per
 * drivers' rests on a road leg (AETR), then per structure its speed restriction, overweight detour
 * and closure. The same for both directions.
 */
function linkTerms(link: LinkSpec, profile: ProfileSpec): LinkTerm[] {
  const terms: LinkTerm[] = [];
  if (link.service !== undefined) {
    const s = link.service;
    terms.push({ kind: 'departure-wait', model: { type: 'departure-wait', headway: headwayOf(s), cancellationProbability: s.cancellationProbability } });
    terms.push({ kind: 'sailing', model: { type: 'random', dist: s.sailingHours, probability: 1 } });
  } else if (link.speedKmh !== undefined) {
    terms.push({ kind: 'travel', model: { type: 'constant', hours: link.distanceKm / link.speedKmh } });
  } else if (link.durationHours !== undefined) {
    terms.push({ kind: 'travel', model: { type: 'random', dist: link.durationHours, probability: 1 } });
  }
  if (link.mode === 'road' && profile.drivers !== undefined && link.service === undefined) {
    // Rests on top of the driving, at the AETR cycle's time average (drivers-hours.ts); a random
    // travel time is taken at its mean, so the rest is a constant either way.
    const drivingHours = link.speedKmh !== undefined ? link.distanceKm / link.speedKmh : link.durationHours !== undefined ? meanOf(link.durationHours) : 0;
    const restHours = drivingHours * restHoursPerDrivingHour(profile.drivers);
    if (restHours > 0) {
      terms.push({ kind: 'drivers-rest', model: { type: 'constant', hours: restHours } });
    }
  }
  for (const s of link.structures ?? []) {
    const restriction = s.speedLimitKmh !== undefined && s.restrictedKm !== undefined ? restrictionModel(link, s.speedLimitKmh, s.restrictedKm) : undefined;
    if (restriction !== undefined) terms.push({ kind: 'speed-restriction', model: restriction, structure: s });
    if (overweight(s.weightLimitTonnes, profile) && s.overweightDetourHours !== undefined) {
      terms.push({ kind: 'overweight-detour', model: { type: 'random', dist: s.overweightDetourHours, probability: 1 }, structure: s });
    }
    if (s.closureProbability > 0 && s.closureDelayHours !== undefined) {
      terms.push({ kind: 'closure', model: { type: 'random', dist: s.closureDelayHours, probability: s.closureProbability }, structure: s });
    }
  }
  return terms;
}

/**
 * The expected hours of each part of travelling `link` (`linkParts`' `expectedHours`, in order),
 * pushed onto `out`, without building the parts; returns their sum as `partsHours` adds it.
 */
export function linkPartHours(link: LinkSpec, profile: ProfileSpec, out?: number[]): number {
  // A link given by speed, without service, structures or drivers' rests, has one term: its travel
  // time (0 + t is t). Most links of a big network are such; building their terms was millions of objects.
  if (out === undefined && link.service === undefined && link.speedKmh !== undefined && link.structures === undefined && !(link.mode === 'road' && profile.drivers !== undefined)) {
    return link.distanceKm / link.speedKmh;
  }
  let sum = 0;
  for (const t of linkTerms(link, profile)) {
    const h = expectedHoursOf(t.model);
    out?.push(h);
    sum += h;
  }
  return sum;
}

const STRUCTURE_LABEL: Partial<Record<PartKind, string>> = { 'speed-restriction': 'speed restriction', 'overweight-detour': 'detour over weight cap', closure: 'closure' };
const STRUCTURE_KEY: Partial<Record<PartKind, string>> = { 'speed-restriction': 'restriction', 'overweight-detour': 'detour', closure: 'closure' };

/** The timed parts of travelling a link, in order: wait for departure, travel/sailing, structures. */
export function linkParts(network: Network, link: Link, profile: ProfileSpec): Part[] {
  const country = linkCountry(network, link);
  const from = network.nodeById.get(link.from)!;
  const name = link.name ?? `${from.name} → ${network.nodeById.get(link.to)!.name}`;
  return linkTerms(link, profile).map((t): Part => {
    const expectedHours = expectedHoursOf(t.model);
    const s = t.structure;
    if (s !== undefined) {
      const category: Category = t.kind === 'closure' ? 'waiting' : 'moving';
      const key = elementKey('structure', link.id, s.id, STRUCTURE_KEY[t.kind]!);
      return { linkId: link.id, structureId: s.id, country, kind: t.kind, key, label: `${s.name}: ${STRUCTURE_LABEL[t.kind]!}`, category, model: t.model, expectedHours };
    }
    if (t.kind === 'drivers-rest') {
      return { linkId: link.id, kind: t.kind, key: elementKey('link', link.id, 'drivers-rest'), label: `${name}: drivers' breaks and rest`, country, category: 'waiting', model: t.model, expectedHours };
    }
    if (t.kind === 'departure-wait') {
      const label = `${from.name}: wait for ${link.mode} departure`;
      return { linkId: link.id, kind: t.kind, key: elementKey('link', link.id, 'wait'), label, country: from.country, category: 'waiting', model: t.model, expectedHours };
    }
    return { linkId: link.id, kind: t.kind, key: elementKey('link', link.id, t.kind), label: name, country, category: 'moving', model: t.model, expectedHours };
  });
}

/**
 * The expected hours of each stage of a pass through `node` (`stopParts`' `expectedHours`, in
 * order), pushed onto `out`, without building the parts; returns their sum as `partsHours` adds
 * it. `stageHours[i]`, when given, is stage i's expected hours (`stageExpectedHours`), computed once
 * for all the passes through the node.
 */
export function stopPartHours(node: NodeSpec, a: Mode, b: Mode, profile: ProfileSpec, out?: number[], stageHours: readonly number[] = stageExpectedHours(node)): number {
  let sum = 0;
  const stages = node.stages ?? [];
  for (let i = 0; i < stages.length; i++) {
    if (!stageApplies(stages[i]!, a, b, profile)) continue;
    const h = stageHours[i]!;
    out?.push(h);
    sum += h;
  }
  return sum;
}

const NO_HOURS: readonly number[] = Object.freeze([]);

/** Each stage's expected hours (probability × mean duration), in the order of `node.stages`. */
export function stageExpectedHours(node: NodeSpec): readonly number[] {
  return node.stages === undefined || node.stages.length === 0 ? NO_HOURS : node.stages.map((s) => (s.probability ?? 1) * meanOf(s.durationHours));
}

/**
 * The extra hours of a speed restriction (`restrictedKm` at `limitKmh`): on a link with a speed, the
 * constant R/L − R/v when the limit is below it; on a link whose travel time T is random, R/L −
 * (R/D)·T when the drawn speed D/T is above the limit (drawn with the travel, so a pure speed-up
 * never lengthens a run). `undefined` when it can never cost anything (a ferry or sea link, a limit
 * above every possible speed).
 */
function restrictionModel(link: LinkSpec, limitKmh: number, restrictedKm: number): PartModel | undefined {
  const limitHours = restrictedKm / limitKmh;
  if (link.service !== undefined) return undefined;
  if (link.speedKmh !== undefined) {
    return limitKmh < link.speedKmh ? { type: 'constant', hours: limitHours - restrictedKm / link.speedKmh } : undefined;
  }
  if (link.durationHours === undefined) return undefined;
  const perTravelHour = restrictedKm / link.distanceKm;
  if (!(shortfallMeanOf(link.durationHours, limitHours / perTravelHour) > 0)) return undefined;
  return { type: 'restriction', travel: link.durationHours, travelKey: elementKey('link', link.id, 'travel'), limitHours, perTravelHour };
}

/**
 * Does a stage apply to a pass through its node arriving by `a` and departing by `b`? The same rules
 * decide whether a charge at a node applies (economics), so it takes anything with a stage's
 * `modes`, `when` and `profiles`.
 */
export function stageApplies(stage: Pick<StageSpec, 'modes' | 'when' | 'profiles'>, a: Mode, b: Mode, profile: ProfileSpec): boolean {
  if (stage.profiles !== undefined && !stage.profiles.includes(profile.id)) return false;
  if (!stage.modes.includes(a) && !stage.modes.includes(b)) return false;
  const when = stage.when ?? 'always';
  if (when === 'transfer') return a !== b;
  if (when === 'through') return a === b;
  return true;
}

/** The timed parts of passing through `node` (stages only; origin and destination have none). */
export function stopParts(node: NodeSpec, a: Mode, b: Mode, profile: ProfileSpec): Part[] {
  const parts: Part[] = [];
  for (const s of node.stages ?? []) {
    if (!stageApplies(s, a, b, profile)) continue;
    // A stage instead of another takes the part of that stage's draw just after the other's share.
    const replaced = s.insteadOf === undefined ? undefined : node.stages!.find((x) => x.id === s.insteadOf)!;
    const occurrence = replaced === undefined ? {} : { occurrence: { key: elementKey('stage', node.id, replaced.id), from: replaced.probability ?? 1 } };
    parts.push(
      part({
        kind: 'stage',
        key: elementKey('stage', node.id, s.id),
        label: `${node.name}: ${s.name}`,
        country: s.country,
        category: s.category,
        model: { type: 'random', dist: s.durationHours, probability: s.probability ?? 1, ...occurrence },
        nodeId: node.id,
        stageId: s.id,
      }),
    );
  }
  return parts;
}

/** Σ parts' expected hours: an arc's weight. */
export function partsHours(parts: readonly Part[]): number {
  let s = 0;
  for (const p of parts) s += p.expectedHours;
  return s;
}

/** What `avoided` gives when nothing is avoided: `expand` then makes no `Link` to check. */
const NOTHING_AVOIDED = (): boolean => false;

function avoided(network: Network, avoid: Avoid): (link: Link) => boolean {
  const countries = new Set(avoid.countries ?? []);
  const nodes = new Set(avoid.nodes ?? []);
  const links = new Set(avoid.links ?? []);
  // Nothing avoided (most trips): no lookups per link, of which a big network has a million.
  if (countries.size === 0 && nodes.size === 0 && links.size === 0) return NOTHING_AVOIDED;
  const nodeOut = (id: string): boolean => nodes.has(id) || (countries.size > 0 && countries.has(network.nodeById.get(id)!.country));
  return (l) =>
    links.has(l.id) ||
    links.has(l.baseId) ||
    nodeOut(l.from) ||
    nodeOut(l.to) ||
    (l.country !== undefined && countries.has(l.country));
}

// Arcs of an expanded graph compute their parts (labels, element keys, models) on first use: routing
// needs only each arc's expected hours, and a big network has millions of arcs whose parts no route
// ever reads (they were most of a first route's time and memory). The hours are computed from the
// same terms in the same order as the parts, so they equal `partsHours(arc.parts)` exactly.

/** What a graph's lazy arcs need to make their parts. */
interface ArcSource {
  readonly network: Network;
  readonly profile: ProfileSpec;
  readonly links: DirectedLinks;
}

/**
 * An arc along a link, its parts and its `Link` made on first use: it keeps the link document and
 * the direction, whose figures give its hours (the same both ways).
 */
class LinkArc implements Arc {
  readonly type = 'link' as const;
  readonly from: number;
  readonly to: number;
  readonly expectedHours: number;
  readonly #doc: LinkSpec;
  /** Position in `network.links` × 2, plus 1 for the reverse direction. */
  readonly #code: number;
  readonly #source: ArcSource;
  #parts: readonly Part[] | undefined;
  constructor(from: number, to: number, doc: LinkSpec, position: number, reversed: boolean, source: ArcSource) {
    this.from = from;
    this.to = to;
    this.expectedHours = linkPartHours(doc, source.profile);
    this.#doc = doc;
    this.#code = position * 2 + (reversed ? 1 : 0);
    this.#source = source;
  }
  get link(): Link {
    return this.#source.links.at(this.#code >> 1, this.#doc, (this.#code & 1) === 1);
  }
  get parts(): readonly Part[] {
    return (this.#parts ??= linkParts(this.#source.network, this.link, this.#source.profile));
  }
}

/** A pass through a node, its parts made on first use. */
class StopArc implements Arc {
  readonly type = 'stop' as const;
  readonly from: number;
  readonly to: number;
  readonly node: NodeSpec;
  readonly arrivalMode: Mode;
  readonly departureMode: Mode;
  readonly expectedHours: number;
  readonly #profile: ProfileSpec;
  #parts: readonly Part[] | undefined;
  constructor(from: number, to: number, node: NodeSpec, a: Mode, b: Mode, profile: ProfileSpec, stageHours: readonly number[]) {
    this.from = from;
    this.to = to;
    this.node = node;
    this.arrivalMode = a;
    this.departureMode = b;
    this.expectedHours = stopPartHours(node, a, b, profile, undefined, stageHours);
    this.#profile = profile;
  }
  get parts(): readonly Part[] {
    return (this.#parts ??= stopParts(this.node, this.arrivalMode, this.departureMode, this.#profile));
  }
}

/** An arc with other ends (in a layer of a graph through waypoints), sharing the original's parts and hours. */
abstract class MovedArc {
  readonly from: number;
  readonly to: number;
  readonly expectedHours: number;
  readonly #arc: Arc;
  constructor(arc: Arc, from: number, to: number) {
    this.from = from;
    this.to = to;
    this.expectedHours = arc.expectedHours;
    this.#arc = arc;
  }
  get parts(): readonly Part[] {
    return this.#arc.parts;
  }
}

/** A link arc with other ends (its `Link` read from the original on first use). */
class MovedLinkArc extends MovedArc implements Arc {
  readonly type = 'link' as const;
  readonly #arc: Arc;
  constructor(arc: Arc, from: number, to: number) {
    super(arc, from, to);
    this.#arc = arc;
  }
  get link(): Link {
    return this.#arc.link!;
  }
}

/** A stop arc with other ends. */
class MovedStopArc extends MovedArc implements Arc {
  readonly type = 'stop' as const;
  readonly node: NodeSpec;
  readonly arrivalMode: Mode;
  readonly departureMode: Mode;
  constructor(arc: Arc, from: number, to: number) {
    super(arc, from, to);
    this.node = arc.node!;
    this.arrivalMode = arc.arrivalMode!;
    this.departureMode = arc.departureMode!;
  }
}

/** `arc` between other vertices (same link or stop, parts and hours). */
export function withEnds(arc: Arc, from: number, to: number): Arc {
  return arc.type === 'link' ? new MovedLinkArc(arc, from, to) : new MovedStopArc(arc, from, to);
}

/**
 * Build the expanded graph of `network` for `profile`, leaving out what `avoid` names.
 * Deterministic: same input, same numbering.
 */
export function expand(network: Network, profile: ProfileSpec, avoid: Avoid = {}): ExpandedGraph {
  // Vertices by (node, mode, side) in a typed table rather than a map of string keys: a big network
  // has hundreds of thousands. Numbered in order of first use, as they always were; `slots` holds
  // each vertex's table slot, from which its key is made when `vertices` is first read.
  const nodeIndex = nodeIndexOf(network);
  const table = new Int32Array(network.nodes.length * MODES.length * 2).fill(-1);
  const slots = new Int32Array(table.length);
  let vertexCount = 0;
  // `node` is a node's index in `network.nodes` (looked up once per link end: a big network has millions).
  const vertex = (side: 'A' | 'D', node: number, mode: Mode): number => {
    const slot = ((node * MODES.length + MODE_INDEX[mode]) << 1) | (side === 'D' ? 1 : 0);
    let v = table[slot]!;
    if (v < 0) {
      v = vertexCount++;
      slots[v] = slot;
      table[slot] = v;
    }
    return v;
  };
  const isAvoided = avoided(network, avoid);
  const links = directedLinksOfNetwork(network);
  const specs = links.specs;
  // The usable directed links, in the order of `network.links`, read from their documents: `used[k]`
  // is document k's index × 2 (+ 1 for its reverse), `positions[k]` its place in `network.links`.
  // Their `Link` objects are made only for avoided places to check, or when an arc's link is read.
  const used = new Int32Array(specs.length * 2);
  const positions = new Int32Array(specs.length * 2);
  let count = 0;
  let position = 0;
  for (let d = 0; d < specs.length; d++) {
    const l = specs[d]!;
    const forward = position++;
    const reverse = l.bidirectional === true ? position++ : -1;
    if (!linkUsable(l, profile)) continue;
    if (isAvoided === NOTHING_AVOIDED || !isAvoided(links.at(forward, l, false))) {
      used[count] = d * 2;
      positions[count++] = forward;
    }
    if (reverse >= 0 && (isAvoided === NOTHING_AVOIDED || !isAvoided(links.at(reverse, l, true)))) {
      used[count] = d * 2 + 1;
      positions[count++] = reverse;
    }
  }
  // The modes used at each node, as bits of MODE_INDEX.
  const modesAt = new Uint8Array(network.nodes.length);
  const ends = new Int32Array(count * 2);
  // Both directions of a document's link have the same two ends: looked up once.
  let doc = -1;
  let fromIndex = 0;
  let toIndex = 0;
  for (let k = 0; k < count; k++) {
    const d = used[k]! >> 1;
    const l = specs[d]!;
    if (d !== doc) {
      doc = d;
      fromIndex = nodeIndex.indexOf(l.from);
      toIndex = nodeIndex.indexOf(l.to);
    }
    const reversed = (used[k]! & 1) === 1;
    const bit = 1 << MODE_INDEX[l.mode];
    modesAt[(ends[2 * k] = reversed ? toIndex : fromIndex)]! |= bit;
    modesAt[(ends[2 * k + 1] = reversed ? fromIndex : toIndex)]! |= bit;
  }
  const arcs: Arc[] = [];
  const source: ArcSource = { network, profile, links };
  for (let k = 0; k < count; k++) {
    const l = specs[used[k]! >> 1]!;
    arcs.push(new LinkArc(vertex('D', ends[2 * k]!, l.mode), vertex('A', ends[2 * k + 1]!, l.mode), l, positions[k]!, (used[k]! & 1) === 1, source));
  }
  const nodes = network.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const bits = modesAt[i]!;
    if (bits === 0) continue;
    const node = nodes[i]!;
    const ordered = MODES_OF_BITS[bits]!;
    // Numbered here, departures then arrivals, as the maps below list them.
    for (const m of ordered) vertex('D', i, m);
    for (const m of ordered) vertex('A', i, m);
    const stageHours = stageExpectedHours(node);
    for (const a of ordered) {
      for (const b of ordered) arcs.push(new StopArc(vertex('A', i, a), vertex('D', i, b), node, a, b, profile, stageHours));
    }
  }
  // Each node's departure and arrival vertices, made on first use (a trip reads two of 200,000).
  const sideMap = (side: 'A' | 'D'): ReadonlyMap<string, readonly number[]> => {
    const made = new Map<number, readonly number[]>();
    const at = (i: number): readonly number[] => {
      let list = made.get(i);
      if (list === undefined) made.set(i, (list = MODES_OF_BITS[modesAt[i]!]!.map((m) => table[(((i * MODES.length + MODE_INDEX[m]) << 1) | (side === 'D' ? 1 : 0))]!)));
      return list;
    };
    return new LazyMap(
      function* () {
        for (let i = 0; i < nodes.length; i++) if (modesAt[i] !== 0) yield [nodes[i]!.id, at(i)] as const;
      },
      (id) => {
        const i = typeof id === 'string' ? nodeIndex.indexOf(id) : -1;
        return i < 0 || modesAt[i] === 0 ? undefined : at(i);
      },
    );
  };
  const departures = sideMap('D');
  const arrivals = sideMap('A');
  let keys: readonly string[] | undefined;
  return {
    network,
    profile,
    avoid,
    vertexCount,
    get vertices(): readonly string[] {
      return (keys ??= vertexKeys(network, slots, vertexCount));
    },
    arcs,
    departures,
    arrivals,
  };
}

/** The keys of vertices `0 … count - 1` from their table slots (node, mode, side) in `expand`. */
function vertexKeys(network: Network, slots: Int32Array, count: number): readonly string[] {
  const keys: string[] = [];
  for (let v = 0; v < count; v++) {
    const slot = slots[v]!;
    const nodeMode = slot >> 1;
    keys.push(`${(slot & 1) === 1 ? 'D' : 'A'}|${network.nodes[Math.floor(nodeMode / MODES.length)]!.id}|${MODES[nodeMode % MODES.length]!}`);
  }
  return keys;
}

/** Each mode's number, in `MODES` order. */
const MODE_INDEX: Readonly<Record<Mode, number>> = Object.fromEntries(MODES.map((m, i) => [m, i])) as Record<Mode, number>;
/** The modes in alphabetical order: the order of a node's vertices and stops. */
const MODES_BY_NAME: readonly Mode[] = [...MODES].sort();

/** The modes of a set of MODE_INDEX bits, in alphabetical order. */
const MODES_OF_BITS: readonly (readonly Mode[])[] = Array.from({ length: 1 << MODES.length }, (_, bits) => MODES_BY_NAME.filter((m) => (bits & (1 << MODE_INDEX[m])) !== 0));
