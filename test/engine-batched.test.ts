// Property tests of the batched label-correcting search (many runs at once, each on its own
// weights) against the engine's Dijkstra run once per run, on seeded random multigraphs with
// parallel arcs, self-loops, zero weights, several sources and targets, and unreachable vertices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchedShortestPathTrees, createBatchedWorkspace, sweepOrder } from '../src/engine/batched-label-correcting.js';
import { buildCsr, type Csr } from '../src/engine/csr.js';
import { shortestPathTree } from '../src/engine/dijkstra.js';
import { shortestPath } from '../src/engine/shortest-path.js';
import { createWorkspace } from '../src/engine/workspace.js';
import { InvalidArgumentError } from '../src/errors.js';
import { arcWeightArb } from './arbitraries.js';

const SEED = 20261129;

/** A multigraph with `runs` weights per arc (`w[r][arc]`), searched for runs 0 … count − 1. */
interface Batch {
  readonly n: number;
  readonly from: number[];
  readonly to: number[];
  readonly w: number[][];
  readonly runs: number;
  readonly count: number;
  readonly sources: number[];
  readonly targets: number[];
}

/**
 * Graphs of 1–10 vertices and up to 30 arcs (as many vertices as arcs, or fewer arcs: some vertices
 * unreachable), some arcs copied as parallel arcs; 1–6 runs, each drawing every arc's weight, of
 * which the first `count` are searched; 1–3 sources and targets.
 */
const batchArb: fc.Arbitrary<Batch> = fc
  .record({
    n: fc.noBias(fc.integer({ min: 1, max: 10 })),
    m: fc.noBias(fc.integer({ min: 0, max: 30 })),
    runs: fc.integer({ min: 1, max: 6 }),
    ends: fc.constantFrom(1, 2, 3),
  })
  .chain(({ n, m, runs, ends }) => {
    const vertex = fc.noBias(fc.nat(n - 1));
    return fc
      .record({
        arcs: fc.array(fc.tuple(vertex, vertex), { minLength: m, maxLength: m }),
        copies: fc.array(fc.nat(1000), { maxLength: 4 }),
        sources: fc.uniqueArray(vertex, { minLength: 1, maxLength: ends }),
        targets: fc.uniqueArray(vertex, { minLength: 1, maxLength: ends }),
        unused: fc.nat(runs - 1),
      })
      .chain(({ arcs, copies, sources, targets, unused }) => {
        const all = [...arcs];
        for (const i of copies) if (arcs.length > 0) all.push(arcs[i % arcs.length]!);
        return fc.array(fc.array(arcWeightArb, { minLength: all.length, maxLength: all.length }), { minLength: runs, maxLength: runs }).map(
          (w): Batch => ({ n, from: all.map((a) => a[0]), to: all.map((a) => a[1]), w, runs, count: runs - unused, sources, targets }),
        );
      });
  });

/** The batch's weights laid out slot-major for `csr`: weight of slot s in run r at `s * runs + r`. */
function slotMajor(csr: Csr, b: Batch): Float64Array {
  const out = new Float64Array(csr.arcCount * b.runs);
  for (let s = 0; s < csr.arcCount; s++) for (let r = 0; r < b.runs; r++) out[s * b.runs + r] = b.w[r]![csr.arcOf[s]!]!;
  return out;
}

/** Per CSR slot, the vertex it leaves (read off the offsets). */
function tailsOfSlots(csr: Csr): Int32Array {
  const tails = new Int32Array(csr.arcCount);
  for (let v = 0; v < csr.vertexCount; v++) for (let s = csr.offsets[v]!; s < csr.offsets[v + 1]!; s++) tails[s] = v;
  return tails;
}

