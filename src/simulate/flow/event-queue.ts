// The event list of the discrete-event simulation: a binary min-heap in typed arrays, ordered by
// time and then by insertion number, so events at the same time pop in the order they were
// scheduled (first in, first out) and a run is deterministic whatever the heap's layout. Also the
// kinds of event the queue model schedules, and what each one's `ref` names.

/** A consignment arrives; `ref`: its flow. */
export const ARRIVAL = 0;
/** A consignment's delay or service ends; `ref`: the consignment. */
export const STEP_DONE = 1;
/** A scheduled vessel calls (services without a fleet); `ref`: the service. */
export const CALL = 2;
/** A fleet's vessel is back in port, ready to berth; `ref`: the vessel (across all fleets). */
export const VESSEL_READY = 3;
/** The vessel at a berth tries to sail; `ref`: attempt token × number of services + the service. */
export const DEPART_ATTEMPT = 4;
/** A voyage lands its cargo; `ref`: the voyage. */
export const VOYAGE_ARRIVE = 5;
/** The queues' lengths are noted; `ref`: the week. */
export const SNAPSHOT = 6;

/** A scheduled event: its time (hours), type and one integer argument. */
export interface ScheduledEvent {
  readonly time: number;
  readonly type: number;
  readonly ref: number;
}

/**
 * Binary min-heap of events keyed by (time, insertion number). `push` and `pop` are O(log n);
 * storage grows by doubling and is never shrunk.
 */
export class EventQueue {
  /** Number of pending events. */
  size = 0;
  /** Events pushed so far (also the insertion number of the next one). */
  pushed = 0;
  private times: Float64Array;
  private seqs: Float64Array;
  private types: Int32Array;
  private refs: Int32Array;

  constructor(initialCapacity = 1024) {
    const c = Math.max(16, initialCapacity);
    this.times = new Float64Array(c);
    this.seqs = new Float64Array(c);
    this.types = new Int32Array(c);
    this.refs = new Int32Array(c);
  }

  private grow(): void {
    const c = this.times.length * 2;
    const t = new Float64Array(c);
    t.set(this.times);
    this.times = t;
    const s = new Float64Array(c);
    s.set(this.seqs);
    this.seqs = s;
    const ty = new Int32Array(c);
    ty.set(this.types);
    this.types = ty;
    const r = new Int32Array(c);
    r.set(this.refs);
    this.refs = r;
  }

  /** Schedule an event of `type` with argument `ref` at `time` (hours). */
  push(time: number, type: number, ref: number): void {
    if (this.size === this.times.length) this.grow();
    const seq = this.pushed++;
    const times = this.times;
    const seqs = this.seqs;
    const types = this.types;
    const refs = this.refs;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      types[i] = types[p]!;
      refs[i] = refs[p]!;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    types[i] = type;
    refs[i] = ref;
  }

  /** Time of the next event (`Infinity` when empty). */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.times[0]!;
  }

  /** Remove the next event; `out` receives it (avoids allocating). Returns false when empty. */
  pop(out: { time: number; type: number; ref: number }): boolean {
    if (this.size === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const types = this.types;
    const refs = this.refs;
    out.time = times[0]!;
    out.type = types[0]!;
    out.ref = refs[0]!;
    const n = --this.size;
    if (n === 0) return true;
    const t = times[n]!;
    const s = seqs[n]!;
    const ty = types[n]!;
    const r = refs[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let m = l;
      const rr = l + 1;
      if (rr < n && (times[rr]! < times[l]! || (times[rr]! === times[l]! && seqs[rr]! < seqs[l]!))) m = rr;
      if (t < times[m]! || (t === times[m]! && s < seqs[m]!)) break;
      times[i] = times[m]!;
      seqs[i] = seqs[m]!;
      types[i] = types[m]!;
      refs[i] = refs[m]!;
      i = m;
    }
    times[i] = t;
    seqs[i] = s;
    types[i] = ty;
    refs[i] = r;
    return true;
  }
}
