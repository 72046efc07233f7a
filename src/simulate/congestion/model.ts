// The congestion model of a network at a volume: for every capacity-limited place the flows pass —
// stages with servers, ferry and feeder services — its utilisation, whether it is stable, its mean
// wait, and the wait the Monte Carlo draws there (a quantile table). Each place is computed by the
// method that fits it: Erlang C (servers fed by Poisson flows), a one-station recursion over the
// landings (servers after a crossing), the bulk-service chain (scheduled services), or the service
// run alone in the queue model (fleets). Places are memoised by everything their wait depends on, so
// a measure recomputes only the places it touches.
import { meanOf, secondMomentOf } from '../../network/distribution.js';
import { InvalidArgumentError } from '../../errors.js';
import { requireNetwork, type Network } from '../../network/network.js';
import type { WaitTable } from '../../route/expand.js';
import { compilePlan, type Plan } from '../flow/plan.js';
import { checkFlows } from '../flow/check-flows.js';
import type { FlowSpec } from '../flow/types.js';
import { clusterWait } from './cluster-wait.js';
import { loadOf, serviceUtilisation, type ServerLoad, type ServiceLoad } from './load.js';
import { scheduleWait } from './schedule-wait.js';
import { poissonServerWait } from './server-wait.js';
import { runService, type ServiceRun } from './service-run.js';
import { exponentialWaitTable, sampleWaitTable } from './table.js';

/** How a place's wait is computed. */
export type WaitMethod = 'erlang-c' | 'clusters' | 'bulk-chain' | 'service-run';

/** A capacity-limited place and its modelled wait at the model's volume. */
export interface PlaceWait {
  /** `stage|<node>|<stage>` or `service|<link>` (as the queue model's servers). */
  readonly id: string;
  /** A stage with servers, a scheduled service, or a fleet. */
  readonly kind: 'server' | 'schedule' | 'fleet';
  readonly label: string;
  readonly nodeId?: string;
  readonly stageId?: string;
  readonly linkId?: string;
  readonly method: WaitMethod;
  /**
   * Offered load: servers λ E[S] / c; services vessel shares arriving over shares carried (a
   * schedule: one load per departure that sails; a fleet: its loads per week).
   */
  readonly utilisation: number;
  /** False when utilisation ≥ 1: the queue grows without bound and has no stationary wait. */
  readonly stable: boolean;
  /**
   * Unstable places some of its flows pass first: their rates here are what is offered, while in
   * fact no more than those places' capacity gets through (the queue model's arrivals there fall
   * short of the model's).
   */
  readonly behindUnstable: readonly string[];
  /**
   * Mean wait of a consignment there (hours): from joining a server's queue to its service, or
   * from reaching a service to the departure of its last part (the first departure's wait
   * included); null when unstable.
   */
  readonly meanWaitHours: number | null;
  /**
   * What the Monte Carlo draws there, null when unstable: a server's queue wait; a schedule's
   * rolled sailings (added to its departure wait); a fleet's whole wait (in place of the headway's).
   */
  readonly table: WaitTable | null;
  /**
   * Under a regime with an overload window, at a place the window overloads: the backlog built in
   * the window, drawn as a part of its own (`meanWaitHours` includes its mean).
   */
  readonly backlog?: Backlog;
}

/** What a regime's overload window adds at a place: the backlog and what it was built from. */
export interface Backlog {
  /** Utilisation in the window (≥ 1); the place's `utilisation` is the one after it. */
  readonly utilisationInWindow: number;
  /** The window's last day (ISO date, exclusive). */
  readonly until: string;
  /** Mean backlog wait over the period (hours). */
  readonly meanHours: number;
  /** The backlog wait the Monte Carlo draws. */
  readonly table: WaitTable;
}

/** The congestion model of a network at a volume. */
export interface CongestionModel {
  /** Factor on every flow that scales. */
  readonly volume: number;
  readonly places: readonly PlaceWait[];
  /** Places by `stage|<node>|<stage>` and `service|<link>` id. */
  readonly byId: ReadonlyMap<string, PlaceWait>;
  /**
   * Under a regime walked in calendar time: the services' backlogs are drawn by episodes on the
   * runs' own dates (`overloadEpisodes`), not as parts; a stage's backlog stays a part.
   */
  readonly backlogByEpisode?: boolean;
}

/** What a place's own computation gives (its id, label and the places behind which it lies come from the plan). */
type Computed = Omit<PlaceWait, 'id' | 'label' | 'behindUnstable'>;

/** Memoised places: key → result, least recently used dropped first. */
const MEMO_SIZE = 512;
const serviceMemo = new Map<string, Computed>();
const runMemo = new Map<string, ServiceRun | null>();
const serverMemo = new Map<string, Computed>();

