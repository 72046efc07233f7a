// compile(network, profile): the expanded graph as CSR arrays, mapped back to links and stops, and
// reweighted in place. Checked against graphology-shortest-path on the same expanded graph.
import { describe, expect, it } from 'vitest';
import { aStarShortestPath } from '../src/engine/astar.js';
import { bidirectionalShortestPath } from '../src/engine/bidirectional.js';
import { shortestPathTree } from '../src/engine/dijkstra.js';
import { boundingSpeedKmh, greatCircleLowerBounds, haversineKm } from '../src/engine/lower-bounds.js';
import { shortestPath } from '../src/engine/shortest-path.js';
import { arcWeights } from '../src/engine/weights.js';
import { createWorkspace } from '../src/engine/workspace.js';
import { kShortestPaths } from '../src/engine/yen.js';
import { InvalidArgumentError, UnknownProfileError } from '../src/errors.js';
import { parseNetwork } from '../src/network/network.js';
import { compile, copyCompiled, reweight, type CompiledNetwork } from '../src/route/compile.js';
import type { ExpandedGraph } from '../src/route/expand.js';
import { shortestArcPath } from '../src/route/search.js';
import { toySpec } from './fixtures.js';
import { graphologyCost } from './oracles.js';

const toy = parseNetwork(toySpec());
const PROFILES = ['container-rail', 'truck', 'wagon'] as const;

/** graphology's cost between two nodes' vertex sets on the expanded graph. */
function graphologyCostOf(g: ExpandedGraph, sources: readonly number[], targets: readonly number[], w: ArrayLike<number>): number {
  return graphologyCost(g.vertices.length, g.arcs.map((a) => a.from), g.arcs.map((a) => a.to), w, sources, targets);
}

const ends = (c: CompiledNetwork, origin: string, destination: string) => ({
  sources: c.graph.departures.get(origin) ?? [],
  targets: c.graph.arrivals.get(destination) ?? [],
});

