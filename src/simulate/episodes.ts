// Disruption episodes in the Monte Carlo: closures and throttles of nodes and links in calendar time,
// and the gate a consignment passes at such a place.
//
// Each place is a fluid queue: units arrive at the place's utilisation ρ (work per hour of capacity)
// and are served first come, first served at capacity 1, or at the smallest share of the episodes
// under way (0 while closed). A simulation draws WORLDS histories of the corridor ("worlds": every
// episode process and the corridor state over the calendar); each run walks in one of them (run r in
// world r mod WORLDS). A place's queue in a world is traced forward once, from TRACE_LEAD_DAYS before the
// departure window, into a piecewise-linear record, so a consignment passes a gate by a binary search
// and a few steps, not by drawing episodes. What keeps it sound:
//  - FIFO: in a world, leaving the gate is a non-decreasing function of reaching it, so a measure that
//    only shortens durations reaches the gate no later and leaves it no later (common random numbers
//    stay monotone, and label-correcting searches over gated arcs stay exact);
//  - keys, not streams: a process's episodes are a Poisson process whose rate changes by calendar
//    month (times the corridor state when correlated), drawn in sequence: in world w, episode i's
//    start is an exponential gap in cumulative rate after the previous start (draw 2i of the keyed
//    stream 'episode|<id>' for world w), its duration draw 2i + 1; run r's world is r mod WORLDS
//    (its departure instant and its stages are keyed draws of (seed, r), which do not depend on
//    its world). So before and after, every route and every thread see the same episodes at the
//    same instants, whatever is evaluated first;
//  - worlds are shared: a world is met by many runs (departing on other days), which is what makes
//    gates cheap; any 1,024 consecutive runs walk in 1,024 different worlds (a few runs see every
//    world they can, where a keyed draw repeated some), and the runs departing in a month are spread
//    over the worlds by their departure draws;
//  - the walk is cheap to lay out: a block of 4,096 runs holds four runs of each world, so a block's
//    draws are written world by world and a chunk's runs are read world by world with no sort.
import { isoDayNumber, monthDay } from '../network/dates.js';
import type { Network } from '../network/network.js';
import { FIRST_YEAR, LAST_YEAR, type EpisodeSpec } from '../network/types.js';
import type { Arc } from '../route/expand.js';
import { elementKey } from '../route/expand.js';
import { MONTH_COUNT, MONTH_STARTS, monthIndexOf } from './calendar.js';
import { CorridorState } from './corridor-state.js';
import { ElementStream, mixRun, unitOf } from './random.js';
import { quantileFn } from './sample.js';

/** Utilisation is capped below 1 when a volume factor scales it: at 1 a backlog would never clear. */
export const UTILISATION_CAP = 0.95;
/** Histories of the corridor drawn per simulation; each run walks in one (run r in world r mod WORLDS). */
export const WORLDS = 1024;

/** The world (0 … WORLDS − 1) run `run` (an integer ≥ 0) walks in: `run` mod WORLDS. */
export function worldOfRun(run: number): number {
  return run % WORLDS;
}

/**
 * Write into `order[0 … n)` runs `firstRun` … `firstRun + n − 1` (as offsets 0 … n − 1) in order of
 * their worlds, runs of one world in run order, and into `worlds[0 … n)` each place's world: a walk
 * in that order reads one world's traces at a time.
 */
export function runsByWorld(firstRun: number, n: number, order: Int32Array, worlds: Int32Array): void {
  const base = worldOfRun(firstRun);
  let k = 0;
  for (let w = 0; w < WORLDS && k < n; w++) {
    for (let r = (w - base + WORLDS) % WORLDS; r < n; r += WORLDS) {
      order[k] = r;
      worlds[k++] = w;
    }
  }
}

/**
 * `mixRun(w)` of each world w (as int32: the same bits wherever it is combined by `^`): the tracer's
 * draws of world w mix it in. Read from a typed array, never returned from a call: a call's result
 * of 2^31 or more is a heap number, one per draw.
 */
const WORLD_MIXES = Int32Array.from({ length: WORLDS }, (_, w) => mixRun(w));

/** A place's queue is traced from empty this many days before the departure window opens (longer when one episode and its backlog last longer). */
export const TRACE_LEAD_DAYS = 90;
/** The golden-ratio constant that spreads draw numbers over the key's bits (as in random.ts). */
const GOLDEN = 0x9e3779b9 | 0;
/** The largest uniform the streams give ((2^32 − 0.5) / 2^32): a duration's largest possible draw. */
const U_MAX = (4294967296 - 0.5) / 4294967296;
/** Hours per day: a gate's free-day bitmap has a bit per day from its start. */
export const HOURS_PER_DAY = 24;
/** A trace is extended this far past what was asked, so that later runs rarely extend it again; and with no episode under way or ahead, its queue is stepped this far at a time. */
const EXTEND_HOURS = 30 * HOURS_PER_DAY;
/** Days past the departure window a gate keeps its free-day bitmap for (trips and their backlogs end within it). */
const BITMAP_TRIP_DAYS = 365;
/** Days past the departure window a world's first room in a gate's segment store counts episodes for (trips end within it; a trace that runs further grows). */
const ROOM_TRIP_DAYS = 60;
/** Months past the departure window's last month at which a search for a process's next start pauses (rare processes would otherwise be walked to the calendar table's end, 2,880 months, for a start no trace reaches). */
const WALK_HORIZON_MONTHS = 25;
/** Months of corridor-state factors cached per world before the departure window and after it (the traces' lead, the trips; months outside are computed when met). */
const FACTOR_MARGIN_MONTHS = 24;
// Module-local names for what the hot paths call.
const STARTS = MONTH_STARTS;
const unit = unitOf;
const monthOf = monthIndexOf;
const MONTHS = MONTH_COUNT;
const ln = Math.log;

/** How a simulation treats the network's episodes. */
export interface EpisodeSettings {
  /** `false`: no episode at all (seasons off). */
  readonly seasons: boolean;
  /** `true`: every corridor-state factor is 1 (episodes independent of each other). */
  readonly independent: boolean;
  /** Multiplies every episode's utilisation (the scenario's volume against the reference), capped at UTILISATION_CAP. Default 1. */
  readonly volumeFactor?: number;
  /** The utilisation of an episode's place when a congestion model knows it (overrides `utilisation` × volume). */
  readonly utilisationOf?: (episode: EpisodeSpec) => number | undefined;
}

