// The wait at a server after a crossing. A voyage lands its consignments together, and the steps
// between the landing and the server (discharge, customs, a drive to the border) spread them: the
// server sees clusters, one per sailing, whose members queue behind each other. How much depends on
// how regular the sailings are, how many land at once and how far the steps spread them, which no
// closed form captures; so the arrivals are built as they happen — each crossing's landings as its
// service run alone records them (`runService`), each member reaching the server with the stage's
// probability after its own draw of the steps in between, and the flows that reach the server
// without a crossing as Poisson streams — and fed through c first-come-first-served servers (the
// Kiefer–Wolfowitz recursion: each arrival takes the server free first). Fixed streams: the result
// is a deterministic function of the place and its load.
import { ElementStream } from '../random.js';
import { quantileOf } from '../sample.js';
import type { ServerLoad } from './load.js';
import type { ServiceRun } from './service-run.js';

/** Share of the measured span at its start whose arrivals' waits are left out (the servers start idle). */
const WARMUP_SHARE = 0.05;

/** What the recursion measured at a server. */
export interface ClusterWait {
  /** Waits of the consignments joining the stage (hours), ascending. */
  readonly waits: Float64Array;
  readonly meanWaitHours: number;
}

/**
 * The waits at server `load` whose arrivals from crossing i land as `runs[i]` recorded, and whose
 * other arrivals (none upstream, or `runs[i]` null: no run, e.g. an unstable crossing) are Poisson.
 * `arrivalIndex(i, flowId)` gives the index of flow `flowId` among crossing i's arrivals.
 */
export function clusterWait(load: ServerLoad, runs: readonly (ServiceRun | null)[], arrivalIndex: (crossing: number, flowId: string) => number): ClusterWait {
  const stream = new ElementStream(0, `congestion|server|${load.server.id}`);
  // A common span: the shortest of the crossings' measured spans (each starts at its own 0).
  let span = Infinity;
  for (const a of load.arrivals) if (a.crossing >= 0 && runs[a.crossing] !== null) span = Math.min(span, runs[a.crossing]!.hours);
  if (!Number.isFinite(span)) throw new Error('internal: clusterWait needs a crossing run');
  const times: number[] = [];
  let draws = 0;
  const offsetOf = (steps: ServerLoad['arrivals'][number]['offset'], run: number): number => {
    let h = 0;
    steps.forEach((s, j) => {
      if (s.probability >= 1 || stream.uniform(run, 2 + 2 * j) < s.probability) h += quantileOf(s.dist, stream.uniform(run, 3 + 2 * j));
    });
    return h;
  };
  for (const a of load.arrivals) {
    // Without a crossing (or after one with no stationary run, unstable), Poisson over the span.
    if (a.crossing < 0 || runs[a.crossing] === null) {
      for (let t = 0; ; ) {
        t -= Math.log(stream.uniform(draws++, 0)) / a.perHour;
        if (t >= span) break;
        times.push(t);
      }
      continue;
    }
    const run = runs[a.crossing]!;
    const index = arrivalIndex(a.crossing, a.flowId);
    const start = run.landingHours.length > 0 ? run.landingHours[0]! : 0;
    for (let k = 0; k < run.landingHours.length; k++) {
      if (run.landingArrivals[k] !== index) continue;
      const landed = run.landingHours[k]! - start;
      if (landed >= span) break;
      const n = draws++;
      if (load.probability < 1 && !(stream.uniform(n, 0) < load.probability)) continue;
      times.push(landed + offsetOf(a.offset, n));
    }
  }
  times.sort((x, y) => x - y);
  const c = load.server.servers;
  const free = new Float64Array(c);
  const waits: number[] = [];
  const from = WARMUP_SHARE * span;
  times.forEach((t, i) => {
    let s = 0;
    for (let j = 1; j < c; j++) if (free[j]! < free[s]!) s = j;
    const start = Math.max(t, free[s]!);
    free[s] = start + quantileOf(load.serviceHours, stream.uniform(i, 1));
    if (t >= from) waits.push(start - t);
  });
  const sorted = Float64Array.from(waits).sort();
  let sum = 0;
  for (const w of sorted) sum += w;
  return { waits: sorted, meanWaitHours: sorted.length > 0 ? sum / sorted.length : 0 };
}
