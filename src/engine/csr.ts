// Compressed sparse row (CSR) storage of a directed multigraph: the arcs leaving vertex v sit in
// slots offsets[v] … offsets[v+1]-1. Built in O(V + E) by a counting sort that keeps the input order
// of arcs within a vertex, so among parallel arcs of equal weight the lowest arc index is met first
// and wins every tie (relaxation uses a strict `<`). Numbers only: no ids, no countries.
import { InvalidArgumentError } from '../errors.js';

/** Throw `InvalidArgumentError` naming arc `arc` unless `w` is a finite number ≥ 0. */
export function checkWeight(arc: number, w: unknown): asserts w is number {
  if (typeof w !== 'number' || !(w >= 0) || w === Infinity) {
    throw new InvalidArgumentError(`weights[${arc}]`, w, 'a finite number ≥ 0');
  }
}

/** A directed multigraph in CSR form, with a two-way map between CSR slots and original arc indices. */
export interface Csr {
  readonly vertexCount: number;
  readonly arcCount: number;
  /** Length `vertexCount + 1`: the arcs of vertex v are the slots `offsets[v]` to `offsets[v+1] - 1`. */
  readonly offsets: Int32Array;
  /** Per slot: the vertex the arc leads to (for a reverse CSR: the vertex it comes from). */
  readonly targets: Int32Array;
  /** Per slot: the arc's weight (finite, ≥ 0). Written in place by `reweightCsr`. */
  readonly weights: Float64Array;
  /** Per slot: the original arc index. */
  readonly arcOf: Int32Array;
  /** Per original arc: its slot. */
  readonly slotOf: Int32Array;
}

/** Throw `InvalidArgumentError` naming `field` unless `csr` is a CSR graph (from `buildCsr`, `reverseCsr` or `compile`). */
export function requireCsr(csr: unknown, field = 'csr'): asserts csr is Csr {
  const c = csr as Partial<Csr> | null;
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c.vertexCount !== 'number' ||
    typeof c.arcCount !== 'number' ||
    !(c.offsets instanceof Int32Array) ||
    !(c.targets instanceof Int32Array) ||
    !(c.weights instanceof Float64Array) ||
    !(c.arcOf instanceof Int32Array) ||
    !(c.slotOf instanceof Int32Array) ||
    c.offsets.length !== c.vertexCount + 1
  ) {
    throw new InvalidArgumentError(field, csr, 'a Csr from buildCsr, reverseCsr or compile');
  }
}

function checkVertex(field: string, v: number, vertexCount: number): void {
  if (!Number.isInteger(v) || v < 0 || v >= vertexCount) {
    throw new InvalidArgumentError(field, v, `a vertex index in 0…${vertexCount - 1}`);
  }
}

/**
 * Build the CSR of the arcs `from[i] → to[i]` with weight `weights[i]`, i = 0 … from.length - 1.
 * Every weight must be a finite number ≥ 0 (`InvalidArgumentError` naming the arc otherwise); ends
 * must be vertex indices below `vertexCount`. O(V + E) time, and the arrays are all it allocates.
 */
export function buildCsr(
  vertexCount: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  weights: ArrayLike<number>,
): Csr {
  if (!Number.isInteger(vertexCount) || vertexCount < 0 || vertexCount > 0x7fffffff) {
    throw new InvalidArgumentError('vertexCount', vertexCount, 'an integer ≥ 0');
  }
  for (const [field, list] of [['from', from], ['to', to], ['weights', weights]] as const) {
    if (typeof list !== 'object' || list === null || typeof list.length !== 'number') throw new InvalidArgumentError(field, list, 'an array with one entry per arc');
  }
  const arcCount = from.length;
  if (to.length !== arcCount) throw new InvalidArgumentError('to', to, `an array of ${arcCount} vertices (as many as from)`);
  if (weights.length !== arcCount) throw new InvalidArgumentError('weights', weights, `an array of ${arcCount} weights (as many as from)`);
  const offsets = new Int32Array(vertexCount + 1);
  for (let i = 0; i < arcCount; i++) {
    const u = from[i]!;
    const v = to[i]!;
    const weight = weights[i];
    // The checks inline, the field's name built only for an error (a million arcs made millions of names).
    if (!(Number.isInteger(u) && u >= 0 && u < vertexCount)) checkVertex(`from[${i}]`, u, vertexCount);
    if (!(Number.isInteger(v) && v >= 0 && v < vertexCount)) checkVertex(`to[${i}]`, v, vertexCount);
    if (!(typeof weight === 'number' && weight >= 0 && weight !== Infinity)) checkWeight(i, weight);
    offsets[u + 1]!++;
  }
  for (let v = 0; v < vertexCount; v++) offsets[v + 1]! += offsets[v]!;
  const targets = new Int32Array(arcCount);
  const w = new Float64Array(arcCount);
  const arcOf = new Int32Array(arcCount);
  const slotOf = new Int32Array(arcCount);
  // `next[v]` is where vertex v's next arc goes; a scan in arc order keeps arcs stable within v.
  const next = offsets.slice(0, vertexCount);
  for (let i = 0; i < arcCount; i++) {
    const slot = next[from[i]!]!++;
    targets[slot] = to[i]!;
    w[slot] = weights[i]!;
    arcOf[slot] = i;
    slotOf[i] = slot;
  }
  return { vertexCount, arcCount, offsets, targets, weights: w, arcOf, slotOf };
}

/**
 * The reverse of `csr` (every arc turned around, same original arc indices and weights), as needed
 * by backward and bidirectional searches. O(V + E). Reweighting `csr` later does not update it: use
 * `copyWeights(reverse, csr)` or reweight both.
 */
export function reverseCsr(csr: Csr): Csr {
  requireCsr(csr);
  const { vertexCount, arcCount, offsets } = csr;
  const from = new Int32Array(arcCount);
  const to = new Int32Array(arcCount);
  const weights = new Float64Array(arcCount);
  for (let u = 0; u < vertexCount; u++) {
    for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
      const a = csr.arcOf[s]!;
      from[a] = csr.targets[s]!;
      to[a] = u;
      weights[a] = csr.weights[s]!;
    }
  }
  return buildCsr(vertexCount, from, to, weights);
}

/** A CSR sharing `csr`'s topology arrays, with its own copy of the weights: a scratch copy to reweight. */
export function cloneCsrWeights(csr: Csr): Csr {
  requireCsr(csr);
  return { ...csr, weights: csr.weights.slice() };
}

/** Bytes held by the CSR's typed arrays. */
export function csrBytes(csr: Csr): number {
  requireCsr(csr);
  return csr.offsets.byteLength + csr.targets.byteLength + csr.weights.byteLength + csr.arcOf.byteLength + csr.slotOf.byteLength;
}
