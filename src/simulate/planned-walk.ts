// The planned route walked in calendar time: where episodes can hold a consignment (gates), the
// route's parts are cut into segments; each segment is drawn element-major for a block of runs (the
// kernel's fast path, as on a route with no gate), then each run walks its segments from its own
// departure instant and passes the gates between them. A route with no gate never comes here, so its
// samples are exactly those of the plain planned loop.
import { CATEGORIES } from '../network/types.js';
import type { Part } from '../route/expand.js';
import type { ResolvedDeparture } from './calendar.js';
import { DEPARTURE_KEY } from './calendar.js';
import { HOURS_PER_DAY as GATE_DAY_HOURS, leaveSegments, WORLDS, worldOfRun, type EpisodeTable, type Gate } from './episodes.js';
import type { ElementTable } from './kernel.js';
import { ElementStream, mixRun, unitOf } from './random.js';

/** Module-local (an imported binding can be a getter once transpiled). */
const HOURS_PER_DAY = GATE_DAY_HOURS;
const leave = leaveSegments;
const unit = unitOf;
/** The segments of a trace not started (never read: its frontier is 0). */
const NO_SEGMENTS = new Float64Array(0);
/** Blocks walked together, world by world, so that each world's traces are read by more runs at a time (64 blocks of 4,096 runs: 256 runs a world; 32 took about 2% more CPU time, 100 no less). */
const CHUNK_BLOCKS = 64;

/**
 * The runners' large scratch arrays (a chunk's rows: about 12.6 MB for a chunk of 64 blocks on a
 * route with four gates; a block's segment hours and `mixRun` values), kept from
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
  /** Numbers in a run's row (its departure instant, then its segments' hours; `Walked`). */
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
    if (blockRuns % WORLDS !== 0) throw new Error(`internal: blocks of ${blockRuns} runs are not a multiple of ${WORLDS} worlds`);
    this.width = segmentCount + 1;
    this.elementSums = new Float64Array(table.count);
    this.gateSums = new Float64Array(CHUNK_BLOCKS * gates.length);
    this.departureKey = new ElementStream(seed, DEPARTURE_KEY).drawKey(0);
    this.from = departure.fromHours;
    this.span = departure.toHours - departure.fromHours;
    this.views = new GateViews(gates);
  }

  /** Runs `fromRun` … `toRun` − 1 (`fromRun` a multiple of WORLDS): each run's total hours into `samples[at …]`, and each block's cell sums (sized `cellCount`), in block order. */
  run(fromRun: number, toRun: number, samples: Float64Array, at: number, cellCount: number): Float64Array[] {
    const { table, gates, episodes, blockRuns, segmentCount, segmentRows, segmentTimes, rowsOfParts, cellsOfParts, gateCells, width, elementSums, gateSums } = this;
    if (worldOfRun(fromRun) !== 0) throw new Error(`internal: the planned walk starts at run ${fromRun}, not at a multiple of ${WORLDS}`);
    // Each block's cell sums, in block order (made as the blocks are drawn; the gates' added after the walk).
    const out: Float64Array[] = [];
    // Views of the kept scratch, as large as this call's chunk needs (no larger: a small simulation
    // would pay for the memory).
    const chunkBlocks = Math.min(CHUNK_BLOCKS, Math.ceil((toRun - fromRun) / blockRuns));
    const chunk = chunkBlocks * blockRuns;
    const numbers = keptNumbers(segmentCount * blockRuns + width * chunk);
    const blockTotals = numbers.subarray(0, segmentCount * blockRuns);
    const rows = numbers.subarray(segmentCount * blockRuns, segmentCount * blockRuns + width * chunk);
    const mixes = keptIntegers(blockRuns);
    // A world's rows: its runs of the chunk's blocks, block by block (every block but a chunk's last is full).
    const walked = new Walked(blockRuns, chunk / WORLDS, width, this.departureKey, this.from, this.span);
    for (let first = fromRun; first < toRun; first += chunk) {
      const n = Math.min(toRun, first + chunk) - first;
      const firstBlock = out.length;
      // Each block's segments drawn element-major, as the plain planned loop does, with the block's
      // runs in the order of their worlds; its parts' cells summed; its runs' rows written.
      for (let b = 0; b * blockRuns < n; b++) {
        const offset = b * blockRuns;
        const size = Math.min(n - offset, blockRuns);
        mixRunsByWorld(first + offset, size, mixes);
        blockTotals.fill(0);
        for (let g = 0; g < segmentCount; g++) {
          const rowsOf = segmentRows[g]!;
          const times = segmentTimes[g]!;
          for (let i = 0; i < rowsOf.length; i++) elementSums[rowsOf[i]!] = table.accumulate(rowsOf[i]!, mixes, size, blockTotals, g * blockRuns, times[i]!);
        }
        writeRows(walked, blockTotals, segmentCount, size, mixes, rows, b);
        const cellSums = new Float64Array(cellCount);
        for (let k = 0; k < rowsOfParts.length; k++) cellSums[cellsOfParts[k]!]! += elementSums[rowsOfParts[k]!]!;
        out.push(cellSums);
      }
      // Then every run of the chunk walks its segments through the gates, world by world, each
      // run's total to its place among the samples.
      walk(walked, n, rows, gates, this.views, episodes, gateSums, samples, at + first - fromRun);
      for (let b = 0; firstBlock + b < out.length; b++) {
        const cellSums = out[firstBlock + b]!;
        for (let g = 0; g < gates.length; g++) cellSums[gateCells[g]!]! += gateSums[b * gates.length + g]!;
      }
    }
    return out;
  }
}

