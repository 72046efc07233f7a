// What a measure does to the plausible ranges of the figures it changes. A range describes how far
// off the data's figure may be; once a measure has changed or removed the figure, its own parameters
// (with their plausible ranges) carry that uncertainty. A range that still holds its figure is kept
// (a relative range of a scaled duration still says how far off it may be); one whose figure the
// measure removed or moved outside it is dropped, so the measure's result stays valid by construction.
import { provenanceList, rangeProblem, rangesOf } from '../network/ranges.js';
import type { FigureRange, NetworkSpec, Provenance, ProvenanceSpec } from '../network/types.js';

type Holder = { readonly source?: ProvenanceSpec };

/**
 * The objects of `output` that can carry a provenance (nodes, stages, links, services, structures,
 * episodes, the correlation)
 * and may be new: all but those identical to the object at the same place in `input`. An object
 * shared with `input` but moved still gets listed, which is harmless: `input` is valid, so its
 * ranges all hold and nothing is dropped from it. Linear in what changed, plus one reference
 * comparison per node and link (a measure's transform is run per what-if; walking and hashing the
 * whole document each time cost more than the routing).
 */
function changedHolders(input: NetworkSpec, output: NetworkSpec): Holder[] {
  const out: Holder[] = [];
  const list = <T extends Holder>(now: readonly T[] | undefined, before: readonly T[] | undefined, each: (x: T, old: T | undefined) => void): void => {
    if (now === undefined || now === before) return;
    for (let i = 0; i < now.length; i++) {
      const old = before?.[i];
      if (now[i] !== old) each(now[i]!, old);
    }
  };
  list(output.nodes, input.nodes, (n, old) => {
    out.push(n);
    list(n.stages, old?.stages, (s) => out.push(s));
  });
  list(output.links, input.links, (l, old) => {
    out.push(l);
    if (l.service !== undefined && l.service !== old?.service) out.push(l.service);
    list(l.structures, old?.structures, (s) => out.push(s));
  });
  list(output.episodes, input.episodes, (e) => out.push(e));
  if (output.correlation !== undefined && output.correlation !== input.correlation) out.push(output.correlation);
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
  const replaced = new Map<object, object>();
  for (const h of changedHolders(input, output)) {
    if (h.source === undefined) continue;
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
    ...(output.episodes !== undefined ? { episodes: output.episodes.map(swap) } : {}),
    ...(output.correlation !== undefined ? { correlation: swap(output.correlation) } : {}),
  };
}
