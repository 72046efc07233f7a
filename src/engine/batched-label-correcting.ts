// Many one-to-all searches on one graph at once, each run with its own weights: label-correcting
// sweeps (a Bellman–Ford with a good vertex order) over the vertices numbered by their least cost on
// some typical weights (`sweepOrder`). One sweep visits the vertices in number order and relaxes each
// arc of a vertex whose cost improved for every run in one tight loop over typed arrays; a vertex
// whose cost improved through an arc to a lower (or its own) number is swept again in the next
// sweep, from the lowest such vertex on. When the per-run weights are close to the typical ones, a
// least-cost path mostly climbs in number and one sweep nearly settles every run (about two in all on
// the corridor's Monte Carlo), so 64 searches cost a few simple loops and no priority queue, where
// 64 Dijkstra searches would each push and pop a heap. This is the inner loop of the adaptive Monte
// Carlo, which routes every run on that run's draws.
import { InvalidArgumentError } from '../errors.js';
import { buildCsr, requireCsr, type Csr } from './csr.js';
import { shortestPathTree } from './dijkstra.js';
import { checkVertices, createWorkspace } from './workspace.js';

/**
 * The vertices met by the arcs `tails[i] → heads[i]` and the sources, ordered by least `hours`
 * from the sources (then by vertex index; unreachable ones last): `order[k]` is the vertex numbered
 * k, and `local[v]` the number of vertex v (-1 when v is on no arc and not a source). Numbering a
 * graph's vertices this way (rebuilding its CSR on the numbers) is what makes
 * `batchedShortestPathTrees` settle in few sweeps when the runs' weights resemble `hours`.
 */
export function sweepOrder(
  vertexCount: number,
  tails: readonly number[],
  heads: readonly number[],
  hours: readonly number[],
  sources: readonly number[],
): { order: Int32Array; local: Int32Array } {
  if (!Array.isArray(sources)) throw new InvalidArgumentError('sources', sources, 'an array of vertex indices');
  const csr = buildCsr(vertexCount, tails, heads, hours);
  const dist = shortestPathTree(csr, sources, createWorkspace(csr)).costs;
  const met = new Uint8Array(vertexCount);
  for (let i = 0; i < tails.length; i++) met[tails[i]!] = met[heads[i]!] = 1;
  for (const v of sources) met[v] = 1;
  const vertices: number[] = [];
  for (let v = 0; v < vertexCount; v++) if (met[v] === 1) vertices.push(v);
  vertices.sort((a, b) => (dist[a] === dist[b] ? a - b : dist[a]! < dist[b]! || dist[b] === Infinity ? -1 : 1));
  const local = new Int32Array(vertexCount).fill(-1);
  vertices.forEach((v, k) => (local[v] = k));
  return { order: Int32Array.from(vertices), local };
}

/** Least costs of every run from a set of sources to every vertex, vertex-major like the weights. */
export interface BatchedTrees {
  /** `costs[v * runs + r]`: run r's least cost from any source to v; Infinity when v is unreachable. */
  readonly costs: Float64Array;
  /**
   * `parentSlots[v * runs + r]`: the CSR slot of the last arc of run r's least-cost path to v (its
   * tail is the vertex whose arcs hold that slot); -1 for sources and unreachable vertices.
   */
  readonly parentSlots: Int32Array;
}

/** Scratch state and results of batched searches of `runs` runs on graphs of `vertexCount` vertices; reuse it. */
export class BatchedWorkspace implements BatchedTrees {
  readonly vertexCount: number;
  /** Runs per search, the stride of the weights and of the results. */
  readonly runs: number;
  readonly costs: Float64Array;
  readonly parentSlots: Int32Array;
  /** Per vertex: its cost improved (on some run) since its arcs were last relaxed; all 0 between searches. */
  readonly changed: Uint8Array;

  constructor(vertexCount: number, runs: number) {
    if (!Number.isInteger(vertexCount) || vertexCount < 0) throw new InvalidArgumentError('vertexCount', vertexCount, 'an integer ≥ 0');
    if (!Number.isInteger(runs) || runs < 1) throw new InvalidArgumentError('runs', runs, 'an integer ≥ 1');
    this.vertexCount = vertexCount;
    this.runs = runs;
    this.costs = new Float64Array(vertexCount * runs);
    this.parentSlots = new Int32Array(vertexCount * runs);
    this.changed = new Uint8Array(vertexCount);
  }
}

