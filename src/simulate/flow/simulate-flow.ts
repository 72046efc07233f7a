// `simulateFlow`: the queue model of DESIGN §8 — consignments at a given volume through servers
// and ferries with capacities, over weeks, with warm-up and replications — and its aggregation into
// per-flow and per-server results with 95% intervals across replications.
import { InvalidArgumentError } from '../../errors.js';
import { applyMeasures } from '../../measures/apply.js';
import type { Network } from '../../network/network.js';
import { CATEGORIES } from '../../network/types.js';
import { quantileOfSorted, summarize, type Summary } from '../../stats/summary.js';
import { checkSeed } from '../random.js';
import { zeroCategories, type CategoryHours } from '../../route/breakdown.js';
import { flowsFor, referenceVolume } from './demand.js';
import { checkFlows } from './check-flows.js';
import { checkEventBudget, FLOW_EVENT_BUDGET } from './budget.js';
import type { ServerStats } from './queues.js';
import { runReplication, type ReplicationStats } from './replication.js';
import type { ServiceStats } from './vessels.js';
import { loadOf, serverUtilisation, serviceUtilisation } from '../congestion/load.js';
import { meanInterval, optionalMeanInterval, slope } from './interval.js';
import { compilePlan, TIME_KINDS, type FlowPlan, type Plan, type Service, type StageServer } from './plan.js';
import type { ConsignmentSize, FlowBreakdown, FlowOptions, FlowReport, FlowResult, FlowSpec, ServerReport, TimeKindHours } from './types.js';
import type { Interval } from '../../stats/interval.js';

/** Defaults of the optional settings. */
export const FLOW_DEFAULTS = Object.freeze({ warmupWeeks: 8, replications: 5, weeks: 52 });

/** Utilisation at or above which a server counts as saturated. */
export const SATURATED_UTILISATION = 0.98;

function integerIn(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(field, value, `an integer from ${min} to ${max.toLocaleString('en-US')}`);
  }
  return value;
}


interface Checked {
  readonly volume: number;
  readonly weeks: number;
  readonly seed: number;
  readonly warmupWeeks: number;
  readonly replications: number;
  readonly flows: readonly FlowSpec[];
  readonly eventBudget: number;
}

function checkOptions(network: Network, options: FlowOptions): Checked {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object { volume, weeks, seed, … }');
  const { volume } = options;
  if (typeof volume !== 'number' || !Number.isFinite(volume) || volume <= 0 || volume > 100) {
    throw new InvalidArgumentError('volume', volume, 'a factor on today\'s volume, a number > 0 and <= 100');
  }
  return {
    volume,
    weeks: integerIn('weeks', options.weeks, 1, 1040),
    seed: checkSeed(options.seed),
    warmupWeeks: integerIn('warmupWeeks', options.warmupWeeks ?? FLOW_DEFAULTS.warmupWeeks, 0, 520),
    replications: integerIn('replications', options.replications ?? FLOW_DEFAULTS.replications, 1, 1000),
    flows: checkFlows(flowsFor(network, options.flows)),
    eventBudget: integerIn('eventBudget', options.eventBudget ?? FLOW_EVENT_BUDGET, 1000, 1_000_000_000),
  };
}

function breakdownOf(kinds: Float64Array, categories: Float64Array, n: number): FlowBreakdown {
  const byKind = Object.fromEntries(TIME_KINDS.map((k, i) => [k, n > 0 ? kinds[i]! / n : 0])) as unknown as TimeKindHours;
  const byCategory: CategoryHours = zeroCategories();
  CATEGORIES.forEach((c, i) => (byCategory[c] = n > 0 ? categories[i]! / n : 0));
  return { byKind, byCategory };
}

function pooledSummary(samples: readonly (readonly number[])[]): Summary | null {
  let n = 0;
  for (const s of samples) n += s.length;
  if (n === 0) return null;
  const all = new Float64Array(n);
  let i = 0;
  for (const s of samples) for (const v of s) all[i++] = v;
  return summarize(all);
}

function repMean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/**
 * The statistics common to stage servers and services. An unstable place (utilisation from rates ≥ 1)
 * has no mean or p95 wait: what the window measures only grows with its length.
 */
