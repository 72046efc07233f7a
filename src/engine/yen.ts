// Yen's k shortest loopless paths (Yen 1971) with Lawler's refinement (a path is only spurred from
// the vertex where it left its parent onwards). Sources and targets are sets, as if a virtual
// origin joined every source and every target joined a virtual destination: a path starts at one
// source, ends at its first target, and passes through no other source or target. Deviations block
// arcs, not vertex pairs, so routes over parallel arcs count as distinct routes.
import { InvalidArgumentError } from '../errors.js';
import type { Csr } from './csr.js';
import { chainLength, costOf, writeChain, type PathResult } from './path.js';
import { shortestPath } from './shortest-path.js';
import { BLOCKED, TARGET, type Workspace, checkEnds } from './workspace.js';

interface Found {
  readonly path: PathResult;
  /** Vertices of the path, source first: arcs.length + 1 of them. */
  readonly vertices: Int32Array;
  /** Index of the vertex where it left its parent (-1: at the virtual origin). */
  readonly deviation: number;
  /** Insertion order, to break cost ties deterministically. */
  readonly order: number;
}

function verticesOf(csr: Csr, path: PathResult): Int32Array {
  const out = new Int32Array(path.arcs.length + 1);
  out[0] = path.source;
  for (let i = 0; i < path.arcs.length; i++) out[i + 1] = csr.targets[csr.slotOf[path.arcs[i]!]!]!;
  return out;
}

function keyOf(path: PathResult): string {
  return `${path.source}:${path.arcs.join(',')}`;
}

/** Do `a` and `b` start at the same source with the same first `n` arcs? */
function sameRoot(a: Found, b: Found, n: number): boolean {
  if (a.path.source !== b.path.source || a.path.arcs.length < n || b.path.arcs.length < n) return false;
  for (let i = 0; i < n; i++) if (a.path.arcs[i] !== b.path.arcs[i]) return false;
  return true;
}

/**
 * Dijkstra from `starts` to the first target, skipping BLOCKED vertices and blocked slots; returns
 * the target reached or -1. The parent chain is left in `ws.forward`.
 */
