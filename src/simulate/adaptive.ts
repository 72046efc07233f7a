// The adaptive Monte Carlo loop: every run draws the arcs of the network, then re-routes on the
// realised times with a point-to-point Dijkstra. Four things keep it fast, none of which changes a
// result:
//  - only arcs that can lie on a route are kept (their tail reachable from the origin, their head
//    able to reach the destination, none leaving a target or entering a source, which a search never
//    uses), and only the elements on those arcs are drawn;
//  - a vertex with one way out is always left by it, so that arc is joined to every arc into the
//    vertex (`chainedArcs`): on Xi'an → Constanța 64 of the 118 vertices on useful arcs go;
//  - draws are made a sub-block of runs at a time by the element kernel (kernel.ts), and arc weights
//    are summed from them a sub-block at a time, slot-major, so the search of run r reads its
//    weights at `weights[slot * SUB + r]` with no copying;
//  - the search is a Dijkstra specialised to this graph (dist reset by `fill`, the engine's indexed
//    heap, parent slots walked back directly into the run's sums), instead of the general engine
//    call that checks its arguments and allocates a path per query.
// Run totals and routes equal drawing each part with `drawPart` and routing with the engine's
// `shortestPath`, bit for bit (test/kernel.test.ts).
import { buildCsr } from '../engine/csr.js';
import { IndexedHeap } from '../engine/heap.js';
import { CATEGORIES } from '../network/types.js';
import type { ExpandedGraph } from './expand.js';
import { ElementTable } from './kernel.js';
import { mixRun } from './random.js';

/** Runs drawn together: the sub-block's draws and weights stay in the fastest caches. */
const SUB = 64;

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
 * 54 of the 118 on useful arcs remain).
 * Returns the joined arcs, each as its original arcs in order.
 */
export function chainedArcs(graph: ExpandedGraph, kept: readonly number[], sources: readonly number[], targets: readonly number[]): number[][] {
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
export function adaptiveRunner(graph: ExpandedGraph, sources: readonly number[], targets: readonly number[], seed: number, cells: CellNumbering) {
  const kept = usefulArcs(graph, sources, targets);
  const chains = chainedArcs(graph, kept, sources, targets);
  const vertexCount = graph.vertices.length;
  const csr = buildCsr(
    vertexCount,
    chains.map((c) => graph.arcs[c[0]!]!.from),
    chains.map((c) => graph.arcs[c[c.length - 1]!]!.to),
    chains.map((c) => c.reduce((h, a) => h + graph.arcs[a]!.expectedHours, 0)),
  );
  const slots = csr.arcCount;
  const { offsets, targets: heads } = csr;
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
  const isTarget = new Uint8Array(vertexCount);
  for (const v of targets) isTarget[v] = 1;
  const sourceList = Int32Array.from(sources);

  const mixes = new Int32Array(SUB);
  const values = new Float64Array(elementCount * SUB);
  const weights = new Float64Array(slots * SUB);
  const dist = new Float64Array(vertexCount);
  const parent = new Int32Array(vertexCount);
  const heap = new IndexedHeap(vertexCount);
  const pathSlots = new Int32Array(vertexCount);
  const pathArcs = new Int32Array(arcOf.length);
  const categoryCount = CATEGORIES.length;
  const countryCount = cells.countries.length;

  return function run(fromRun: number, toRun: number, samples: Float64Array, at: number): AdaptiveBlock {
    const sums = new Float64Array(countryCount * categoryCount);
    const touched = new Uint8Array(countryCount);
    const order: number[] = [];
    // Distinct paths (few in practice), compared by content, and their run counts.
    const paths: Int32Array[] = [];
    const counts: number[] = [];
    for (let start = fromRun; start < toRun; start += SUB) {
      const n = Math.min(SUB, toRun - start);
      for (let j = 0; j < n; j++) mixes[j] = mixRun(start + j);
      for (let e = 0; e < elementCount; e++) table.fill(e, mixes, n, values, e * SUB);
      // Slot weights, slot-major: the parts of its arcs, in order.
      weights.fill(0);
      for (let s = 0; s < slots; s++) {
        const w = s * SUB;
        for (let k = partStart[slotArcStart[s]!]!, end = partStart[slotArcStart[s + 1]!]!; k < end; k++) {
          const col = rows[k]! * SUB;
          for (let r = 0; r < n; r++) weights[w + r]! += values[col + r]!;
        }
      }
      for (let r = 0; r < n; r++) {
        // Dijkstra from the sources; stop when a target leaves the queue.
        dist.fill(Infinity);
        heap.clear();
        for (let i = 0; i < sourceList.length; i++) {
          const v = sourceList[i]!;
          dist[v] = 0;
          parent[v] = -1;
          heap.push(v, 0);
        }
        let found = -1;
        while (heap.size > 0) {
          const u = heap.pop();
          if (isTarget[u] === 1) {
            found = u;
            break;
          }
          const du = dist[u]!;
          for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
            const v = heads[s]!;
            const nd = du + weights[s * SUB + r]!;
            if (nd < dist[v]!) {
              dist[v] = nd;
              parent[v] = s;
              heap.push(v, nd);
            }
          }
        }
        if (found < 0) throw new Error('internal: a route that exists on expected times must exist on every draw');
        // Walk back over slots, then forward over their original arcs: each arc's hours are its
        // parts' sum, and the total adds arcs in route order (as `routeFromArcs` does).
        let slotCount = 0;
        for (let v = found; parent[v]! >= 0; v = tailOfSlot[parent[v]!]!) pathSlots[slotCount++] = parent[v]!;
        let length = 0;
        let total = 0;
        for (let i = slotCount - 1; i >= 0; i--) {
          const s = pathSlots[i]!;
          for (let j = slotArcStart[s]!, jEnd = slotArcStart[s + 1]!; j < jEnd; j++) {
            pathArcs[length++] = arcOf[j]!;
            let hours = 0;
            for (let k = partStart[j]!, end = partStart[j + 1]!; k < end; k++) {
              const h = values[rows[k]! * SUB + r]!;
              hours += h;
              const cell = rowCells[k]!;
              sums[cell]! += h;
              const c = (cell / categoryCount) | 0;
              if (touched[c] === 0) {
                touched[c] = 1;
                order.push(c);
              }
            }
            total += hours;
          }
        }
        samples[at + start + r - fromRun] = total;
        let p = 0;
        for (; p < paths.length; p++) {
          const q = paths[p]!;
          if (q.length !== length) continue;
          let same = true;
          for (let i = 0; i < length; i++) {
            if (q[i] !== pathArcs[i]) {
              same = false;
              break;
            }
          }
          if (same) break;
        }
        if (p === paths.length) {
          paths.push(pathArcs.slice(0, length));
          counts.push(1);
        } else {
          counts[p]!++;
        }
      }
    }
    return { sums, order, routes: paths.map((q, p) => [q.join(','), counts[p]!]) };
  };
}
