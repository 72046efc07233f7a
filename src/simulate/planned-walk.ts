// The planned route walked in calendar time: where episodes can hold a consignment (gates), the
// route's parts are cut into segments; each segment is drawn element-major for a block of runs (the
// kernel's fast path, as on a route with no gate), then each run walks its segments from its own
// departure instant and passes the gates between them. A route with no gate never comes here, so its
// samples are exactly those of the plain planned loop.
import { CATEGORIES } from '../network/types.js';
import type { Part } from '../route/expand.js';
import type { ResolvedDeparture } from './calendar.js';
import { DEPARTURE_KEY } from './calendar.js';
import { HOURS_PER_DAY as GATE_DAY_HOURS, leaveSegments, WORLDS, type EpisodeTable, type Gate } from './episodes.js';
import type { ElementTable } from './kernel.js';
import { ElementStream, mixRun, unitOf } from './random.js';

/** Module-local (an imported binding can be a getter once transpiled). */
const HOURS_PER_DAY = GATE_DAY_HOURS;
const leave = leaveSegments;
/** The segments of a trace not started (never read: its frontier is 0). */
const NO_SEGMENTS = new Float64Array(0);
/** Blocks walked together: their runs are sorted by world as one, so each world's traces are read by more runs at a time (64 blocks: about 256 runs a world; 32 took about 2% more CPU time, 100 no less). */
const CHUNK_BLOCKS = 64;

/**
 * The runners' large scratch arrays (a chunk's rows, runs and worlds: about 17 MB for a chunk of
 * 64 blocks on a route with four gates), kept from
 * one simulation to the next: memory the system hands over fresh costs about 3 ms per megabyte the
 * first time it is written, and a simulation's walk has no use for its scratch once it returns.
 * Runners take views of these; their runs never nest, and nothing in them outlives a chunk.
 */
let keptFloat64 = new Float64Array(0);
let keptInt32 = new Int32Array(0);

/** The kept Float64Array scratch, at least `n` long. */
function keptNumbers(n: number): Float64Array {
  if (keptFloat64.length < n) keptFloat64 = new Float64Array(n);
  return keptFloat64;
}

/** The kept Int32Array scratch, at least `n` long. */
function keptIntegers(n: number): Int32Array {
  if (keptInt32.length < n) keptInt32 = new Int32Array(n);
  return keptInt32;
}

/** Cells numbered by country and category (montecarlo.ts's CellIndex). */
interface Cells {
  index(country: string, category: (typeof CATEGORIES)[number]): number;
}

/**
 * A runner for the planned route cut at its gates: `segments[g]` are the parts before gate g (the
 * last segment after the last gate). `run(from, to, samples, at, cellCount)` writes each run's total
 * hours (runs `from` … `to` − 1, `from` block-aligned) and returns each block's cell sums (sized
 * `cellCount`; parts' cells and each gate's `waiting` cell), in block order.
 *
 * A class, not a closure made per simulation: V8 optimises a method once for every simulation of
 * the process, where a fresh closure of a long-running loop was compiled again (and entered through
 * on-stack replacement) in most simulations, 20–40 ms of compiler time each (`--trace-opt`).
 */
export class PlannedWalk {
  private readonly table: ElementTable;
  private readonly gates: readonly Gate[];
  private readonly episodes: EpisodeTable;
  private readonly blockRuns: number;
  private readonly segmentCount: number;
  /** Per segment: its elements (each once) and how many of its parts each stands for. */
  private readonly segmentRows: Int32Array[] = [];
  private readonly segmentTimes: Float64Array[] = [];
  private readonly rowsOfParts: Int32Array;
  private readonly cellsOfParts: Int32Array;
  private readonly gateCells: Int32Array;
  /** A row per run, in the walk's order (by world): its departure instant, then its segments' hours (written once, scattered from the block's segment-major draws, and read in sequence by the walk). */
  private readonly width: number;
  private readonly elementSums: Float64Array;
  private readonly gateSums: Float64Array;
  private readonly departureKey: number;
  private readonly from: number;
  private readonly span: number;
  private readonly views: GateViews;

