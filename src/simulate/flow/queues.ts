// The queues of the model and what is measured of them. Stage servers and vessel services both hold
// consignments (by index) in a first-come-first-served queue, and both keep time-weighted
// statistics (queue length, busy servers) over the measured window only: from the end of the
// warm-up to the horizon.

/** A FIFO queue of consignment ids. */
export class Fifo {
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
    // Drop the consumed front now and then, so a long replication does not keep every id it served.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }
}

/** Time-weighted statistics of one queue, over the measured window [t0, t1] only. */
export class QueueStats {
  length = 0;
  max = 0;
  area = 0;
  busy = 0;
  busyArea = 0;
  private last = 0;
  constructor(
    private readonly t0: number,
    private readonly t1: number,
  ) {}
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

/** What one replication measured of one queue (a stage server or a service), before aggregation. */
export interface ServerStats {
  arrivals: number;
  workArrived: number;
  busyArea: number;
  queueArea: number;
  maxQueue: number;
  queueAtEnd: number;
  waits: number[];
  /** Queue length every 168 hours from the end of the warm-up, the last at the horizon. */
  snapshots: number[];
}

/** Empty statistics of a queue. */
export function emptyServerStats(): ServerStats {
  return { arrivals: 0, workArrived: 0, busyArea: 0, queueArea: 0, maxQueue: 0, queueAtEnd: 0, waits: [], snapshots: [] };
}

/** Account the queue's time up to the horizon `t1`, then write its area, longest and final length into `out`. */
export function closeQueue(stats: QueueStats, t1: number, out: ServerStats): void {
  stats.update(t1, 0, 0);
  out.queueArea = stats.area;
  out.maxQueue = stats.max;
  out.queueAtEnd = stats.length;
}
