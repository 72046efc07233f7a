// A place overloaded over a window (a regime's `overload`): its traffic offers more than its
// capacity of the time (utilisation ρ ≥ 1) from the window's start s until e, and the capacity that
// follows is enough (ρ' < 1). First come first served with a fluid backlog: an arrival at t in
// [s, e) waits the work ahead of it, (ρ − 1)(t − s) hours at the window's capacity; after e the
// backlog (ρ − 1)(e − s) hours of the old capacity, (ρ − 1)(e − s)·ρ'/ρ of the new, clears at rate
// 1 − ρ'. Until calendar time reaches the kernels, the arrival instant is uniform over the regime's
// period: the wait is a random variable whose quantile table the Monte Carlo draws from, and whose
// every value falls when either capacity grows (a measure never lengthens a paired run).
import type { EpisodeSpec } from '../../network/types.js';
import type { WaitTable } from '../../route/expand.js';
import type { CongestionModel, PlaceWait } from './model.js';
import { sampleWaitTable } from './table.js';

/** Instants of the period the table is built from. */
const POINTS = 8192;

/**
 * The backlog wait (hours) of an arrival `t` hours after the window's start: utilisation `rho`
 * (≥ 1) for `windowHours`, then `rhoAfter` (< 1).
 */
export function backlogHours(t: number, rho: number, rhoAfter: number, windowHours: number): number {
  if (t < windowHours) return (rho - 1) * t;
  return Math.max(0, (rho - 1) * windowHours * (rhoAfter / rho) - (1 - rhoAfter) * (t - windowHours));
}

/** The backlog wait of an arrival uniform over `periodHours` from the window's start, as a quantile table. */
export function backlogTable(rho: number, rhoAfter: number, windowHours: number, periodHours: number): WaitTable {
  const waits = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) waits[i] = backlogHours(((i + 0.5) / POINTS) * periodHours, rho, rhoAfter, windowHours);
  return sampleWaitTable(waits.sort());
}

/** A service that crossed between the same shores as an overloaded one (a regime's `overload.crossings`). */
export interface SharedCrossing {
  readonly linkId: string;
  readonly label: string;
  /** The share of the backlog met there (0 to 1). */
  readonly share: number;
}

/**
 * The model of a regime with an overload window: `during`'s places, except those it finds
 * unstable and `after` finds stable, which take `after`'s wait plus the window's backlog
 * (`backlog`, their `meanWaitHours` the sum of both). The `crossings` meet the same backlog (the
 * largest the window builds): a shipper who could take another crossing did, until its wait
 * matched (a crossing no flow loads becomes a place of its own, with the backlog as its only wait).
 */
export function overloadedModel(
  during: CongestionModel,
  after: CongestionModel,
  window: { readonly overloadHours: number; readonly periodHours: number; readonly until: string },
  crossings: readonly SharedCrossing[] = [],
): CongestionModel {
  const overloaded = during.places.map((p): PlaceWait => {
    const a = after.byId.get(p.id);
    if (p.stable || a === undefined || !a.stable || a.meanWaitHours === null) return p;
    const table = backlogTable(p.utilisation, a.utilisation, window.overloadHours, window.periodHours);
    return { ...a, label: p.label, meanWaitHours: a.meanWaitHours + table.meanHours, backlog: { utilisationInWindow: p.utilisation, until: window.until, meanHours: table.meanHours, table } };
  });
  let shared: PlaceWait['backlog'];
  for (const p of overloaded) if (p.backlog !== undefined && (shared === undefined || p.backlog.meanHours > shared.meanHours)) shared = p.backlog;
  const placed = shared === undefined ? overloaded : withSharedBacklog(overloaded, shared, crossings);
  const unstable = new Set(placed.filter((p) => !p.stable).map((p) => p.id));
  const places = placed.map((p) => (p.behindUnstable.every((id) => unstable.has(id)) ? p : { ...p, behindUnstable: p.behindUnstable.filter((id) => unstable.has(id)) }));
  return { volume: during.volume, places, byId: new Map(places.map((p) => [p.id, p])) };
}