describe('compile', () => {
  it('compile(network, profile) maps every CSR arc back to its link or stop, weighted by expected hours', () => {
    for (const profile of PROFILES) {
      const c = compile(toy, profile);
      expect(c.csr.vertexCount).toBe(c.graph.vertices.length);
      expect(c.arcs).toBe(c.graph.arcs);
      c.graph.arcs.forEach((arc, i) => {
        const slot = c.csr.slotOf[i]!;
        expect(c.csr.targets[slot]).toBe(arc.to);
        expect(c.csr.weights[slot]).toBe(arc.expectedHours);
        expect(c.expectedHours[i]).toBe(arc.expectedHours);
        expect(c.csr.offsets[arc.from]! <= slot && slot < c.csr.offsets[arc.from + 1]!).toBe(true);
        expect(arc.type === 'link' ? arc.link !== undefined : arc.node !== undefined).toBe(true);
      });
      c.graph.vertices.forEach((key, v) => {
        const node = toy.nodeById.get(key.split('|')[1]!)!;
        expect([c.latDeg[v], c.lonDeg[v]]).toEqual([node.lat, node.lon]);
      });
    }
    expect(() => compile(toy, 'hovercraft')).toThrow(UnknownProfileError);
  });

  it('routes on a compiled network cost what graphology-shortest-path finds, for every origin and destination', () => {
    for (const profile of PROFILES) {
      const c = compile(toy, profile);
      const ws = createWorkspace(c.csr);
      for (const o of toy.nodes) {
        for (const d of toy.nodes) {
          if (o.id === d.id) continue;
          const { sources, targets } = ends(c, o.id, d.id);
          const oracle = graphologyCostOf(c.graph, sources, targets, c.expectedHours);
          const p = shortestPath(c.csr, sources, targets, ws);
          const bi = bidirectionalShortestPath(c.csr, c.reverse, sources, targets, ws);
          const bounds = greatCircleLowerBounds(c.csr, c.latDeg, c.lonDeg, targets, boundingSpeedKmh(c.csr, c.latDeg, c.lonDeg));
          const star = aStarShortestPath(c.csr, sources, targets, bounds, ws);
          const yen = kShortestPaths(c.csr, sources, targets, 3, ws);
          const viaShortest = shortestArcPath(c.graph, sources, targets);
          if (oracle === Infinity) {
            expect([p, bi, star, viaShortest]).toEqual([null, null, null, null]);
            expect(yen).toEqual([]);
            continue;
          }
          for (const r of [p!, bi!, star!, yen[0]!]) expect(r.cost).toBeCloseTo(oracle, 9);
          let sum = 0;
          for (const a of viaShortest!) sum += c.expectedHours[a]!;
          expect(sum).toBeCloseTo(oracle, 9);
        }
      }
    }
  });

  it('reweight(compiled, weights) changes forward and reverse weights in place; a bad weight throws naming the arc and changes nothing', () => {
    const c = compile(toy, 'truck');
    const copy = copyCompiled(c);
    const w = Float64Array.from(c.expectedHours, (h, i) => h * (1 + (i % 3)));
    reweight(copy, w);
    expect(Array.from(arcWeights(copy.csr))).toEqual(Array.from(w));
    expect(Array.from(arcWeights(copy.reverse))).toEqual(Array.from(w));
    // The original is untouched: a copy owns its weights.
    expect(Array.from(arcWeights(c.csr))).toEqual(Array.from(c.expectedHours));
    const ws = createWorkspace(copy.csr);
    for (const o of toy.nodes) {
      for (const d of toy.nodes) {
        if (o.id === d.id) continue;
        const { sources, targets } = ends(copy, o.id, d.id);
        const one = shortestPath(copy.csr, sources, targets, ws);
        const two = bidirectionalShortestPath(copy.csr, copy.reverse, sources, targets, ws);
        const oracle = graphologyCostOf(copy.graph, sources, targets, w);
        expect(one === null ? Infinity : one.cost).toBeCloseTo(oracle, 9);
        expect(two === null ? Infinity : two.cost).toBeCloseTo(oracle, 9);
      }
    }
    const bad = w.slice();
    bad[3] = NaN;
    try {
      reweight(copy, bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).field).toBe('weights[3]');
    }
    expect(Array.from(arcWeights(copy.csr))).toEqual(Array.from(w));
    expect(() => reweight(copy, w.subarray(1))).toThrow(InvalidArgumentError);
  });

  it('shortestArcPath(g, sources, targets, weights) routes on custom weights like a reweighted compile, and rejects a bad weight', () => {
    const c = compile(toy, 'container-rail');
    const copy = copyCompiled(c);
    const w = Float64Array.from(c.expectedHours, (h, i) => (i % 4 === 0 ? h * 3 : h));
    reweight(copy, w);
    const ws = createWorkspace(copy.csr);
    for (const o of toy.nodes) {
      for (const d of toy.nodes) {
        const { sources, targets } = ends(c, o.id, d.id);
        const p = shortestPath(copy.csr, sources, targets, ws);
        expect(shortestArcPath(c.graph, sources, targets, w)).toEqual(p === null ? null : Array.from(p.arcs));
        // Expected hours again afterwards: custom weights never leak into the cached graph.
        const q = shortestPath(c.csr, sources, targets, ws);
        expect(shortestArcPath(c.graph, sources, targets)).toEqual(q === null ? null : Array.from(q.arcs));
      }
    }
    const { sources, targets } = ends(c, 'a', 'z');
    for (const bad of [NaN, -1, Infinity]) {
      const weights = Array.from(w);
      weights[2] = bad;
      expect(() => shortestArcPath(c.graph, sources, targets, weights)).toThrow(InvalidArgumentError);
    }
    expect(() => shortestArcPath(c.graph, sources, targets, w.subarray(1))).toThrow(InvalidArgumentError);
    expect(shortestArcPath(c.graph, [], targets)).toBeNull();
  });

  it('haversineKm and greatCircleLowerBounds give great-circle distances and admissible bounds', () => {
    // London → Paris, about 343.5 km on a sphere of the mean Earth radius.
    expect(haversineKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeCloseTo(343.56, 1);
    expect(haversineKm(40, 50, 40, 50)).toBe(0);
    const c = compile(toy, 'truck');
    const speed = boundingSpeedKmh(c.csr, c.latDeg, c.lonDeg);
    expect(speed).toBeGreaterThan(0);
    const ws = createWorkspace(c.csr);
    for (const d of toy.nodes) {
      const targets = c.graph.arrivals.get(d.id) ?? [];
      if (targets.length === 0) continue;
      const bounds = greatCircleLowerBounds(c.csr, c.latDeg, c.lonDeg, targets, speed);
      const exact = shortestPathTree(c.reverse, targets, ws).costs;
      bounds.forEach((b, v) => expect(b).toBeLessThanOrEqual(exact[v]!));
    }
    expect(() => greatCircleLowerBounds(c.csr, c.latDeg, c.lonDeg, [c.csr.vertexCount], speed)).toThrow(InvalidArgumentError);
    expect(() => greatCircleLowerBounds(c.csr, c.latDeg, c.lonDeg, [0], 0)).toThrow(InvalidArgumentError);
    expect(() => boundingSpeedKmh(c.csr, c.latDeg.subarray(1), c.lonDeg)).toThrow(InvalidArgumentError);
  });
});
