// A simulation's congestion settings: which waits it draws at capacity-limited places (the model's,
// from volume and capacity, or the dataset's surveyed ones), at what volume, and what the model says
// about the places on the planned route.
import { InvalidArgumentError } from '../../errors.js';
import type { Network } from '../../network/network.js';
import type { ExpandedGraph } from '../../route/expand.js';
import { networkFlows } from '../flow/demand.js';
import { congestedGraph, withoutUnstable } from './congested-graph.js';
import type { ResolvedTrip } from '../../route/trip.js';
import { shortestArcPath } from '../../route/search.js';
import { congestionModel, type CongestionModel, type PlaceWait } from './model.js';
import { volumeFactorOf, type VolumeSpec } from './volume.js';
import { overloadEpisodes, overloadedModel } from './overload.js';
import type { EpisodeSpec } from '../../network/types.js';
import { TODAY_REGIME, type ResolvedRegime } from './regime.js';

/** The values of `congestion`, the default first. */
export const CONGESTION_MODES = Object.freeze(['model', 'surveyed'] as const);
/**
 * `model`: waits at capacity-limited places follow from volume and capacity (the congestion
 * model), and the dataset's surveyed capacity waits (`queue` stages with `waitCause` `capacity`)
 * are dropped. `surveyed`: the dataset's surveyed waits, as they are.
 */
export type CongestionMode = (typeof CONGESTION_MODES)[number];

/** The congestion options of a simulation. */
export interface CongestionOptions {
  /** Default `model` when a `volume` or a `regime` other than `today` is given (and the network declares traffic), `surveyed` otherwise. */
  readonly congestion?: CongestionMode;
  /** The volume the model loads the network with (default the regime's: 1, its reference volume, for `today`). Model only. */
  readonly volume?: VolumeSpec;
  /**
   * The corridor of a period (`today`, the default, or a regime the network declares, e.g.
   * `surge-2022-23`): its network (`regimeNetwork`), its volume and its overload window. Model only
   * for a regime other than `today`.
   */
  readonly regime?: string;
}

/** A capacity-limited place on the planned route, as the congestion model sees it. */
export interface RoutePlace {
  readonly id: string;
  readonly label: string;
  readonly kind: PlaceWait['kind'];
  readonly utilisation: number;
  /** False when utilisation ≥ 1: no stationary wait; the runs leave its wait out. */
  readonly stable: boolean;
  /** Mean wait there (hours), a regime's backlog included; null when unstable. */
  readonly meanWaitHours: number | null;
  /** Under a regime's overload window: utilisation in the window, its end, and the mean backlog wait (hours). */
  readonly backlog?: { readonly utilisationInWindow: number; readonly until: string; readonly meanHours: number };
}

/** What a simulation ran with. */
export interface CongestionSettings {
  readonly mode: CongestionMode;
  /** The regime (`today` unless one was asked for). */
  readonly regime: string;
  /** Factor on the network's reference volume (1 in `surveyed` mode, where volume plays no part). */
  readonly volume: number;
  /** The reference year and the containers a year the volume stands for, when the network declares traffic. */
  readonly year?: number;
  readonly teuPerYear?: number;
  /** Model only: the capacity-limited places on the planned route, in route order. */
  readonly places: readonly RoutePlace[];
  /** Model only: ids of the places on the planned route that are unstable (utilisation ≥ 1). */
  readonly unstable: readonly string[];
  /** Model only: ids of unstable places the trip could have used and was routed around (arcs through them left out). */
  readonly avoided: readonly string[];
}

/** Checked congestion options and the model they call for. */
export interface ResolvedCongestion {
  readonly mode: CongestionMode;
  readonly regime: string;
  readonly volume: number;
  readonly model: CongestionModel | null;
  /** A regime's overload window as episodes, when the runs walk in calendar time (`overloadEpisodes`). */
  readonly episodes?: readonly EpisodeSpec[];
}

/**
 * Check `congestion`, `volume` and `regime` against `network` and build the model when it is on.
 * `network` is the regime's (`resolveRegime(…).network`) when `regime` is given. With `calendar`
 * (the runs walk in calendar time with their episodes), a regime's overloaded services draw their
 * backlog from episodes on each run's own date (`episodes`), not from a table over the period.
 */
