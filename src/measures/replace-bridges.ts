// Replacing aged road bridges: the new bridge carries heavy loads at full speed and is hardly ever
// closed: a resilience and capacity measure, not a speed measure (the sources give the bridges' age and grants
// [S74, S75, S76], no weight limit, detour or closure record).
import { InvalidMeasureError } from '../errors.js';
import type { StructureSpec } from '../network/types.js';
import { defineMeasure } from './define.js';
import { absentCountriesOf, checkOptions, countryList, extraSources, idList, measureIdOf, requireParameter, type ParameterDef } from './parameters.js';
import { mapLinks, REVERSE_SUFFIX, sameStructure } from './rewrite.js';
import { indexSpec, linkCountry, requireCountries, requireLink } from './spec-index.js';
import { citations } from './sources.js';
import type { Measure, ReplaceBridgesOptions } from './types.js';

/** `residualClosureProbability` of `replaceBridges`. */
export const RESIDUAL_CLOSURE_PROBABILITY: ParameterDef & { readonly default: number } = Object.freeze({
  name: 'residualClosureProbability',
  unit: 'probability',
  description: 'Probability that a transit finds a replaced bridge closed (never above the old bridge\'s).',
  default: 0,
  min: 0,
  max: 0.01,
  hardMin: 0,
  hardMax: 1,
  assumption:
    'Estimate: after replacement the cap goes and the closure probability is near zero. ' +
    'The new Naryn bridge is built for very heavy loads [S74, S75] and Kok-Art is fully reconstructed [S76]; no ' +
    'closure statistics were found, so the default is 0 with up to 1% of transits for residual closures (works, floods).',
});

/**
 * Replace the bridges on road links in scope (links, structures and countries filter together; at
 * least one is required). Each `bridge` structure there loses its weight cap and overweight detour
 * (heavy loads pass), its speed restriction (`speedLimitKmh`, `restrictedKm`) and its `builtYear`
 * (the new bridge's is not known), and its closure probability becomes min(old, residual): a new
 * bridge is never more often closed than the old one. Tunnels and passes are never changed. A named
 * structure must be a bridge on a road link (its copy `<id>:reverse` on a link split by a
 * `directions: 'named'` measure is matched too) and a named link must be a road link, or
 * `InvalidMeasureError` names `scope.structures` or `scope.links`. Default id `replace-bridges`.
 */
export function replaceBridges(options: ReplaceBridgesOptions): Measure {
  const id = measureIdOf(options, 'replace-bridges');
  checkOptions(id, options, ['absentCountries', 'links', 'structures', 'countries', 'residualClosureProbability']);
  const links = idList(id, 'scope.links', options.links);
  const structures = idList(id, 'scope.structures', options.structures);
  const countries = countryList(id, options.countries, false);
  const absent = absentCountriesOf(id, options.absentCountries);
  if (links === undefined && structures === undefined && countries === undefined) {
    throw new InvalidMeasureError(id, 'scope', options, 'at least one of links, structures, countries');
  }
  const residual = requireParameter(id, RESIDUAL_CLOSURE_PROBABILITY, options.residualClosureProbability);
  const countrySet = countries === undefined ? undefined : new Set(countries);
  const where = [
    links === undefined ? '' : `links ${links.join(', ')}`,
    structures === undefined ? '' : `bridges ${structures.join(', ')}`,
    countries === undefined ? '' : `${countries.join(', ')}`,
  ].filter((s) => s !== '').join('; ');
  return defineMeasure({
    id,
    kind: 'replace-bridges',
    title: options.title ?? `Replace road bridges (${where})`,
    changes:
      `The road bridges in scope (${where}) are replaced: no weight cap or overweight detour, no speed restriction, ` +
      `and a closure probability of at most ${residual.value}. The effect is mainly on heavy loads and on the tail of ` +
      'transit times, little on the average container (no weight limit or closure record of the old bridges was found).' +
      (absent === 'ignore' ? ' Countries the network does not model are skipped.' : ''),
    sources: [...extraSources(id, options.sources), ...citations('S74', 'S75', 'S76')],
    parameters: [residual],
    scope: { links, structures, countries },
    options: { title: options.title, sources: options.sources, absentCountries: absent, links, structures, countries, residualClosureProbability: residual.value },
    transform(spec) {
      const index = indexSpec(spec);
      requireCountries(id, index, countries, absent);
      const linkSet = new Set<number>();
      for (const l of links ?? []) {
        const ref = requireLink(id, 'scope.links', index, l);
        if (spec.links[ref.index]!.mode !== 'road') throw new InvalidMeasureError(id, 'scope.links', l, 'the id of a road link');
        linkSet.add(ref.index);
      }
      for (const s of structures ?? []) {
        // A link split into one-way directions carries the reverse copy as `<id>:reverse`.
        const ref = index.structures.get(s) ?? index.structures.get(`${s}${REVERSE_SUFFIX}`);
        const link = ref === undefined ? undefined : spec.links[ref.linkIndex]!;
        if (ref === undefined || link === undefined || link.mode !== 'road' || link.structures![ref.structureIndex]!.kind !== 'bridge') {
          throw new InvalidMeasureError(id, 'scope.structures', s, 'the id of a bridge on a road link of the network');
        }
      }
      return mapLinks(spec, (link, i) => {
        if (link.mode !== 'road' || link.structures === undefined) return link;
        if (links !== undefined && !linkSet.has(i)) return link;
        if (countrySet !== undefined && !countrySet.has(linkCountry(index, link) ?? '')) return link;
        let changed = false;
        const replaced = link.structures.map((s): StructureSpec => {
          if (s.kind !== 'bridge' || (structures !== undefined && !structures.some((w) => sameStructure(s.id, w)))) return s;
          changed = true;
          const { weightLimitTonnes: _w, overweightDetourHours: _d, speedLimitKmh: _v, restrictedKm: _k, builtYear: _y, ...rest } = s;
          return { ...rest, closureProbability: Math.min(s.closureProbability, residual.value) };
        });
        return changed ? { ...link, structures: replaced } : link;
      });
    },
  });
}