/** How a chunk's runs are laid out in rows, and how their departure instants are drawn. */
class Walked {
  constructor(
    readonly blockRuns: number,
    /** Rows per world in the chunk (world w's from row w × perWorld; block b's runs of it from b × blockRuns / WORLDS on). */
    readonly perWorld: number,
    /** Numbers per row: the departure instant, then each segment's hours. */
    readonly width: number,
    readonly departureKey: number,
    /** The departure window's start (hours since 1970) and length (hours). */
    readonly from: number,
    readonly span: number,
  ) {}
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
 * world (the chunk's run p walks in world p mod WORLDS: runs p, p + WORLDS, p + 2·WORLDS …), so that
 * consecutive runs read the same traces: a world's traces are a few kilobytes, and those of 1,024
 * worlds do not fit in a cache, which is why a chunk holds many blocks (the results do not depend
 * on the order, and a block's sums are added in the same order whatever the chunk); their rows were
 * written in that order, and are read in sequence. Gate delays are summed per block
 * (`gateSums[block × gates + g]`); run p's total goes to `samples[at + p]`.
 */
function walk(walked: Walked, n: number, rows: Float64Array, gates: readonly Gate[], views: GateViews, episodes: EpisodeTable, gateSums: Float64Array, samples: Float64Array, at: number): void {
  gateSums.fill(0);
  const { blockRuns, perWorld, width } = walked;
  const io = episodes.io;
  const gateCount = gates.length;
  const { starts: starts_, free, rho, known, freeAt, frontier, segAt, count, segs } = views;
  for (let world = 0; world < WORLDS && world < n; world++) {
    for (let g = 0; g < gateCount; g++) look(views, gates, g, world);
    let row = world * perWorld * width;
    for (let p = world; p < n; p += WORLDS, row += width) {
      const block = ((p / blockRuns) | 0) * gateCount;
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
      samples[at + p] = tau;
    }
  }
}

// The loops of `run` over a chunk's runs, each a small function of its own (optimised apart from
// the allocations around them).

/**
 * The `mixRun` values of a block's runs `first` … `first + n − 1` (`first` a multiple of WORLDS) in
 * the order of their worlds: world by world, a world's runs in run order. With q = ⌊n / WORLDS⌋ and
 * the rest ρ = n − q · WORLDS, world w has q runs (one more when w < ρ), from place w · q + min(w, ρ).
 */
function mixRunsByWorld(first: number, n: number, mixes: Int32Array): void {
  let k = 0;
  for (let w = 0; w < WORLDS && w < n; w++) for (let r = w; r < n; r += WORLDS) mixes[k++] = mixRun(first + r);
}

/**
 * Write block `b`'s `size` runs (drawn in the order of their worlds: `mixes`, and each segment's
 * hours in `totals`, segment g of place k at g × blockRuns + k) into their rows: world w's runs of
 * block b go to its rows b × blockRuns / WORLDS on (only a chunk's last block can be short, so a
 * world's rows of a chunk are consecutive), each its departure instant and then its segments' hours.
 */
function writeRows(walked: Walked, totals: Float64Array, segments: number, size: number, mixes: Int32Array, rows: Float64Array, b: number): void {
  const { blockRuns, perWorld, width, departureKey, from, span } = walked;
  const rounds = (size / WORLDS) | 0;
  const rest = size - rounds * WORLDS;
  const blockRows = b * (blockRuns / WORLDS);
  let k = 0;
  for (let w = 0; w < WORLDS && w < size; w++) {
    let row = (w * perWorld + blockRows) * width;
    for (let end = k + (w < rest ? rounds + 1 : rounds); k < end; k++, row += width) {
      rows[row] = from + unit(departureKey, mixes[k]!) * span;
      for (let g = 0; g < segments; g++) rows[row + 1 + g] = totals[g * blockRuns + k]!;
    }
  }
}
