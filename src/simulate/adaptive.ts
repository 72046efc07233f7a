// The adaptive Monte Carlo loop: every run draws the arcs of the network, then re-routes on the
// realised times. What keeps it fast, none of which changes a sample or a route:
//  - only arcs that can lie on a route are kept (their tail reachable from the origin, their head
//    able to reach the destination, none leaving a target or entering a source, which a search never
//    uses), and only the elements on those arcs are drawn; elements that are the same on every run
//    (fixed stages that always happen) are written once;
//  - a vertex with one way out is always left by it, so that arc is joined to every arc into the
//    vertex (`chainedArcs`): on Xi'an → Constanța 64 of the 118 vertices on useful arcs go;
//  - draws are made a sub-block of 64 runs at a time by the element kernel (kernel.ts), and arc
//    weights are summed from them slot-major (`weights[slot * SUB + run]`);
//  - the 64 searches of a sub-block run together, as label-correcting sweeps over the vertices
//    numbered by their least expected time from the origin (the engine's
//    `batchedShortestPathTrees`, on the weights laid out as it reads them): one sweep relaxes every
//    arc for every run, and a vertex whose time improved through an arc to a lower number is swept
//    again (a Bellman–Ford with a good order, about two sweeps in all on the corridor). Against one
//    Dijkstra per run with a heap, this is a few simple loops over typed arrays, with no queue;
//  - a run's route is matched, by its slots, against the routes met before, whose parts' columns
//    and cells are listed once, so a run's total is a walk down one list.
// Run totals and routes equal drawing each part with `drawPart` and routing with the engine's
// `shortestPath`, bit for bit (test/kernel.test.ts), barring two routes whose times tie to the
// last bit (each search breaks such a tie its own way).
import { batchedShortestPathTrees, createBatchedWorkspace, sweepOrder, type TimedSlots } from '../engine/batched-label-correcting.js';
import { buildCsr } from '../engine/csr.js';
import { CATEGORIES } from '../network/types.js';
import type { ExpandedGraph } from '../route/expand.js';
import { DEPARTURE_KEY, type ResolvedDeparture } from './calendar.js';
import { HOURS_PER_DAY as GATE_DAY_HOURS, leaveTraced, runsByWorld, type EpisodeTable, type Gate } from './episodes.js';
import { ElementTable } from './kernel.js';
import { ElementStream, mixRun, unitOf } from './random.js';

/** Runs drawn together: the sub-block's draws and weights stay in the fastest caches. */
const SUB = 64;
/** Module-local (an imported binding can be a getter once transpiled). */
const HOURS_PER_DAY = GATE_DAY_HOURS;
const leave = leaveTraced;

/** A route of the adaptive search, with what a run on it adds up. */
interface KnownRoute {
  /** Its slots, walked back from the target. */
  readonly slots: Int32Array;
  /** Its original arcs joined by ','. */
  readonly key: string;
  /** Per part, in route order: its column in the draws (row × SUB) and its cell. */
  readonly columns: Int32Array;
  readonly partCells: Int32Array;
  /** Per part: the sum of its hours over the runs of the current block that took this route. */
  readonly partSums: Float64Array;
  /** Per original arc: the end of its parts in `columns`. */
  readonly arcEnds: Int32Array;
  /** Its countries in order of first appearance. */
  readonly countries: readonly number[];
  /** Per original arc: its gate (a number into the runner's gate list) or -1; `null` when the route passes no gate. */
  readonly arcGates: Int32Array | null;
  /** Per original arc: the hours its gate held the runs of the current block that took this route. */
  readonly gateSums: Float64Array;
}

/** Where a slot's original arcs, their parts, and the parts' element rows and cells are. */
interface SlotLayout {
  readonly slotArcStart: Int32Array;
  readonly arcOf: Int32Array;
  readonly partStart: Int32Array;
  readonly rows: Int32Array;
  readonly rowCells: Int32Array;
  /** Per original arc (graph arc number): its gate number, or absent. */
  readonly gateOfArc: ReadonlyMap<number, number>;
  /** Per gate number: whether it holds consignments after the arc's parts (a node's) and its cell. */
  readonly gatePost: Uint8Array;
  readonly gateCells: Int32Array;
}