/** Numbers per chunk of a gate's segment store (512 kB: memory the system has to hand over fresh is slow, so it comes in few, large pieces, and is only touched as used). */
const CHUNK_NUMBERS = 1 << 16;
/**
 * Chunks of segment stores whose tables are gone (dropped from the shared tables, with no
 * simulation still running on them), kept for the next tables: memory the system hands over fresh
 * costs here about 3 ms per megabyte the first time it is written, and memory used before nothing
 * (a chunk is handed on as it is: a segment is written before it is read, and nothing reads past a
 * world's count); a simulation's traces fill 7–13 MB of chunks. At most
 * SPARE_CHUNKS are kept (16 MB).
 */
const spareChunks: Float64Array[] = [new Float64Array(0)];
// (emptied at once: an empty array literal starts as an array of small integers and changes its map
// when the first chunk comes back, some simulations into a process, which deoptimised the tracer)
spareChunks.length = 0;
const SPARE_CHUNKS = 32;
/** The same for the stores of a gate's per-world arrays (about 250 kB each) and a table's corridor-state factors (500 kB): at most SPARE_BUFFERS. */
const spareBuffers: ArrayBuffer[] = [];
const SPARE_BUFFERS = 16;

/** A spare buffer of exactly `byteLength` bytes, cleared, or a new one. */
function spareBuffer(byteLength: number): ArrayBuffer {
  const i = spareBuffers.findIndex((b) => b.byteLength === byteLength);
  if (i < 0) return new ArrayBuffer(byteLength);
  const buffer = spareBuffers.splice(i, 1)[0]!;
  new Uint8Array(buffer).fill(0);
  return buffer;
}
/** Episodes under way at once per world a gate first makes room for (more: every world's room doubles). */
const FIRST_ACTIVE = 4;

/**
 * A place where consignments pass episodes: one queue, the processes that act on it, and its traces.
 * Per world, a bit per day from the trace's start says the place is open with an empty queue all day
 * (a consignment arriving then passes at once; 0: busy, or not traced yet), and `known` how many days
 * are final: small and contiguous, so most passes read only that.
 *
 * A world's trace (its queue traced forward) is kept in typed arrays indexed by world, not in an
 * object per world: a simulation traces thousands of them, and objects that live as long as the
 * simulation cost the garbage collector far more than the tracing itself (they are copied out of the
 * young generation, and every array that grows leaves a copy behind). Segments j = [t_j, t_(j+1)) of
 * constant capacity c_j with the queue q_j (hours of work) at their start are stored side by side
 * (`segs[at + 3j … at + 3j + 2]` = t_j, c_j, q_j, `segs` = `segsOf(world)`, `at` = `segAt[world]`)
 * in chunks of a store per gate, each world in a room sized for the segments it is expected to need;
 * a world that outgrows its room moves to a new one twice as large (a pass finds its segment by
 * binary search over the starts). With them, per world: the state to trace further (the frontier, the queue there, the episodes under way), and per process of the
 * gate its next start (`walked`: every start before it is drawn in; Infinity: none; or, while `needed`
 * is above 0, the month boundary where the search for it paused with that much cumulative rate left)
 * and the episodes (or, for a windows process, windows) drawn so far.
 */
export class Gate {
  /** Process numbers (rows of the episode table). */
  readonly processes: Int32Array;
  /** The place's utilisation: the largest of its processes'. */
  readonly rho: number;
  /** How long before the departure window its queue is traced from empty, hours. */
  readonly leadHours: number;
  /** Where its traces start (an instant since 1970). */
  readonly start: number;
  /** Country (or body of water) its delays count to, and a label for breakdowns. */
  readonly country: string;
  readonly label: string;
  readonly free: Uint8Array;
  readonly known: Int32Array;
  /** Bytes of `free` per world. */
  readonly bytes: number;
  /** 1 where the world's trace has been started. */
  readonly traced: Uint8Array;
  /** Per world: its segments' count, their chunk, their place in it (in numbers) and their room (in segments). */
  readonly count: Int32Array;
  readonly segChunk: Int32Array;
  readonly segAt: Int32Array;
  readonly segRoom: Int32Array;
  /** The chunks of the segment store, how much of the last is taken (numbers), and a world's first room (segments). */
  readonly segChunks: Float64Array[] = [];
  chunkUsed = CHUNK_NUMBERS;
  readonly firstRoom: number;
  readonly frontier: Float64Array;
  /** The queue at the frontier (hours of work). */
  readonly q: Float64Array;
  /** Since when the place has been open with an empty queue (NaN: busy at the frontier), for the free-day bitmap. */
  readonly freeSince: Float64Array;
  /** Episodes under way per world, their ends and capacity shares (`activeRoom` per world). */
  readonly active: Int32Array;
  activeRoom = FIRST_ACTIVE;
  activeEnds: Float64Array;
  activeShares: Float64Array;
  /** The memory of the per-world arrays (one piece, so that a later gate can take it over). */
  private readonly store: ArrayBuffer;
  /** Per world × process of the gate. */
  readonly walked: Float64Array;
  readonly needed: Float64Array;
  readonly drawn: Int32Array;
  constructor(processes: Int32Array, rho: number, leadHours: number, start: number, days: number, firstRoom: number, country: string, label: string) {
    this.processes = processes;
    this.rho = rho;
    this.leadHours = leadHours;
    this.start = start;
    this.country = country;
    this.label = label;
    this.bytes = Math.ceil(days / 8);
    this.firstRoom = firstRoom;
    // Every per-world array in one store, numbers first (8-byte aligned), then integers, then bytes.
    const P = processes.length;
    this.store = spareBuffer(8 * WORLDS * (11 + 2 * P) + 4 * WORLDS * (6 + P) + WORLDS * (1 + this.bytes));
    let offset = 0;
    const numbers = (length: number): Float64Array => new Float64Array(this.store, (offset += 8 * length) - 8 * length, length);
    const integers = (length: number): Int32Array => new Int32Array(this.store, (offset += 4 * length) - 4 * length, length);
    const bytes = (length: number): Uint8Array => new Uint8Array(this.store, (offset += length) - length, length);
    this.frontier = numbers(WORLDS);
    this.q = numbers(WORLDS);
    this.freeSince = numbers(WORLDS);
    this.activeEnds = numbers(WORLDS * FIRST_ACTIVE);
    this.activeShares = numbers(WORLDS * FIRST_ACTIVE);
    this.walked = numbers(WORLDS * P);
    this.needed = numbers(WORLDS * P);
    this.known = integers(WORLDS);
    this.count = integers(WORLDS);
    this.segChunk = integers(WORLDS);
    this.segAt = integers(WORLDS);
    this.segRoom = integers(WORLDS);
    this.active = integers(WORLDS);
    this.drawn = integers(WORLDS * P);
    this.traced = bytes(WORLDS);
    this.free = bytes(WORLDS * this.bytes);
  }