/**
 * Time-dependent slots of a batched search: a slot whose `index` entry is ≥ 0 is not crossed in its
 * weight's time but by `arrive`, which writes, for runs 0 … n − 1, the cost at the slot's head of
 * leaving its tail at `costs[tail + r]` (the slot's weights are `weights[w + r]`). Each such function
 * must be FIFO (non-decreasing in the cost at the tail) and never below it plus 0: then label-correcting
 * sweeps still give the least costs (earliest arrivals), whatever the order they relax arcs in.
 */
export interface TimedSlots {
  /** Per CSR slot: the number passed to `arrive` for a time-dependent slot, -1 for a plain one. */
  readonly index: Int32Array;
  arrive(timed: number, costs: Float64Array, tail: number, weights: Float64Array, w: number, n: number, out: Float64Array): void;
}

/** A workspace for batched searches of `runs` runs on `csr`. */
export function createBatchedWorkspace(csr: Pick<Csr, 'vertexCount'>, runs: number): BatchedWorkspace {
  if (typeof csr !== 'object' || csr === null) throw new InvalidArgumentError('csr', csr, 'a Csr (or an object with its vertexCount)');
  return new BatchedWorkspace(csr.vertexCount, runs);
}

/**
 * Least costs and parent slots from `sources` (all at cost 0) to every vertex of `csr`, for runs
 * 0 … `count` − 1 at once, each run on its own weights; the CSR gives the arcs, its own weights are
 * not used. With `R = ws.runs`, the weight of slot s in run r is `weights[s * R + r]` (slot-major:
 * the runs of one arc side by side, so one arc is relaxed for every run in one loop over adjacent
 * numbers); `weights.length` must be `csr.arcCount * R`. Weights must be finite and ≥ 0: this is an
 * inner loop, so they are not checked one by one, and with a negative cycle the sweeps never settle
 * (an `InvalidArgumentError` naming `weights` after `vertexCount` + 1 sweeps).
 *
 * Any vertex numbering gives the least costs; `sweepOrder`'s makes them take few sweeps. On ties a
 * vertex keeps the first label that reached its least cost: within a sweep vertices go in number
 * order and a vertex's arcs in slot order (so, among parallel arcs, the lowest arc index first), and
 * a later sweep replaces a label only with a strictly smaller cost. A run's parent chain can thus
 * differ from Dijkstra's where two paths cost the same to the last bit; costs do not (each cost is
 * the least, over paths, of the path's weights added in path order).
 *
 * Returns `ws` itself, read as `BatchedTrees` (`costs[v * R + r]`, `parentSlots[v * R + r]`), valid
 * until its next search; entries of runs `count` … R − 1 are left unspecified.
 *
 * With `timed`, the slots it marks are crossed by its `arrive` function instead of by adding their
 * weight (time-dependent FIFO arcs: an earliest-arrival search from cost 0 at the sources).
 */
export function batchedShortestPathTrees(
  csr: Csr,
  sources: ArrayLike<number>,
  weights: Float64Array,
  ws: BatchedWorkspace,
  count?: number,
  timed?: TimedSlots,
): BatchedTrees {
  requireCsr(csr);
  const vertexCount = csr.vertexCount;
  if (!(ws instanceof BatchedWorkspace) || ws.vertexCount !== vertexCount) {
    throw new InvalidArgumentError('workspace', ws, `a batched workspace for ${vertexCount} vertices (made by createBatchedWorkspace(csr, runs))`);
  }
  count ??= ws.runs;
  const runs = ws.runs;
  if (!(weights instanceof Float64Array) || weights.length !== csr.arcCount * runs) {
    throw new InvalidArgumentError('weights', weights, `a Float64Array of ${csr.arcCount} arcs × ${runs} runs, slot-major`);
  }
  if (!Number.isInteger(count) || count < 0 || count > runs) throw new InvalidArgumentError('count', count, `an integer from 0 to ${runs}`);
  checkVertices(vertexCount, 'sources', sources);
  if (timed !== undefined) {
    if (typeof timed !== 'object' || timed === null || typeof timed.arrive !== 'function') throw new InvalidArgumentError('timed', timed, 'TimedSlots (an index and an arrive function)');
    if (!(timed.index instanceof Int32Array) || timed.index.length !== csr.arcCount) {
      throw new InvalidArgumentError('timed.index', timed.index, `an Int32Array of ${csr.arcCount} slots`);
    }
  }
  const { costs: dist, parentSlots: parent, changed } = ws;
  dist.fill(Infinity);
  parent.fill(-1);
  for (let i = 0; i < sources.length; i++) {
    const d = sources[i]! * runs;
    dist.fill(0, d, d + runs);
    changed[sources[i]!] = 1;
  }
  if (timed === undefined) sweep(csr, weights, runs, count, dist, parent, changed);
  else sweepTimed(csr, weights, runs, count, dist, parent, changed, timed);
  return ws;
}

