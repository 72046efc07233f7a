// Copy-on-write edits of a network document. Unchanged nodes, stages and links are shared with the
// input (which is never mutated and may be frozen); a callback returning its argument means "no change".
import type { LinkSpec, NetworkSpec, NodeSpec, RegimeSpec, StageSpec } from '../network/types.js';

/** Replace each node by `fn(node)`; the document itself is returned when nothing changed. */
export function mapNodes(spec: NetworkSpec, fn: (node: NodeSpec) => NodeSpec): NetworkSpec {
  let changed = false;
  const nodes = spec.nodes.map((n) => {
    const m = fn(n);
    if (m !== n) changed = true;
    return m;
  });
  return changed ? { ...spec, nodes } : spec;
}

/** Replace each stage by `fn(stage, node)`: one stage, or several (a stage split in two). */
export function mapStages(spec: NetworkSpec, fn: (stage: StageSpec, node: NodeSpec) => StageSpec | readonly StageSpec[]): NetworkSpec {
  return mapNodes(spec, (node) => stagesMapped(node, fn));
}

/** Replace node `i` by `fn(node)`, copying only the array of nodes (a measure scoped to one node). */
export function mapNodeAt(spec: NetworkSpec, i: number, fn: (node: NodeSpec) => NodeSpec): NetworkSpec {
  const node = spec.nodes[i]!;
  const m = fn(node);
  if (m === node) return spec;
  // A spread copies a frozen array fast; slice() takes V8's slow path on frozen arrays (40× slower).
  const nodes = [...spec.nodes];
  nodes[i] = m;
  return { ...spec, nodes };
}

/** Replace each stage of node `i` by `fn(stage, node)` (`mapStages` for a measure scoped to one node). */
export function mapStagesAt(spec: NetworkSpec, i: number, fn: (stage: StageSpec, node: NodeSpec) => StageSpec | readonly StageSpec[]): NetworkSpec {
  return mapNodeAt(spec, i, (node) => stagesMapped(node, fn));
}

function stagesMapped(node: NodeSpec, fn: (stage: StageSpec, node: NodeSpec) => StageSpec | readonly StageSpec[]): NodeSpec {
  if (node.stages === undefined) return node;
  let changed = false;
  const stages: StageSpec[] = [];
  for (const s of node.stages) {
    const r = fn(s, node);
    if (r !== s) changed = true;
    if (Array.isArray(r)) stages.push(...(r as readonly StageSpec[]));
    else stages.push(r as StageSpec);
  }
  return changed ? { ...node, stages } : node;
}

/** Replace link `i` by `fn(link)`: one link, several, or none (`[]`, its episodes dropped as `mapLinks` does), copying only the array of links. */
export function mapLinkAt(spec: NetworkSpec, i: number, fn: (link: LinkSpec) => LinkSpec | readonly LinkSpec[]): NetworkSpec {
  const link = spec.links[i]!;
  const r = fn(link);
  if (r === link) return spec;
  const links = [...spec.links];
  if (Array.isArray(r)) links.splice(i, 1, ...(r as readonly LinkSpec[]));
  else links[i] = r as LinkSpec;
  return withLinks(spec, links);
}

/**
 * `spec` with `links` in place of its links. Episodes at a link that is gone altogether (neither `x`
 * nor `x:reverse` is left) go with it: a closed link has no closures. A regime's entries for a link
 * that is gone (its capacity in the period, its closure, its share of an overloaded crossing's
 * backlog) go too: they name the link by its exact id.
 */
function withLinks(spec: NetworkSpec, links: readonly LinkSpec[]): NetworkSpec {
  let out: NetworkSpec = { ...spec, links };
  if (spec.regimes !== undefined && !sameLinkIds(spec.links, links)) {
    const regimes = regimesOn(spec.regimes, links);
    if (regimes !== spec.regimes) out = { ...out, regimes };
  }
  if (spec.episodes === undefined || links.length === spec.links.length) return out;
  const ids = new Set<string>();
  for (const l of links) {
    ids.add(l.id);
    if (l.bidirectional === true) ids.add(`${l.id}${REVERSE_SUFFIX}`);
  }
  const episodes = spec.episodes.filter((e) => !('link' in e.at) || ids.has(e.at.link) || ids.has(`${e.at.link}${REVERSE_SUFFIX}`));
  return episodes.length === spec.episodes.length ? out : { ...out, episodes };
}

