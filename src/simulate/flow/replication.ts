// One replication of the queue model: a discrete-event simulation over hours. Consignments arrive
// (Poisson per flow) and go through their steps: delays drawn as in Monte Carlo, stages with servers
// (c parallel servers, first come first served) and ferry and feeder crossings (vessels.ts); then
// they are delivered. The books are kept over the measured window, from the end of the warm-up to
// the horizon. Every random number comes from an `ElementStream` keyed by seed, replication and
// element, so a replication is a pure function of its inputs; events at the same time run in the
// order they were scheduled.
import { CATEGORIES } from '../../network/types.js';
import { ElementStream } from '../random.js';
import { sourceKeyOf } from '../../route/expand.js';
import { eventSources, overBudget } from './budget.js';
import { drawOccurrence, drawPart } from '../sample.js';
import { addTime, newConsignment, DELIVERED_STATE, MOVING_STATE, SERVICE_STATE, WAITING_STATE, type Consignment } from './consignment.js';
import { ARRIVAL, CALL, DEPART_ATTEMPT, EventQueue, SNAPSHOT, STEP_DONE, VESSEL_READY, VOYAGE_ARRIVE } from './event-queue.js';
import { DEPARTURE_WAIT, MOVING, MOVING_CATEGORY, QUEUE, SERVICE, TIME_KINDS, WAITING_CATEGORY, type FlowPlan, type Plan, type Step } from './plan.js';
import { closeQueue, emptyServerStats, Fifo, QueueStats, type ServerStats } from './queues.js';
import { Vessels, type ServiceStats } from './vessels.js';

/** Hours of slack when placing the last weekly snapshot at the horizon. */
const EPS = 1e-9;
const NK = TIME_KINDS.length;
const NC = CATEGORIES.length;

/** What one replication measured, before aggregation. */
export interface ReplicationStats {
  readonly flows: {
    readonly arrived: number;
    readonly delivered: number;
    readonly transit: number[];
    readonly kinds: Float64Array;
    readonly categories: Float64Array;
    readonly backlog: number;
  }[];
  readonly servers: ServerStats[];
  readonly services: ServiceStats[];
  readonly generated: number;
  readonly deliveredTotal: number;
  readonly waiting: number;
  readonly inService: number;
  readonly moving: number;
  readonly events: number;
}

/** A flow's arrivals and draws in this replication, and what its delivered consignments add up to. */
interface FlowState {
  readonly plan: FlowPlan;
  /** Consignments per hour at this volume. */
  readonly rate: number;
  readonly arrivals: ElementStream;
  /** Per element of the flow: its stream. */
  readonly streams: ElementStream[];
  /** Per element, the stream of the element whose draws it shares (`sourceKeyOf`), if any. */
  readonly sources: (ElementStream | undefined)[];
  /** Consignments created so far (the next one's run number). */
  count: number;
  arrived: number;
  delivered: number;
  readonly transit: number[];
  readonly kinds: Float64Array;
  readonly categories: Float64Array;
}

/** A stage with `servers` parallel servers and its queue. */
interface ServerState {
  readonly servers: number;
  readonly queue: Fifo;
  readonly stats: QueueStats;
}

/** The settings of one replication. */
interface ReplicationOptions {
  /** Factor on every flow that scales. */
  readonly volume: number;
  readonly seed: number;
  /** Keys the random streams. */
  readonly replication: number;
  readonly warmupHours: number;
  readonly horizonHours: number;
  /** Events the replication may handle (`FLOW_EVENT_BUDGET` by default): past them it stops with a typed error. */
  readonly eventBudget: number;
  /** Record every service's landings (`ServiceStats.landings`). Default false. */
  readonly traceLandings?: boolean;
}

/**
 * Run one replication of `plan` at `volume` (a factor on every scaling flow) for `horizonHours`,
 * measuring from `warmupHours`. `replication` keys the random streams.
 */
export function runReplication(plan: Plan, options: ReplicationOptions): ReplicationStats {
  const replication = new Replication(plan, options);
  replication.start();
  replication.run();
  return replication.close();
}

/** The state of one replication while it runs. */
class Replication {
  private readonly t0: number;
  private readonly t1: number;
  private readonly events = new EventQueue(4096);
  private readonly consignments: Consignment[] = [];
  private readonly flows: FlowState[];
  private readonly servers: ServerState[];
  private readonly serverStats: ServerStats[];
  private readonly vessels: Vessels;
  /** Events handled so far. */
  private processed = 0;
  private readonly plan: Plan;
  private readonly volume: number;
  private readonly budget: number;