function spur(csr: Csr, ws: Workspace, starts: ArrayLike<number>, blockedSlots: Uint8Array): number {
  const flags = ws.flags;
  const side = ws.forward;
  side.reset();
  for (let i = 0; i < starts.length; i++) side.start(starts[i]!, 0);
  const { offsets, targets, weights } = csr;
  const { dist, parent, heap, touched } = side;
  let tc = side.touchedCount;
  let found = -1;
  while (heap.size > 0) {
    const u = heap.pop();
    if ((flags[u]! & TARGET) !== 0) {
      found = u;
      break;
    }
    const du = dist[u]!;
    for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
      if (blockedSlots[s] !== 0) continue;
      const v = targets[s]!;
      if ((flags[v]! & BLOCKED) !== 0) continue;
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
  side.touchedCount = tc;
  return found;
}

/**
 * Loopless paths from any of `sources` to any of `targets` in order of cost (ties in the order
 * found), pairwise distinct as arc lists, produced one at a time as they are asked for: the first is
 * a least-cost path, and each later one costs one Dijkstra search per vertex of the path it deviates
 * from (Yen with Lawler's refinement). Equal-cost paths whose costs were summed in different orders
 * can come out of order in the last bit. Nothing is produced when no path exists. The workspace is
 * held from the first path to the last: do not search with it in between.
 */
export function* pathsInCostOrder(csr: Csr, sources: ArrayLike<number>, targets: ArrayLike<number>, ws: Workspace): Generator<PathResult, void, undefined> {
  checkEnds(csr, ws, sources, targets);
  const first = shortestPath(csr, sources, targets, ws);
  if (first === null) return;
  let order = 0;
  const accepted: Found[] = [{ path: first, vertices: verticesOf(csr, first), deviation: -1, order: order++ }];
  yield first;
  const candidates: Found[] = [];
  const seen = new Set<string>([keyOf(first)]);
  const flags = ws.flags;
  const blockedSlots = ws.slotFlags(csr.arcCount);
  const distinctSources = [...new Set(Array.from(sources))];

  const mark = (list: ArrayLike<number>, bit: number, on: boolean): void => {
    for (let i = 0; i < list.length; i++) {
      const v = list[i]!;
      flags[v] = on ? flags[v]! | bit : flags[v]! & ~bit;
    }
  };

  for (;;) {
    const last = accepted[accepted.length - 1]!;
    const n = last.path.arcs.length;
    mark(targets, TARGET, true);
    mark(distinctSources, BLOCKED, true);
    try {
      for (let i = last.deviation; i < n; i++) {
        // Spur from vertex i of `last` (i = -1: from the virtual origin, i.e. from another source).
        const blockedArcs: number[] = [];
        let starts: number[];
        if (i < 0) {
          const used = new Set(accepted.map((f) => f.path.source));
          starts = distinctSources.filter((s) => !used.has(s));
        } else {
          starts = [last.vertices[i]!];
          for (const f of accepted) if (f.path.arcs.length > i && sameRoot(f, last, i)) blockedArcs.push(f.path.arcs[i]!);
          for (let j = 0; j < i; j++) flags[last.vertices[j]!]! |= BLOCKED;
        }
        for (const a of blockedArcs) blockedSlots[csr.slotOf[a]!] = 1;
        const t = starts.length === 0 ? -1 : spur(csr, ws, starts, blockedSlots);
        for (const a of blockedArcs) blockedSlots[csr.slotOf[a]!] = 0;
        if (i > 0) {
          for (let j = 0; j < i; j++) flags[last.vertices[j]!]! &= ~BLOCKED;
          // Sources stay blocked: re-mark the root's source, which the loop above cleared.
          flags[last.vertices[0]!]! |= BLOCKED;
        }
        if (t < 0) continue;
        const spurLength = chainLength(csr, ws.forward.parent, t);
        const root = Math.max(i, 0);
        const arcs = new Int32Array(root + spurLength);
        arcs.set(last.path.arcs.subarray(0, root));
        const start = writeChain(csr, ws.forward.parent, t, arcs, arcs.length);
        const path: PathResult = { cost: costOf(csr, arcs), arcs, source: i < 0 ? start : last.path.source, target: t };
        const key = keyOf(path);
        if (seen.has(key)) continue;
        seen.add(key);
        candidates.push({ path, vertices: verticesOf(csr, path), deviation: i, order: order++ });
      }
    } finally {
      mark(targets, TARGET, false);
      mark(distinctSources, BLOCKED, false);
    }
    if (candidates.length === 0) return;
    let best = 0;
    for (let c = 1; c < candidates.length; c++) {
      const a = candidates[c]!;
      const b = candidates[best]!;
      if (a.path.cost < b.path.cost || (a.path.cost === b.path.cost && a.order < b.order)) best = c;
    }
    const next = candidates[best]!;
    accepted.push(next);
    candidates[best] = candidates[candidates.length - 1]!;
    candidates.pop();
    yield next.path;
  }
}

/**
 * Up to `k` least-cost loopless paths from any of `sources` to any of `targets`, sorted by cost
 * (ties in the order found), pairwise distinct as arc lists. The first is a least-cost path. Fewer
 * than `k` when fewer exist; empty when there is none. Each deviation costs one Dijkstra search.
 */
export function kShortestPaths(
  csr: Csr,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  k: number,
  ws: Workspace,
): PathResult[] {
  checkEnds(csr, ws, sources, targets);
  if (!Number.isInteger(k) || k < 0) throw new InvalidArgumentError('k', k, 'an integer ≥ 0');
  const found: PathResult[] = [];
  if (k === 0) return found;
  for (const path of pathsInCostOrder(csr, sources, targets, ws)) {
    found.push(path);
    if (found.length === k) break;
  }
  // Equal-cost paths summed in different orders can differ in the last bit: sort so costs never decrease.
  return found
    .map((path, i) => ({ path, i }))
    .sort((a, b) => a.path.cost - b.path.cost || a.i - b.i)
    .map(({ path }) => path);
}
