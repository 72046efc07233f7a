// Customs streamlining and officer training: the procedural part of clearance gets faster and
// risk-based selection sends fewer consignments to a physical exam. Capacity waits are untouched.
import { indexSpec, requireCountries, requireNodes } from './spec-index.js';
import { absentCountriesOf, countryList, checkOptions, extraSources, idList, measureIdOf, percent, requireParameter, type ParameterDef } from './parameters.js';
import { defineMeasure } from './define.js';
import { mapStages } from './rewrite.js';
import { scaleFinite } from './finite.js';
import { citations } from './sources.js';
import type { Measure, StreamlineCustomsOptions } from './types.js';

/** `proceduralCut` of `streamlineCustoms`. */
export const PROCEDURAL_CUT: ParameterDef & { readonly default: number } = Object.freeze({
  name: 'proceduralCut',
  unit: 'share',
  description: 'Share cut from the duration of every customs (procedural clearance) stage in scope.',
  default: 0.3,
  min: 0.2,
  max: 0.5,
  // A share of the time: 0 (no cut) to 1 (no procedural time left) is all that means anything.
  hardMin: 0,
  hardMax: 1,
  assumption:
    'Estimate, not a published target (the announcements give no figure [S1, S1b]). Range −20…−50% from ' +
    'regional reforms: Kyrgyz lane management 2.8 h → 1.3 h, −54% [S10b]; Dostyk train processing 9 h → 4.25 h, ' +
    '−53% [S93]; Temir-Baba 1 h → 25 min [S104]; Khorgos Gateway handling 5 h → 1 h [S34]. Those cuts include ' +
    'infrastructure and throughput changes, so training and procedure alone is put at the lower middle of the band, −30%.',
});

/** `inspectionRateCut` of `streamlineCustoms`. */
export const INSPECTION_RATE_CUT: ParameterDef & { readonly default: number } = Object.freeze({
  name: 'inspectionRateCut',
  unit: 'share',
  description: 'Share cut from the probability of every physical-inspection stage in scope (risk-based selection).',
  default: 0.2,
  min: 0,
  max: 0.5,
  hardMin: 0,
  hardMax: 1,
  assumption:
    'Estimate with no direct evidence: no measured change in physical-inspection rates after a reform was found. ' +
    'Training in risk management is meant to target exams (Georgia risk-based customs [S6]; the World Bank ' +
    'caveat that value comes from risk targeting [S128]), so the rate is cut by the low end of the procedural band (−20%); ' +
    'the range runs from no effect (0) to the top of that band (−50%).',
});

/**
 * Streamline customs in the named countries: every `customs` stage whose `country` is in scope
 * takes (1 − proceduralCut) of its time (every parameter of its distribution is scaled), and every
 * `inspection` stage in scope happens to (1 − inspectionRateCut) of the consignments it did (an
 * omitted probability counts as 1). No other stage kind changes: queues, gauge changes and handling
 * are capacity and transhipment time that procedures do not shorten (World Bank and OECD on the dominant delays [S3, S17]).
 * Default id `streamline-customs`. Throws `InvalidMeasureError` for a parameter outside its range or a country that is not an ISO
 * 3166-1 alpha-2 code, and (when applied) for a country or node absent from the network.
 */
export function streamlineCustoms(options: StreamlineCustomsOptions): Measure {
  const id = measureIdOf(options, 'streamline-customs');
  checkOptions(id, options, ['absentCountries', 'countries', 'nodes', 'exceptNodes', 'proceduralCut', 'inspectionRateCut']);
  const countries = countryList(id, options.countries, true)!;
  const absent = absentCountriesOf(id, options.absentCountries);
  const nodes = idList(id, 'scope.nodes', options.nodes);
  const exceptNodes = idList(id, 'scope.exceptNodes', options.exceptNodes);
  const procedural = requireParameter(id, PROCEDURAL_CUT, options.proceduralCut);
  const inspection = requireParameter(id, INSPECTION_RATE_CUT, options.inspectionRateCut);
  const durationFactor = 1 - procedural.value;
  const probabilityFactor = 1 - inspection.value;
  const countrySet = new Set(countries);
  const nodeSet = nodes === undefined ? undefined : new Set(nodes);
  const exceptSet = new Set(exceptNodes ?? []);
  const where = `${countries.join(', ')}${nodes === undefined ? '' : ` at ${nodes.join(', ')}`}${exceptNodes === undefined ? '' : ` (except at ${exceptNodes.join(', ')})`}`;
  return defineMeasure({
    id,
    kind: 'streamline-customs',
    title: options.title ?? `Streamline customs in ${countries.join(', ')}`,
    changes:
      `Customs clearance stages of ${where} take ${percent(procedural.value)} less time, and the share of consignments ` +
      `sent to a physical inspection there falls by ${percent(inspection.value)}. Queues, gauge changes, handling and ` +
      'every other stage are unchanged: they are capacity and transhipment time, not procedure.' +
      (absent === 'ignore' ? ' Countries the network does not model are skipped.' : ''),
    sources: [...extraSources(id, options.sources), ...citations('S1', 'S1b', 'S10b', 'S93', 'S104', 'S34', 'S6', 'S128', 'S3', 'S17')],
    parameters: [procedural, inspection],
    scope: { countries, nodes, exceptNodes },
    options: { title: options.title, sources: options.sources, absentCountries: absent, countries, nodes, exceptNodes, proceduralCut: procedural.value, inspectionRateCut: inspection.value },
    transform(spec) {
      const index = indexSpec(spec);
      requireCountries(id, index, countries, absent);
      requireNodes(id, 'scope.nodes', index, nodes);
      requireNodes(id, 'scope.exceptNodes', index, exceptNodes);
      return mapStages(spec, (stage, node) => {
        if (!countrySet.has(stage.country) || exceptSet.has(node.id) || (nodeSet !== undefined && !nodeSet.has(node.id))) return stage;
        if (stage.kind === 'customs') return { ...stage, durationHours: scaleFinite(id, 'proceduralCut', stage.durationHours, durationFactor, `the duration of stage "${stage.id}" at ${node.id}`) };
        if (stage.kind === 'inspection' && probabilityFactor !== 1) return { ...stage, probability: (stage.probability ?? 1) * probabilityFactor };
        return stage;
      });
    },
  });
}
