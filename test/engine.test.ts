// Property tests of the engine on seeded random graphs (parallel arcs, self-loops, zero weights,
// unreachable targets) against independent oracles: Bellman–Ford, graphology-shortest-path, and an
// exhaustive enumeration of loopless paths for Yen's algorithm.
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { singleSource } from 'graphology-shortest-path/dijkstra.js';
import { describe, expect, it } from 'vitest';
import { aStarShortestPath } from '../src/engine/astar.js';
import { bidirectionalShortestPath } from '../src/engine/bidirectional.js';
import { bidirectionalAStarShortestPath } from '../src/engine/bidirectional-astar.js';
import { buildCsr, reverseCsr, type Csr } from '../src/engine/csr.js';
import { shortestPathTree, treePath } from '../src/engine/dijkstra.js';
import { boundingSpeedKmh, greatCircleLowerBounds } from '../src/engine/lower-bounds.js';
import type { PathResult } from '../src/engine/path.js';
import { shortestPath } from '../src/engine/shortest-path.js';
import { arcWeights, reweightCsr, setArcWeight } from '../src/engine/weights.js';
import { createWorkspace, Workspace } from '../src/engine/workspace.js';
import { kShortestPaths } from '../src/engine/yen.js';
import { InvalidArgumentError } from '../src/errors.js';
import { arcWeightArb } from './arbitraries.js';
import { graphologyCost } from './oracles.js';

const SEED = 20251121;
const RUNS = 300;

interface Graph {
  readonly n: number;
  readonly from: number[];
  readonly to: number[];
  readonly w: number[];
  readonly sources: number[];
  readonly targets: number[];
}

/**
 * Random multigraphs of `minN`–`maxN` vertices (uniform sizes, not fast-check's small-biased ones); some
 * arcs are copied (parallel arcs, same or other weight). Sources and targets are disjoint in most
 * cases, so that most paths have arcs.
 */
const graphArb = (maxN = 12, maxArcs = 36, minN = 1): fc.Arbitrary<Graph> =>
  fc
    .record({
      n: fc.noBias(fc.integer({ min: minN, max: maxN })),
      m: fc.noBias(fc.integer({ min: Math.min(minN, maxArcs), max: maxArcs })),
      ends: fc.constantFrom(1, 1, 1, 2, 3),
    })
    .chain(({ n, m, ends }) => {
      const vertex = fc.noBias(fc.nat(n - 1));
      return fc
        .record({
          arcs: fc.array(fc.tuple(vertex, vertex, arcWeightArb), { minLength: m, maxLength: m }),
          copies: fc.array(fc.tuple(fc.nat(1000), fc.option(arcWeightArb)), { maxLength: 4 }),
          sources: fc.uniqueArray(vertex, { minLength: 1, maxLength: ends }),
          targets: fc.uniqueArray(vertex, { minLength: 1, maxLength: ends }),
          overlap: fc.integer({ min: 0, max: 9 }),
        })
        .map(({ arcs, copies, sources, targets, overlap }) => {
          const all = [...arcs];
          for (const [i, w] of copies) {
            if (all.length === 0) break;
            const [f, t, w0] = all[i % all.length]!;
            all.push([f, t, w ?? w0]);
          }
          const apart = targets.filter((t) => !sources.includes(t));
          const ts = overlap === 0 || apart.length === 0 ? targets : apart;
          return { n, from: all.map((a) => a[0]), to: all.map((a) => a[1]), w: all.map((a) => a[2]), sources, targets: ts };
        });
    });

const csrOf = (g: Graph): Csr => buildCsr(g.n, g.from, g.to, g.w);

