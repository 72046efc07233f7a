// Closing a link (a line out of service, a border closed to transit): it is removed from the document.
import { defineMeasure } from './define.js';
import { directionsOf, editLink } from './adjust-link.js';
import { checkOptions, extraSources, measureIdOf, requireId } from './parameters.js';
import type { CloseLinkOptions, Measure } from './types.js';

/**
 * Close a link: remove it from the network. `link` is a document id or a directed id (`x:reverse`).
 * With `directions: 'both'` (the default: a closed road or line is closed both ways) the whole
 * document link goes, both directions of a bidirectional one. With `'named'` only the named
 * direction goes; the other stays as a one-way link keeping its id (`x` or `x:reverse`). A route
 * that needed the link may then not exist: routing answers "no route", it does not throw.
 * Default id `close-link:<link>`.
 */
export function closeLink(options: CloseLinkOptions): Measure {
  const id = measureIdOf(options, `close-link:${typeof options?.link === 'string' ? options.link : '?'}`);
  checkOptions(id, options, ['link', 'directions']);
  const linkId = requireId(id, 'link', options.link);
  const directions = directionsOf(id, options.directions);
  return defineMeasure({
    id,
    kind: 'close-link',
    title: options.title ?? `Close link ${linkId}`,
    changes: `Link ${linkId} is closed${directions === 'named' ? ' in this direction only' : ' (both directions if it is bidirectional)'}: consignments must route around it.`,
    sources: extraSources(id, options.sources),
    parameters: [],
    scope: { links: [linkId] },
    options: { title: options.title, sources: options.sources, link: linkId, directions },
    transform: (spec) => editLink(spec, id, linkId, directions, () => null),
  });
}
