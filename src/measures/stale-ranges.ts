// What a measure does to the plausible ranges of the figures it changes. A range describes how far
// off the data's figure may be; once a measure has changed or removed the figure, its own parameters
// (with their plausible ranges) carry that uncertainty. A range that still holds its figure is kept
// (a relative range of a scaled duration still says how far off it may be); one whose figure the
// measure removed or moved outside it is dropped, so the measure's result stays valid by construction.
import { provenanceList, rangeProblem, rangesOf } from '../network/ranges.js';
import type { FigureRange, NetworkSpec, Provenance, ProvenanceSpec } from '../network/types.js';

type Holder = { readonly source?: ProvenanceSpec };

/** Every object of a document that can carry a provenance: nodes, stages, links, services, structures. */
function holders(spec: NetworkSpec): Holder[] {
  const out: Holder[] = [];
  for (const n of spec.nodes) {
    out.push(n);
    for (const s of n.stages ?? []) out.push(s);
  }
  for (const l of spec.links) {
    out.push(l);
    if (l.service !== undefined) out.push(l.service);
    for (const s of l.structures ?? []) out.push(s);
  }
  return out;
}

/** `holder`'s provenance without the ranges that no longer hold their figure; `undefined` when all hold. */
function keptSource(holder: Holder): ProvenanceSpec | undefined {
  let changed = false;
  const list = provenanceList(holder.source).map((p): Provenance => {
    const ranges = rangesOf(p);
    if (ranges.length === 0) return p;
    const kept = ranges.filter((r) => rangeProblem(holder, r) === undefined);
    if (kept.length === ranges.length) return p;
    changed = true;
    const { range: _dropped, ...rest } = p as Provenance & { range?: unknown };
    return kept.length === 0 ? (rest as Provenance) : ({ ...rest, range: kept.length === 1 ? kept[0]! : (kept as readonly FigureRange[]) } as Provenance);
  });
  if (!changed) return undefined;
  return Array.isArray(holder.source) ? list : list[0]!;
}

/**
 * `output` (a measure's result for `input`) with stale ranges dropped from the objects the measure
 * made (those not shared with `input`). Objects shared with `input` are untouched, and so is
 * `output` when no range went stale.
 */
export function dropStaleRanges(input: NetworkSpec, output: NetworkSpec): NetworkSpec {
  if (output === input) return output;
  const shared = new Set<object>(holders(input));
  const replaced = new Map<object, object>();
  for (const h of holders(output)) {
    if (shared.has(h) || h.source === undefined) continue;
    const source = keptSource(h);
    if (source !== undefined) replaced.set(h, { ...h, source });
  }
  if (replaced.size === 0) return output;
  const swap = <T extends object>(x: T): T => (replaced.get(x) as T | undefined) ?? x;
  return {
    ...output,
    nodes: output.nodes.map((n) => {
      const stages = n.stages?.map(swap);
      const node = swap(n);
      return stages === undefined || stages.every((s, i) => s === n.stages![i]) ? node : { ...node, stages };
    }),
    links: output.links.map((l) => {
      const link = swap(l);
      const service = l.service === undefined ? undefined : swap(l.service);
      const structures = l.structures?.map(swap);
      const same = service === l.service && (structures === undefined || structures.every((s, i) => s === l.structures![i]));
      return same ? link : { ...link, ...(service !== undefined ? { service } : {}), ...(structures !== undefined ? { structures } : {}) };
    }),
  };
}