function queueStats(per: readonly ServerStats[], weeks: number, utilisationFromRates: number): Pick<ServerReport, 'utilisationFromRates' | 'unstable' | 'arrivalsPerWeek' | 'meanWaitHours' | 'p95WaitHours' | 'meanQueue' | 'maxQueue' | 'queueAtEnd' | 'queueGrowthPerWeek'> {
  const hours = weeks * 168;
  const unstable = utilisationFromRates >= 1;
  const waits = per.flatMap((s) => s.waits);
  const sorted = Float64Array.from(waits).sort();
  return {
    utilisationFromRates,
    unstable,
    arrivalsPerWeek: meanInterval(per.map((s) => s.arrivals / weeks)).estimate,
    meanWaitHours: unstable ? null : optionalMeanInterval(per.map((s) => repMean(s.waits)).filter((m): m is number => m !== undefined)),
    p95WaitHours: !unstable && sorted.length > 0 ? quantileOfSorted(sorted, 0.95) : null,
    meanQueue: meanInterval(per.map((s) => s.queueArea / hours)),
    maxQueue: Math.max(0, ...per.map((s) => s.maxQueue)),
    queueAtEnd: meanInterval(per.map((s) => s.queueAtEnd)).estimate,
    queueGrowthPerWeek: meanInterval(per.map((s) => slope(s.snapshots))),
  };
}

/** A growing backlog: growth over the window beyond the mean queue and one consignment, and (with replications) an interval above zero. */
function growing(growth: Interval, meanQueue: number, weeks: number, replications: number): boolean {
  return growth.estimate * weeks > Math.max(1, meanQueue) && (replications < 2 || (growth.low !== null && growth.low > 0));
}

/** The ids of the unstable places (by `unstable[i]`, servers then services) flow `fp` passes, in route order. */
function unstableOnRoute(fp: FlowPlan, plan: Plan, unstableServer: readonly boolean[], unstableService: readonly boolean[]): string[] {
  const out: string[] = [];
  for (const step of fp.steps) {
    const id = step.type === 'server' && unstableServer[step.server] ? plan.servers[step.server]!.id : step.type === 'crossing' && unstableService[step.service] ? plan.services[step.service]!.id : null;
    if (id !== null && !out.includes(id)) out.push(id);
  }
  return out;
}

/** One flow's report: its replications' arrivals, deliveries and transit times, pooled (no transit figures when it passes an unstable place). */
function flowReport(fp: FlowPlan, per: readonly ReplicationStats['flows'][number][], weeks: number, volume: number, unstableAt: readonly string[]): FlowReport {
  const kinds = new Float64Array(TIME_KINDS.length);
  const cats = new Float64Array(CATEGORIES.length);
  let n = 0;
  for (const p of per) {
    n += p.transit.length;
    p.kinds.forEach((v, k) => (kinds[k]! += v));
    p.categories.forEach((v, k) => (cats[k]! += v));
  }
  const f = fp.flow;
  return {
    id: f.id,
    name: f.name,
    profile: fp.profileId,
    origin: fp.originId,
    destination: fp.destinationId,
    perWeek: f.perWeek * (fp.scales ? volume : 1),
    size: f.size,
    route: fp.route,
    replacedQueues: fp.replaced,
    replacedQueueHours: fp.replaced.reduce((s, q) => s + q.expectedHours, 0),
    offeredPerWeek: meanInterval(per.map((p) => p.arrived / weeks)).estimate,
    deliveredPerWeek: meanInterval(per.map((p) => p.delivered / weeks)).estimate,
    unstableAt,
    transit: unstableAt.length > 0 ? null : pooledSummary(per.map((p) => p.transit)),
    meanHours: unstableAt.length > 0 ? null : optionalMeanInterval(per.map((p) => repMean(p.transit)).filter((m): m is number => m !== undefined)),
    breakdown: breakdownOf(kinds, cats, n),
    backlog: meanInterval(per.map((p) => p.backlog)).estimate,
  };
}