  constructor(plan: Plan, options: ReplicationOptions) {
    const { volume, seed, replication, warmupHours: t0, horizonHours: t1 } = options;
    this.plan = plan;
    this.volume = volume;
    this.budget = options.eventBudget;
    const rep = `rep:${replication}`;
    this.t0 = t0;
    this.t1 = t1;
    this.flows = plan.flows.map((f) => ({
      plan: f,
      rate: f.perHour * (f.scales ? volume : 1),
      arrivals: new ElementStream(seed, `flow|${f.flow.id}|arrivals|${rep}`),
      streams: f.elements.map((e) => new ElementStream(seed, `${e.key}|flow:${f.flow.id}|${rep}`)),
      // The stream of the element whose draws an element shares (a replaced stage, a restricted link's travel), keyed alike.
      sources: f.elements.map((e) => {
        const source = sourceKeyOf(e.model);
        return source === undefined ? undefined : new ElementStream(seed, `${source}|flow:${f.flow.id}|${rep}`);
      }),
      count: 0,
      arrived: 0,
      delivered: 0,
      transit: [],
      kinds: new Float64Array(NK),
      categories: new Float64Array(NC),
    }));
    this.servers = plan.servers.map((s) => ({ servers: s.servers, queue: new Fifo(), stats: new QueueStats(t0, t1) }));
    this.serverStats = plan.servers.map(() => emptyServerStats());
    this.vessels = new Vessels(plan.services, seed, rep, t0, t1, this.events, this.consignments, options.traceLandings === true);
  }

  private inWindow(t: number): boolean {
    return t >= this.t0 && t <= this.t1;
  }

  /** Schedule the services' first calls and vessels, each flow's first arrival, and the weekly snapshots. */
  start(): void {
    this.vessels.start();
    this.flows.forEach((_, f) => this.scheduleArrival(f, 0));
    const { t0, t1 } = this;
    for (let w = 0; t0 + w * 168 <= t1 + EPS; w++) this.events.push(Math.min(t0 + w * 168, t1), SNAPSHOT, w);
  }

  /** Handle events in time order up to the horizon. */
  run(): void {
    const ev = { time: 0, type: 0, ref: 0 };
    while (this.events.pop(ev)) {
      const now = ev.time;
      if (now > this.t1) break;
      // The estimate checked before the run can be exceeded (a fleet that keeps sailing empty): stop here.
      if (++this.processed > this.budget) {
        const sources = eventSources(this.plan, this.volume, this.t1);
        throw overBudget(sources, this.budget, Math.max(this.processed, sources.reduce((a, s) => a + s.events, 0)));
      }
      switch (ev.type) {
        case ARRIVAL:
          this.arrive(ev.ref, now);
          break;
        case STEP_DONE:
          this.stepDone(ev.ref, now);
          break;
        case CALL:
          this.vessels.call(ev.ref, now);
          break;
        case VESSEL_READY:
          this.vessels.vesselReady(ev.ref, now);
          break;
        case DEPART_ATTEMPT:
          this.vessels.attemptDue(ev.ref, now);
          break;
        case VOYAGE_ARRIVE:
          this.land(ev.ref, now);
          break;
        case SNAPSHOT:
          this.snapshot();
          break;
      }
    }
  }

  /**
   * Poisson arrivals: consignment k of flow `f` arrives an exponential gap after k − 1, drawn from
   * run k of the flow's arrival stream (so a higher volume only rescales the same arrival times).
   */
  private scheduleArrival(f: number, after: number): void {
    const fl = this.flows[f]!;
    if (fl.rate <= 0 || fl.plan.route === null) return;
    const t = after - Math.log(fl.arrivals.uniform(fl.count, 0)) / fl.rate;
    if (t <= this.t1) this.events.push(t, ARRIVAL, f);
  }

  /** A consignment of flow `f` arrives: the next one is scheduled, and it sets off. */
  private arrive(f: number, now: number): void {
    const fl = this.flows[f]!;
    const id = this.consignments.length;
    this.consignments.push(newConsignment(f, fl.count++, now));
    if (this.inWindow(now)) fl.arrived++;
    this.scheduleArrival(f, now);
    this.advance(id, now);
  }

  /** A delay or a service ends: a service frees its server for the next in the queue; then the consignment goes on. */
  private stepDone(id: number, now: number): void {
    const c = this.consignments[id]!;
    if (c.state === SERVICE_STATE) this.endService(c, now);
    this.advance(id, now);
  }

  /**
   * Move a consignment through its steps from its current one, until it must wait for an event:
   * delays add up until a step that queues (or the end), then it travels them first.
   */
  private advance(id: number, now: number): void {
    const c = this.consignments[id]!;
    const fl = this.flows[c.flow]!;
    const steps = fl.plan.steps;
    let delay = 0;
    while (c.step < steps.length) {
      const step = steps[c.step]!;
      if (step.type === 'delay') {
        delay += this.drawDelay(c, fl, step);
        c.step++;
        continue;
      }
      if (delay > 0) {
        this.travel(c, id, now + delay);
        return;
      }
      if (step.type === 'server') {
        if (this.joinServer(c, id, fl, step, now)) return;
        c.step++; // the stage does not happen to this consignment
        continue;
      }
      this.vessels.join(id, step.service, step.share, now);
      return;
    }
    if (delay > 0) {
      this.travel(c, id, now + delay);
      return;
    }
    this.deliver(c, now);
  }

  /** Draw a delay step's hours for consignment `c`, booked to its kind of time and category. */
  private drawDelay(c: Consignment, fl: FlowState, step: Extract<Step, { type: 'delay' }>): number {
    const h = drawPart(fl.plan.elements[step.element]!.model, fl.streams[step.element]!, c.k, fl.sources[step.element]);
    if (h > 0) addTime(c, step.timeKind, step.category, h);
    return h;
  }