/**
 * The sweeps themselves, from the lowest vertex marked in `changed` until no arc to a lower or equal
 * number improves a cost (then every arc is tight on every run and the costs are least). Leaves
 * `changed` all 0.
 */
function sweep(csr: Csr, weights: Float64Array, runs: number, n: number, dist: Float64Array, parent: Int32Array, changed: Uint8Array): void {
  const { vertexCount, offsets, targets: heads } = csr;
  let from = 0;
  for (let pass = 0; from < vertexCount; pass++) {
    // With weights ≥ 0 a least-cost path has fewer than vertexCount arcs, and each sweep settles at
    // least one more of its arcs that goes down in number: more sweeps mean a negative cycle.
    if (pass > vertexCount) throw new InvalidArgumentError('weights', '(a negative cycle)', 'finite weights ≥ 0');
    let again = vertexCount;
    for (let u = from; u < vertexCount; u++) {
      if (changed[u] === 0) continue;
      changed[u] = 0;
      const du = u * runs;
      for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
        const v = heads[s]!;
        const dv = v * runs;
        const w = s * runs;
        let improved = false;
        for (let r = 0; r < n; r++) {
          const nd = dist[du + r]! + weights[w + r]!;
          if (nd < dist[dv + r]!) {
            dist[dv + r] = nd;
            parent[dv + r] = s;
            improved = true;
          }
        }
        if (improved) {
          changed[v] = 1;
          if (v <= u && v < again) again = v;
        }
      }
    }
    from = again;
  }
}

/** `sweep` with time-dependent slots: the same passes, a marked slot's arrivals from `timed.arrive`. */
function sweepTimed(csr: Csr, weights: Float64Array, runs: number, n: number, dist: Float64Array, parent: Int32Array, changed: Uint8Array, timed: TimedSlots): void {
  const { vertexCount, offsets, targets: heads } = csr;
  const index = timed.index;
  const arrivals = new Float64Array(runs);
  let from = 0;
  for (let pass = 0; from < vertexCount; pass++) {
    if (pass > vertexCount) throw new InvalidArgumentError('weights', '(a negative cycle)', 'finite weights ≥ 0');
    let again = vertexCount;
    for (let u = from; u < vertexCount; u++) {
      if (changed[u] === 0) continue;
      changed[u] = 0;
      const du = u * runs;
      for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
        const v = heads[s]!;
        const dv = v * runs;
        const w = s * runs;
        let improved = false;
        const t = index[s]!;
        if (t >= 0) {
          timed.arrive(t, dist, du, weights, w, n, arrivals);
          for (let r = 0; r < n; r++) {
            const nd = arrivals[r]!;
            if (nd < dist[dv + r]!) {
              dist[dv + r] = nd;
              parent[dv + r] = s;
              improved = true;
            }
          }
        } else {
          for (let r = 0; r < n; r++) {
            const nd = dist[du + r]! + weights[w + r]!;
            if (nd < dist[dv + r]!) {
              dist[dv + r] = nd;
              parent[dv + r] = s;
              improved = true;
            }
          }
        }
        if (improved) {
          changed[v] = 1;
          if (v <= u && v < again) again = v;
        }
      }
    }
    from = again;
  }
}
