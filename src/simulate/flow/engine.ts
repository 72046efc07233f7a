// One replication of the queue model: a discrete-event simulation over hours. Consignments arrive
// (Poisson per flow), go through their steps — delays, stages with servers (c parallel servers,
// first come first served), ferry and feeder crossings (vessels with a capacity that sail on the
// headway or, as a fleet, when full or at a maximum wait; weather cancels sailings) — and are
// delivered. Every random number comes from an `ElementStream` keyed by seed, replication and
// element, so a replication is a pure function of its inputs.
import { quantileOf, drawOccurrence, drawPart, lengthBiasedQuantileOf } from '../sample.js';
import { ElementStream } from '../random.js';
import { meanOf } from '../../network/distribution.js';
import { CATEGORIES } from '../../network/types.js';
import { EventQueue } from './event-queue.js';
import { DEPARTURE_WAIT, MOVING, MOVING_CATEGORY, QUEUE, SERVICE, TIME_KINDS, WAITING_CATEGORY, type Plan, type Service } from './plan.js';

const EPS = 1e-9;
const NK = TIME_KINDS.length;
const NC = CATEGORIES.length;

// Event types.
const ARRIVAL = 0;
const STEP_DONE = 1;
const CALL = 2;
const VESSEL_READY = 3;
const DEPART_ATTEMPT = 4;
const VOYAGE_ARRIVE = 5;
const SNAPSHOT = 6;

/** Consignment states. */
const MOVING_STATE = 0;
const WAITING_STATE = 1;
const SERVICE_STATE = 2;
const DELIVERED_STATE = 3;

interface Consignment {
  readonly flow: number;
  /** Index within its flow: the run number of its draws. */
  readonly k: number;
  readonly created: number;
  step: number;
  state: number;
  /** When it joined the current queue. */
  joined: number;
  /** Service hours drawn for the current server step. */
  serviceHours: number;
  /** Crossing: share of a vessel still to load, parts loaded and not yet landed, whether the last part has sailed and when. */
  remaining: number;
  parts: number;
  sailed: boolean;
  lastDeparture: number;
  readonly kinds: Float64Array;
  readonly categories: Float64Array;
}

