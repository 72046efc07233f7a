// Adding a link (a new line, a bypass, a new ferry service): checked like a link of a document when
// the measure is built, and against the network (its nodes, ids, sources, profiles and countries)
// when it is applied, so that the document it returns is valid by construction.
import { InvalidMeasureError } from '../errors.js';
import { BUILT_IN_PROFILES } from '../network/profiles.js';
import type { LinkSpec, NetworkSpec, ProvenanceSpec } from '../network/types.js';
import { deepFreeze, validateNetwork } from '../network/validate.js';
import { defineMeasure } from './define.js';
import { checkOptions, extraSources, measureIdOf } from './parameters.js';
import { indexSpec } from './spec-index.js';
import type { AddLinkOptions, Measure } from './types.js';

/** Problems that only the full network can judge (its nodes, sources, profiles). */
const NEEDS_NETWORK = new Set(['unknown_node', 'unknown_source', 'unknown_profile', 'ambiguous_country']);

/** Check a link's own shape by validating it inside a stand-in document; throw the first problem. */
function checkLinkShape(measureId: string, link: unknown): void {
  if (typeof link !== 'object' || link === null || Array.isArray(link)) throw new InvalidMeasureError(measureId, 'link', link, 'a link object as in a network document');
  const l = link as Record<string, unknown>;
  const ends = [l.from, l.to].filter((x): x is string => typeof x === 'string' && x.length > 0);
  const standIn = {
    id: 'add-link-check',
    title: 'add-link check',
    nodes: [...new Set(ends)].map((id) => ({ id, name: id, kind: 'terminal', country: 'KZ', lat: 0, lon: 0 })),
    links: [link],
  };
  if (standIn.nodes.length === 0) standIn.nodes.push({ id: '-', name: '-', kind: 'terminal', country: 'KZ', lat: 0, lon: 0 });
  for (const p of validateNetwork(standIn)) {
    if (p.path[0] !== 'links' || NEEDS_NETWORK.has(p.code)) continue;
    const field = ['link', ...p.path.slice(2).map(String)].join('.');
    throw new InvalidMeasureError(measureId, field, p.received, p.expected);
  }
}

/** The `{ ref }` keys a provenance cites, with the field path of each (`link.source[1].ref`). */
function refsOf(source: ProvenanceSpec | undefined, field: string): { readonly ref: string; readonly field: string }[] {
  if (source === undefined) return [];
  const list = Array.isArray(source) ? (source as readonly ProvenanceSpec[]) : [source];
  return list.flatMap((p, i) => ('ref' in p ? [{ ref: p.ref, field: Array.isArray(source) ? `${field}[${i}].ref` : `${field}.ref` }] : []));
}

/**
 * Throw unless `link` fits the document `spec` as validation would judge it: ends that are nodes,
 * link ids (`ids`) and structure ids unused, cited sources in its sources table, profiles built in
 * or declared, and a `country` or `waters` on a link between two countries.
 */
function checkFits(measureId: string, spec: NetworkSpec, link: LinkSpec, ids: readonly string[]): void {
  const index = indexSpec(spec);
  for (const end of ['from', 'to'] as const) {
    if (!index.nodes.has(link[end])) throw new InvalidMeasureError(measureId, `link.${end}`, link[end], 'the id of a node of the network');
  }
  for (const x of ids) {
    if (index.links.has(x)) throw new InvalidMeasureError(measureId, 'link.id', link.id, `an id not used by the network's links (the network already has "${x}")`);
  }
  (link.structures ?? []).forEach((s, i) => {
    if (index.structures.has(s.id)) throw new InvalidMeasureError(measureId, `link.structures[${i}].id`, s.id, 'a structure id the network does not use');
  });
  const sources = new Set((spec.sources ?? []).map((s) => s.id));
  const cited = [
    ...refsOf(link.source, 'link.source'),
    ...refsOf(link.service?.source, 'link.service.source'),
    ...(link.structures ?? []).flatMap((s, i) => refsOf(s.source, `link.structures[${i}].source`)),
  ];
  for (const c of cited) {
    if (!sources.has(c.ref)) throw new InvalidMeasureError(measureId, c.field, c.ref, 'the id of an entry in the network\'s "sources"');
  }
  const profiles = new Set([...BUILT_IN_PROFILES.map((p) => p.id), ...(spec.profiles ?? []).map((p) => p.id)]);
  (link.profiles ?? []).forEach((p, i) => {
    if (!profiles.has(p)) throw new InvalidMeasureError(measureId, `link.profiles[${i}]`, p, `one of the network's profiles (${[...profiles].join(', ')})`);
  });
  const fromCountry = index.nodes.get(link.from)!.country;
  const toCountry = index.nodes.get(link.to)!.country;
  if (fromCountry !== toCountry && link.country === undefined && link.waters === undefined) {
    throw new InvalidMeasureError(measureId, 'link.country', undefined, `"country" or "waters": the link joins ${fromCountry} and ${toCountry}`);
  }
}

/**
 * Add a link. The link is checked when the measure is built (shape, figures, mode rules: an
 * `InvalidMeasureError` names the field, e.g. `link.speedKmh`) and when it is applied: its `from`
 * and `to` must be nodes of the network, its id (and `<id>:reverse` when bidirectional) and its
 * structures' ids unused, the sources it cites in the network's sources table, its profiles built
 * in or declared by the network, and a link between two countries needs `country` or `waters`.
 * Default id `add-link:<link id>`.
 */
export function addLink(options: AddLinkOptions): Measure {
  const rawId = (options as { link?: { id?: unknown } } | undefined)?.link?.id;
  const id = measureIdOf(options, `add-link:${typeof rawId === 'string' ? rawId : '?'}`);
  checkOptions(id, options, ['link']);
  checkLinkShape(id, options.link);
  const link: LinkSpec = deepFreeze(structuredClone(options.link));
  const ids = link.bidirectional === true ? [link.id, `${link.id}:reverse`] : [link.id];
  return defineMeasure({
    id,
    kind: 'add-link',
    title: options.title ?? `Add link ${link.id}`,
    changes: `A new ${link.mode} link ${link.id} from ${link.from} to ${link.to}${link.bidirectional === true ? ' (both directions)' : ''}, ${link.distanceKm} km.`,
    sources: extraSources(id, options.sources),
    parameters: [],
    scope: { nodes: [link.from, link.to], links: ids },
    options: { title: options.title, sources: options.sources, link },
    transform(spec) {
      checkFits(id, spec, link, ids);
      return { ...spec, links: [...spec.links, link] };
    },
  });
}