/** The route whose slots, walked back from the target, are `slotsBack`. */
function describeRoute(layout: SlotLayout, slotsBack: Int32Array): KnownRoute {
  const { slotArcStart, arcOf, partStart, rows, rowCells, gateOfArc, gatePost, gateCells } = layout;
  const arcs: number[] = [];
  const columns: number[] = [];
  const cellsOn: number[] = [];
  const arcEnds: number[] = [];
  const countries: number[] = [];
  const arcGates: number[] = [];
  const meet = (cell: number): void => {
    const c = (cell / CATEGORIES.length) | 0;
    if (!countries.includes(c)) countries.push(c);
  };
  for (let i = slotsBack.length - 1; i >= 0; i--) {
    const s = slotsBack[i]!;
    for (let j = slotArcStart[s]!; j < slotArcStart[s + 1]!; j++) {
      arcs.push(arcOf[j]!);
      const gate = gateOfArc.get(arcOf[j]!) ?? -1;
      arcGates.push(gate);
      if (gate >= 0 && gatePost[gate] === 0) meet(gateCells[gate]!);
      for (let k = partStart[j]!; k < partStart[j + 1]!; k++) {
        columns.push(rows[k]! * SUB);
        cellsOn.push(rowCells[k]!);
        meet(rowCells[k]!);
      }
      if (gate >= 0 && gatePost[gate] === 1) meet(gateCells[gate]!);
      arcEnds.push(columns.length);
    }
  }
  return {
    arcGates: arcGates.some((g) => g >= 0) ? Int32Array.from(arcGates) : null,
    gateSums: new Float64Array(arcGates.length),
    slots: slotsBack,
    key: arcs.join(','),
    columns: Int32Array.from(columns),
    partCells: Int32Array.from(cellsOn),
    partSums: new Float64Array(columns.length),
    arcEnds: Int32Array.from(arcEnds),
    countries,
  };
}

/** Whether `slots` holds `walked[0 … count)`. */
function sameSlots(slots: Int32Array, walked: Int32Array, count: number): boolean {
  if (slots.length !== count) return false;
  for (let i = 0; i < count; i++) if (slots[i] !== walked[i]) return false;
  return true;
}

/** `into[at + r] += from[col + r]` for r < n. */
function addColumn(into: Float64Array, at: number, from: Float64Array, col: number, n: number): void {
  for (let r = 0; r < n; r++) into[at + r]! += from[col + r]!;
}

/** Country × category cells numbered in order of first appearance. */
export interface CellNumbering {
  index(country: string, category: (typeof CATEGORIES)[number]): number;
  readonly countries: readonly string[];
}

/** What one adaptive block reports: cell sums, countries in order of first appearance, distinct routes. */
export interface AdaptiveBlock {
  readonly sums: Float64Array;
  readonly order: number[];
  readonly routes: [string, number][];
}

/** What an adaptive runner needs to walk runs in calendar time: the episodes in play and the departure window. */
export interface AdaptiveGating {
  readonly episodes: EpisodeTable;
  readonly departure: ResolvedDeparture;
}

/** The arcs a search from `sources` to `targets` can use on some draw, in arc order. */
export function usefulArcs(graph: ExpandedGraph, sources: readonly number[], targets: readonly number[]): number[] {
  const n = graph.vertices.length;
  const isSource = new Uint8Array(n);
  const isTarget = new Uint8Array(n);
  for (const v of sources) isSource[v] = 1;
  for (const v of targets) isTarget[v] = 1;
  const out: number[][] = Array.from({ length: n }, () => []);
  const into: number[][] = Array.from({ length: n }, () => []);
  graph.arcs.forEach((a, i) => {
    if (isTarget[a.from] === 1 || isSource[a.to] === 1) return;
    out[a.from]!.push(i);
    into[a.to]!.push(i);
  });
  const forward = new Uint8Array(n);
  const stack = [...sources];
  for (const v of sources) forward[v] = 1;
  while (stack.length > 0) {
    for (const i of out[stack.pop()!]!) {
      const v = graph.arcs[i]!.to;
      if (forward[v] === 0) {
        forward[v] = 1;
        stack.push(v);
      }
    }
  }
  const backward = new Uint8Array(n);
  stack.push(...targets);
  for (const v of targets) backward[v] = 1;
  while (stack.length > 0) {
    for (const i of into[stack.pop()!]!) {
      const u = graph.arcs[i]!.from;
      if (backward[u] === 0) {
        backward[u] = 1;
        stack.push(u);
      }
    }
  }
  const kept: number[] = [];
  graph.arcs.forEach((a, i) => {
    if (isTarget[a.from] === 0 && isSource[a.to] === 0 && forward[a.from] === 1 && backward[a.to] === 1) kept.push(i);
  });
  return kept;
}