  constructor(table: ElementTable, segments: readonly (readonly Part[])[], gates: readonly Gate[], episodes: EpisodeTable, departure: ResolvedDeparture, seed: number, cells: Cells, blockRuns: number) {
    this.table = table;
    this.gates = gates;
    this.episodes = episodes;
    this.blockRuns = blockRuns;
    const segmentCount = segments.length;
    this.segmentCount = segmentCount;
    const partRows: number[] = [];
    const partCells: number[] = [];
    const gateCells: number[] = [];
    for (let g = 0; g < segmentCount; g++) {
      const counts = new Map<number, number>();
      for (const p of segments[g]!) {
        const e = table.row(p.key, p.model);
        counts.set(e, (counts.get(e) ?? 0) + 1);
        partRows.push(e);
        partCells.push(cells.index(p.country, p.category));
      }
      this.segmentRows.push(Int32Array.from(counts.keys()));
      this.segmentTimes.push(Float64Array.from(counts.values()));
      if (g < gates.length) gateCells.push(cells.index(gates[g]!.country, 'waiting'));
    }
    this.rowsOfParts = Int32Array.from(partRows);
    this.cellsOfParts = Int32Array.from(partCells);
    this.gateCells = Int32Array.from(gateCells);
    this.width = segmentCount + 1;
    this.elementSums = new Float64Array(table.count);
    this.gateSums = new Float64Array(CHUNK_BLOCKS * gates.length);
    this.departureKey = new ElementStream(seed, DEPARTURE_KEY).drawKey(0);
    this.from = departure.fromHours;
    this.span = departure.toHours - departure.fromHours;
    this.views = new GateViews(gates);
  }

  /** Runs `fromRun` … `toRun` − 1: each run's total hours into `samples[at …]`, and each block's cell sums (sized `cellCount`), in block order. */
  run(fromRun: number, toRun: number, samples: Float64Array, at: number, cellCount: number): Float64Array[] {
    const { table, gates, episodes, blockRuns, segmentCount, segmentRows, segmentTimes, rowsOfParts, cellsOfParts, gateCells, width, elementSums, gateSums } = this;
    // Each block's cell sums, in block order (made as the blocks are drawn; the gates' added after the walk).
    const out: Float64Array[] = [];
    // Views of the kept scratch, as large as this call's chunk needs (no larger: a small simulation
    // would pay for the memory).
    const chunk = Math.min(CHUNK_BLOCKS * blockRuns, Math.ceil((toRun - fromRun) / blockRuns) * blockRuns);
    const numbers = keptNumbers(segmentCount * blockRuns + width * chunk);
    const blockTotals = numbers.subarray(0, segmentCount * blockRuns);
    const runRows = numbers.subarray(segmentCount * blockRuns, segmentCount * blockRuns + width * chunk);
    const integers = keptIntegers(4 * chunk + WORLDS + 1);
    const mixes = integers.subarray(0, chunk);
    const order = integers.subarray(chunk, 2 * chunk);
    const worlds = integers.subarray(2 * chunk, 3 * chunk);
    const slots = integers.subarray(3 * chunk, 4 * chunk);
    const starts = integers.subarray(4 * chunk, 4 * chunk + WORLDS + 1);
    for (let first = fromRun; first < toRun; first += chunk) {
      const n = Math.min(toRun, first + chunk) - first;
      mixRuns(first, n, mixes);
      // The chunk's runs sorted by world (runs of one world in run order); slots[r]: run r's row.
      episodes.byWorld(mixes, n, worlds, order, slots, starts);
      const firstBlock = out.length;
      // Each block's segments drawn element-major, as the plain planned loop does; its parts' cells summed.
      for (let b = 0; b * blockRuns < n; b++) {
        const offset = b * blockRuns;
        const size = Math.min(n - offset, blockRuns);
        const blockMixes = mixes.subarray(offset, offset + size);
        blockTotals.fill(0);
        for (let g = 0; g < segmentCount; g++) {
          const rows = segmentRows[g]!;
          const times = segmentTimes[g]!;
          for (let i = 0; i < rows.length; i++) elementSums[rows[i]!] = table.accumulate(rows[i]!, blockMixes, size, blockTotals, g * blockRuns, times[i]!);
        }
        scatter(blockTotals, segmentCount, blockRuns, size, blockMixes, this.departureKey, this.from, this.span, runRows, width, slots, offset);
        const cellSums = new Float64Array(cellCount);
        for (let k = 0; k < rowsOfParts.length; k++) cellSums[cellsOfParts[k]!]! += elementSums[rowsOfParts[k]!]!;
        out.push(cellSums);
      }
      // Then every run of the chunk walks its segments through the gates, world by world, each
      // run's total to its place among the samples.
      walk(starts, runRows, width, order, blockRuns, gates, this.views, episodes, gateSums, samples, at + first - fromRun);
      for (let b = 0; firstBlock + b < out.length; b++) {
        const cellSums = out[firstBlock + b]!;
        for (let g = 0; g < gates.length; g++) cellSums[gateCells[g]!]! += gateSums[b * gates.length + g]!;
      }
    }
    return out;
  }
}

/**
 * What the walk's passes read of each gate's trace in the world at hand, read again when the world
 * changes (runs of a world come together) or a pass traced further; and each gate's free-day test's
 * figures, written out in the walk as `pass` makes it (a call per pass would box its numbers). One
 * per runner, made once.
 */