/** A stage server's report: utilisation of its servers over the window, offered load, waits and queue. */
function stageServerReport(s: StageServer, per: readonly ServerStats[], weeks: number, replications: number, utilisationFromRates: number): ServerReport {
  const hours = weeks * 168;
  const q = queueStats(per, weeks, utilisationFromRates);
  const utilisation = meanInterval(per.map((p) => p.busyArea / (s.servers * hours)));
  const offeredLoad = meanInterval(per.map((p) => p.workArrived / (s.servers * hours))).estimate;
  const saturated = q.unstable || offeredLoad >= 1 || utilisation.estimate >= SATURATED_UTILISATION || growing(q.queueGrowthPerWeek, q.meanQueue.estimate, weeks, replications);
  return {
    id: s.id,
    kind: 'stage',
    label: s.label,
    nodeId: s.nodeId,
    stageId: s.stageId,
    stageKind: s.stageKind,
    servers: s.servers,
    meanServiceHours: s.meanServiceHours,
    capacityPerWeek: (s.servers * 168) / s.meanServiceHours,
    capacityUnit: 'consignments',
    flows: s.flows,
    ...q,
    offeredLoad,
    utilisation,
    saturated,
  };
}

/** A ferry or feeder service's report: vessel loads carried against those offered, waits, queue and sailings. */
function serviceReport(s: Service, per: readonly ServiceStats[], weeks: number, replications: number, utilisationFromRates: number): ServerReport {
  const q = queueStats(per, weeks, utilisationFromRates);
  const limited = s.spec.capacity !== undefined && Number.isFinite(s.capacityPerWeek);
  // Capacity offered in the window, in vessel loads: the sailings that left (schedule: the
  // headway decides them, whatever the demand), or what the fleet could do (it waits for cargo).
  const capacity = (p: ServiceStats): number => (s.mode === 'schedule' ? p.sailings : s.capacityPerWeek * weeks);
  const utilisation = limited ? meanInterval(per.map((p) => (capacity(p) > 0 ? p.loadCarried / capacity(p) : 0))) : { estimate: 0, low: 0, high: 0 };
  // No sailing in a replication's window: no capacity to offer load against (null), saturated when cargo came.
  const noCapacity = per.some((p) => capacity(p) <= 0);
  const offeredLoad = !limited ? 0 : noCapacity ? null : meanInterval(per.map((p) => p.shareArrived / capacity(p))).estimate;
  const saturated = q.unstable || (offeredLoad === null ? per.some((p) => p.shareArrived > 0) : offeredLoad >= 1) || utilisation.estimate >= SATURATED_UTILISATION || growing(q.queueGrowthPerWeek, q.meanQueue.estimate, weeks, replications);
  const sailings = per.reduce((a, p) => a + p.sailings, 0);
  return {
    id: s.id,
    kind: 'service',
    label: s.label,
    linkId: s.link.id,
    serviceMode: s.mode,
    servers: s.mode === 'fleet' ? s.spec.vessels! : null,
    meanServiceHours: s.meanSailingHours,
    capacityPerWeek: limited ? s.capacityPerWeek : null,
    capacityUnit: 'vessel loads',
    unitCapacity: s.spec.capacity ?? {},
    flows: s.flows,
    ...q,
    offeredLoad,
    utilisation,
    saturated,
    sailings: {
      perWeek: sailings / (replications * weeks),
      cancelledPerWeek: per.reduce((a, p) => a + p.cancelled, 0) / (replications * weeks),
      meanLoad: sailings > 0 ? per.reduce((a, p) => a + p.loadCarried, 0) / sailings : 0,
    },
  };
}

/** The mean breakdown of every delivered consignment of every flow and replication. */
function overallBreakdown(reps: readonly ReplicationStats[]): FlowBreakdown {
  const kinds = new Float64Array(TIME_KINDS.length);
  const cats = new Float64Array(CATEGORIES.length);
  let n = 0;
  for (const r of reps) {
    for (const f of r.flows) {
      n += f.transit.length;
      f.kinds.forEach((v, k) => (kinds[k]! += v));
      f.categories.forEach((v, k) => (cats[k]! += v));
    }
  }
  return breakdownOf(kinds, cats, n);
}

