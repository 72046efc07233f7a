// Reusable search state. A search touches few vertices of a big graph, so rather than clearing
// O(V) arrays per query, each side remembers the vertices it touched and resets only those: a
// query allocates nothing but its result, and costs stay proportional to the part of the graph it
// explores. One workspace serves one search at a time (it is not re-entrant).
import { InvalidArgumentError } from '../errors.js';
import { requireCsr, type Csr } from './csr.js';
import { IndexedHeap } from './heap.js';

/** One direction of a search: tentative costs, parent slots and the queue. */
export class SearchSide {
  /** Cost from the side's start set; Infinity when not reached. */
  readonly dist: Float64Array;
  /** CSR slot of the arc a vertex was reached by; -1 for start vertices and unreached ones. */
  readonly parent: Int32Array;
  readonly heap: IndexedHeap;
  /** Vertices whose `dist` is finite, so that `reset` is O(touched). */
  readonly touched: Int32Array;
  touchedCount = 0;

  constructor(vertexCount: number) {
    this.dist = new Float64Array(vertexCount).fill(Infinity);
    this.parent = new Int32Array(vertexCount).fill(-1);
    this.heap = new IndexedHeap(vertexCount);
    this.touched = new Int32Array(vertexCount);
  }

  /** Bytes held by its typed arrays. */
  get byteLength(): number {
    return this.dist.byteLength + this.parent.byteLength + this.touched.byteLength + this.heap.byteLength;
  }

  /** Forget the previous search. */
  reset(): void {
    const { dist, parent, touched } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = touched[i]!;
      dist[v] = Infinity;
      parent[v] = -1;
    }
    this.touchedCount = 0;
    this.heap.clear();
  }

  /** Start the search at `v` with cost `cost` (and priority `key`, default `cost`). */
  start(v: number, cost: number, key: number = cost): void {
    if (cost < this.dist[v]!) {
      if (this.dist[v] === Infinity) this.touched[this.touchedCount++] = v;
      this.dist[v] = cost;
      this.parent[v] = -1;
      this.heap.push(v, key);
    }
  }
}

/** Flag bits of `Workspace.flags`: a target of the current search; a vertex it may not enter. */
export const TARGET = 1;
export const BLOCKED = 2;

/** Scratch state for searches on graphs of `vertexCount` vertices; reuse it across queries. */
export class Workspace {
  readonly vertexCount: number;
  readonly forward: SearchSide;
  /** Per-vertex flag bits (TARGET, BLOCKED); zero between searches. */
  readonly flags: Uint8Array;
  /** Best meeting cost μ and vertex of a bidirectional search. */
  readonly meeting = { mu: Infinity, meet: -1 };
  private backwardSide: SearchSide | undefined;
  private blockedSlots: Uint8Array | undefined;

  constructor(vertexCount: number) {
    if (!Number.isInteger(vertexCount) || vertexCount < 0) {
      throw new InvalidArgumentError('vertexCount', vertexCount, 'an integer ≥ 0');
    }
    this.vertexCount = vertexCount;
    this.forward = new SearchSide(vertexCount);
    this.flags = new Uint8Array(vertexCount);
  }

  /** Bytes held by its typed arrays (the backward side and slot flags only once made). */
  get byteLength(): number {
    return this.forward.byteLength + this.flags.byteLength + (this.backwardSide?.byteLength ?? 0) + (this.blockedSlots?.byteLength ?? 0);
  }

  /** The backward side (bidirectional search), made on first use. */
  get backward(): SearchSide {
    return (this.backwardSide ??= new SearchSide(this.vertexCount));
  }

  /** Per-slot blocked flags (k shortest paths), made on first use and kept at zero between searches. */
  slotFlags(arcCount: number): Uint8Array {
    if (this.blockedSlots === undefined || this.blockedSlots.length < arcCount) this.blockedSlots = new Uint8Array(arcCount);
    return this.blockedSlots;
  }
}

/** A workspace for searches on `csr`. */
export function createWorkspace(csr: Pick<Csr, 'vertexCount'>): Workspace {
  if (typeof csr !== 'object' || csr === null) throw new InvalidArgumentError('csr', csr, 'a Csr (or an object with its vertexCount)');
  return new Workspace(csr.vertexCount);
}

/** Throw `InvalidArgumentError` unless every element of `list` is a vertex index below `vertexCount`. */
export function checkVertices(vertexCount: number, field: string, list: ArrayLike<number>): void {
  if (list === null || typeof list !== 'object' || typeof list.length !== 'number') {
    throw new InvalidArgumentError(field, list, 'an array of vertex indices');
  }
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= vertexCount) {
      throw new InvalidArgumentError(`${field}[${i}]`, v, `a vertex index in 0…${vertexCount - 1}`);
    }
  }
}

/** Check both ends of a search from `sources` to `targets` against `csr` and `ws`. */
export function checkEnds(csr: Csr, ws: Workspace, sources: ArrayLike<number>, targets: ArrayLike<number>): void {
  checkQuery(csr, ws, 'sources', sources);
  checkQuery(csr, ws, 'targets', targets);
}

/** Flag `targets` in `ws.flags` for the search about to run; `clearTargets` must follow it. */
export function markTargets(ws: Workspace, targets: ArrayLike<number>): void {
  const flags = ws.flags;
  for (let i = 0; i < targets.length; i++) flags[targets[i]!] = TARGET;
}

/** Clear what `markTargets` set: the flags are zero between searches, so a workspace can be reused. */
export function clearTargets(ws: Workspace, targets: ArrayLike<number>): void {
  const flags = ws.flags;
  for (let i = 0; i < targets.length; i++) flags[targets[i]!] = 0;
}

/** Check that `ws` fits `csr`, and that every element of `list` is a vertex of it. */
export function checkQuery(csr: Csr, ws: Workspace, field: string, list: ArrayLike<number>): void {
  requireCsr(csr);
  if (!(ws instanceof Workspace) || ws.vertexCount !== csr.vertexCount) {
    throw new InvalidArgumentError('workspace', ws, `a workspace for ${csr.vertexCount} vertices (made by createWorkspace(csr))`);
  }
  checkVertices(csr.vertexCount, field, list);
}
