// Ferries and feeders in one replication of the queue model. A service without a fleet calls on its
// headway (the first call at a random point of a length-biased headway, so the schedule starts in
// equilibrium), whatever the demand, and takes what fits. A fleet's vessels circulate, spread evenly
// over one cycle at the start: each waits its turn at the one berth, loads, and sails at once or,
// with `departWhenFull`, when full or `maxWaitHours` after the previous departure. Loading is first
// come, first served, in shares of a vessel; a consignment larger than the space left is split, and
// goes on when its last part lands. Weather cancels a call (its cargo waits for the next) or holds a
// fleet's vessel at the berth for one more headway. Every draw comes from the service's stream,
// numbered by its calls (schedule) or departure attempts (fleet).
import { meanOf } from '../../network/distribution.js';
import { ElementStream } from '../random.js';
import { lengthBiasedQuantileOf, quantileOf } from '../sample.js';
import { WAITING_STATE, type Consignment } from './consignment.js';
import { CALL, DEPART_ATTEMPT, VESSEL_READY, VOYAGE_ARRIVE, type EventQueue } from './event-queue.js';
import type { Service } from './plan.js';
import { closeQueue, emptyServerStats, Fifo, QueueStats, type ServerStats } from './queues.js';

/** Shares of a vessel this close count as equal: a vessel this near full is full. */
const EPS = 1e-9;

/** What one replication measured of one service, before aggregation. */
export interface ServiceStats extends ServerStats {
  sailings: number;
  cancelled: number;
  /** Vessel loads carried by the sailings in the window. */
  loadCarried: number;
  /** Vessel shares of the consignments that joined the queue in the window. */
  shareArrived: number;
  /**
   * With `traceLandings` only: every consignment whose last part sailed in the window, as the hour
   * its voyage lands and its flow, in order of sailing.
   */
  landings?: { readonly hours: number[]; readonly flows: number[] };
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

/**
 * The ferry and feeder services of one replication: their queues of consignments, vessels, berths
 * and voyages. It schedules its own events (calls, vessels ready, departure attempts, voyages
 * landing) on the replication's event list and handles them when the replication hands them back.
 */
export class Vessels {
  /** What each service measured, in the plan's order. */
  readonly stats: ServiceStats[];
  private readonly states: ServiceState[];
  /** Every fleet's vessels, fleet after fleet. */
  private readonly fleet: Vessel[] = [];
  /** Per voyage: the consignments aboard, one entry per part; null once landed. */
  private readonly voyages: (number[] | null)[] = [];