  /** The chunk of the segment store that holds `world`'s segments (from `segAt[world]`). */
  segsOf(world: number): Float64Array {
    return this.segChunks[this.segChunk[world]!]!;
  }

  /** Make room for one more segment in `world`'s trace: when its room is full, it moves to a new room twice as large (the first, made when the trace starts: `firstRoom`). */
  roomFor(world: number): void {
    const count = this.count[world]!;
    if (count < this.segRoom[world]!) return;
    const room = count === 0 ? this.firstRoom : 2 * count;
    let chunk = this.segChunks.length - 1;
    if (this.chunkUsed + 3 * room > CHUNK_NUMBERS) {
      const spare = 3 * room <= CHUNK_NUMBERS ? spareChunks.pop() : undefined;
      // (a spare chunk is not cleared: a segment is written before it is read, and nothing reads past a world's count)
      this.segChunks.push(spare ?? new Float64Array(Math.max(CHUNK_NUMBERS, 3 * room)));
      chunk++;
      this.chunkUsed = 0;
    }
    const at = this.chunkUsed;
    if (count > 0) this.segChunks[chunk]!.set(this.segsOf(world).subarray(this.segAt[world]!, this.segAt[world]! + 3 * count), at);
    this.segChunk[world] = chunk;
    this.segAt[world] = at;
    this.segRoom[world] = room;
    // A room larger than a chunk has a chunk of its own, full.
    this.chunkUsed = 3 * room > CHUNK_NUMBERS ? CHUNK_NUMBERS : at + 3 * room;
  }

  /** Give this gate's chunks of the standard size to the spares (its table is gone); the gate keeps none. */
  recycle(): void {
    for (const chunk of this.segChunks) if (chunk.length === CHUNK_NUMBERS && spareChunks.length < SPARE_CHUNKS) spareChunks.push(chunk);
    this.segChunks.length = 0;
    if (spareBuffers.length < SPARE_BUFFERS) spareBuffers.push(this.store);
  }

  /** Add an episode ending at `end` with capacity share `share` to those under way in `world`, unless it has ended by `t`. */
  addActive(world: number, end: number, share: number, t: number): void {
    // (small, so that the tracer inlines it: its numbers are never boxed)
    if (end <= t) return;
    const k = this.active[world]!;
    if (k === this.activeRoom) this.growActive();
    const at = world * this.activeRoom + k;
    this.activeEnds[at] = end;
    this.activeShares[at] = share;
    this.active[world] = k + 1;
  }

  /** Double every world's room for episodes under way (rare: episodes of one place seldom overlap). */
  private growActive(): void {
    const k = this.activeRoom;
    const room = 2 * k;
    const ends = new Float64Array(WORLDS * room);
    const shares = new Float64Array(WORLDS * room);
    for (let w = 0; w < WORLDS; w++) {
      for (let j = 0; j < this.active[w]!; j++) {
        ends[w * room + j] = this.activeEnds[w * k + j]!;
        shares[w * room + j] = this.activeShares[w * k + j]!;
      }
    }
    this.activeEnds = ends;
    this.activeShares = shares;
    this.activeRoom = room;
  }
}

/** The utilisation an episode works with: the congestion model's, else its own × the volume factor. */
export function episodeUtilisation(episode: EpisodeSpec, settings: Pick<EpisodeSettings, 'volumeFactor' | 'utilisationOf'>): number {
  const modelled = settings.utilisationOf?.(episode);
  if (modelled !== undefined) return Math.min(Math.max(0, modelled), UTILISATION_CAP);
  const factor = settings.volumeFactor ?? 1;
  const base = episode.utilisation ?? 0;
  return factor === 1 ? base : Math.min(base * factor, UTILISATION_CAP);
}

/** `windowInstants` of each episode met so far (the instants depend on the episode alone; never written to). */
const instantsOf = new WeakMap<EpisodeSpec, { readonly starts: Float64Array; readonly ends: Float64Array }>();

/**
 * The windows of a `windows` occurrence as sorted [start, end) instants, recurring ones for every
 * year of the calendar: worked out once per episode (every simulation's table asked for them again,
 * and after a few simulations the compiler spent about 30 ms optimising the loop that makes them).
 */
function windowInstants(episode: EpisodeSpec): { readonly starts: Float64Array; readonly ends: Float64Array } {
  let w = instantsOf.get(episode);
  if (w === undefined) instantsOf.set(episode, (w = windowInstantsOf(episode)));
  return w;
}