function remember<T>(memo: Map<string, T>, key: string, make: () => T): T {
  if (memo.has(key)) {
    const hit = memo.get(key) as T;
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const value = make();
  memo.set(key, value);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  return value;
}

/** Everything a service's wait depends on. */
function serviceKey(load: ServiceLoad): string {
  const s = load.service;
  return JSON.stringify([s.link.id, s.mode, s.spec, load.arrivals]);
}

function servicePlace(load: ServiceLoad, run: () => ServiceRun | null): Computed {
  const s = load.service;
  const base = { kind: s.mode, linkId: s.link.id } as const;
  if (s.mode === 'schedule') {
    const w = scheduleWait(load);
    return { ...base, method: 'bulk-chain', utilisation: w.utilisation, stable: w.meanWaitHours !== null, meanWaitHours: w.meanWaitHours, table: w.rolled };
  }
  const utilisation = serviceUtilisation(load);
  const r = utilisation < 1 ? run() : null;
  if (r === null || r.waits.length === 0) return { ...base, method: 'service-run', utilisation, stable: utilisation < 1, meanWaitHours: null, table: null };
  const table = sampleWaitTable(r.waits);
  return { ...base, method: 'service-run', utilisation, stable: true, meanWaitHours: table.meanHours, table };
}

function serverPlace(load: ServerLoad, services: readonly ServiceLoad[], runOf: (crossing: number) => ServiceRun | null, keys: readonly string[]): Computed {
  const s = load.server;
  const base = { kind: 'server', nodeId: s.nodeId, stageId: s.stageId } as const;
  let perHour = 0;
  for (const a of load.arrivals) perHour += a.perHour;
  const m1 = meanOf(load.serviceHours);
  const poisson = poissonServerWait(s.servers, perHour, m1, secondMomentOf(load.serviceHours));
  const clustered = load.arrivals.some((a) => a.crossing >= 0 && runOf(a.crossing) !== null);
  if (poisson.meanWaitHours === null || poisson.probabilityOfWait === null) {
    return { ...base, method: clustered ? 'clusters' : 'erlang-c', utilisation: poisson.utilisation, stable: false, meanWaitHours: null, table: null };
  }
  if (!clustered) {
    const p = poisson.probabilityOfWait;
    const table = exponentialWaitTable(p, p > 0 ? poisson.meanWaitHours / p : 0);
    return { ...base, method: 'erlang-c', utilisation: poisson.utilisation, stable: true, meanWaitHours: table.meanHours, table };
  }
  const key = JSON.stringify([s.id, s.servers, load.serviceHours, load.probability, load.arrivals, load.arrivals.map((a) => (a.crossing >= 0 ? keys[a.crossing] : null))]);
  return remember(serverMemo, key, () => {
    const w = clusterWait(load, services.map((_, i) => (load.arrivals.some((a) => a.crossing === i) ? runOf(i) : null)), (crossing, flowId) => services[crossing]!.arrivals.findIndex((a) => a.flowId === flowId));
    const table = sampleWaitTable(w.waits.length > 0 ? w.waits : Float64Array.of(0));
    return { ...base, method: 'clusters', utilisation: poisson.utilisation, stable: true, meanWaitHours: table.meanHours, table };
  });
}

/** The congestion model of a compiled plan at `volume`. */
export function congestionOfPlan(plan: Plan, volume: number): CongestionModel {
  const load = loadOf(plan, volume);
  const keys = load.services.map(serviceKey);
  // A service's run alone (its landings, a fleet's waits), made when first needed.
  const runOf = (i: number): ServiceRun | null =>
    remember(runMemo, keys[i]!, () => {
      const l = load.services[i]!;
      const u = serviceUtilisation(l);
      return u < 1 ? runService(l, u) : null;
    });
  const services = load.services.map((l, i) => remember(serviceMemo, keys[i]!, () => servicePlace(l, () => runOf(i))));
  const computed = [
    ...load.servers.map((l) => ({ id: l.server.id, label: l.server.label, upstream: l.arrivals.flatMap((a) => a.upstream), ...serverPlace(l, load.services, runOf, keys) })),
    ...load.services.map((l, i) => ({ id: l.service.id, label: l.service.label, upstream: l.arrivals.flatMap((a) => a.upstream), ...services[i]! })),
  ];
  const unstable = new Set(computed.filter((p) => !p.stable).map((p) => p.id));
  const places: PlaceWait[] = computed.map(({ upstream, ...p }) => ({ ...p, behindUnstable: [...new Set(upstream.filter((id) => unstable.has(id)))] }));
  return { volume, places, byId: new Map(places.map((p) => [p.id, p])) };
}

/**
 * The congestion model of `network` with `flows` at `volume` (a factor on every flow that scales):
 * the flows are routed as the queue model routes them, and every server and service they pass gets
 * its utilisation, stability, mean wait and the wait the Monte Carlo draws. `InvalidArgumentError`
 * naming `network`, `flows` (or the flow's field) or `volume` (a number > 0 and ≤ 100) on wrong
 * arguments.
 */
export function congestionModel(network: Network, flows: readonly FlowSpec[], volume: number): CongestionModel {
  requireNetwork(network);
  if (typeof volume !== 'number' || !Number.isFinite(volume) || volume <= 0 || volume > 100) {
    throw new InvalidArgumentError('volume', volume, "a factor on the flows' rates, a number > 0 and <= 100");
  }
  // Simulations of one network at one volume share its model (a simulation's setup would otherwise
  // route the flows again every time); flows are checked once per array.
  let byFlows = models.get(network);
  if (byFlows === undefined) models.set(network, (byFlows = new WeakMap()));
  let byVolume = byFlows.get(checkedFlows(flows));
  if (byVolume === undefined) byFlows.set(flows, (byVolume = new Map()));
  let model = byVolume.get(volume);
  if (model === undefined) {
    model = congestionOfPlan(compilePlan(network, flows), volume);
    byVolume.set(volume, model);
    if (byVolume.size > MODELS_PER_NETWORK) byVolume.delete(byVolume.keys().next().value as number);
  }
  return model;
}

/** `flows`, checked unless this array was checked before. */
function checkedFlows(flows: readonly FlowSpec[]): readonly FlowSpec[] {
  if (typeof flows === 'object' && flows !== null && checked.has(flows)) return flows;
  checkFlows(flows);
  checked.add(flows);
  return flows;
}
const checked = new WeakSet<readonly FlowSpec[]>();

/** Models per network and flows, by volume (the oldest dropped first). */
const MODELS_PER_NETWORK = 16;
const models = new WeakMap<Network, WeakMap<readonly FlowSpec[], Map<number, CongestionModel>>>();