  /** The consignment is on its way (delays) until `until`. */
  private travel(c: Consignment, id: number, until: number): void {
    c.state = MOVING_STATE;
    this.events.push(until, STEP_DONE, id);
  }

  /**
   * A stage with servers: draw whether it happens and its service hours; if it does, take a free
   * server or queue. Returns false when the stage does not happen.
   */
  private joinServer(c: Consignment, id: number, fl: FlowState, step: Extract<Step, { type: 'server' }>, now: number): boolean {
    const service = drawOccurrence(step.model, fl.streams[step.element]!, c.k, fl.sources[step.element]);
    if (service === null) return false;
    c.serviceHours = service;
    const st = this.servers[step.server]!;
    const ss = this.serverStats[step.server]!;
    if (this.inWindow(now)) {
      ss.arrivals++;
      ss.workArrived += c.serviceHours;
    }
    c.joined = now;
    if (st.stats.busy < st.servers) {
      if (now >= this.t0) ss.waits.push(0);
      this.startService(c, id, step.server, now);
    } else {
      c.state = WAITING_STATE;
      st.queue.push(id);
      st.stats.update(now, 1, 0);
    }
    return true;
  }

  private startService(c: Consignment, id: number, server: number, now: number): void {
    this.servers[server]!.stats.update(now, 0, 1);
    c.state = SERVICE_STATE;
    this.events.push(now + c.serviceHours, STEP_DONE, id);
  }

  /** Consignment `c`'s service ends: its hours are booked, and the first in the queue (if any) takes the server. */
  private endService(c: Consignment, now: number): void {
    const step = this.flows[c.flow]!.plan.steps[c.step]!;
    if (step === undefined || step.type !== 'server') throw new Error('internal: service end outside a server step');
    addTime(c, SERVICE, step.category, c.serviceHours);
    const st = this.servers[step.server]!;
    st.stats.update(now, 0, -1);
    if (st.queue.length > 0) {
      const next = st.queue.shift();
      const n = this.consignments[next]!;
      const wait = now - n.joined;
      addTime(n, QUEUE, WAITING_CATEGORY, wait);
      if (n.joined >= this.t0) this.serverStats[step.server]!.waits.push(wait);
      st.stats.update(now, -1, 0);
      this.startService(n, next, step.server, now);
    }
    c.step++;
  }

  /**
   * A voyage lands. A consignment whose last part it carried has crossed: it waited from joining
   * the queue to its last part's departure, and moved from then; it goes on.
   */
  private land(voyage: number, now: number): void {
    for (const id of this.vessels.land(voyage)) {
      const c = this.consignments[id]!;
      c.parts--;
      if (c.parts === 0 && c.sailed) {
        addTime(c, DEPARTURE_WAIT, WAITING_CATEGORY, c.lastDeparture - c.joined);
        addTime(c, MOVING, MOVING_CATEGORY, now - c.lastDeparture);
        c.step++;
        this.advance(id, now);
      }
    }
  }

  /** The consignment has done its last step: its flow counts it, and (if it arrived after the warm-up) its transit and hours. */
  private deliver(c: Consignment, now: number): void {
    c.state = DELIVERED_STATE;
    const fl = this.flows[c.flow]!;
    if (this.inWindow(now)) fl.delivered++;
    if (c.created >= this.t0) {
      fl.transit.push(now - c.created);
      for (let k = 0; k < NK; k++) fl.kinds[k]! += c.kinds[k]!;
      for (let k = 0; k < NC; k++) fl.categories[k]! += c.categories[k]!;
    }
  }

  /** Note every queue's length. */
  private snapshot(): void {
    this.servers.forEach((s, i) => this.serverStats[i]!.snapshots.push(s.stats.length));
    this.vessels.snapshot();
  }

  /** Close the books at the horizon: queue statistics, and where every consignment not delivered is. */
  close(): ReplicationStats {
    const t1 = this.t1;
    this.servers.forEach((s, i) => {
      closeQueue(s.stats, t1, this.serverStats[i]!);
      this.serverStats[i]!.busyArea = s.stats.busyArea;
    });
    this.vessels.close(t1);
    let waiting = 0;
    let inService = 0;
    let moving = 0;
    let deliveredTotal = 0;
    const backlog = new Array<number>(this.flows.length).fill(0);
    for (const c of this.consignments) {
      if (c.state === DELIVERED_STATE) {
        deliveredTotal++;
        continue;
      }
      backlog[c.flow]!++;
      if (c.state === SERVICE_STATE) inService++;
      else if (c.state === WAITING_STATE && !c.sailed) waiting++;
      else moving++;
    }
    return {
      flows: this.flows.map((f, i) => ({ arrived: f.arrived, delivered: f.delivered, transit: f.transit, kinds: f.kinds, categories: f.categories, backlog: backlog[i]! })),
      servers: this.serverStats,
      services: this.vessels.stats,
      generated: this.consignments.length,
      deliveredTotal,
      waiting,
      inService,
      moving,
      events: this.processed,
    };
  }
}
