// The one routing function everything calls: the cheapest arc path from any of several start
// vertices to any of several end vertices of an expanded graph. It runs the compiled engine
// (src/engine): each expanded graph is compiled to CSR arrays once (cached), custom weights are
// written into a scratch copy of the weights (the topology is shared), and one workspace per graph
// is reused, so a query allocates only its result. graphology-shortest-path remains the tests' oracle.
import { cloneCsrWeights, type Csr } from '../engine/csr.js';
import { shortestPath } from '../engine/shortest-path.js';
import { checkWeight } from '../engine/csr.js';
import { createWorkspace, type Workspace } from '../engine/workspace.js';
import { memoOf } from '../network/memo.js';
import { compileExpanded, recompile, type CompiledNetwork } from './compile.js';
import { sameShapeAs } from './derive.js';
import type { ExpandedGraph } from './expand.js';

interface Routing {
  readonly compiled: CompiledNetwork;
  readonly ws: Workspace;
  /** Same topology, own weights: where custom weights go (made on first use). */
  scratch: Csr | undefined;
}

const ROUTING = Symbol('routing');

function routing(g: ExpandedGraph): Routing {
  const memo = memoOf(g);
  let r = memo.get(ROUTING) as Routing | undefined;
  if (r === undefined) {
    // A graph derived from another with the same arcs shares its topology and its workspace (searches
    // never interleave); only the weights are copied.
    const same = sameShapeAs(g);
    if (same !== undefined) {
      const parent = routing(same.parent);
      r = { compiled: recompile(parent.compiled, g, same.changedArcs), ws: parent.ws, scratch: undefined };
    } else {
      const compiled = compileExpanded(g);
      r = { compiled, ws: createWorkspace(compiled.csr), scratch: undefined };
    }
    memo.set(ROUTING, r);
  }
  return r;
}

/** The compiled form of an expanded graph (cached; the caller must not reweight it: copy it first). */
export function compiledGraph(g: ExpandedGraph): CompiledNetwork {
  return routing(g).compiled;
}

/**
 * Cheapest path, as arc indices, from any vertex of `sources` to any vertex of `targets`, with arc
 * weights `weights` (hours; default each arc's expected hours). `null` when no path exists. Ties
 * between parallel arcs go to the lowest arc index, so results are deterministic. Every weight is
 * checked (`InvalidArgumentError` naming `weights[i]` unless finite and ≥ 0), never defaulted.
 */
export function shortestArcPath(
  g: ExpandedGraph,
  sources: readonly number[],
  targets: readonly number[],
  weights?: ArrayLike<number>,
): number[] | null {
  if (sources.length === 0 || targets.length === 0) return null;
  const r = routing(g);
  let csr = r.compiled.csr;
  if (weights !== undefined) {
    csr = r.scratch ??= cloneCsrWeights(csr);
    const { slotOf } = csr;
    const w = csr.weights;
    for (let i = 0; i < g.arcs.length; i++) {
      const x = weights[i];
      checkWeight(i, x);
      w[slotOf[i]!] = x;
    }
  }
  const path = shortestPath(csr, sources, targets, r.ws);
  return path === null ? null : Array.from(path.arcs);
}