/** Multi-source Bellman–Ford: least cost from any source to every vertex. */
function bellmanFord(g: Graph, sources: readonly number[]): number[] {
  const d = new Array<number>(g.n).fill(Infinity);
  for (const s of sources) d[s] = 0;
  for (let round = 0; round < g.n; round++) {
    let changed = false;
    for (let i = 0; i < g.from.length; i++) {
      const c = d[g.from[i]!]! + g.w[i]!;
      if (c < d[g.to[i]!]!) {
        d[g.to[i]!] = c;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return d;
}

const oracleCost = (g: Graph): number => Math.min(...g.targets.map((t) => bellmanFord(g, g.sources)[t]!));

/** graphology's cost on `g` (the shared oracle). */
const graphologyCostOf = (g: Graph): number => graphologyCost(g.n, g.from, g.to, g.w, g.sources, g.targets);

const close = (a: number, b: number): boolean => (a === b ? true : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** The arc list is a walk from a source to a target whose cost is Σ weights in order. */
function expectConsistent(g: Graph, p: PathResult): void {
  expect(g.sources).toContain(p.source);
  expect(g.targets).toContain(p.target);
  let at = p.source;
  let cost = 0;
  for (const a of p.arcs) {
    expect(g.from[a]).toBe(at);
    at = g.to[a]!;
    cost += g.w[a]!;
  }
  expect(at).toBe(p.target);
  expect(p.cost).toBe(cost);
}

/** Vertices of a path, source first. */
const verticesOf = (g: Graph, p: PathResult): number[] => [p.source, ...Array.from(p.arcs, (a) => g.to[a]!)];

/**
 * Every loopless path from a source to a target that touches a source only at its start and a
 * target only at its end (the engine's path rule), by depth-first enumeration.
 */
function allPaths(g: Graph): { cost: number; arcs: number[] }[] {
  const out: { cost: number; arcs: number[] }[] = [];
  const isSource = new Set(g.sources);
  const isTarget = new Set(g.targets);
  const visit = (v: number, seen: Set<number>, arcs: number[], cost: number): void => {
    if (isTarget.has(v)) {
      out.push({ cost, arcs: [...arcs] });
      return;
    }
    for (let a = 0; a < g.from.length; a++) {
      const u = g.to[a]!;
      if (g.from[a] !== v || seen.has(u) || isSource.has(u)) continue;
      seen.add(u);
      arcs.push(a);
      visit(u, seen, arcs, cost + g.w[a]!);
      arcs.pop();
      seen.delete(u);
    }
  };
  for (const s of g.sources) visit(s, new Set([s]), [], 0);
  return out.sort((a, b) => a.cost - b.cost);
}

describe('buildCsr', () => {
  it('buildCsr(vertexCount, from, to, weights) keeps arcs in input order within each vertex and maps slots both ways', () => {
    fc.assert(
      fc.property(graphArb(), (g) => {
        const csr = csrOf(g);
        expect(csr.offsets[g.n]).toBe(g.from.length);
        for (let v = 0; v < g.n; v++) {
          const arcs = Array.from(csr.arcOf.subarray(csr.offsets[v]!, csr.offsets[v + 1]!));
          expect(arcs).toEqual(g.from.flatMap((f, i) => (f === v ? [i] : [])));
        }
        for (let a = 0; a < g.from.length; a++) {
          expect(csr.arcOf[csr.slotOf[a]!]).toBe(a);
          expect(csr.targets[csr.slotOf[a]!]).toBe(g.to[a]);
          expect(csr.weights[csr.slotOf[a]!]).toBe(g.w[a]);
        }
        const rev = reverseCsr(csr);
        for (let a = 0; a < g.from.length; a++) expect(rev.targets[rev.slotOf[a]!]).toBe(g.from[a]);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('buildCsr rejects a non-finite or negative weight with InvalidArgumentError naming the arc', () => {
    for (const bad of [NaN, -1, Infinity, -Infinity, undefined as unknown as number]) {
      const call = () => buildCsr(2, [0, 1, 0], [1, 0, 1], [1, 2, bad]);
      expect(call).toThrow(InvalidArgumentError);
      try {
        call();
      } catch (e) {
        expect((e as InvalidArgumentError).field).toBe('weights[2]');
        expect(Object.is((e as InvalidArgumentError).received, bad)).toBe(true);
      }
    }
    expect(() => buildCsr(2, [0, 2], [1, 0], [1, 1])).toThrow(InvalidArgumentError);
    expect(() => buildCsr(2, [0], [1, 0], [1])).toThrow(InvalidArgumentError);
  });
});

describe('shortestPathTree', () => {
  it('shortestPathTree(csr, sources, ws) costs equal Bellman–Ford and graphology singleSource', () => {
    fc.assert(
      fc.property(graphArb(), (g) => {
        const csr = csrOf(g);
        const ws = createWorkspace(csr);
        const tree = shortestPathTree(csr, g.sources, ws);
        const bf = bellmanFord(g, g.sources);
        for (let v = 0; v < g.n; v++) {
          expect(tree.costs[v]).toBe(bf[v] === Infinity ? Infinity : tree.costs[v]);
          expect(close(tree.costs[v]!, bf[v]!)).toBe(true);
          const p = treePath(csr, tree, v);
          if (bf[v] === Infinity) expect(p).toBeNull();
          else expectConsistent({ ...g, targets: [v] }, p!);
        }
        // graphology has a single source: compare from the first one.
        const s = g.sources[0]!;
        const graph = new MultiDirectedGraph();
        for (let v = 0; v < g.n; v++) graph.addNode(String(v));
        g.from.forEach((f, i) => graph.addEdge(String(f), String(g.to[i]), { weight: g.w[i] }));
        const paths = singleSource(graph, String(s), 'weight');
        const one = shortestPathTree(csr, [s], ws);
        const bf1 = bellmanFord(g, [s]);
        for (let v = 0; v < g.n; v++) {
          expect(String(v) in paths).toBe(bf1[v]! < Infinity);
          expect(close(one.costs[v]!, bf1[v]!)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('point-to-point searches', () => {
  it('shortestPath(csr, sources, targets, ws) equals Bellman–Ford and graphology, null when unreachable, arcs consistent', () => {
    fc.assert(
      fc.property(graphArb(), (g) => {
        const csr = csrOf(g);
        const p = shortestPath(csr, g.sources, g.targets, createWorkspace(csr));
        const oracle = oracleCost(g);
        expect(close(graphologyCostOf(g), oracle)).toBe(true);
        if (oracle === Infinity) {
          expect(p).toBeNull();
          return;
        }
        expect(p).not.toBeNull();
        expect(close(p!.cost, oracle)).toBe(true);
        expectConsistent(g, p!);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('bidirectionalShortestPath equals the one-way search', () => {
    fc.assert(
      fc.property(graphArb(), (g) => {
        const csr = csrOf(g);
        const ws = createWorkspace(csr);
        const one = shortestPath(csr, g.sources, g.targets, ws);
        const two = bidirectionalShortestPath(csr, reverseCsr(csr), g.sources, g.targets, ws);
        if (one === null) {
          expect(two).toBeNull();
          return;
        }
        expect(two).not.toBeNull();
        expect(close(two!.cost, one.cost)).toBe(true);
        expectConsistent(g, two!);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('aStarShortestPath with admissible (even inconsistent) bounds equals Dijkstra', () => {
    fc.assert(
      fc.property(graphArb(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), (g, shrink) => {
        const csr = csrOf(g);
        const ws = createWorkspace(csr);
        // Exact costs to the targets (a search on the reverse graph), scaled down at random per vertex.
        const exact = shortestPathTree(reverseCsr(csr), g.targets, ws).costs.slice();
        const bounds = Float64Array.from(exact, (c, v) => (c === Infinity ? Infinity : c * shrink[v]!));
        const one = shortestPath(csr, g.sources, g.targets, ws);
        for (const lb of [bounds, exact, new Float64Array(g.n)]) {
          const star = aStarShortestPath(csr, g.sources, g.targets, lb, ws);
          if (one === null) {
            expect(star).toBeNull();
            continue;
          }
          expect(star).not.toBeNull();
          expect(close(star!.cost, one.cost)).toBe(true);
          expectConsistent(g, star!);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('aStarShortestPath with great-circle bounds at boundingSpeedKmh equals Dijkstra', () => {
    const coordArb = fc.array(fc.tuple(fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })), {
      minLength: 12,
      maxLength: 12,
    });
    fc.assert(
      fc.property(graphArb(), coordArb, (g, coords) => {
        const csr = csrOf(g);
        const ws = createWorkspace(csr);
        const lat = Float64Array.from(coords.slice(0, g.n), (c) => c[0]);
        const lon = Float64Array.from(coords.slice(0, g.n), (c) => c[1]);
        const speed = boundingSpeedKmh(csr, lat, lon);
        const lb = speed > 0 ? greatCircleLowerBounds(csr, lat, lon, g.targets, speed) : new Float64Array(g.n);
        const one = shortestPath(csr, g.sources, g.targets, ws);
        const star = aStarShortestPath(csr, g.sources, g.targets, lb, ws);
        expect(star === null).toBe(one === null);
        if (one !== null) expect(close(star!.cost, one.cost)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('bidirectionalAStarShortestPath with consistent bounds (exact, scaled, zero, great-circle) equals Dijkstra', () => {
    const coordArb = fc.array(fc.tuple(fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })), {
      minLength: 12,
      maxLength: 12,
    });
    fc.assert(
      fc.property(graphArb(), fc.double({ min: 0, max: 1, noNaN: true }), coordArb, (g, scale, coords) => {
        const csr = csrOf(g);
        const rev = reverseCsr(csr);
        const ws = createWorkspace(csr);
        // Exact costs to the targets and from the sources are consistent, and so is any common
        // fraction of them, zero, and great-circle distances over the bounding speed.
        const toTargets = shortestPathTree(rev, g.targets, ws).costs.slice();
        const fromSources = shortestPathTree(csr, g.sources, ws).costs.slice();
        const lat = Float64Array.from(coords.slice(0, g.n), (c) => c[0]);
        const lon = Float64Array.from(coords.slice(0, g.n), (c) => c[1]);
        const speed = boundingSpeedKmh(csr, lat, lon);
        const bounds: [Float64Array, Float64Array][] = [
          [toTargets, fromSources],
          [toTargets.map((c) => c * scale), fromSources.map((c) => c * scale)],
          [new Float64Array(g.n), new Float64Array(g.n)],
          [toTargets, new Float64Array(g.n)],
        ];
        if (speed > 0) bounds.push([greatCircleLowerBounds(csr, lat, lon, g.targets, speed), greatCircleLowerBounds(csr, lat, lon, g.sources, speed)]);
        const one = shortestPath(csr, g.sources, g.targets, ws);
        for (const [to, from] of bounds) {
          const two = bidirectionalAStarShortestPath(csr, rev, g.sources, g.targets, to, from, ws);
          if (one === null) {
            expect(two).toBeNull();
            continue;
          }
          expect(two).not.toBeNull();
          expect(close(two!.cost, one.cost)).toBe(true);
          expectConsistent(g, two!);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('bidirectionalAStarShortestPath equals Dijkstra on grids with Euclidean bounds (many near-tied paths)', () => {
    // Grids of up to 400 vertices, arcs both ways weighing length × U(1, 4): the searches meet long
    // before they stop, so a wrong stopping rule shows.
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 20 }),
        fc.array(fc.double({ min: 1, max: 4, noNaN: true }), { minLength: 4 * 400, maxLength: 4 * 400 }),
        fc.nat(),
        fc.nat(),
        (side, factors, a, b) => {
          const n = side * side;
          const from: number[] = [];
          const to: number[] = [];
          const w: number[] = [];
          for (let v = 0; v < n; v++) {
            const right = v % side < side - 1 ? v + 1 : -1;
            const down = v + side < n ? v + side : -1;
            for (const u of [right, down]) {
              if (u < 0) continue;
              from.push(v, u);
              to.push(u, v);
              w.push(factors[from.length - 2]!, factors[from.length - 1]!);
            }
          }
          const csr = buildCsr(n, from, to, w);
          const rev = reverseCsr(csr);
          const ws = createWorkspace(csr);
          const s = a % n;
          const t = b % n;
          const euclid = (p: number): Float64Array => Float64Array.from({ length: n }, (_, v) => Math.hypot((v % side) - (p % side), Math.floor(v / side) - Math.floor(p / side)) * (1 - 1e-12));
          const one = shortestPath(csr, [s], [t], ws)!;
          const two = bidirectionalAStarShortestPath(csr, rev, [s], [t], euclid(t), euclid(s), ws)!;
          expect(close(two.cost, one.cost)).toBe(true);
          expect(two.source).toBe(s);
          expect(two.target).toBe(t);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('bidirectionalAStarShortestPath rejects bounds of the wrong type or length, naming the field', () => {
    const csr = buildCsr(3, [0, 1], [1, 2], [1, 1]);
    const ws = createWorkspace(csr);
    const ok = new Float64Array(3);
    expect(() => bidirectionalAStarShortestPath(csr, reverseCsr(csr), [0], [2], new Float64Array(2), ok, ws)).toThrow(/toTargets/);
    expect(() => bidirectionalAStarShortestPath(csr, reverseCsr(csr), [0], [2], ok, [0, 0, 0] as unknown as Float64Array, ws)).toThrow(/fromSources/);
    expect(bidirectionalAStarShortestPath(csr, reverseCsr(csr), [2], [0], ok, ok, ws)).toBeNull();
  });

  it('aStarShortestPath reopens a vertex whose cost improves after it left the queue (inconsistent bounds)', () => {
    // s=0, x=1, c=2, t=3: c is first reached directly at 3 and expanded, then reached via x at 2.
    const csr = buildCsr(4, [0, 1, 0, 2], [1, 2, 2, 3], [1, 1, 3, 10]);
    const bounds = Float64Array.from([0, 5, 0, 0]);
    const p = aStarShortestPath(csr, [0], [3], bounds, createWorkspace(csr))!;
    expect(p.cost).toBe(12);
    expect(Array.from(p.arcs)).toEqual([0, 1, 3]);
  });

  it('ties between parallel arcs go to the lowest arc index, in every search', () => {
    // Arcs 1 and 2 are parallel 0 → 1 with equal weight; arc 0 is a costlier parallel arc.
    const csr = buildCsr(3, [0, 0, 0, 1, 1], [1, 1, 1, 2, 2], [5, 2, 2, 1, 1]);
    const ws = createWorkspace(csr);
    const expected = [1, 3];
    expect(Array.from(shortestPath(csr, [0], [2], ws)!.arcs)).toEqual(expected);
    expect(Array.from(bidirectionalShortestPath(csr, reverseCsr(csr), [0], [2], ws)!.arcs)).toEqual(expected);
    expect(Array.from(aStarShortestPath(csr, [0], [2], new Float64Array(3), ws)!.arcs)).toEqual(expected);
    expect(Array.from(treePath(csr, shortestPathTree(csr, [0], ws), 2)!.arcs)).toEqual(expected);
    expect(Array.from(kShortestPaths(csr, [0], [2], 1, ws)[0]!.arcs)).toEqual(expected);
  });

  it('one workspace serves many queries: results equal those of a fresh workspace', () => {
    fc.assert(
      fc.property(graphArb(), fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 8 }), (g, pairs) => {
        const csr = csrOf(g);
        const rev = reverseCsr(csr);
        const shared = createWorkspace(csr);
        for (const [a, b] of pairs) {
          const s = [a % g.n];
          const t = [b % g.n];
          expect(shortestPath(csr, s, t, shared)).toEqual(shortestPath(csr, s, t, createWorkspace(csr)));
          expect(bidirectionalShortestPath(csr, rev, s, t, shared)).toEqual(bidirectionalShortestPath(csr, rev, s, t, createWorkspace(csr)));
          expect(kShortestPaths(csr, s, t, 3, shared)).toEqual(kShortestPaths(csr, s, t, 3, createWorkspace(csr)));
        }
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('searches reject vertices out of range and a workspace of another size', () => {
    const csr = buildCsr(3, [0, 1], [1, 2], [1, 1]);
    const ws = createWorkspace(csr);
    expect(() => shortestPath(csr, [3], [2], ws)).toThrow(InvalidArgumentError);
    expect(() => shortestPath(csr, [0], [-1], ws)).toThrow(InvalidArgumentError);
    expect(() => shortestPath(csr, [0.5], [2], ws)).toThrow(InvalidArgumentError);
    expect(() => shortestPath(csr, [0], [2], new Workspace(4))).toThrow(InvalidArgumentError);
    expect(() => aStarShortestPath(csr, [0], [2], new Float64Array(2), ws)).toThrow(InvalidArgumentError);
    expect(() => kShortestPaths(csr, [0], [2], -1, ws)).toThrow(InvalidArgumentError);
    expect(shortestPath(csr, [], [2], ws)).toBeNull();
    expect(shortestPath(csr, [2], [0], ws)).toBeNull();
    expect(shortestPath(csr, [1], [1], ws)).toEqual({ cost: 0, arcs: new Int32Array(0), source: 1, target: 1 });
  });
});

describe('kShortestPaths', () => {
  it("kShortestPaths gives loopless, distinct paths sorted by cost, the first a shortest, matching exhaustive enumeration", () => {
    fc.assert(
      fc.property(graphArb(7, 28, 4), fc.integer({ min: 1, max: 10 }), (g, k) => {
        const csr = csrOf(g);
        const ws = createWorkspace(csr);
        const paths = kShortestPaths(csr, g.sources, g.targets, k, ws);
        const all = allPaths(g);
        expect(paths.length).toBe(Math.min(k, all.length));
        const keys = new Set<string>();
        for (let i = 0; i < paths.length; i++) {
          const p = paths[i]!;
          expectConsistent(g, p);
          const vs = verticesOf(g, p);
          expect(new Set(vs).size).toBe(vs.length);
          keys.add(`${p.source}:${p.arcs.join(',')}`);
          if (i > 0) expect(p.cost).toBeGreaterThanOrEqual(paths[i - 1]!.cost);
          expect(close(p.cost, all[i]!.cost)).toBe(true);
        }
        expect(keys.size).toBe(paths.length);
        const first = shortestPath(csr, g.sources, g.targets, ws);
        if (paths.length > 0) expect(close(paths[0]!.cost, first!.cost)).toBe(true);
        else expect(first).toBeNull();
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('reweighting', () => {
  it('reweightCsr then routing equals compiling the reweighted arcs afresh', () => {
    fc.assert(
      fc.property(graphArb(), fc.array(arcWeightArb, { minLength: 40, maxLength: 40 }), (g, fresh) => {
        const csr = csrOf(g);
        const rev = reverseCsr(csr);
        const ws = createWorkspace(csr);
        shortestPath(csr, g.sources, g.targets, ws);
        const w2 = g.w.map((_, i) => fresh[i]!);
        reweightCsr(csr, w2);
        reweightCsr(rev, w2);
        expect(Array.from(arcWeights(csr))).toEqual(w2);
        const again = csrOf({ ...g, w: w2 });
        const ws2 = createWorkspace(again);
        expect(shortestPath(csr, g.sources, g.targets, ws)).toEqual(shortestPath(again, g.sources, g.targets, ws2));
        expect(bidirectionalShortestPath(csr, rev, g.sources, g.targets, ws)).toEqual(
          bidirectionalShortestPath(again, reverseCsr(again), g.sources, g.targets, ws2),
        );
        expect(Array.from(shortestPathTree(csr, g.sources, ws).costs)).toEqual(Array.from(shortestPathTree(again, g.sources, ws2).costs));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('reweightCsr and setArcWeight reject bad weights naming the arc, leaving weights unchanged', () => {
    const csr = buildCsr(2, [0, 1], [1, 0], [1, 2]);
    expect(() => reweightCsr(csr, [3, NaN])).toThrow(InvalidArgumentError);
    expect(Array.from(arcWeights(csr))).toEqual([1, 2]);
    try {
      reweightCsr(csr, [3, -0.5]);
    } catch (e) {
      expect((e as InvalidArgumentError).field).toBe('weights[1]');
    }
    expect(() => reweightCsr(csr, [3])).toThrow(InvalidArgumentError);
    expect(() => setArcWeight(csr, 0, Infinity)).toThrow(InvalidArgumentError);
    expect(() => setArcWeight(csr, 2, 1)).toThrow(InvalidArgumentError);
    setArcWeight(csr, 1, 7);
    expect(Array.from(arcWeights(csr))).toEqual([1, 7]);
  });
});
