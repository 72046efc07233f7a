// Adding a link (a new line, a bypass, a new ferry service): checked like a link of a document when
// the measure is built, and against the network's nodes and ids when it is applied.
import { InvalidMeasureError } from '../errors.js';
import type { LinkSpec } from '../network/types.js';
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

/**
 * Add a link. The link is checked when the measure is built (shape, figures, mode rules: an
 * `InvalidMeasureError` names the field, e.g. `link.speedKmh`) and when it is applied (its `from`
 * and `to` must be nodes of the network, its id, and `<id>:reverse` when bidirectional, unused).
 * References to the network's sources and profiles, and the country rule for cross-border links,
 * are checked by `applyMeasures`' final validation. Default id `add-link:<link id>`.
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
      const index = indexSpec(spec);
      for (const end of ['from', 'to'] as const) {
        if (!index.nodes.has(link[end])) throw new InvalidMeasureError(id, `link.${end}`, link[end], 'the id of a node of the network');
      }
      for (const x of ids) {
        if (index.links.has(x)) throw new InvalidMeasureError(id, 'link.id', link.id, `an id not used by the network's links (the network already has "${x}")`);
      }
      return { ...spec, links: [...spec.links, link] };
    },
  });
}