/**
 * The useful arcs with every forced step folded in: a vertex (not an end) with a single way out
 * is always left by that arc, so each arc into it is joined with it, and so on along the chain.
 * Paths and their costs are unchanged; the search has fewer vertices to settle (on Xi'an → Constanța,
 * 54 of the 118 on useful arcs remain). Vertices in `ends` are never folded (the ends of arcs with
 * episode gates, which must stay arcs of their own).
 * Returns the joined arcs, each as its original arcs in order.
 */
export function chainedArcs(
  graph: ExpandedGraph,
  kept: readonly number[],
  sources: readonly number[],
  targets: readonly number[],
  ends: readonly number[] = [],
): number[][] {
  const n = graph.vertices.length;
  const outDegree = new Int32Array(n);
  const onlyOut = new Int32Array(n).fill(-1);
  for (const a of kept) {
    const u = graph.arcs[a]!.from;
    outDegree[u]!++;
    onlyOut[u] = a;
  }
  const end = new Uint8Array(n);
  for (const v of sources) end[v] = 1;
  for (const v of targets) end[v] = 1;
  for (const v of ends) end[v] = 1;
  const forced = (v: number): boolean => end[v] === 0 && outDegree[v] === 1;
  const chains: number[][] = [];
  for (const a of kept) {
    if (forced(graph.arcs[a]!.from)) continue; // joined to the arcs that lead into its tail
    const chain = [a];
    let v = graph.arcs[a]!.to;
    // A useful chain ends at a target (no arc leaves a target), so this walk stops.
    while (forced(v)) {
      const next = onlyOut[v]!;
      chain.push(next);
      v = graph.arcs[next]!.to;
      if (chain.length > kept.length) throw new Error('internal: a cycle of forced arcs among useful arcs');
    }
    chains.push(chain);
  }
  return chains;
}

/**
 * A runner for adaptive blocks of runs on `graph` from `sources` to `targets`: `run(from, to,
 * samples, at)` writes each run's total hours and returns the block's sums and routes (routes as
 * original arc indices joined by ','). Every draw is finite, so a route that exists on expected
 * times exists on every draw.
 */
