// Compile a network for a profile into the engine's arrays (DESIGN §6): the mode-expanded graph
// (expand.ts) as a CSR and its reverse, weighted by expected hours, with every arc mapped back to the
// link or node stop it stands for. Compile once; scenario and Monte Carlo runs reweight in place.
import { buildCsr, cloneCsrWeights, requireCsr, reverseCsr, type Csr } from '../engine/csr.js';
import { copyWeights, reweightCsr } from '../engine/weights.js';
import { InvalidArgumentError } from '../errors.js';
import { resolveProfile, type Network } from '../network/network.js';
import type { ProfileSpec } from '../network/types.js';
import type { Arc, ExpandedGraph } from './expand.js';
import { expandedGraph } from './graph-cache.js';

/** A network compiled for one profile. */
export interface CompiledNetwork {
  /** The expanded graph it was compiled from. */
  readonly graph: ExpandedGraph;
  /** Forward CSR; arc i (original index) is `graph.arcs[i]`. Weights are hours. */
  readonly csr: Csr;
  /** Reverse CSR (for bidirectional search), kept in step with `csr` by `reweight`. */
  readonly reverse: Csr;
  /** `arcs[i]`: the link or node stop arc i stands for (the same array as `graph.arcs`). */
  readonly arcs: readonly Arc[];
  /** Per arc: its expected hours, the weight `compile` starts from. */
  readonly expectedHours: Float64Array;
  /** Per vertex: latitude and longitude of its node, degrees (for great-circle bounds). */
  readonly latDeg: Float64Array;
  readonly lonDeg: Float64Array;
}

/** Compile an expanded graph. Throws `InvalidArgumentError` naming the arc if an expected time is not a finite number ≥ 0. */
export function compileExpanded(graph: ExpandedGraph): CompiledNetwork {
  const n = graph.arcs.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const expectedHours = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const arc = graph.arcs[i]!;
    const h = arc.expectedHours;
    if (typeof h !== 'number' || !(h >= 0) || h === Infinity) {
      const what = arc.type === 'link' ? `link ${arc.link?.id}` : `stop at ${arc.node?.id} (${arc.arrivalMode} → ${arc.departureMode})`;
      throw new InvalidArgumentError(`arcs[${i}].expectedHours`, h, `a finite number of hours ≥ 0 for the ${what}`);
    }
    from[i] = arc.from;
    to[i] = arc.to;
    expectedHours[i] = h;
  }
  const csr = buildCsr(graph.vertexCount, from, to, expectedHours);
  const latDeg = new Float64Array(graph.vertexCount);
  const lonDeg = new Float64Array(graph.vertexCount);
  // Every vertex is an end of an arc, which names its node (in any layer of a graph through waypoints).
  // Each vertex once (a lookup per arc end was millions on a big network).
  const placed = new Uint8Array(graph.vertexCount);
  const place = (v: number, node: { readonly lat: number; readonly lon: number }): void => {
    placed[v] = 1;
    latDeg[v] = node.lat;
    lonDeg[v] = node.lon;
  };
  // Stops first: they hold their node (no lookup, no `Link`, which is made on first read), and in an
  // expanded graph every vertex is an end of a stop; link arcs place any vertex left.
  for (const arc of graph.arcs) {
    if (arc.type !== 'link') {
      if (placed[arc.from] === 0) place(arc.from, arc.node!);
      if (placed[arc.to] === 0) place(arc.to, arc.node!);
    }
  }
  const nodeById = graph.network.nodeById;
  for (const arc of graph.arcs) {
    if (arc.type === 'link' && (placed[arc.from] === 0 || placed[arc.to] === 0)) {
      if (placed[arc.from] === 0) place(arc.from, nodeById.get(arc.link!.from)!);
      if (placed[arc.to] === 0) place(arc.to, nodeById.get(arc.link!.to)!);
    }
  }
  return { graph, csr, reverse: reverseCsr(csr), arcs: graph.arcs, expectedHours, latDeg, lonDeg };
}

/** Throw `InvalidArgumentError` unless `compiled` is a `CompiledNetwork` (from `compile`). */
function requireCompiled(compiled: unknown): asserts compiled is CompiledNetwork {
  if (typeof compiled !== 'object' || compiled === null || !('csr' in compiled) || !('reverse' in compiled)) {
    throw new InvalidArgumentError('compiled', compiled, 'a CompiledNetwork from compile');
  }
  requireCsr(compiled.csr, 'compiled.csr');
  requireCsr(compiled.reverse, 'compiled.reverse');
}

/**
 * The compiled graph of `graph`, which has `parent.graph`'s topology and arc numbering and differs
 * only in the weights of `changedArcs` (route/derive.ts): the parent's CSR arrays shared, its weights
 * copied and those arcs re-weighted. Same result as `compileExpanded(graph)`, in O(E) copying.
 */
export function recompile(parent: CompiledNetwork, graph: ExpandedGraph, changedArcs: Int32Array): CompiledNetwork {
  const expectedHours = parent.expectedHours.slice();
  const csr = cloneCsrWeights(parent.csr);
  const reverse = cloneCsrWeights(parent.reverse);
  for (let k = 0; k < changedArcs.length; k++) {
    const i = changedArcs[k]!;
    const h = graph.arcs[i]!.expectedHours;
    if (typeof h !== 'number' || !(h >= 0) || h === Infinity) return compileExpanded(graph);
    expectedHours[i] = h;
    csr.weights[csr.slotOf[i]!] = h;
    reverse.weights[reverse.slotOf[i]!] = h;
  }
  return { ...parent, graph, csr, reverse, arcs: graph.arcs, expectedHours };
}

/**
 * Compile `network` for `profile` (a profile id or object): the expanded graph as CSR arrays
 * weighted by expected hours. Each call returns a new object the caller may reweight.
 */
export function compile(network: Network, profile: string | ProfileSpec): CompiledNetwork {
  return compileExpanded(expandedGraph(network, resolveProfile(network, profile)));
}

/**
 * Set every arc's weight in place (`weights[i]` hours for arc i), forward and reverse, without
 * rebuilding. Throws `InvalidArgumentError` naming the arc for a weight that is not finite and ≥ 0,
 * leaving the weights unchanged.
 */
export function reweight(compiled: CompiledNetwork, weights: ArrayLike<number>): void {
  requireCompiled(compiled);
  reweightCsr(compiled.csr, weights);
  copyWeights(compiled.reverse, compiled.csr);
}

/** A copy sharing `compiled`'s topology and mapping, with its own weights: reweight it freely. */
export function copyCompiled(compiled: CompiledNetwork): CompiledNetwork {
  requireCompiled(compiled);
  return {
    ...compiled,
    csr: cloneCsrWeights(compiled.csr),
    reverse: cloneCsrWeights(compiled.reverse),
  };
}