class GateViews {
  readonly starts: Float64Array;
  readonly free: Uint8Array[];
  readonly rho: Float64Array;
  readonly known: Int32Array;
  readonly freeAt: Int32Array;
  readonly frontier: Float64Array;
  readonly segAt: Int32Array;
  readonly count: Int32Array;
  readonly segs: Float64Array[];
  constructor(gates: readonly Gate[]) {
    const n = gates.length;
    this.starts = Float64Array.from(gates, (g) => g.start);
    this.free = gates.map((g) => g.free);
    this.rho = Float64Array.from(gates, (g) => g.rho);
    this.known = new Int32Array(n);
    this.freeAt = new Int32Array(n);
    this.frontier = new Float64Array(n);
    this.segAt = new Int32Array(n);
    this.count = new Int32Array(n);
    this.segs = gates.map(() => NO_SEGMENTS);
  }
}

/** Read gate `g`'s trace in `world` into `views`. */
function look(views: GateViews, gates: readonly Gate[], g: number, world: number): void {
  const gate = gates[g]!;
  views.known[g] = gate.known[world]!;
  views.freeAt[g] = world * gate.bytes;
  views.frontier[g] = gate.frontier[world]!;
  views.segAt[g] = gate.segAt[world]!;
  views.count[g] = gate.count[world]!;
  views.segs[g] = gate.traced[world] === 1 ? gate.segsOf(world) : NO_SEGMENTS;
}

/**
 * Each run walks its segments from its own departure instant, passing the gates between them: the
 * per-run loop on its own, so that the allocations around it never deoptimise it. Runs go world by
 * world (their rows were written in that order), so that consecutive runs read the same traces:
 * a world's traces are a few kilobytes, and those of 1,024 worlds do not fit in a cache, which is
 * why a chunk holds many blocks (the results do not depend on the order, and a block's sums are
 * added in the same order whatever the chunk). Gate delays are summed per block
 * (`gateSums[block × gates + g]`); each run's total goes to its place among the samples
 * (`samples[at + run]`, `run` = `order[k]` the chunk's run in the walk's place k; world w's runs
 * are places `starts[w]` … `starts[w + 1]` − 1).
 */
function walk(
  starts: Int32Array,
  rows: Float64Array,
  width: number,
  order: Int32Array,
  blockRuns: number,
  gates: readonly Gate[],
  views: GateViews,
  episodes: EpisodeTable,
  gateSums: Float64Array,
  samples: Float64Array,
  at: number,
): void {
  gateSums.fill(0);
  const io = episodes.io;
  const gateCount = gates.length;
  const { starts: starts_, free, rho, known, freeAt, frontier, segAt, count, segs } = views;
  for (let world = 0; world < WORLDS; world++) {
    const end = starts[world + 1]!;
    let k = starts[world]!;
    if (k === end) continue;
    for (let g = 0; g < gateCount; g++) look(views, gates, g, world);
    for (; k < end; k++) {
      const run = order[k]!;
      const block = ((run / blockRuns) | 0) * gateCount;
      const row = k * width;
      const t0 = rows[row]!;
      let tau = rows[row + 1]!;
      for (let g = 0; g < gateCount; g++) {
        let left = tau;
        const day = ((t0 + tau - starts_[g]!) / HOURS_PER_DAY) | 0;
        if (!(day < known[g]! && (free[g]![freeAt[g]! + (day >> 3)]! & (1 << (day & 7))) !== 0)) {
          left = leave(segs[g]!, segAt[g]!, count[g]!, frontier[g]!, rho[g]!, tau, t0);
          if (left !== left) {
            io[0] = tau;
            io[1] = t0;
            episodes.queued(gates[g]!, world);
            left = io[0]!;
            // (every gate: a route may pass one place twice, and the trace it read has grown)
            for (let h = 0; h < gateCount; h++) look(views, gates, h, world);
          }
        }
        gateSums[block + g]! += left - tau;
        tau = left + rows[row + g + 2]!;
      }
      samples[at + run] = tau;
    }
  }
}

// The loops of `run` over a chunk's runs, each a small function of its own (optimised apart from
// the allocations around them).

/** `mixes[r]` = `mixRun(first + r)` for r < n. */
function mixRuns(first: number, n: number, mixes: Int32Array): void {
  for (let r = 0; r < n; r++) mixes[r] = mixRun(first + r);
}

/**
 * Write `size` runs of segment-major `from` (segment g of run r at g × stride + r) into their rows
 * of `into` (run `offset + r`'s row at slots[offset + r] × `width`): the run's departure instant,
 * then its segments' hours.
 */
function scatter(
  from: Float64Array,
  segments: number,
  stride: number,
  size: number,
  blockMixes: Int32Array,
  departureKey: number,
  start: number,
  span: number,
  into: Float64Array,
  width: number,
  slots: Int32Array,
  offset: number,
): void {
  for (let r = 0; r < size; r++) {
    const row = slots[offset + r]! * width;
    into[row] = start + unitOf(departureKey, blockMixes[r]!) * span;
    for (let g = 0; g < segments; g++) into[row + 1 + g] = from[g * stride + r]!;
  }
}