/** Σ over flows of `pick(flow)` × its consignment size, by unit. */
function unitsPerWeek(flows: readonly FlowReport[], pick: (f: FlowReport) => number): { teu: number; wagons: number; trucks: number } {
  const out = { teu: 0, wagons: 0, trucks: 0 };
  for (const f of flows) {
    const size: ConsignmentSize = f.size;
    // A block train counts in TEU only (its wagons are the same boxes on a rail ferry).
    if (size.teu !== undefined) out.teu += pick(f) * size.teu;
    else if (size.wagons !== undefined) out.wagons += pick(f) * size.wagons;
    else if (size.trucks !== undefined) out.trucks += pick(f) * size.trucks;
  }
  return out;
}

/** How the model was run and what it leaves out, in words, for the result's `notes`. */
function notesOf(plan: Plan, c: Checked, replications: number): string[] {
  const replacedCount = new Set(plan.flows.flatMap((f) => f.replaced.map((q) => `${q.nodeId}|${q.stageId}`))).size;
  return [
    `Arrivals are Poisson per flow, at perWeek × volume (flows with scales: false stay at perWeek); ${c.warmupWeeks} warm-up weeks are simulated from empty and discarded, then ${c.weeks} weeks measured, ${replications} replication(s) with independent streams.`,
    `Today's queue stages whose wait is a capacity wait (waitCause "capacity", the default) are dropped — ${replacedCount} on these routes, their Monte Carlo hours listed per flow in replacedQueues — so the wait emerges from servers and vessels instead of being counted twice; queue stages with waitCause "weather" or "schedule" are kept as delays.`,
    'Stages with servers queue first come, first served; every other stage, link travel and structure is a delay drawn as in Monte Carlo (no queue).',
    'Ferries and feeders: without vessels, departures follow the headway as in Monte Carlo (weather cancels a departure; cargo waits for the next), whatever the demand; with vessels and returnHours, a fleet circulates, sailing when full or maxWaitHours after the previous departure (departWhenFull), a cancellation holding the vessel one headway. Loading is first come, first served; units share a vessel (n wagons fill n/capacity.wagons of it, n trucks n/capacity.trucks, n TEU n/capacity.teu; a unit the service lists no capacity for is unlimited); a consignment larger than the space left is split and goes on when its last part lands.',
    'Berth time of a vessel at a port (e.g. the Alat vessel-handling stage, 20.1 h on average [S46]) stays a delay per consignment: berths are not servers in this model.',
    'Servers carry only the modelled flows: other traffic through shared borders and ports is not included unless added as flows with scales: false, so border utilisations are lower bounds.',
    'Routes are the fastest on expected times (today\'s waits included) and are not re-chosen under congestion. Transit times cover consignments that arrived after the warm-up and were delivered by the end: under saturation they understate; read backlog.',
  ];
}

