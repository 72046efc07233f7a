// Port customs procedures (digitalisation, streamlined clearance) at named seaports, by default the
// Port of Aktau, where Japan said it would help improve customs procedures [S2j, S2k].
import { InvalidMeasureError } from '../errors.js';
import { defineMeasure } from './define.js';
import { absentCountriesOf, checkOptions, countryList, extraSources, idList, measureIdOf, percent, requireParameter, type ParameterDef } from './parameters.js';
import { mapStages } from './rewrite.js';
import { scaleFinite } from './finite.js';
import { indexSpec, requireCountries, requireNodes } from './spec-index.js';
import { citations } from './sources.js';
import type { ImprovePortCustomsOptions, Measure } from './types.js';

/** `cut` of `improvePortCustoms`. */
export const PORT_CUSTOMS_CUT: ParameterDef & { readonly default: number } = Object.freeze({
  name: 'cut',
  unit: 'share',
  description: 'Share cut from the duration of every customs stage at the ports in scope.',
  default: 0.3,
  min: 0.2,
  max: 0.4,
  hardMin: 0,
  hardMax: 1,
  assumption:
    'Estimate, not a published target: Japan will "participate in improving customs procedures at the port of Aktau" ' +
    '[S2j, S2k] and digitalise customs services there [S2l], with no figure given. Range −20…−40% from ' +
    'regional reforms of procedures (Kyrgyz lane management −54% [S10b], Dostyk train processing −53% [S93]), put lower at a port where vessel and quay time dominate; the Baku port TITR protocol brought vessel handling from a ' +
    '30 h maximum to a 20.1 h average, about −33% [S46].',
});

/** Default port: the Port of Aktau's node id in the shipped dataset. */
export const AKTAU_NODE_ID = 'aktau';

/**
 * Speed up customs at seaports: every `customs` stage at the `nodes` (default `['aktau']`; each
 * must be a node of kind `port`), of the `countries` when given, takes (1 − cut) of its time. No
 * other stage kind changes (port handling, ferry waits and queues are capacity, not procedure).
 * Default id `improve-port-customs`.
 */
export function improvePortCustoms(options: ImprovePortCustomsOptions = {}): Measure {
  const id = measureIdOf(options, 'improve-port-customs');
  checkOptions(id, options, ['absentCountries', 'nodes', 'countries', 'cut']);
  const nodes = idList(id, 'scope.nodes', options.nodes) ?? Object.freeze([AKTAU_NODE_ID]);
  const countries = countryList(id, options.countries, false);
  const absent = absentCountriesOf(id, options.absentCountries);
  const cut = requireParameter(id, PORT_CUSTOMS_CUT, options.cut);
  const factor = 1 - cut.value;
  const nodeSet = new Set(nodes);
  const countrySet = countries === undefined ? undefined : new Set(countries);
  return defineMeasure({
    id,
    kind: 'improve-port-customs',
    title: options.title ?? `Improve port customs at ${nodes.join(', ')}`,
    changes:
      `Customs stages at the port${nodes.length === 1 ? '' : 's'} ${nodes.join(', ')}${countries === undefined ? '' : ` (${countries.join(', ')})`} ` +
      `take ${percent(cut.value)} less time. Handling, ferry waits and queues are unchanged.`,
    sources: [...extraSources(id, options.sources), ...citations('S2j', 'S2k', 'S2l', 'S46', 'S10b', 'S93')],
    parameters: [cut],
    scope: { nodes, countries },
    options: { title: options.title, sources: options.sources, absentCountries: absent, nodes, countries, cut: cut.value },
    transform(spec) {
      const index = indexSpec(spec);
      requireCountries(id, index, countries, absent);
      for (const node of requireNodes(id, 'scope.nodes', index, nodes)) {
        if (node.kind !== 'port') throw new InvalidMeasureError(id, 'scope.nodes', node.id, `the id of a port node (this one is a ${node.kind})`);
      }
      return mapStages(spec, (stage, node) => {
        if (stage.kind !== 'customs' || !nodeSet.has(node.id) || (countrySet !== undefined && !countrySet.has(stage.country))) return stage;
        return { ...stage, durationHours: scaleFinite(id, 'cut', stage.durationHours, factor, `the duration of stage "${stage.id}" at ${node.id}`) };
      });
    },
  });
}
