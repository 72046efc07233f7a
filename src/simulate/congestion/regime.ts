// Regimes: the corridor over a period of its past (or a planned one), as the network document
// declares it (`regimes`): the traffic offered then against the capacity of that time. A regime is
// applied to a network as a document edit (services' fleets, capacities and headways; stages'
// servers and durations; links out of use), so the same congestion model computes its waits; with `overload`, the period's capacity
// held only until a date and the document's came after, and a place the period's traffic
// overloads builds a fluid backlog over that window that clears afterwards (`overload.ts`).
import { InvalidArgumentError } from '../../errors.js';
import { requireNetwork, parseNetwork, type Network } from '../../network/network.js';
import type { EpisodeSpec, FigureRange, LinkSpec, NetworkSpec, NodeSpec, Provenance, ProvenanceSpec, RegimeSpec, StageSpec } from '../../network/types.js';
import { editLink } from '../../measures/adjust-link.js';
import { scaleDistribution } from '../../measures/scale.js';
import type { DepartureWindow } from '../calendar.js';

/** The regime every network has: the document as it is, at its reference volume. */
export const TODAY_REGIME = 'today';

/** A regime applied: the network of its period, the one after its overload window, and when. */
export interface ResolvedRegime {
  readonly id: string;
  /** The declared regime; null for `today` when the document does not declare it. */
  readonly spec: RegimeSpec | null;
  /** The network over the period (the regime's capacity, its links out of use). */
  readonly network: Network;
  /** With `overload`: the network after the window (the document's capacity, the links still out of use); else null. */
  readonly after: Network | null;
  /** Traffic offered, a factor on the reference volume. */
  readonly volume: number;
  /** With `overload`: the window and the period, hours from the period's start. */
  readonly window: { readonly overloadHours: number; readonly periodHours: number; readonly from: string; readonly until: string; readonly to: string } | null;
}

function hoursOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 3_600_000;
}

/** The ids of the regimes `network` offers: `today` and the ones its document declares. */
export function regimeIds(network: Network): string[] {
  const ids = (network.spec.regimes ?? []).map((r) => r.id);
  return ids.includes(TODAY_REGIME) ? ids : [TODAY_REGIME, ...ids];
}

/** `services`, `stages` and `closedLinks` of `regime` applied to `spec` (`withServices` false: closures only). */
function edited(spec: NetworkSpec, regime: RegimeSpec, withServices: boolean): NetworkSpec {
  const stageChanges = new Map((withServices ? (regime.stages ?? []) : []).map((s) => [`${s.node}|${s.stage}`, s]));
  const nodes =
    stageChanges.size === 0
      ? spec.nodes
      : spec.nodes.map((node): NodeSpec => {
          if (node.stages === undefined || !node.stages.some((st) => stageChanges.has(`${node.id}|${st.id}`))) return node;
          const stages = node.stages.map((st) => {
            const c = stageChanges.get(`${node.id}|${st.id}`);
            if (c === undefined) return st;
            let out: StageSpec = st;
            if (c.servers !== undefined) out = { ...out, servers: c.servers };
            if (c.durationFactor !== undefined) out = { ...out, durationHours: scaleDistribution(out.durationHours, c.durationFactor) };
            // The document's absolute ranges describe its own figures, not the period's (the edit
            // carries its own provenance); relative ones (`factor`) still hold around the new figure.
            const changed = new Set([...(c.servers !== undefined ? ['servers'] : []), ...(c.durationFactor !== undefined ? ['durationHours'] : [])]);
            return out.source === undefined ? out : { ...out, source: withoutAbsoluteRanges(out.source, changed) };
          });
          return { ...node, stages };
        });
  const changes = new Map((withServices ? (regime.services ?? []) : []).map((s) => [s.link, s]));
  const links = spec.links.map((link): LinkSpec => {
    const c = changes.get(link.id);
    if (c === undefined || link.service === undefined) return link;
    let service = link.service;
    if (c.vessels !== undefined) service = { ...service, vessels: c.vessels };
    if (c.capacity !== undefined) service = { ...service, capacity: c.capacity };
    if (c.headwayFactor !== undefined) {
      service =
        service.headwayHours !== undefined
          ? { ...service, headwayHours: scaleDistribution(service.headwayHours, c.headwayFactor) }
          : { ...service, departuresPerWeek: service.departuresPerWeek! / c.headwayFactor };
    }
    return { ...link, service };
  });
  // One period's network: its own regimes (which name links it may have closed) are left out.
  const { regimes: _regimes, ...rest } = spec;
  let out: NetworkSpec = { ...rest, nodes, links };
  for (const closed of regime.closedLinks ?? []) out = editLink(out, `regime:${regime.id}`, closed.link, 'both', () => null);
  return out;
}