/** The result of a run: its replications' measurements, per flow, per server and for the corridor. */
function aggregate(plan: Plan, reps: readonly ReplicationStats[], c: Checked, network: Network, measureIds: readonly string[]): FlowResult {
  const { weeks, volume } = c;
  const R = reps.length;
  // Stability from the flows' rates and the capacities, as the congestion model has it.
  const rates = loadOf(plan, volume);
  const serverRho = rates.servers.map(serverUtilisation);
  const serviceRho = rates.services.map(serviceUtilisation);
  const unstableServer = serverRho.map((u) => u >= 1);
  const unstableService = serviceRho.map((u) => u >= 1);
  const flows = plan.flows.map((fp, i) => flowReport(fp, reps.map((r) => r.flows[i]!), weeks, volume, unstableOnRoute(fp, plan, unstableServer, unstableService)));
  const servers: ServerReport[] = [
    ...plan.servers.map((s, i) => stageServerReport(s, reps.map((r) => r.servers[i]!), weeks, R, serverRho[i]!)),
    ...plan.services.map((s, i) => serviceReport(s, reps.map((r) => r.services[i]!), weeks, R, serviceRho[i]!)),
  ];
  const unstable = servers.filter((s) => s.unstable).map((s) => s.id);
  const balance = reps.map((r) => ({ generated: r.generated, delivered: r.deliveredTotal, waiting: r.waiting, inService: r.inService, moving: r.moving }));
  const backlogOf = (pick: (b: (typeof balance)[number]) => number): number => balance.reduce((a, b) => a + pick(b), 0) / R;
  return {
    network: network.id,
    volume,
    weeks,
    warmupWeeks: c.warmupWeeks,
    replications: R,
    seed: c.seed,
    measures: measureIds,
    arrivalProcess: 'poisson',
    today: referenceVolume(network),
    flows,
    servers,
    transit: unstable.length > 0 ? null : pooledSummary(reps.flatMap((r) => r.flows.map((f) => f.transit))),
    meanHours: unstable.length > 0 ? null : optionalMeanInterval(reps.map((r) => repMean(r.flows.flatMap((f) => f.transit))).filter((m): m is number => m !== undefined)),
    breakdown: overallBreakdown(reps),
    offeredPerWeek: flows.reduce((a, f) => a + f.offeredPerWeek, 0),
    deliveredPerWeek: flows.reduce((a, f) => a + f.deliveredPerWeek, 0),
    units: { offeredPerWeek: unitsPerWeek(flows, (f) => f.offeredPerWeek), deliveredPerWeek: unitsPerWeek(flows, (f) => f.deliveredPerWeek) },
    backlog: {
      total: backlogOf((b) => b.waiting + b.inService + b.moving),
      waiting: backlogOf((b) => b.waiting),
      inService: backlogOf((b) => b.inService),
      moving: backlogOf((b) => b.moving),
    },
    balance,
    saturated: servers.filter((s) => s.saturated).map((s) => s.id),
    unstable,
    events: reps.reduce((a, r) => a + r.events, 0),
    notes: notesOf(plan, c, R),
  };
}

/**
 * Simulate the corridor's flows at `volume` times today's (`TODAY_VOLUME`) for `weeks` weeks after
 * a warm-up, as a discrete-event queue model: consignments arrive at their origins (Poisson per
 * flow), wait for and occupy the servers of stages that have `servers`, cross seas on ferries and
 * feeders with a capacity per sailing, and are delivered. Today's capacity `queue` stages are
 * replaced by the queueing that emerges (see `notes` in the result). `measures` are applied to the
 * network first. Results per flow (transit-time `Summary`, mean with a 95% interval across
 * replications, breakdown by kind of time and category, throughput, backlog) and per server
 * (utilisation, offered load, waits, queue lengths, growth, saturation). Same seed and inputs,
 * identical results. Throws `InvalidArgumentError` on bad options or flows, `UnknownNodeError` or
 * `UnknownProfileError` for a flow naming what the network lacks, and `InvalidArgumentError` naming
 * the flow's `perWeek` or the service's headway when a replication would handle more than
 * `eventBudget` events (default `FLOW_EVENT_BUDGET`, 20 million), before it starts or when it passes
 * them.
 */
export function simulateFlow(network: Network, options: FlowOptions): FlowResult {
  const c = checkOptions(network, options);
  const measures = options.measures ?? [];
  const net = measures.length > 0 ? applyMeasures(network, measures) : network;
  const plan = compilePlan(net, c.flows);
  return runPlan(plan, c, net, measures.map((m) => m.id));
}

/** Run a compiled plan (shared by `simulateFlow` and `volumeSweep`). */
export function runPlan(plan: Plan, c: Checked, network: Network, measureIds: readonly string[]): FlowResult {
  const horizonHours = (c.warmupWeeks + c.weeks) * 168;
  checkEventBudget(plan, c.volume, horizonHours, c.eventBudget);
  const reps: ReplicationStats[] = [];
  for (let r = 0; r < c.replications; r++) {
    reps.push(
      runReplication(plan, {
        volume: c.volume,
        seed: c.seed,
        replication: r,
        warmupHours: c.warmupWeeks * 168,
        horizonHours,
        eventBudget: c.eventBudget,
      }),
    );
  }
  return aggregate(plan, reps, c, network, measureIds);
}

export { checkOptions as checkFlowOptions };
export type { Checked as CheckedFlowOptions };