export function resolveCongestion(network: Network, options: CongestionOptions, regime: ResolvedRegime | null = null, calendar = false): ResolvedCongestion {
  const flows = networkFlows(network);
  // The model is asked for by a volume or a regime; otherwise the dataset's surveyed waits, which
  // the shipped data is calibrated with (the model replaces surveyed capacity queues only where it
  // has the capacity that makes them, not yet everywhere).
  const asked = options.volume !== undefined || (regime !== null && regime.id !== TODAY_REGIME);
  const mode = options.congestion ?? (flows !== null && asked ? 'model' : 'surveyed');
  if (!CONGESTION_MODES.includes(mode)) throw new InvalidArgumentError('congestion', mode, `one of ${CONGESTION_MODES.join(', ')}`);
  if (mode === 'model' && flows === null) {
    throw new InvalidArgumentError('congestion', mode, `"surveyed": network ${network.id} declares no traffic (a "traffic" section with its flows) to load the model with`);
  }
  const volume = options.volume === undefined ? (regime?.volume ?? 1) : volumeFactorOf(network, options.volume);
  const id = regime?.id ?? TODAY_REGIME;
  if (mode === 'surveyed') {
    if (regime !== null && regime.id !== TODAY_REGIME) throw new InvalidArgumentError('regime', id, `"${TODAY_REGIME}" with congestion "surveyed" (a regime's waits come from the congestion model)`);
    return { mode, regime: id, volume, model: null };
  }
  const model = congestionModel(network, flows!, volume);
  if (regime === null || regime.after === null || regime.window === null) return { mode, regime: id, volume, model };
  const crossings = (regime.spec?.overload?.crossings ?? []).map((c) => {
    const link = network.linkById.get(c.link)!;
    return { linkId: c.link, share: c.share ?? 1, label: link.name ?? `${network.nodeById.get(link.from)!.name} → ${network.nodeById.get(link.to)!.name} (${link.mode})` };
  });
  const overloaded = overloadedModel(model, congestionModel(regime.after, networkFlows(regime.after)!, volume), regime.window, crossings);
  if (!calendar) return { mode, regime: id, volume, model: overloaded };
  const episodes = overloadEpisodes(overloaded, regime.window, crossings, volume);
  return { mode, regime: id, volume, model: { ...overloaded, backlogByEpisode: true }, episodes };
}

/**
 * The trip with the model's waits on its graph (as it is in `surveyed` mode). Arcs through an
 * unstable place are left out when the trip has a route without them; `placesOfArc` lists the
 * places each arc of the trip's graph passes (null in `surveyed` mode).
 */
export function congestedTrip(trip: ResolvedTrip, c: ResolvedCongestion): { trip: ResolvedTrip; placesOfArc: readonly (readonly PlaceWait[])[] | null; avoided: readonly string[] } {
  if (c.model === null) return { trip, placesOfArc: null, avoided: [] };
  const all = congestedGraph(trip.graph, c.model);
  const stable = withoutUnstable(all);
  if (stable === all || shortestArcPath(stable.graph, trip.sources, trip.targets) === null) return { trip: { ...trip, graph: all.graph }, placesOfArc: all.placesOfArc, avoided: [] };
  const avoided = new Set<string>();
  for (const ps of all.placesOfArc) for (const p of ps) if (!p.stable) avoided.add(p.id);
  return { trip: { ...trip, graph: stable.graph }, placesOfArc: stable.placesOfArc, avoided: [...avoided] };
}

/** `graph` with the model's waits, or as it is in `surveyed` mode (every arc kept). */
export function graphFor(graph: ExpandedGraph, c: ResolvedCongestion): ExpandedGraph {
  return c.model === null ? graph : congestedGraph(graph, c.model).graph;
}

/** The settings to report, with the places the planned route `arcs` meets (`placesOfArc` from `congestedTrip`). */
export function congestionSettings(network: Network, c: ResolvedCongestion, placesOfArc: readonly (readonly PlaceWait[])[] | null, avoided: readonly string[], arcs: readonly number[]): CongestionSettings {
  const traffic = network.spec.traffic;
  const base = { mode: c.mode, regime: c.regime, volume: c.volume, ...(traffic !== undefined ? { year: traffic.year, teuPerYear: traffic.teuPerYear * c.volume } : {}), avoided };
  if (placesOfArc === null) return { ...base, places: [], unstable: [] };
  const seen = new Set<string>();
  const places: RoutePlace[] = [];
  for (const a of arcs) {
    for (const p of placesOfArc[a]!) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      const backlog = p.backlog === undefined ? {} : { backlog: { utilisationInWindow: p.backlog.utilisationInWindow, until: p.backlog.until, meanHours: p.backlog.meanHours } };
      places.push({ id: p.id, label: p.label, kind: p.kind, utilisation: p.utilisation, stable: p.stable, meanWaitHours: p.meanWaitHours, ...backlog });
    }
  }
  return { ...base, places, unstable: places.filter((p) => !p.stable).map((p) => p.id) };
}