  /**
   * The services of `services` for the replication keyed `rep` (its random streams), measuring in
   * [t0, t1], scheduling on `events`; `consignments` is the replication's list, read and updated
   * by index.
   */
  constructor(
    services: readonly Service[],
    seed: number,
    rep: string,
    private readonly t0: number,
    private readonly t1: number,
    private readonly events: EventQueue,
    private readonly consignments: readonly Consignment[],
    traceLandings = false,
  ) {
    this.states = services.map((def) => ({
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
    this.stats = services.map(() => ({
      ...emptyServerStats(),
      sailings: 0,
      cancelled: 0,
      loadCarried: 0,
      shareArrived: 0,
      ...(traceLandings ? { landings: { hours: [], flows: [] } } : {}),
    }));
  }

  private inWindow(t: number): boolean {
    return t >= this.t0 && t <= this.t1;
  }

  /**
   * Schedule the first calls (schedule mode: at a random point of a length-biased headway) and
   * every fleet's vessels (ready one after another, evenly over one mean cycle).
   */
  start(): void {
    this.states.forEach((s, i) => {
      const def = s.def;
      if (def.mode === 'schedule') {
        const h = def.headway;
        const first = s.stream.uniform(0, 5) * (h.type === 'fixed' ? h.value : lengthBiasedQuantileOf(h, s.stream.uniform(0, 6)));
        this.events.push(first, CALL, i);
      } else {
        const n = def.spec.vessels!;
        const cycle = def.meanSailingHours + meanOf(def.spec.returnHours!);
        s.firstVessel = this.fleet.length;
        for (let v = 0; v < n; v++) {
          this.fleet.push({ service: i, index: v });
          this.events.push((v * cycle) / n, VESSEL_READY, this.fleet.length - 1);
        }
      }
    });
  }

  /**
   * Consignment `id` reaches a crossing by `service`, filling `share` of a vessel (0: no limit):
   * it joins the queue and, when a vessel is at the berth, loads; a vessel that waits to be full
   * and now is tries to sail.
   */
  join(id: number, service: number, share: number, now: number): void {
    const s = this.states[service]!;
    const ss = this.stats[service]!;
    if (this.inWindow(now)) {
      ss.arrivals++;
      ss.shareArrived += share;
    }
    const c = this.consignments[id]!;
    c.state = WAITING_STATE;
    c.joined = now;
    c.remaining = share;
    c.parts = 0;
    c.sailed = false;
    s.queue.push(id);
    s.stats.update(now, 1, 0);
    if (s.atBerth >= 0) {
      this.loadBerth(service);
      if (s.def.spec.departWhenFull === true && s.load >= 1 - EPS) this.attemptDeparture(service, now);
    }
  }

  /** A scheduled call of `service`: weather may cancel it; otherwise it takes what fits and sails. The next call is scheduled either way. */
  call(service: number, now: number): void {
    const s = this.states[service]!;
    const spec = s.def.spec;
    const n = s.counter++;
    if (s.stream.uniform(n, 1) < spec.cancellationProbability) {
      if (this.inWindow(now)) this.stats[service]!.cancelled++;
    } else {
      const cargo: number[] = [];
      const free = this.loadInto(s, cargo, 1);
      this.sail(service, cargo, 1 - free, now, quantileOf(spec.sailingHours, s.stream.uniform(n, 2)));
    }
    const h = s.def.headway;
    this.events.push(now + (h.type === 'fixed' ? h.value : quantileOf(h, s.stream.uniform(n + 1, 0))), CALL, service);
  }

  /** Fleet vessel number `vessel` is back in port: it queues for the berth. */
  vesselReady(vessel: number, now: number): void {
    const v = this.fleet[vessel]!;
    this.states[v.service]!.berthQueue.push(v.index);
    this.berthNext(v.service, now);
  }

  /** A departure attempt falls due (`ref` as scheduled): the vessel at the berth tries to sail, unless the attempt was overtaken. */
  attemptDue(ref: number, now: number): void {
    const count = this.states.length;
    const service = ref % count;
    const token = Math.floor(ref / count);
    const s = this.states[service]!;
    if (token === s.attempt && s.atBerth >= 0) this.attemptDeparture(service, now);
  }

  /** Voyage `voyage` lands: the consignments aboard, one entry per part carried. */
  land(voyage: number): readonly number[] {
    const cargo = this.voyages[voyage]!;
    this.voyages[voyage] = null;
    return cargo;
  }

  /** Note every service's queue length. */
  snapshot(): void {
    this.states.forEach((s, i) => this.stats[i]!.snapshots.push(s.stats.length));
  }

  /** Close the books at the horizon `t1`. */
  close(t1: number): void {
    this.states.forEach((s, i) => closeQueue(s.stats, t1, this.stats[i]!));
  }

  /** Load what fits on the vessel at the berth (or leaving now), first come first served, splitting the last. */
  private loadInto(s: ServiceState, cargo: number[], free: number): number {
    while (s.queue.length > 0) {
      const id = s.queue.peek();
      const c = this.consignments[id]!;
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
  }

  private loadBerth(service: number): void {
    const s = this.states[service]!;
    // A split always fills the vessel, so a consignment is never loaded twice on one vessel.
    s.load = 1 - this.loadInto(s, s.cargo, 1 - s.load);
  }

  /** A vessel leaves with `cargo` at `now`: parts go to sea; consignments fully aboard stop waiting. */
  private sail(service: number, cargo: number[], load: number, now: number, sailingHours: number): void {
    const s = this.states[service]!;
    const ss = this.stats[service]!;
    if (this.inWindow(now)) {
      ss.sailings++;
      ss.loadCarried += load;
    }
    if (cargo.length === 0) return;
    let departed = 0;
    for (const id of cargo) {
      const c = this.consignments[id]!;
      c.lastDeparture = now;
      if (c.remaining <= EPS) {
        c.sailed = true;
        departed++;
        if (c.joined >= this.t0 && now <= this.t1) ss.waits.push(now - c.joined);
        if (ss.landings !== undefined && this.inWindow(now)) {
          ss.landings.hours.push(now + sailingHours);
          ss.landings.flows.push(c.flow);
        }
      }
    }
    s.stats.update(now, -departed, 0);
    this.voyages.push(cargo);
    this.events.push(now + sailingHours, VOYAGE_ARRIVE, this.voyages.length - 1);
  }

  /** The next vessel in line takes a free berth and loads; it sails now, or waits to be full until the deadline. */
  private berthNext(service: number, now: number): void {
    const s = this.states[service]!;
    if (s.atBerth >= 0 || s.berthQueue.length === 0) return;
    s.atBerth = s.berthQueue.shift();
    s.load = 0;
    s.cargo = [];
    this.loadBerth(service);
    const spec = s.def.spec;
    if (spec.departWhenFull !== true || s.load >= 1 - EPS) {
      this.attemptDeparture(service, now);
      return;
    }
    if (spec.maxWaitHours !== undefined) {
      const deadline = Math.max(now, s.lastDeparture + spec.maxWaitHours);
      if (deadline <= now) this.attemptDeparture(service, now);
      else this.scheduleAttempt(service, deadline);
    }
  }

  private scheduleAttempt(service: number, at: number): void {
    const s = this.states[service]!;
    s.attempt++;
    this.events.push(at, DEPART_ATTEMPT, s.attempt * this.states.length + service);
  }

  /** The vessel at the berth tries to sail: weather may hold it for one more headway. */
  private attemptDeparture(service: number, now: number): void {
    const s = this.states[service]!;
    const spec = s.def.spec;
    const n = s.counter++;
    s.attempt++; // any pending attempt is now stale
    if (s.stream.uniform(n, 1) < spec.cancellationProbability) {
      if (this.inWindow(now)) this.stats[service]!.cancelled++;
      this.scheduleAttempt(service, now + quantileOf(s.def.headway, s.stream.uniform(n, 4)));
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
    this.sail(service, cargo, load, now, sailing);
    this.events.push(now + sailing + back, VESSEL_READY, s.firstVessel + v);
    this.berthNext(service, now);
  }
}