describe('batchedShortestPathTrees', () => {
  it('batchedShortestPathTrees(csr, sources, weights, ws, count): per run, the costs of Dijkstra on that run’s weights, and parent chains that cost them', () => {
    fc.assert(
      fc.property(batchArb, (b) => {
        const csr = buildCsr(b.n, b.from, b.to, b.w[0]!);
        const ws = createBatchedWorkspace(csr, b.runs);
        // A second search on the same workspace must not see the first: search all runs reversed first.
        batchedShortestPathTrees(csr, b.sources, slotMajor(csr, { ...b, w: [...b.w].reverse() }), ws);
        const trees = batchedShortestPathTrees(csr, b.sources, slotMajor(csr, b), ws, b.count);
        const tails = tailsOfSlots(csr);
        for (let r = 0; r < b.count; r++) {
          const own = buildCsr(b.n, b.from, b.to, b.w[r]!);
          const tree = shortestPathTree(own, b.sources, createWorkspace(own));
          for (let v = 0; v < b.n; v++) {
            const cost = trees.costs[v * b.runs + r]!;
            expect(cost).toBe(tree.costs[v]);
            if (cost === Infinity) {
              expect(trees.parentSlots[v * b.runs + r]).toBe(-1);
              continue;
            }
            // Walk the parent chain back to a source, then add its weights in path order.
            const slots: number[] = [];
            let u = v;
            for (let s = trees.parentSlots[u * b.runs + r]!; s >= 0; s = trees.parentSlots[u * b.runs + r]!) {
              expect(csr.targets[s]).toBe(u);
              slots.push(s);
              u = tails[s]!;
              expect(slots.length).toBeLessThan(b.n);
            }
            expect(b.sources).toContain(u);
            let sum = 0;
            for (let k = slots.length - 1; k >= 0; k--) sum += b.w[r]![csr.arcOf[slots[k]!]!]!;
            expect(sum).toBe(cost);
          }
          // The nearest target costs what a point-to-point search to the targets finds.
          const best = Math.min(...b.targets.map((t) => trees.costs[t * b.runs + r]!));
          expect(best).toBe(shortestPath(own, b.sources, b.targets, createWorkspace(own))?.cost ?? Infinity);
        }
        for (const s of b.sources) for (let r = 0; r < b.count; r++) expect(trees.parentSlots[s * b.runs + r]).toBe(-1);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('batchedShortestPathTrees gives the same costs on the vertices renumbered by sweepOrder', () => {
    fc.assert(
      fc.property(batchArb, (b) => {
        const { order, local } = sweepOrder(b.n, b.from, b.to, b.w[0]!, b.sources);
        // The numbering lists the met vertices by least cost on the first run's weights, ties by index.
        const dist = shortestPathTree(buildCsr(b.n, b.from, b.to, b.w[0]!), b.sources, createWorkspace({ vertexCount: b.n })).costs;
        const met = new Set([...b.from, ...b.to, ...b.sources]);
        expect(Array.from(order)).toEqual([...met].sort((x, y) => (dist[x] === dist[y] ? x - y : dist[x]! < dist[y]! ? -1 : 1)));
        for (let v = 0; v < b.n; v++) expect(local[v]).toBe(met.has(v) ? order.indexOf(v) : -1);
        const csr = buildCsr(b.n, b.from, b.to, b.w[0]!);
        const renumbered = buildCsr(
          order.length,
          b.from.map((v) => local[v]!),
          b.to.map((v) => local[v]!),
          b.w[0]!,
        );
        const plain = batchedShortestPathTrees(csr, b.sources, slotMajor(csr, b), createBatchedWorkspace(csr, b.runs));
        const swept = batchedShortestPathTrees(
          renumbered,
          b.sources.map((v) => local[v]!),
          slotMajor(renumbered, b),
          createBatchedWorkspace(renumbered, b.runs),
        );
        for (const v of met) {
          for (let r = 0; r < b.runs; r++) expect(swept.costs[local[v]! * b.runs + r]).toBe(plain.costs[v * b.runs + r]);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('batchedShortestPathTrees breaks a tie between parallel arcs for the lower arc index, run by run', () => {
    // Arcs 0 → 1: arc 0 and arc 1; run 0 weighs them the same, run 1 makes arc 1 cheaper.
    const csr = buildCsr(2, [0, 0], [1, 1], [1, 1]);
    const ws = createBatchedWorkspace(csr, 2);
    const trees = batchedShortestPathTrees(csr, [0], Float64Array.from([2, 2, 2, 1]), ws);
    expect(Array.from(trees.costs)).toEqual([0, 0, 2, 1]);
    expect(Array.from(trees.parentSlots)).toEqual([-1, -1, csr.slotOf[0], csr.slotOf[1]]);
  });

  it('batchedShortestPathTrees rejects a weight array of the wrong layout, a count above the runs, a foreign workspace, a bad source and a negative cycle', () => {
    const csr = buildCsr(3, [0, 1, 2], [1, 2, 1], [1, 1, 1]);
    const ws = createBatchedWorkspace(csr, 2);
    const weights = new Float64Array(6);
    /** `call` throws an InvalidArgumentError naming `field`. */
    const rejects = (call: () => unknown, field: string): void => {
      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(expect.objectContaining({ field }));
    };
    rejects(() => batchedShortestPathTrees(csr, [0], new Float64Array(5), ws), 'weights');
    rejects(() => batchedShortestPathTrees(csr, [0], [0, 0, 0, 0, 0, 0] as unknown as Float64Array, ws), 'weights');
    rejects(() => batchedShortestPathTrees(csr, [0], weights, ws, 3), 'count');
    rejects(() => batchedShortestPathTrees(csr, [0], weights, createBatchedWorkspace({ vertexCount: 4 }, 2)), 'workspace');
    rejects(() => batchedShortestPathTrees(csr, [3], weights, ws), 'sources[0]');
    rejects(() => createBatchedWorkspace(csr, 0), 'runs');
    // 1 → 2 → 1 weighs −1 on run 1: the sweeps never settle.
    rejects(() => batchedShortestPathTrees(csr, [0], Float64Array.from([1, 1, 1, 1, 1, -2]), ws), 'weights');
  });
});
