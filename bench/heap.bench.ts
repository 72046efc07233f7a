// Which heap for Dijkstra: the indexed binary heap (decrease-key, one entry per vertex) or the
// lazy one (re-push on improvement, skip stale entries)? Both run the same one-to-all loop on the
// same graphs; the engine uses `IndexedHeap` (SearchSide), and this file is where that choice is checked.
import { buildCsr, type Csr } from 'transcaspian/engine';
import { IndexedHeap } from '../src/engine/heap.js';
import { LazyHeap } from './lazy-heap.js';
import type { ArcGraph } from './graphs.js';
import { timeQueries, type Timing } from './timing.js';

type Heap = IndexedHeap | LazyHeap;

/** One-to-all Dijkstra written once, generic over the heap; stale entries are skipped for both. */
function makeSearch<H extends Heap>(csr: Csr, heap: H): (source: number) => number {
  const n = csr.vertexCount;
  const dist = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  let tc = 0;
  return (source) => {
    for (let i = 0; i < tc; i++) {
      dist[touched[i]!] = Infinity;
      parent[touched[i]!] = -1;
    }
    tc = 0;
    heap.clear();
    const { offsets, targets, weights } = csr;
    dist[source] = 0;
    touched[tc++] = source;
    heap.push(source, 0);
    while (heap.size > 0) {
      const key = heap.minKey();
      const u = heap.pop();
      const du = dist[u]!;
      if (key > du) continue;
      for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
        const v = targets[s]!;
        const nd = du + weights[s]!;
        const dv = dist[v]!;
        if (nd < dv) {
          if (dv === Infinity) touched[tc++] = v;
          dist[v] = nd;
          parent[v] = s;
          heap.push(v, nd);
        }
      }
    }
    return tc;
  };
}

/** Per-tree timings of one-to-all with each heap, from the same sources. */
export async function compareHeaps(graph: ArcGraph, sources: readonly number[], samples: number): Promise<{ indexed: Timing; lazy: Timing }> {
  const csr = buildCsr(graph.vertexCount, graph.from, graph.to, graph.weights);
  const indexed = makeSearch(csr, new IndexedHeap(csr.vertexCount));
  const lazy = makeSearch(csr, new LazyHeap(csr.vertexCount));
  const opts = { minSamples: samples, maxSamples: 100, minTotalMs: 500, warmupQueries: 1 };
  // Alternate the two so that load from other processes falls on both alike; keep the better median of each.
  const a1 = await timeQueries(sources.length, (i) => indexed(sources[i]!), opts);
  const b1 = await timeQueries(sources.length, (i) => lazy(sources[i]!), opts);
  const a2 = await timeQueries(sources.length, (i) => indexed(sources[i]!), opts);
  const b2 = await timeQueries(sources.length, (i) => lazy(sources[i]!), opts);
  const best = (x: Timing, y: Timing): Timing => (x.medianMs <= y.medianMs ? x : y);
  return { indexed: best(a1, a2), lazy: best(b1, b2) };
}