export function adaptiveRunner(
  graph: ExpandedGraph,
  sources: readonly number[],
  targets: readonly number[],
  seed: number,
  cells: CellNumbering,
  gating?: AdaptiveGating,
) {
  const kept = usefulArcs(graph, sources, targets);
  // Arcs with episode gates: each stays a slot of its own (its ends are never folded), crossed by its gate in the search.
  const gateList: { pre: readonly Gate[]; post: readonly Gate[] }[] = [];
  const gateOfArc = new Map<number, number>();
  const gatedEnds: number[] = [];
  if (gating !== undefined) {
    for (const a of kept) {
      const gates = gating.episodes.gatesOf(graph.arcs[a]!);
      if (gates.pre.length + gates.post.length === 0) continue;
      gateOfArc.set(a, gateList.length);
      gateList.push(gates);
      gatedEnds.push(graph.arcs[a]!.from, graph.arcs[a]!.to);
    }
  }
  const chains = chainedArcs(graph, kept, sources, targets, gatedEnds);
  const tails = chains.map((c) => graph.arcs[c[0]!]!.from);
  const heads = chains.map((c) => graph.arcs[c[c.length - 1]!]!.to);
  const expected = chains.map((c) => c.reduce((h, a) => h + graph.arcs[a]!.expectedHours, 0));
  // Number the vertices on useful arcs in order of their least expected hours from the sources
  // (ties by vertex index): on most draws a least-time path then visits vertices in increasing
  // number, and one sweep settles it.
  const { order, local } = sweepOrder(graph.vertices.length, tails, heads, expected, sources);
  const vertexCount = order.length; // vertices numbered 0 … vertexCount - 1 from here on
  const csr = buildCsr(
    vertexCount,
    tails.map((v) => local[v]!),
    heads.map((v) => local[v]!),
    expected,
  );
  const slots = csr.arcCount;
  const { offsets, targets: slotHead } = csr;
  const tailOfSlot = new Int32Array(slots);
  for (let v = 0; v < vertexCount; v++) {
    for (let s = offsets[v]!; s < offsets[v + 1]!; s++) tailOfSlot[s] = v;
  }
  // Per slot: its original arcs (arcStart…); per original arc on it: its parts (partStart…), each
  // part's element row and cell.
  const table = new ElementTable(seed);
  const slotArcStart = new Int32Array(slots + 1);
  const arcIds: number[] = [];
  const arcPartStart: number[] = [];
  const partRows: number[] = [];
  const partCells: number[] = [];
  for (let s = 0; s < slots; s++) {
    slotArcStart[s] = arcIds.length;
    for (const a of chains[csr.arcOf[s]!]!) {
      arcIds.push(a);
      arcPartStart.push(partRows.length);
      for (const p of graph.arcs[a]!.parts) {
        partRows.push(table.row(p.key, p.model));
        partCells.push(cells.index(p.country, p.category));
      }
    }
  }
  slotArcStart[slots] = arcIds.length;
  arcPartStart.push(partRows.length);
  const arcOf = Int32Array.from(arcIds);
  const partStart = Int32Array.from(arcPartStart);
  const rows = Int32Array.from(partRows);
  const rowCells = Int32Array.from(partCells);
  const elementCount = table.count;
  const sourceList = Int32Array.from(sources, (v) => local[v]!);
  // The targets, numbered; a target on no useful arc (and not a source) cannot end a route and is left out.
  const targetList = Int32Array.from(
    targets.filter((v) => local[v]! >= 0),
    (v) => local[v]!,
  );

  const mixes = new Int32Array(SUB);
  const values = new Float64Array(elementCount * SUB);
  const weights = new Float64Array(slots * SUB);
  // Rows that are the same on every run are written once; the others are drawn per sub-block.
  const drawn: number[] = [];
  for (let e = 0; e < elementCount; e++) {
    const hours = table.constantHours(e);
    if (Number.isNaN(hours)) drawn.push(e);
    else values.fill(hours, e * SUB, (e + 1) * SUB);
  }
  const drawnRows = Int32Array.from(drawn);
  // Per slot: the sum of its fixed parts, and (for slots with drawn parts) the drawn parts' columns.
  const slotFixedHours = new Float64Array(slots);
  const drawnSlotList: number[] = [];
  const drawnStart: number[] = [];
  const drawnCols: number[] = [];
  for (let s = 0; s < slots; s++) {
    const cols: number[] = [];
    for (let k = partStart[slotArcStart[s]!]!; k < partStart[slotArcStart[s + 1]!]!; k++) {
      const hours = table.constantHours(rows[k]!);
      if (Number.isNaN(hours)) cols.push(rows[k]! * SUB);
      else slotFixedHours[s]! += hours;
    }
    if (cols.length === 0) {
      weights.fill(slotFixedHours[s]!, s * SUB, (s + 1) * SUB);
      continue;
    }
    drawnSlotList.push(s);
    drawnStart.push(drawnCols.length);
    drawnCols.push(...cols);
  }
  drawnStart.push(drawnCols.length);
  const drawnSlots = Int32Array.from(drawnSlotList);
  const slotDrawnStart = Int32Array.from(drawnStart);
  const drawnColumns = Int32Array.from(drawnCols);
  const search = createBatchedWorkspace(csr, SUB);
  const { costs: dist, parentSlots: parent } = search;
  const pathSlots = new Int32Array(vertexCount);
  /** The routes met so far (few in practice), by their slots walked back from the target. */
  const known: KnownRoute[] = [];
  let blockCount = new Int32Array(0);
  let last = -1;
  const categoryCount = CATEGORIES.length;
  // An arc's gates are all at one node or on one link: one country, one cell.
  const gatePost = Uint8Array.from(gateList, (g) => (g.post.length > 0 ? 1 : 0));
  const gateCells = Int32Array.from(gateList, (g) => cells.index((g.pre[0] ?? g.post[0])!.country, 'waiting'));
  const layout: SlotLayout = { slotArcStart, arcOf, partStart, rows, rowCells, gateOfArc, gatePost, gateCells };
  const countryCount = cells.countries.length;
  // Gated slots are crossed by their gate: each run from its own departure instant, in its own world.
  const departures = new Float64Array(SUB);
  const worlds = new Int32Array(SUB);
  const runOf = new Int32Array(SUB);
  let blockWorlds = new Int32Array(0);
  let blockOrder = new Int32Array(0);
  const episodes = gating?.episodes;
  let timed: TimedSlots | undefined;
  let departureKey = 0;
  if (episodes !== undefined && gateList.length > 0) {
    departureKey = new ElementStream(seed, DEPARTURE_KEY).drawKey(0);
    const index = new Int32Array(slots).fill(-1);
    for (let s = 0; s < slots; s++) {
      const g = gateOfArc.get(arcOf[slotArcStart[s]!]!);
      if (g !== undefined) index[s] = g;
    }
    // Each gated arc is a slot of its own (its ends are never folded): its head, numbered, per gate.
    const headOfGate = new Int32Array(gateList.length);
    for (let s = 0; s < slots; s++) if (index[s]! >= 0) headOfGate[index[s]!] = slotHead[s]! * SUB;
    const io = episodes.io;
    timed = {
      index,
      arrive(g, costs, tail, w8, w, n, out) {
        const { pre, post } = gateList[g]!;
        const after = pre.length === 0;
        const gates = after ? post : pre;
        const head = headOfGate[g]!;
        for (let r = 0; r < n; r++) {
          let t = costs[tail + r]!;
          // A gate never lets a consignment leave before it arrived (passing is ≥ the arrival, and
          // rounded sums keep order), so the arrival is at least t + the arc's weight: when that does
          // not beat the head's label, the search would not take it, and the gates are not passed
          // (about 40% of the evaluations on Xi'an → Constanța; no label changes).
          if (t === Infinity || t + w8[w + r]! >= costs[head + r]!) {
            out[r] = Infinity;
            continue;
          }
          // A link's gates hold it before the link, a node's after the stop (an arc has one or the other).
          if (after) t += w8[w + r]!;
          const departure = departures[r]!;
          const world = worlds[r]!;
          for (let i = 0; i < gates.length; i++) {
            // `pass`, its free-day test written out (a call per pass would box its numbers).
            const gate = gates[i]!;
            const day = ((departure + t - gate.start) / HOURS_PER_DAY) | 0;
            if (day < gate.known[world]! && (gate.free[world * gate.bytes + (day >> 3)]! & (1 << (day & 7))) !== 0) continue;
            const left = leave(gate, world, t, departure);
            if (left === left) {
              t = left;
              continue;
            }
            io[0] = t;
            io[1] = departure;
            episodes.queued(gate, world);
            t = io[0]!;
          }
          if (!after) t += w8[w + r]!;
          out[r] = t;
        }
      },
    };
  }
  const from = gating?.departure.fromHours ?? 0;
  const span = gating === undefined ? 0 : gating.departure.toHours - gating.departure.fromHours;

  return function run(fromRun: number, toRun: number, samples: Float64Array, at: number): AdaptiveBlock {
    const sums = new Float64Array(countryCount * categoryCount);
    const touched = new Uint8Array(countryCount);
    const order: number[] = [];
    // Routes used in this block, in order of first use, and their run counts (by known route).
    const used: number[] = [];
    const count = toRun - fromRun;
    // With gates, the block's runs go in order of their worlds: a sub-block then reads the traces of
    // a few worlds (the results do not depend on the order).
    if (timed !== undefined) {
      if (blockOrder.length < count) {
        blockWorlds = new Int32Array(count);
        blockOrder = new Int32Array(count);
      }
      runsByWorld(fromRun, count, blockOrder, blockWorlds);
    }
    for (let start = 0; start < count; start += SUB) {
      const n = Math.min(SUB, count - start);
      if (timed === undefined) {
        for (let j = 0; j < n; j++) {
          runOf[j] = start + j;
          mixes[j] = mixRun(fromRun + start + j);
        }
      } else {
        for (let j = 0; j < n; j++) {
          const r = blockOrder[start + j]!;
          runOf[j] = r;
          mixes[j] = mixRun(fromRun + r);
          departures[j] = from + unitOf(departureKey, mixes[j]!) * span;
          worlds[j] = blockWorlds[start + j]!;
        }
      }
      for (let i = 0; i < drawnRows.length; i++) table.fill(drawnRows[i]!, mixes, n, values, drawnRows[i]! * SUB);
      // Slot weights, slot-major: the fixed hours of its arcs' parts, plus the drawn ones in order
      // (slots with nothing drawn keep the weight written at the start).
      for (let i = 0; i < drawnSlots.length; i++) {
        const s = drawnSlots[i]!;
        const w = s * SUB;
        const base = slotFixedHours[s]!;
        const first = slotDrawnStart[i]!;
        const end = slotDrawnStart[i + 1]!;
        const col0 = drawnColumns[first]!;
        for (let r = 0; r < n; r++) weights[w + r] = base + values[col0 + r]!;
        for (let k = first + 1; k < end; k++) addColumn(weights, w, values, drawnColumns[k]!, n);
      }
      // Least times for the n runs at once (label-correcting sweeps over the vertices in number order).
      batchedShortestPathTrees(csr, sourceList, weights, search, n, timed);
      for (let r = 0; r < n; r++) {
        // The target with the least time (on a tie, the first listed).
        let found = -1;
        let best = Infinity;
        for (let i = 0; i < targetList.length; i++) {
          const t = targetList[i]!;
          if (dist[t * SUB + r]! < best) {
            best = dist[t * SUB + r]!;
            found = t;
          }
        }
        if (found < 0) throw new Error('internal: a route that exists on expected times must exist on every draw');
        // The route's slots, walked back from the target, then the route itself: the one met last
        // (most runs take few routes), another one met before, or a new one.
        let slotCount = 0;
        for (let v = found; parent[v * SUB + r]! >= 0; v = tailOfSlot[parent[v * SUB + r]!]!) pathSlots[slotCount++] = parent[v * SUB + r]!;
        let p = last >= 0 && sameSlots(known[last]!.slots, pathSlots, slotCount) ? last : -1;
        for (let q = 0; p < 0 && q < known.length; q++) if (sameSlots(known[q]!.slots, pathSlots, slotCount)) p = q;
        if (p < 0) {
          p = known.length;
          known.push(describeRoute(layout, pathSlots.slice(0, slotCount)));
          if (blockCount.length <= known.length) {
            const grown = new Int32Array(2 * known.length + 8);
            grown.set(blockCount);
            blockCount = grown;
          }
        }
        last = p;
        const route = known[p]!;
        if (blockCount[p] === 0) {
          used.push(p);
          for (const c of route.countries) {
            if (touched[c] === 0) {
              touched[c] = 1;
              order.push(c);
            }
          }
        }
        blockCount[p]!++;
        // Each arc's hours are its parts' sum, and the total adds arcs in route order (as
        // `routeFromArcs` does); on a route with gates, each gate holds the run from the instant
        // the walk reaches it.
        const { columns, partSums, arcEnds, arcGates } = route;
        let total = 0;
        let k = 0;
        if (arcGates === null) {
          for (let j = 0; j < arcEnds.length; j++) {
            total += arcHours(values, columns, partSums, k, arcEnds[j]!, r);
            k = arcEnds[j]!;
          }
        } else {
          const gateSums = route.gateSums;
          for (let j = 0; j < arcEnds.length; j++) {
            const g = arcGates[j]!;
            if (g >= 0) {
              const pre = gateList[g]!.pre;
              for (let i = 0; i < pre.length; i++) {
                const left = episodes!.pass(pre[i]!, total, departures[r]!, worlds[r]!);
                gateSums[j]! += left - total;
                total = left;
              }
            }
            total += arcHours(values, columns, partSums, k, arcEnds[j]!, r);
            k = arcEnds[j]!;
            if (g >= 0) {
              const post = gateList[g]!.post;
              for (let i = 0; i < post.length; i++) {
                const left = episodes!.pass(post[i]!, total, departures[r]!, worlds[r]!);
                gateSums[j]! += left - total;
                total = left;
              }
            }
          }
        }
        samples[at + runOf[r]!] = total;
      }
    }
    // Per-part sums of each route used, into the cells (in route order of first use).
    const routes: [string, number][] = [];
    for (const p of used) {
      const { partSums, partCells, key, arcGates, gateSums } = known[p]!;
      for (let k = 0; k < partSums.length; k++) sums[partCells[k]!]! += partSums[k]!;
      partSums.fill(0);
      if (arcGates !== null) {
        for (let j = 0; j < arcGates.length; j++) if (arcGates[j]! >= 0) sums[gateCells[arcGates[j]!]!]! += gateSums[j]!;
        gateSums.fill(0);
      }
      routes.push([key, blockCount[p]!]);
      blockCount[p] = 0;
    }
    return { sums, order, routes };
  };
}

/** Run r's hours on a route arc (its parts' columns k … end − 1), each part's added to its sum. */
function arcHours(values: Float64Array, columns: Int32Array, partSums: Float64Array, k: number, end: number, r: number): number {
  let hours = 0;
  for (; k < end; k++) {
    const h = values[columns[k]! + r]!;
    hours += h;
    partSums[k]! += h;
  }
  return hours;
}