/** Whether `b` has the same link ids as `a`, in the same order, each with a service where `a`'s has one (most measures change a link's figures only). */
function sameLinkIds(a: readonly LinkSpec[], b: readonly LinkSpec[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id || (a[i]!.service === undefined) !== (b[i]!.service === undefined)) return false;
  return true;
}

/** `regimes` without their entries for links not among `links` (services and crossings: links with a service); the same array when none is dropped. */
function regimesOn(regimes: readonly RegimeSpec[], links: readonly LinkSpec[]): readonly RegimeSpec[] {
  const ids = new Set(links.map((l) => l.id));
  const served = new Set(links.filter((l) => l.service !== undefined).map((l) => l.id));
  let changed = false;
  const out = regimes.map((r) => {
    const services = r.services?.filter((x) => served.has(x.link));
    const closedLinks = r.closedLinks?.filter((x) => ids.has(x.link));
    const crossings = r.overload?.crossings?.filter((x) => served.has(x.link));
    if (services?.length === r.services?.length && closedLinks?.length === r.closedLinks?.length && crossings?.length === r.overload?.crossings?.length) return r;
    changed = true;
    return {
      ...r,
      ...(services !== undefined ? { services } : {}),
      ...(closedLinks !== undefined ? { closedLinks } : {}),
      ...(r.overload !== undefined && crossings !== undefined ? { overload: { ...r.overload, crossings } } : {}),
    };
  });
  return changed ? out : regimes;
}

/**
 * Replace each link by `fn(link, index)`: one link, several, or none (`[]`). Episodes at a link that
 * is gone altogether (neither `x` nor `x:reverse` is left) go with it: a closed link has no closures.
 */
export function mapLinks(spec: NetworkSpec, fn: (link: LinkSpec, index: number) => LinkSpec | readonly LinkSpec[]): NetworkSpec {
  let changed = false;
  const links: LinkSpec[] = [];
  spec.links.forEach((l, i) => {
    const r = fn(l, i);
    if (r !== l) changed = true;
    if (Array.isArray(r)) links.push(...(r as readonly LinkSpec[]));
    else links.push(r as LinkSpec);
  });
  return changed ? withLinks(spec, links) : spec;
}

/** Suffix of the reverse direction's link id, and of its structures' ids once a link is split. */
export const REVERSE_SUFFIX = ':reverse';

/**
 * The two directions of a bidirectional link as separate one-way links: the forward one keeps the id
 * `x`, the reverse one gets the id `x:reverse` (the id the network already gave it), so results keep
 * naming both directions as before. Structure ids must be unique in a document, so the reverse
 * link's copies of the structures get the suffix too (`bridge` → `bridge:reverse`).
 */
export function splitDirections(link: LinkSpec): { readonly forward: LinkSpec; readonly reverse: LinkSpec } {
  const { bidirectional: _ignored, ...oneWay } = link;
  const reverse: LinkSpec = { ...oneWay, id: `${link.id}${REVERSE_SUFFIX}`, from: link.to, to: link.from };
  if (link.structures === undefined) return { forward: oneWay, reverse };
  return { forward: oneWay, reverse: { ...reverse, structures: link.structures.map((s) => ({ ...s, id: `${s.id}${REVERSE_SUFFIX}` })) } };
}

/** Does structure id `actual` stand for `wanted` (itself, or its copy on a split reverse link)? */
export function sameStructure(actual: string, wanted: string): boolean {
  return actual === wanted || actual === `${wanted}${REVERSE_SUFFIX}`;
}