/** A FIFO queue of consignment ids. */
class Fifo {
  private items: number[] = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(x: number): void {
    this.items.push(x);
  }
  peek(): number {
    return this.items[this.head]!;
  }
  shift(): number {
    const x = this.items[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }
}

/** Time-weighted statistics of one queue, over the measured window only. */
class QueueStats {
  length = 0;
  max = 0;
  area = 0;
  busy = 0;
  busyArea = 0;
  private last = 0;
  constructor(private readonly t0: number, private readonly t1: number) {}
  /** Account the time since the last change, then apply the changes. */
  update(now: number, dLength: number, dBusy: number): void {
    const a = Math.max(this.last, this.t0);
    const b = Math.min(now, this.t1);
    if (b > a) {
      this.area += this.length * (b - a);
      this.busyArea += this.busy * (b - a);
    }
    this.last = now;
    // The length before the change held up to now; the one after holds from now.
    if (now >= this.t0 && now <= this.t1) this.max = Math.max(this.max, this.length, this.length + dLength);
    this.length += dLength;
    this.busy += dBusy;
  }
}

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

export interface ServerStats {
  arrivals: number;
  workArrived: number;
  busyArea: number;
  queueArea: number;
  maxQueue: number;
  queueAtEnd: number;
  waits: number[];
  snapshots: number[];
}

export interface ServiceStats extends ServerStats {
  sailings: number;
  cancelled: number;
  loadCarried: number;
  shareArrived: number;
}

/** A vessel of a fleet. */
interface Vessel {
  readonly service: number;
  readonly index: number;
}

/** A ferry or feeder service's state. */
interface ServiceState {
  readonly def: Service;
  readonly stream: ElementStream;
  readonly queue: Fifo;
  readonly stats: QueueStats;
  /** Draw counter: calls (schedule) or departures (fleet). */
  counter: number;
  /** Fleet: vessels waiting for the berth, the one at it (−1: none), its load and cargo. */
  readonly berthQueue: Fifo;
  atBerth: number;
  load: number;
  cargo: number[];
  lastDeparture: number;
  /** Validity token of the pending departure attempt. */
  attempt: number;
  /** Index of this service's first vessel in the vessel list. */
  firstVessel: number;
}

interface ServerState {
  readonly servers: number;
  readonly queue: Fifo;
  readonly stats: QueueStats;
}

/**
 * Run one replication of `plan` at `volume` (a factor on every scaling flow) for `horizonHours`,
 * measuring from `warmupHours`. `replication` keys the random streams.
 */
export function runReplication(plan: Plan, options: { volume: number; seed: number; replication: number; warmupHours: number; horizonHours: number }): ReplicationStats {
  const { volume, seed, replication, warmupHours: t0, horizonHours: t1 } = options;
  const rep = `rep:${replication}`;
  const events = new EventQueue(4096);
  const consignments: Consignment[] = [];

  const flows = plan.flows.map((f) => ({
    plan: f,
    rate: f.perHour * (f.scales ? volume : 1),
    arrivals: new ElementStream(seed, `flow|${f.flow.id}|arrivals|${rep}`),
    streams: f.elements.map((e) => new ElementStream(seed, `${e.key}|flow:${f.flow.id}|${rep}`)),
    count: 0,
    arrived: 0,
    delivered: 0,
    transit: [] as number[],
    kinds: new Float64Array(NK),
    categories: new Float64Array(NC),
  }));
  const serverStates: ServerState[] = plan.servers.map((s) => ({ servers: s.servers, queue: new Fifo(), stats: new QueueStats(t0, t1) }));
  const serverStats: ServerStats[] = plan.servers.map(() => ({ arrivals: 0, workArrived: 0, busyArea: 0, queueArea: 0, maxQueue: 0, queueAtEnd: 0, waits: [], snapshots: [] }));
  const serviceStates: ServiceState[] = plan.services.map((def) => ({
    def,
    stream: new ElementStream(seed, `service|${def.link.id}|${rep}`),
    queue: new Fifo(),
    stats: new QueueStats(t0, t1),
    counter: 0,
    berthQueue: new Fifo(),
    atBerth: -1,
    load: 0,
    cargo: [],
    lastDeparture: 0,
    attempt: 0,
    firstVessel: 0,
  }));
  const serviceStats: ServiceStats[] = plan.services.map(() => ({
    arrivals: 0,
    workArrived: 0,
    busyArea: 0,
    queueArea: 0,
    maxQueue: 0,
    queueAtEnd: 0,
    waits: [],
    snapshots: [],
    sailings: 0,
    cancelled: 0,
    loadCarried: 0,
    shareArrived: 0,
  }));
  const vessels: Vessel[] = [];
  const voyages: (number[] | null)[] = [];
  const inWindow = (t: number): boolean => t >= t0 && t <= t1;

  // Arrivals: Poisson per flow; consignment k arrives an exponential gap after k − 1, drawn from
  // run k of the flow's arrival stream (so a higher volume only rescales the same arrival times).
  const scheduleArrival = (f: number, after: number): void => {
    const fl = flows[f]!;
    if (fl.rate <= 0 || fl.plan.route === null) return;
    const t = after - Math.log(fl.arrivals.uniform(fl.count, 0)) / fl.rate;
    if (t <= t1) events.push(t, ARRIVAL, f);
  };

  // Services: schedule-mode calls start in equilibrium (a random point in a length-biased
  // headway), fleets with their vessels spread evenly over one cycle.
  serviceStates.forEach((s, i) => {
    const def = s.def;
    if (def.mode === 'schedule') {
      const h = def.headway;
      const first = s.stream.uniform(0, 5) * (h.type === 'fixed' ? h.value : lengthBiasedQuantileOf(h, s.stream.uniform(0, 6)));
      events.push(first, CALL, i);
    } else {
      const n = def.spec.vessels!;
      const cycle = def.meanSailingHours + meanOf(def.spec.returnHours!);
      s.firstVessel = vessels.length;
      for (let v = 0; v < n; v++) {
        vessels.push({ service: i, index: v });
        events.push((v * cycle) / n, VESSEL_READY, vessels.length - 1);
      }
    }
  });
  flows.forEach((_, f) => scheduleArrival(f, 0));
  for (let w = 0; t0 + w * 168 <= t1 + EPS; w++) events.push(Math.min(t0 + w * 168, t1), SNAPSHOT, w);

  const addTime = (c: Consignment, kind: number, category: number, hours: number): void => {
    c.kinds[kind]! += hours;
    c.categories[category]! += hours;
  };

  const deliver = (c: Consignment, now: number): void => {
    c.state = DELIVERED_STATE;
    const fl = flows[c.flow]!;
    if (inWindow(now)) fl.delivered++;
    if (c.created >= t0) {
      fl.transit.push(now - c.created);
      for (let k = 0; k < NK; k++) fl.kinds[k]! += c.kinds[k]!;
      for (let k = 0; k < NC; k++) fl.categories[k]! += c.categories[k]!;
    }
  };

  const startService = (c: Consignment, id: number, server: number, now: number): void => {
    const st = serverStates[server]!;
    st.stats.update(now, 0, 1);
    c.state = SERVICE_STATE;
    events.push(now + c.serviceHours, STEP_DONE, id);
  };

  /** Move a consignment through its steps from its current one, until it must wait for an event. */
  const advance = (id: number, now: number): void => {
    const c = consignments[id]!;
    const fl = flows[c.flow]!;
    const steps = fl.plan.steps;
    let delay = 0;
    while (c.step < steps.length) {
      const step = steps[c.step]!;
      if (step.type === 'delay') {
        const h = drawPart(fl.plan.elements[step.element]!.model, fl.streams[step.element]!, c.k);
        if (h > 0) addTime(c, step.timeKind, step.category, h);
        delay += h;
        c.step++;
        continue;
      }
      if (delay > 0) {
        c.state = MOVING_STATE;
        events.push(now + delay, STEP_DONE, id);
        return;
      }
      if (step.type === 'server') {
        const service = drawOccurrence(step.dist, step.probability, fl.streams[step.element]!, c.k);
        if (service === null) {
          c.step++;
          continue;
        }
        c.serviceHours = service;
        const st = serverStates[step.server]!;
        const ss = serverStats[step.server]!;
        if (inWindow(now)) {
          ss.arrivals++;
          ss.workArrived += c.serviceHours;
        }
        c.joined = now;
        if (st.stats.busy < st.servers) {
          if (now >= t0) ss.waits.push(0);
          startService(c, id, step.server, now);
        } else {
          c.state = WAITING_STATE;
          st.queue.push(id);
          st.stats.update(now, 1, 0);
        }
        return;
      }
      // A crossing: join the service's queue.
      const s = serviceStates[step.service]!;
      const ss = serviceStats[step.service]!;
      if (inWindow(now)) {
        ss.arrivals++;
        ss.shareArrived += step.share;
      }
      c.state = WAITING_STATE;
      c.joined = now;
      c.remaining = step.share;
      c.parts = 0;
      c.sailed = false;
      s.queue.push(id);
      s.stats.update(now, 1, 0);
      if (s.atBerth >= 0) {
        loadBerth(step.service);
        if (s.def.spec.departWhenFull === true && s.load >= 1 - EPS) attemptDeparture(step.service, now);
      }
      return;
    }
    if (delay > 0) {
      c.state = MOVING_STATE;
      events.push(now + delay, STEP_DONE, id);
      return;
    }
    deliver(c, now);
  };

  /** Load what fits on the vessel at the berth (or leaving now), first come first served, splitting the last. */
  const loadInto = (s: ServiceState, cargo: number[], free: number): number => {
    while (s.queue.length > 0) {
      const id = s.queue.peek();
      const c = consignments[id]!;
      if (c.remaining <= free + EPS) {
        free -= c.remaining;
        c.remaining = 0;
        c.parts++;
        s.queue.shift();
        cargo.push(id);
      } else if (free > EPS) {
        c.remaining -= free;
        free = 0;
        c.parts++;
        cargo.push(id);
        break;
      } else {
        break;
      }
    }
    return Math.max(0, free);
  };

  const loadBerth = (service: number): void => {
    const s = serviceStates[service]!;
    // A split always fills the vessel, so a consignment is never loaded twice on one vessel.
    s.load = 1 - loadInto(s, s.cargo, 1 - s.load);
  };

  /** A vessel leaves with `cargo` at `now`: parts go to sea; consignments fully aboard stop waiting. */
  const sail = (service: number, cargo: number[], load: number, now: number, sailingHours: number): void => {
    const s = serviceStates[service]!;
    const ss = serviceStats[service]!;
    if (inWindow(now)) {
      ss.sailings++;
      ss.loadCarried += load;
    }
    if (cargo.length === 0) return;
    let departed = 0;
    for (const id of cargo) {
      const c = consignments[id]!;
      c.lastDeparture = now;
      if (c.remaining <= EPS) {
        c.sailed = true;
        departed++;
        if (c.joined >= t0 && now <= t1) ss.waits.push(now - c.joined);
      }
    }
    s.stats.update(now, -departed, 0);
    voyages.push(cargo);
    events.push(now + sailingHours, VOYAGE_ARRIVE, voyages.length - 1);
  };

  const berthNext = (service: number, now: number): void => {
    const s = serviceStates[service]!;
    if (s.atBerth >= 0 || s.berthQueue.length === 0) return;
    s.atBerth = s.berthQueue.shift();
    s.load = 0;
    s.cargo = [];
    loadBerth(service);
    const spec = s.def.spec;
    if (spec.departWhenFull !== true || s.load >= 1 - EPS) {
      attemptDeparture(service, now);
      return;
    }
    if (spec.maxWaitHours !== undefined) {
      const deadline = Math.max(now, s.lastDeparture + spec.maxWaitHours);
      if (deadline <= now) attemptDeparture(service, now);
      else scheduleAttempt(service, deadline);
    }
  };

  const scheduleAttempt = (service: number, at: number): void => {
    const s = serviceStates[service]!;
    s.attempt++;
    events.push(at, DEPART_ATTEMPT, s.attempt * plan.services.length + service);
  };

  /** The vessel at the berth tries to sail: weather may hold it for one more headway. */
  const attemptDeparture = (service: number, now: number): void => {
    const s = serviceStates[service]!;
    const spec = s.def.spec;
    const n = s.counter++;
    s.attempt++; // any pending attempt is now stale
    if (s.stream.uniform(n, 1) < spec.cancellationProbability) {
      if (inWindow(now)) serviceStats[service]!.cancelled++;
      scheduleAttempt(service, now + quantileOf(s.def.headway, s.stream.uniform(n, 4)));
      return;
    }
    const sailing = quantileOf(spec.sailingHours, s.stream.uniform(n, 2));
    const back = quantileOf(spec.returnHours!, s.stream.uniform(n, 3));
    const v = s.atBerth;
    const cargo = s.cargo;
    const load = s.load;
    s.atBerth = -1;
    s.cargo = [];
    s.load = 0;
    s.lastDeparture = now;
    sail(service, cargo, load, now, sailing);
    events.push(now + sailing + back, VESSEL_READY, s.firstVessel + v);
    berthNext(service, now);
  };

  const ev = { time: 0, type: 0, ref: 0 };
  let processed = 0;
  while (events.pop(ev)) {
    const now = ev.time;
    if (now > t1) break;
    processed++;
    switch (ev.type) {
      case ARRIVAL: {
        const f = ev.ref;
        const fl = flows[f]!;
        const id = consignments.length;
        consignments.push({
          flow: f,
          k: fl.count++,
          created: now,
          step: 0,
          state: MOVING_STATE,
          joined: now,
          serviceHours: 0,
          remaining: 0,
          parts: 0,
          sailed: false,
          lastDeparture: 0,
          kinds: new Float64Array(NK),
          categories: new Float64Array(NC),
        });
        if (inWindow(now)) fl.arrived++;
        scheduleArrival(f, now);
        advance(id, now);
        break;
      }
      case STEP_DONE: {
        const id = ev.ref;
        const c = consignments[id]!;
        if (c.state === SERVICE_STATE) {
          const fl = flows[c.flow]!;
          const step = fl.plan.steps[c.step]!;
          if (step === undefined || step.type !== 'server') throw new Error('internal: service end outside a server step');
          addTime(c, SERVICE, step.category, c.serviceHours);
          const st = serverStates[step.server]!;
          st.stats.update(now, 0, -1);
          if (st.queue.length > 0) {
            const next = st.queue.shift();
            const n = consignments[next]!;
            const wait = now - n.joined;
            addTime(n, QUEUE, WAITING_CATEGORY, wait);
            if (n.joined >= t0) serverStats[step.server]!.waits.push(wait);
            st.stats.update(now, -1, 0);
            startService(n, next, step.server, now);
          }
          c.step++;
        }
        advance(id, now);
        break;
      }
      case CALL: {
        const i = ev.ref;
        const s = serviceStates[i]!;
        const spec = s.def.spec;
        const n = s.counter++;
        if (s.stream.uniform(n, 1) < spec.cancellationProbability) {
          if (inWindow(now)) serviceStats[i]!.cancelled++;
        } else {
          const cargo: number[] = [];
          const free = loadInto(s, cargo, 1);
          sail(i, cargo, 1 - free, now, quantileOf(spec.sailingHours, s.stream.uniform(n, 2)));
        }
        const h = s.def.headway;
        events.push(now + (h.type === 'fixed' ? h.value : quantileOf(h, s.stream.uniform(n + 1, 0))), CALL, i);
        break;
      }
      case VESSEL_READY: {
        const v = vessels[ev.ref]!;
        const s = serviceStates[v.service]!;
        s.berthQueue.push(v.index);
        berthNext(v.service, now);
        break;
      }
      case DEPART_ATTEMPT: {
        const service = ev.ref % plan.services.length;
        const token = Math.floor(ev.ref / plan.services.length);
        const s = serviceStates[service]!;
        if (token === s.attempt && s.atBerth >= 0) attemptDeparture(service, now);
        break;
      }
      case VOYAGE_ARRIVE: {
        const cargo = voyages[ev.ref]!;
        voyages[ev.ref] = null;
        for (const id of cargo) {
          const c = consignments[id]!;
          c.parts--;
          if (c.parts === 0 && c.sailed) {
            addTime(c, DEPARTURE_WAIT, WAITING_CATEGORY, c.lastDeparture - c.joined);
            addTime(c, MOVING, MOVING_CATEGORY, now - c.lastDeparture);
            c.step++;
            advance(id, now);
          }
        }
        break;
      }
      case SNAPSHOT: {
        serverStates.forEach((s, i) => serverStats[i]!.snapshots.push(s.stats.length));
        serviceStates.forEach((s, i) => serviceStats[i]!.snapshots.push(s.stats.length));
        break;
      }
    }
  }

  // Close the books at the horizon.
  serverStates.forEach((s, i) => {
    s.stats.update(t1, 0, 0);
    const out = serverStats[i]!;
    out.busyArea = s.stats.busyArea;
    out.queueArea = s.stats.area;
    out.maxQueue = s.stats.max;
    out.queueAtEnd = s.stats.length;
  });
  serviceStates.forEach((s, i) => {
    s.stats.update(t1, 0, 0);
    const out = serviceStats[i]!;
    out.queueArea = s.stats.area;
    out.maxQueue = s.stats.max;
    out.queueAtEnd = s.stats.length;
  });
  let waiting = 0;
  let inService = 0;
  let moving = 0;
  let deliveredTotal = 0;
  const backlog = new Array<number>(flows.length).fill(0);
  for (const c of consignments) {
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
    flows: flows.map((f, i) => ({ arrived: f.arrived, delivered: f.delivered, transit: f.transit, kinds: f.kinds, categories: f.categories, backlog: backlog[i]! })),
    servers: serverStats,
    services: serviceStats,
    generated: consignments.length,
    deliveredTotal,
    waiting,
    inService,
    moving,
    events: processed,
  };
}