/** `source` without the absolute (`min`/`max`) ranges of the `fields` a regime changed. */
function withoutAbsoluteRanges(source: ProvenanceSpec, fields: ReadonlySet<string>): ProvenanceSpec {
  const one = (p: Provenance): Provenance => {
    if (p.range === undefined) return p;
    const ranges = (Array.isArray(p.range) ? p.range : [p.range]) as readonly FigureRange[];
    const kept = ranges.filter((r) => !(fields.has(r.field) && r.factor === undefined));
    if (kept.length === ranges.length) return p;
    const { range: _range, ...rest } = p;
    return kept.length === 0 ? rest : { ...rest, range: kept };
  };
  return Array.isArray(source) ? (source as readonly Provenance[]).map(one) : one(source as Provenance);
}

const cache = new WeakMap<Network, Map<string, ResolvedRegime>>();

/**
 * Regime `id` of `network` (`today`, or one its document declares) applied: the network of its
 * period, the volume, the overload window. Cached per network. `InvalidArgumentError` naming
 * `regime` for an id the network does not offer.
 */
export function resolveRegime(network: Network, id: unknown): ResolvedRegime {
  requireNetwork(network);
  const offered = regimeIds(network);
  if (typeof id !== 'string' || !offered.includes(id)) throw new InvalidArgumentError('regime', id, `one of ${offered.join(', ')}`);
  let byId = cache.get(network);
  if (byId === undefined) cache.set(network, (byId = new Map()));
  const hit = byId.get(id);
  if (hit !== undefined) return hit;
  const spec = (network.spec.regimes ?? []).find((r) => r.id === id) ?? null;
  let resolved: ResolvedRegime;
  const edits = spec !== null && (spec.services?.length ?? 0) + (spec.stages?.length ?? 0) + (spec.closedLinks?.length ?? 0) > 0;
  if (spec === null || (!edits && spec.overload === undefined)) {
    // The document as it is (a declared `today`, or a regime of traffic alone).
    resolved = { id, spec, network, after: null, volume: spec?.volume ?? 1, window: null };
  } else {
    const during = parseNetwork(edited(network.spec, spec, true));
    const from = hoursOf(spec.period.from);
    const to = hoursOf(spec.period.to);
    const overload = spec.overload;
    resolved = {
      id,
      spec,
      network: during,
      after: overload === undefined ? null : parseNetwork(edited(network.spec, spec, false)),
      volume: spec.volume,
      window: overload === undefined ? null : { overloadHours: hoursOf(overload.until) - from, periodHours: to - from, from: spec.period.from, until: overload.until, to: spec.period.to },
    };
  }
  byId.set(id, resolved);
  return resolved;
}

/**
 * The network of regime `id` over its period: the document with the services' fleets, capacities
 * and headways and the stages' servers and durations of that time and its links out of use (`today`: `network` itself). Measures meant
 * for that period apply to this network. `InvalidArgumentError` naming `network` or `regime`.
 */
export function regimeNetwork(network: Network, id: string): Network {
  return resolveRegime(network, id).network;
}

/**
 * The default departure window under `regime`: its declared period (`period.from` to the day
 * before `period.to`, both included), so a trip under the 2022–23 surge departs in 2022 and meets
 * that period's seasons and episodes; `undefined` without a regime or for an undeclared `today`
 * (the network's reference year then).
 */
export function regimeDepartureWindow(regime: ResolvedRegime | null): DepartureWindow | undefined {
  const period = regime?.spec?.period;
  if (period === undefined) return undefined;
  const lastDay = new Date((hoursOf(period.to) - 24) * 3_600_000).toISOString().slice(0, 10);
  return { from: period.from, to: lastDay };
}

const withEpisodesCache = new WeakMap<Network, Map<string, Network>>();

/**
 * `network` with `episodes` added to its document's (a regime's overload window walked in
 * calendar time); `network` itself when there are none. Cached per network and episodes.
 */
export function withEpisodes(network: Network, episodes: readonly EpisodeSpec[] | undefined): Network {
  if (episodes === undefined || episodes.length === 0) return network;
  let byKey = withEpisodesCache.get(network);
  if (byKey === undefined) withEpisodesCache.set(network, (byKey = new Map()));
  const key = JSON.stringify(episodes);
  let hit = byKey.get(key);
  if (hit === undefined) {
    hit = parseNetwork({ ...network.spec, episodes: [...(network.spec.episodes ?? []), ...episodes] });
    byKey.set(key, hit);
  }
  return hit;
}