/** `places` with `backlog` at every crossing that has none of its own (a place made for a crossing no flow loads). */
function withSharedBacklog(places: readonly PlaceWait[], backlog: NonNullable<PlaceWait['backlog']>, crossings: readonly SharedCrossing[]): PlaceWait[] {
  const out = [...places];
  for (const c of crossings) {
    const id = `service|${c.linkId}`;
    const b = c.share === 1 ? backlog : scaledBacklog(backlog, c.share);
    const i = out.findIndex((p) => p.id === id);
    if (i < 0) {
      out.push({ id, kind: 'schedule', label: c.label, linkId: c.linkId, method: 'bulk-chain', utilisation: 0, stable: true, behindUnstable: [], meanWaitHours: b.meanHours, table: null, backlog: b });
      continue;
    }
    const p = out[i]!;
    if (p.backlog !== undefined || !p.stable || p.meanWaitHours === null) continue;
    out[i] = { ...p, meanWaitHours: p.meanWaitHours + b.meanHours, backlog: b };
  }
  return out;
}

/** `backlog` with every wait times `share`. */
function scaledBacklog(backlog: NonNullable<PlaceWait['backlog']>, share: number): NonNullable<PlaceWait['backlog']> {
  const t = backlog.table;
  const table = { knots: t.knots.map((k) => k * share), tailHours: t.tailHours * share, meanHours: t.meanHours * share };
  return { ...backlog, meanHours: table.meanHours, table };
}

/** The key of the episode that walks an overloaded service's window in calendar time. */
export function overloadEpisodeId(linkId: string): string {
  return `regime-overload|${linkId}`;
}

/**
 * The overload window of `model`'s services as disruption episodes, so that the backlog follows
 * each run's own date: a throttle of the service over the window's days at the share of the later
 * capacity the window had (c = ρ'/ρ), at the later utilisation ρ'. The episodes' fluid queue is
 * the window's backlog exactly: it grows at ρ' − c, so an arrival t hours in waits (ρ'/c − 1)·t =
 * (ρ − 1)·t, and clears at 1 − ρ' after the window. A crossing sharing the backlog with `share` s
 * gets c = ρ'/(1 + s(ρ − 1)) (its window wait s(ρ − 1)·t, exact; after it, for s < 1, close).
 * `volume` divides ρ' because episodes scale their utilisation by the simulation's volume.
 */
export function overloadEpisodes(
  model: CongestionModel,
  window: { readonly from: string; readonly until: string },
  crossings: readonly SharedCrossing[],
  volume: number,
): EpisodeSpec[] {
  const lastDay = new Date(Date.parse(`${window.until}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const out: EpisodeSpec[] = [];
  let largest: PlaceWait | undefined;
  const episode = (linkId: string, label: string, rho: number, rhoAfter: number, share: number): EpisodeSpec => ({
    id: overloadEpisodeId(linkId),
    name: `${label}: overloaded until ${window.until}`,
    at: { link: linkId },
    effect: { type: 'throttle', capacityShare: rhoAfter / (1 + share * (rho - 1)) },
    occurrence: { type: 'windows', windows: [{ from: window.from, to: lastDay }] },
    utilisation: rhoAfter / volume,
  });
  for (const p of model.places) {
    if (p.backlog === undefined || p.linkId === undefined || p.id !== `service|${p.linkId}` || crossings.some((c) => c.linkId === p.linkId)) continue;
    out.push(episode(p.linkId, p.label, p.backlog.utilisationInWindow, p.utilisation, 1));
    if (largest === undefined || p.backlog.meanHours > largest.backlog!.meanHours) largest = p;
  }
  if (largest === undefined) return out;
  for (const c of crossings) out.push(episode(c.linkId, c.label, largest.backlog!.utilisationInWindow, largest.utilisation, c.share));
  return out;
}