/** `windowInstants`, worked out. */
function windowInstantsOf(episode: EpisodeSpec): { readonly starts: Float64Array; readonly ends: Float64Array } {
  const o = episode.occurrence;
  const spans: [number, number][] = [];
  if (o.type === 'windows') {
    for (const w of o.windows ?? []) spans.push([isoDayNumber(w.from)! * HOURS_PER_DAY, (isoDayNumber(w.to)! + 1) * HOURS_PER_DAY]);
    for (const w of o.recurring ?? []) {
      const from = monthDay(w.from)!;
      const to = monthDay(w.to)!;
      const wraps = to.month < from.month || (to.month === from.month && to.day < from.day);
      for (let y = FIRST_YEAR - 1; y <= LAST_YEAR; y++) {
        const start = Date.UTC(y, from.month - 1, from.day) / 3.6e6;
        const end = Date.UTC(wraps ? y + 1 : y, to.month - 1, to.day + 1) / 3.6e6;
        spans.push([start, end]);
      }
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { starts: Float64Array.from(spans, (s) => s[0]), ends: Float64Array.from(spans, (s) => s[1]) };
}

const NO_GATES: { readonly pre: readonly Gate[]; readonly post: readonly Gate[] } = Object.freeze({ pre: Object.freeze([]), post: Object.freeze([]) });

/** Append `value` to the list of `key` (in first-seen key order). */
function push(groups: Map<string, number[]>, key: string, value: number): void {
  const list = groups.get(key);
  if (list === undefined) groups.set(key, [value]);
  else list.push(value);
}

/** The first index of sorted `values` holding a value ≥ `x`. */
function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The process table of a simulation's episodes, shared by the simulations that have the same episodes and settings. */
export class Processes {
  readonly episodes: readonly EpisodeSpec[];
  readonly isWindows: Uint8Array;
  /** Capacity share while an episode lasts (0 for a closure). */
  readonly share: Float64Array;
  readonly rho: Float64Array;
  readonly correlated: Uint8Array;
  /** Starts per month, 12 per process. */
  readonly rate: Float64Array;
  /** Whether a process has any start at all. */
  readonly active: Uint8Array;
  readonly duration: ((u: number) => number)[];
  /**
   * How `durationOf` draws each process's duration: 1 triangular, from `durationFigures[5p …]` (min,
   * width, mode's share of it, the rest of it, max), as `quantileFn` does; 2 fixed (min); 0 by
   * `duration[p]`. The common kinds are drawn inline, with no call whose number would be boxed.
   */
  readonly durationKind: Uint8Array;
  readonly durationFigures: Float64Array;
  /** Per process: the key of its stream, draw numbers mixed into it (one hash per draw). */
  readonly keys: Int32Array;
  /** Per process: its longest episode (hours). */
  readonly longest: Float64Array;
  /** Per process: its windows' starts and ends (instants; empty for a `process` occurrence). Shared by every table of the episode (`windowInstants`): never written to. */
  readonly windowStarts: Float64Array[];
  readonly windowEnds: Float64Array[];
  constructor(episodes: readonly EpisodeSpec[], seed: number, settings: EpisodeSettings) {
    this.episodes = episodes;
    const n = episodes.length;
    this.isWindows = new Uint8Array(n);
    this.share = new Float64Array(n);
    this.rho = new Float64Array(n);
    this.correlated = new Uint8Array(n);
    this.rate = new Float64Array(12 * n);
    this.active = new Uint8Array(n);
    this.duration = [];
    this.durationKind = new Uint8Array(n);
    this.durationFigures = new Float64Array(5 * n);
    this.keys = new Int32Array(n);
    this.longest = new Float64Array(n);
    this.windowStarts = [];
    this.windowEnds = [];
    // (a loop, not `forEach` with a closure made per table, whose optimised code goes with it)
    for (let p = 0; p < n; p++) {
      const e = episodes[p]!;
      this.share[p] = e.effect.type === 'throttle' ? e.effect.capacityShare : 0;
      this.rho[p] = episodeUtilisation(e, settings);
      this.keys[p] = new ElementStream(seed, elementKey('episode', e.id)).drawKey(0);
      const o = e.occurrence;
      if (o.type === 'process') {
        this.correlated[p] = e.correlated === true && !settings.independent ? 1 : 0;
        for (let m = 0; m < 12; m++) this.rate[12 * p + m] = o.startsPerMonth[m]!;
        this.active[p] = o.startsPerMonth.some((r) => r > 0) ? 1 : 0;
        const q = quantileFn(o.durationHours);
        this.duration.push(q);
        const d = o.durationHours;
        if (d.type === 'fixed' || (d.type === 'triangular' && d.max === d.min)) {
          this.durationKind[p] = 2;
          this.durationFigures[5 * p] = d.type === 'fixed' ? d.value : d.min;
        } else if (d.type === 'triangular') {
          const w = d.max - d.min;
          const fc = (d.mode - d.min) / w;
          this.durationKind[p] = 1;
          this.durationFigures.set([d.min, w, fc, 1 - fc, d.max], 5 * p);
        }
        this.longest[p] = q(U_MAX);
        this.windowStarts.push(new Float64Array(0));
        this.windowEnds.push(new Float64Array(0));
      } else {
        this.isWindows[p] = 1;
        this.active[p] = 1;
        this.duration.push(() => 0);
        const w = windowInstants(e);
        this.windowStarts.push(w.starts);
        this.windowEnds.push(w.ends);
        let longest = 0;
        for (let i = 0; i < w.starts.length; i++) longest = Math.max(longest, w.ends[i]! - w.starts[i]!);
        this.longest[p] = longest;
      }
    }
  }

  /** Process p's duration (hours) for the uniform u: `duration[p](u)`, the same number. */
  durationOf(p: number, u: number): number {
    const kind = this.durationKind[p]!;
    const f = this.durationFigures;
    const at = 5 * p;
    if (kind === 1) return u < f[at + 2]! ? f[at]! + f[at + 1]! * Math.sqrt(u * f[at + 2]!) : f[at + 4]! - f[at + 1]! * Math.sqrt((1 - u) * f[at + 3]!);
    if (kind === 2) return f[at]!;
    return this.duration[p]!(u);
  }
}

/** Tables kept per episodes array (a few seeds or settings at a time). */
const SHARED_TABLES = 4;

/** Gates and their traces, per simulation settings, shared by simulations of networks with the same episodes (before and after a package, its subsets). */
const shared = new WeakMap<readonly EpisodeSpec[], Map<string, EpisodeTable>>();

/**
 * The episode table of a simulation: the network's episodes (none with seasons off) under `seed`
 * and `settings`, their queues traced from `traceFrom` (an instant since 1970: the departure window's
 * start; `traceTo` is its end). Simulations of networks with the same episodes array and the same settings share it (and
 * its traces), unless a `utilisationOf` hook is given.
 */
export function episodeTable(network: Network, seed: number, sigma: number, settings: EpisodeSettings, traceFrom: number, traceTo: number): EpisodeTable {
  const episodes = settings.seasons ? (network.spec.episodes ?? []) : [];
  // (Never dropped, so never recycled: its memory goes with it.)
  if (settings.utilisationOf !== undefined || episodes.length === 0) return new EpisodeTable(network, episodes, seed, sigma, settings, traceFrom, traceTo);
  let bySettings = shared.get(episodes);
  if (bySettings === undefined) shared.set(episodes, (bySettings = new Map()));
  const key = `${seed}|${sigma}|${settings.independent}|${settings.volumeFactor ?? 1}|${traceFrom}|${traceTo}`;
  let table = bySettings.get(key);
  if (table === undefined) {
    bySettings.set(key, (table = new EpisodeTable(network, episodes, seed, sigma, settings, traceFrom, traceTo)));
    // Keep the few most recent (a comparison and its attribution share one); drop the oldest.
    if (bySettings.size > SHARED_TABLES) {
      const oldest = bySettings.keys().next().value!;
      bySettings.get(oldest)!.drop();
      bySettings.delete(oldest);
    }
  }
  table.leases++;
  return table;
}

/**
 * The episodes of a simulation: `gatesOf(arc)` finds the gates of an arc, `worldOf(run)` a
 * run's world, and `pass(gate, …)` moves a consignment through a gate.
 */
export class EpisodeTable {
  private readonly processes: Processes;
  private readonly state: CorridorState;
  private readonly independent: boolean;
  private readonly traceFrom: number;
  private readonly gates = new Map<string, Gate>();
  private readonly traceTo: number;
  /** Corridor-state factors per world and month from `factorBase` (NaN: not drawn yet). */
  private readonly factors: Float64Array;
  private readonly factorBase: number;
  private readonly factorMonths: number;
  /** Where a search for a process's next start pauses (a month boundary two years past the departure window): see `seek`. */
  private readonly walkHorizon: number;
  private readonly network: Network;
  /** `queued`'s arrival and departure instant, and its result (hours after departing). */
  readonly io = new Float64Array(2);
  /**
   * The tracer's fractional arguments: `startEpisodes`' instant (0), `seek`'s start and cumulative
   * rate (1, 2). A number with a fraction handed to a call that is not inlined is a new heap object,
   * several per step of a trace (with the inline durations and the world mixes' table, the garbage of
   * a 400,000-run simulation on the shipped corridor fell from 12.9 to 5.9 MB).
   */
  private readonly args = new Float64Array(3);
  /**
   * How many times `episodeTable` handed this table out, less the `release`s, and whether the shared
   * tables dropped it: a table dropped and no longer leased is unreachable, so its chunks go to the
   * spares. A holder that never releases (a prepared simulation kept for later, a worker) keeps its
   * table's memory its own.
   */
  leases = 0;
  private dropped = false;

  constructor(network: Network, episodes: readonly EpisodeSpec[], seed: number, sigma: number, settings: EpisodeSettings, traceFrom: number, traceTo: number) {
    this.network = network;
    this.traceTo = traceTo;
    this.processes = new Processes(episodes, seed, settings);
    this.state = new CorridorState(seed, settings.independent ? 0 : sigma);
    this.independent = settings.independent || sigma === 0;
    this.traceFrom = traceFrom;
    this.factorBase = monthOf(traceFrom) - FACTOR_MARGIN_MONTHS;
    this.factorMonths = monthOf(traceTo) + FACTOR_MARGIN_MONTHS + 1 - this.factorBase;
    this.walkHorizon = STARTS[Math.min(MONTHS, monthOf(traceTo) + WALK_HORIZON_MONTHS)]!;
    this.factors = new Float64Array(spareBuffer(8 * (this.independent || episodes.length === 0 ? 0 : WORLDS * this.factorMonths))).fill(NaN);
  }

  /** Hand back a table `episodeTable` gave (after its last use): see `leases`. */
  release(): void {
    this.leases--;
    if (this.leases === 0 && this.dropped) this.recycle();
  }

  /** The shared tables no longer hold this one. */
  drop(): void {
    this.dropped = true;
    if (this.leases === 0) this.recycle();
  }

  private recycle(): void {
    for (const gate of this.gates.values()) gate.recycle();
    this.gates.clear();
    if (this.factors.length > 0 && spareBuffers.length < SPARE_BUFFERS) spareBuffers.push(this.factors.buffer as ArrayBuffer);
  }

  /** The episodes in play, in document order. */
  get episodes(): readonly EpisodeSpec[] {
    return this.processes.episodes;
  }

  /** Number of episode processes in play. */
  get count(): number {
    return this.processes.episodes.length;
  }

  /** The world (0 … WORLDS − 1) run `run` walks in: `run` mod WORLDS (see the file's head). */
  worldOf(run: number): number {
    return worldOfRun(run);
  }

  /**
   * The gates of an arc of the expanded graph, in the order a consignment passes them: `pre` hold
   * it before a link (the link's episodes, one queue), `post` after a node's stop (the node's
   * episodes that apply to its arrival or departure mode). A node's episodes with the same `modes`
   * are one queue (one resource: its berths, its rail station); episodes with other modes are
   * other queues, passed one after the other in the order the document first lists them. Empty
   * where no episode applies.
   */
  gatesOf(arc: Arc): { readonly pre: readonly Gate[]; readonly post: readonly Gate[] } {
    const episodes = this.processes.episodes;
    if (episodes.length === 0) return NO_GATES;
    const groups = new Map<string, number[]>();
    // (loops, not closures made per arc: their optimised code would go with them)
    for (let p = 0; p < episodes.length; p++) {
      const e = episodes[p]!;
      if (arc.type === 'link' && 'link' in e.at) {
        // `x` names both directions, whether one bidirectional link or two one-way links `x` and `x:reverse`.
        const l = arc.link!;
        if (e.at.link === l.id || e.at.link === l.baseId || `${e.at.link}:reverse` === l.id) push(groups, '', p);
      } else if (arc.type === 'stop' && 'node' in e.at && e.at.node === arc.node!.id) {
        const modes = e.modes;
        if (modes === undefined || modes.includes(arc.arrivalMode!) || modes.includes(arc.departureMode!)) push(groups, [...(modes ?? [])].sort().join(','), p);
      }
    }
    if (groups.size === 0) return NO_GATES;
    const gates: Gate[] = [];
    for (const processes of groups.values()) gates.push(this.gate(processes, arc));
    return arc.type === 'link' ? { pre: gates, post: [] } : { pre: [], post: gates };
  }

  private gate(processes: number[], arc: Arc): Gate {
    const place = arc.type === 'link' ? `link|${arc.link!.baseId}` : `node|${arc.node!.id}`;
    const key = `${place}|${processes.join(',')}`;
    let g = this.gates.get(key);
    if (g === undefined) {
      const { rho: rhos, longest, share } = this.processes;
      let rho = 0;
      for (const p of processes) rho = Math.max(rho, rhos[p]!);
      // One episode of length L at share θ leaves (ρ − θ) L of work, cleared at 1 − ρ: L (1 + (ρ − θ) / (1 − ρ)) in all.
      let span = 0;
      for (const p of processes) span = Math.max(span, longest[p]! * (1 + Math.max(0, rho - share[p]!) / (1 - rho)));
      const country =
        arc.type === 'link' ? (arc.link!.country ?? arc.link!.waters ?? this.network.nodeById.get(arc.link!.from)!.country) : arc.node!.country;
      const name = arc.type === 'link' ? (arc.link!.name ?? arc.link!.id) : arc.node!.name;
      const episodes = this.processes.episodes;
      const leadHours = Math.max(TRACE_LEAD_DAYS * HOURS_PER_DAY, span);
      const days = Math.ceil((leadHours + (this.traceTo - this.traceFrom)) / HOURS_PER_DAY) + BITMAP_TRIP_DAYS;
      const label = `${name}: ${processes.map((p) => episodes[p]!.name).join(', ')}`;
      const start = this.traceFrom - leadHours;
      g = new Gate(Int32Array.from(processes), rho, leadHours, start, days, this.firstRoom(processes, start, this.traceTo + ROOM_TRIP_DAYS * HOURS_PER_DAY), country, label);
      this.gates.set(key, g);
    }
    return g;
  }

  /**
   * A world's first room in a gate's segment store (segments): room for what its trace from `from`
   * to `to` is expected to hold (each episode starts a segment and ends one), with a margin for
   * worlds with more episodes than the mean; the few that need more move once. Only memory depends
   * on it, never a result.
   */
  private firstRoom(processes: readonly number[], from: number, to: number): number {
    const { isWindows, windowStarts, rate } = this.processes;
    let episodes = 0;
    for (const p of processes) {
      if (isWindows[p] === 1) episodes += lowerBound(windowStarts[p]!, to) - lowerBound(windowStarts[p]!, from);
      else for (let m = monthOf(from); m <= monthOf(to); m++) episodes += rate[12 * p + (m % 12)]!;
    }
    return Math.ceil(1.5 * (2 * episodes + 1)) + 8;
  }

  /** The corridor-state factor of `world` in absolute month `month` (1 when independent). */
  private factor(world: number, month: number): number {
    if (this.independent) return 1;
    const i = month - this.factorBase;
    if (i < 0 || i >= this.factorMonths) return this.state.factor(WORLD_MIXES[world]!, month);
    const at = world * this.factorMonths + i;
    // (drawn apart and kept: this stays small enough to be inlined, so its result is never boxed)
    if (this.factors[at] !== this.factors[at]) this.drawFactor(at, world, month);
    return this.factors[at]!;
  }

  /** Draw and keep the factor of `world` in absolute month `month` at `factors[at]`. */
  private drawFactor(at: number, world: number, month: number): void {
    this.factors[at] = this.state.factor(WORLD_MIXES[world]!, month);
  }

  /** The cumulative rate between process p's episodes number `i` − 1 and `i` in `world`: an exponential draw (number 2i). */
  private gap(p: number, i: number, world: number): number {
    return -ln(unit(this.processes.keys[p]! ^ Math.imul(2 * i + 1, GOLDEN), WORLD_MIXES[world]!));
  }

  /**
   * Find process p's next start in `world` after the instant `from` (its previous start, or where its
   * sequence begins), `need` the cumulative rate to it (an exponential draw), and keep it as the
   * gate's `walked[i]` (`needed[i]` = 0; Infinity when there is none in the calendar table): month by
   * month from `from`, spending each month's starts per hour (times the world's corridor state when
   * correlated) until `need` is spent. The walk is cut at month boundaries only, so a start is the
   * same number however far the trace had gone. A search from before `walkHorizon` pauses there
   * (`walked[i]` = that month boundary, `needed[i]` what is left): the trace steps there like at a
   * start, and `extend` goes on with it when the trace steps past (the same arithmetic as if it had
   * not paused: it resumes at a month boundary). `from` and `need` come in `args[1]` and `args[2]`
   * (fractional numbers handed to a call that is not inlined would be heap numbers: see `args`).
   */
  private seek(gate: Gate, i: number, p: number, world: number): void {
    const { rate, correlated } = this.processes;
    const from = this.args[1]!;
    let need = this.args[2]!;
    const horizon = from < this.walkHorizon ? this.walkHorizon : Infinity;
    let t = from;
    for (let m = monthOf(t); m < MONTHS; m++) {
      if (t >= horizon) {
        gate.walked[i] = t;
        gate.needed[i] = need;
        return;
      }
      const r = rate[12 * p + (m % 12)]!;
      const monthEnd = STARTS[m + 1]!;
      if (r > 0) {
        const perHour = (correlated[p] === 1 ? r * this.factor(world, m) : r) / (monthEnd - STARTS[m]!);
        const available = perHour * (monthEnd - t);
        if (need <= available) {
          gate.walked[i] = t + need / perHour;
          gate.needed[i] = 0;
          return;
        }
        need -= available;
      }
      t = monthEnd;
    }
    gate.walked[i] = Infinity;
    gate.needed[i] = 0;
  }

  /** Start the trace of `gate` in `world`: each process's sequence starts where its episodes could still reach the trace's start. */
  private newTrace(gate: Gate, world: number): void {
    const start = gate.start;
    const procs = gate.processes;
    gate.traced[world] = 1;
    gate.frontier[world] = start;
    gate.freeSince[world] = start;
    // The world's first room here, so that `extend` calls `roomFor` only to move a room that is full
    // (rare): a call made that seldom is not inlined, and the paths of `roomFor` met only now and then
    // (a new chunk, a spare one, a move) no longer deoptimise the tracer when they first come up.
    gate.roomFor(world);
    const { isWindows, windowStarts, longest, active } = this.processes;
    for (let q = 0; q < procs.length; q++) {
      const p = procs[q]!;
      const i = world * procs.length + q;
      const origin = start - longest[p]!;
      if (isWindows[p] === 1) {
        const k = lowerBound(windowStarts[p]!, origin);
        gate.drawn[i] = k;
        gate.walked[i] = k < windowStarts[p]!.length ? windowStarts[p]![k]! : Infinity;
      } else if (active[p] === 1) {
        this.args[1] = origin;
        this.args[2] = this.gap(p, 0, world);
        this.seek(gate, i, p, world);
      } else {
        gate.walked[i] = Infinity;
        gate.needed[i] = 0;
      }
    }
    // Episodes begun before the trace starts: under way at its start, or gone.
    this.args[0] = start;
    this.startEpisodes(gate, world);
  }

  /** Add to the episodes under way in `world` those of the gate's processes that start at or before `t` = `args[0]` (and have not ended by then). */
  private startEpisodes(gate: Gate, world: number): void {
    const t = this.args[0]!;
    const procs = gate.processes;
    const mix = WORLD_MIXES[world]!;
    const { isWindows, windowStarts, windowEnds, share, keys } = this.processes;
    for (let q = 0; q < procs.length; q++) {
      const i = world * procs.length + q;
      let s = gate.walked[i]!;
      if (s > t) continue;
      const p = procs[q]!;
      if (isWindows[p] === 1) {
        const starts = windowStarts[p]!;
        let k = gate.drawn[i]!;
        while (k < starts.length && starts[k]! <= t) {
          gate.addActive(world, windowEnds[p]![k]!, share[p]!, t);
          k++;
        }
        gate.drawn[i] = k;
        gate.walked[i] = k < starts.length ? starts[k]! : Infinity;
        continue;
      }
      // (a search paused at the horizon goes on when the trace steps past it: `extend`)
      if (gate.needed[i]! > 0) continue;
      let e = gate.drawn[i]!;
      do {
        const d = this.processes.durationOf(p, unit(keys[p]! ^ Math.imul(2 * e + 2, GOLDEN), mix));
        gate.addActive(world, s + d, share[p]!, t);
        e++;
        this.args[1] = s;
        // (`gap(p, e, world)`, written out: a call here was not inlined, and its number was boxed)
        this.args[2] = -ln(unit(keys[p]! ^ Math.imul(2 * e + 1, GOLDEN), mix));
        this.seek(gate, i, p, world);
        s = gate.walked[i]!;
        if (gate.needed[i]! > 0 && s <= t) {
          this.args[1] = s;
          this.args[2] = gate.needed[i]!;
          this.seek(gate, i, p, world);
          s = gate.walked[i]!;
        }
      } while (s <= t);
      gate.drawn[i] = e;
    }
  }

  /**
   * Trace the queue of `gate` in `world` forward to at least `until` (an instant since 1970), step by
   * step from one change of capacity to the next (an episode's start or end). The steps are the
   * episodes' own instants, never `until`, so a trace (and every pass through it) is the same bit for
   * bit whichever runs reached the gate first, in whichever order and on whichever thread. The
   * world's state is held in locals while it steps, and written back at the end.
   */
  private extend(gate: Gate, until: number, world: number): void {
    const procs = gate.processes;
    const P = procs.length;
    const base = world * P;
    const rho = gate.rho;
    const walked = gate.walked;
    let t = gate.frontier[world]!;
    let queue = gate.q[world]!;
    let freeSince = gate.freeSince[world]!;
    let count = gate.count[world]!;
    let segs = gate.segsOf(world);
    let at = gate.segAt[world]!;
    let lastCap = count === 0 ? NaN : segs[at + 3 * count - 2]!;
    while (t < until) {
      // Searches paused at the horizon (the trace stepped there) go on, now that it steps past it.
      let resumed = false;
      for (let q = 0; q < P; q++) {
        if (gate.needed[base + q]! > 0 && walked[base + q]! <= t) {
          this.args[1] = walked[base + q]!;
          this.args[2] = gate.needed[base + q]!;
          this.seek(gate, base + q, procs[q]!, world);
          resumed = true;
        }
      }
      if (resumed) {
        this.args[0] = t;
        this.startEpisodes(gate, world);
      }
      // The next change of capacity: an episode's end or a process's next start (with none ahead, a
      // step of EXTEND_HOURS: the queue only drains, and no segment is recorded).
      let next = Infinity;
      let cap = 1;
      const a0 = world * gate.activeRoom;
      const active = gate.active[world]!;
      const ends = gate.activeEnds;
      const shares = gate.activeShares;
      for (let j = a0; j < a0 + active; j++) {
        if (ends[j]! < next) next = ends[j]!;
        if (shares[j]! < cap) cap = shares[j]!;
      }
      let nextStart = Infinity;
      for (let q = 0; q < P; q++) if (walked[base + q]! < nextStart) nextStart = walked[base + q]!;
      if (nextStart < next) next = nextStart;
      if (next === Infinity) next = t + EXTEND_HOURS;
      // Record the segment [t, next) (or lengthen the last one, of the same capacity: the queue's slope
      // is the same, so its value anywhere follows from the first) and step the queue over it.
      if (cap !== lastCap) {
        if (count === gate.segRoom[world]!) {
          gate.count[world] = count;
          gate.roomFor(world);
          segs = gate.segsOf(world);
          at = gate.segAt[world]!;
        }
        const k = at + 3 * count;
        segs[k] = t;
        segs[k + 1] = cap;
        segs[k + 2] = queue;
        count++;
        lastCap = cap;
      }
      // Free-day bookkeeping: open with an empty queue from max(t, when the backlog clears) to next.
      if (cap < 1) {
        if (freeSince === freeSince) this.markFree(gate, world, Math.ceil((freeSince - gate.start) / HOURS_PER_DAY), Math.min(Math.floor((t - gate.start) / HOURS_PER_DAY), gate.bytes * 8));
        freeSince = NaN;
      } else if (queue > 0) {
        if (freeSince === freeSince) this.markFree(gate, world, Math.ceil((freeSince - gate.start) / HOURS_PER_DAY), Math.min(Math.floor((t - gate.start) / HOURS_PER_DAY), gate.bytes * 8));
        const clear = t + queue / (1 - rho);
        freeSince = clear < next ? clear : NaN;
      } else if (freeSince !== freeSince) freeSince = t;
      const q = queue + (rho - cap) * (next - t);
      queue = q > 0 ? q : 0;
      t = next;
      // At `next`: episodes that end leave, episodes that start join.
      let left = active;
      for (let j = 0; j < left; ) {
        if (ends[a0 + j]! <= next) {
          left--;
          ends[a0 + j] = ends[a0 + left]!;
          shares[a0 + j] = shares[a0 + left]!;
        } else j++;
      }
      gate.active[world] = left;
      // (no process starts before its next start: at an episode's end alone there is none to add)
      if (nextStart <= next) {
        this.args[0] = next;
        this.startEpisodes(gate, world);
      }
    }
    gate.frontier[world] = t;
    gate.q[world] = queue;
    gate.freeSince[world] = freeSince;
    gate.count[world] = count;
    // Days that end by the frontier are final.
    if (freeSince === freeSince) this.markFree(gate, world, Math.ceil((freeSince - gate.start) / HOURS_PER_DAY), Math.min(Math.floor((t - gate.start) / HOURS_PER_DAY), gate.bytes * 8));
    gate.known[world] = Math.min(Math.floor((t - gate.start) / HOURS_PER_DAY), gate.bytes * 8);
  }

  /**
   * Set the free bits of the days wholly inside [from, to) (instants since 1970) for `gate` in
   * `world`: days `first` = ⌈(from − start) / 24⌉ to `last` = min(⌊(to − start) / 24⌋, the bitmap's
   * days), exclusive, worked out by the caller (whole numbers are handed to a call as they are;
   * instants would be boxed).
   */
  private markFree(gate: Gate, world: number, first: number, last: number): void {
    const bits = gate.free;
    const bytes = gate.bytes;
    const base = world * bytes;
    // Bit by bit up to a byte boundary, whole bytes, then bit by bit (a free stretch is often weeks long).
    let d = first;
    for (; d < last && (d & 7) !== 0; d++) bits[base + (d >> 3)]! |= 1 << (d & 7);
    for (; d + 8 <= last; d += 8) bits[base + (d >> 3)] = 0xff;
    for (; d < last; d++) bits[base + (d >> 3)]! |= 1 << (d & 7);
  }

  /**
   * Pass a gate: a consignment of the run walking in `world`, departed at `departureHours` (since
   * 1970) and reaching the gate `tau` hours after departing, leaves it at the returned number of
   * hours after departing (≥ `tau`): when the work that arrived before it (the place's queue) has
   * been served at the capacity the episodes leave, and the place is open. Non-decreasing in `tau`.
   */
  pass(gate: Gate, tau: number, departureHours: number, world: number): number {
    // Small, so that it inlines: most passes find a free day.
    const day = ((departureHours + tau - gate.start) / HOURS_PER_DAY) | 0;
    if (day < gate.known[world]! && (gate.free[world * gate.bytes + (day >> 3)]! & (1 << (day & 7))) !== 0) return tau;
    const io = this.io;
    io[0] = tau;
    io[1] = departureHours;
    this.queued(gate, world);
    return io[0]!;
  }

  /** Trace `gate` in `world` past instant x (starting the trace if need be); whether x's day is now known to be free. */
  private traceBeyond(gate: Gate, world: number, x: number): boolean {
    if (gate.traced[world] === 0) this.newTrace(gate, world);
    if (gate.frontier[world]! <= x) this.extend(gate, x + EXTEND_HOURS, world);
    const day = ((x - gate.start) / HOURS_PER_DAY) | 0;
    return day < gate.known[world]! && (gate.free[world * gate.bytes + (day >> 3)]! & (1 << (day & 7))) !== 0;
  }

  /**
   * `pass` past its free-day test, for the arrival `io[0]` (tau) of a run departed at `io[1]`
   * (departureHours); its result written to `io[0]`. The hot loops make the free-day test themselves
   * (as `pass` does) and come here for the rest. The numbers go through `io` because a fractional
   * number passed to or returned from a call that is not inlined is a new heap object, several per
   * pass, which the collector then has to sweep away.
   */
  queued(gate: Gate, world: number): void {
    const io = this.io;
    const tau = io[0]!;
    const departureHours = io[1]!;
    const traced = leaveTraced(gate, world, tau, departureHours);
    if (traced === traced) {
      io[0] = traced;
      return;
    }
    const x = departureHours + tau;
    // Not traced this far yet (a trace not started has its frontier at 0): trace, and a day the trace
    // now knows to be free is passed at once, as `pass` would have had it been traced this far before
    // (the result must not depend on how far other runs had traced the gate).
    if (gate.frontier[world]! <= x && this.traceBeyond(gate, world, x)) {
      io[0] = tau;
      return;
    }
    // The segment holding x, then the work ahead of the arrival served from there.
    let j = holdingSegment(gate, world, x);
    let segs = gate.segsOf(world);
    let at = gate.segAt[world]!;
    let c = segs[at + 3 * j + 1]!;
    let rest = segs[at + 3 * j + 2]! + (gate.rho - c) * (x - segs[at + 3 * j]!);
    if (rest < 0) rest = 0;
    if (rest === 0 && c > 0) {
      io[0] = tau;
      return;
    }
    // Serve the work ahead at each segment's capacity; a closed place serves nothing, not even an empty queue.
    let y = x;
    for (;;) {
      if (j === gate.count[world]! - 1) {
        // The last segment traced: served within it, or traced further and looked at again. Never
        // served up to the frontier and on from there: the frontier is wherever earlier passes left
        // the trace, and a split there would change the last bits of the result with them.
        c = segs[at + 3 * j + 1]!;
        if (c > 0 && c * (gate.frontier[world]! - y) >= rest) {
          y += rest / c;
          break;
        }
        // (the last segment may just grow longer, or others follow it; the arena may move)
        this.extend(gate, gate.frontier[world]! + EXTEND_HOURS, world);
        segs = gate.segsOf(world);
        at = gate.segAt[world]!;
        continue;
      }
      // Up to the next segment's start (an instant of the trace whatever its extent).
      const end = segs[at + 3 * j + 3]!;
      c = segs[at + 3 * j + 1]!;
      if (c > 0 && c * (end - y) >= rest) {
        y += rest / c;
        break;
      }
      rest -= c * (end - y);
      y = end;
      j++;
    }
    const left = y - departureHours;
    io[0] = left > tau ? left : tau;
  }
}

/**
 * `queued`'s result where the trace already holds what it needs: the hours after departing at which
 * a consignment of the run walking in `world`, departed at `departureHours` and reaching the gate
 * `tau` hours after departing on a day not known to be free, leaves the gate; NaN when the trace must
 * first be extended (then `queued` does it, and gets the same figure: this is its arithmetic, step
 * for step). Without side effects and small (`leaveSegments` on the gate's figures for the world),
 * so that the hot loops inline it: most held passes end here, with no call and no number boxed.
 */
export function leaveTraced(gate: Gate, world: number, tau: number, departureHours: number): number {
  const frontier = gate.frontier[world]!;
  if (frontier <= departureHours + tau) return NaN;
  return leaveSegments(gate.segChunks[gate.segChunk[world]!]!, gate.segAt[world]!, gate.count[world]!, frontier, gate.rho, tau, departureHours);
}

/**
 * `leaveTraced` given the trace of the gate in the run's world: its `count` segments at
 * `segs[at …]`, traced up to `frontier`, and the gate's `rho`. A loop that takes many runs of one
 * world in turn reads these once per world rather than once per pass.
 */
export function leaveSegments(segs: Float64Array, at: number, count: number, frontier: number, rho: number, tau: number, departureHours: number): number {
  const x = departureHours + tau;
  if (frontier <= x) return NaN;
  // The segment holding x (as `holdingSegment`), then the work ahead of the arrival served from there.
  let j = 0;
  let hi = count - 1;
  while (j < hi) {
    const mid = (j + hi + 1) >>> 1;
    if (segs[at + 3 * mid]! <= x) j = mid;
    else hi = mid - 1;
  }
  let c = segs[at + 3 * j + 1]!;
  let rest = segs[at + 3 * j + 2]! + (rho - c) * (x - segs[at + 3 * j]!);
  if (rest < 0) rest = 0;
  if (rest === 0 && c > 0) return tau;
  let y = x;
  for (;;) {
    // The last segment: served within what is traced, else NaN (`queued` traces further; serving up
    // to the frontier and on would make the result depend on where earlier passes left it).
    const last = j === count - 1;
    const end = last ? frontier : segs[at + 3 * j + 3]!;
    c = segs[at + 3 * j + 1]!;
    if (c > 0 && c * (end - y) >= rest) {
      y += rest / c;
      break;
    }
    if (last) return NaN;
    rest -= c * (end - y);
    y = end;
    j++;
  }
  const left = y - departureHours;
  return left > tau ? left : tau;
}

/**
 * The segment of `gate`'s trace in `world` that holds instant x (traced past x, and x at or after the
 * trace's start): the last segment starting at or before x, by binary search over the starts.
 */
export function holdingSegment(gate: Gate, world: number, x: number): number {
  const segs = gate.segsOf(world);
  const at = gate.segAt[world]!;
  let lo = 0;
  let hi = gate.count[world]! - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segs[at + 3 * mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
