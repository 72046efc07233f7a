// A user's own change to one link: speed, distance, or its ferry/sea service (sailing time,
// headway, cancellations).
import { InvalidMeasureError } from '../errors.js';
import { HOURS_RANGE_TEXT, hoursInRange } from '../network/limits.js';
import type { LinkSpec, NetworkSpec, ServiceSpec } from '../network/types.js';
import { defineMeasure } from './define.js';
import { checkOptions, extraSources, measureIdOf, requireId, resolveParameter, userSetting } from './parameters.js';
import { positiveFinite, scaleFinite } from './finite.js';
import { mapLinkAt, REVERSE_SUFFIX, splitDirections } from './rewrite.js';
import { indexSpec, requireLink } from './spec-index.js';
import type { AdjustLinkOptions, LinkDirections, Measure, MeasureParameter } from './types.js';

const SPEED_KMH = userSetting('speedKmh', 'kmh', 'Commercial speed while moving (rail and road links).', 1, 200);
const SPEED_FACTOR = userSetting('speedFactor', 'factor', 'Multiplies the speed; divides a moving-time distribution (rail and road links).', 0.1, 10);
const DISTANCE_KM = userSetting('distanceKm', 'km', 'Length of the link (a realignment or bypass).', 0.1, 20000);
const SAILING_FACTOR = userSetting('sailingFactor', 'factor', 'Multiplies the sailing-time distribution (ferry and sea links).', 0.1, 10);
const HEADWAY_FACTOR = userSetting('headwayFactor', 'factor', 'Multiplies the time between departures (ferry and sea links).', 0.1, 10);
const DEPARTURES_PER_WEEK = userSetting('departuresPerWeek', 'departures per week', 'Regular departures per week (ferry and sea links).', 0.01, 168);
const CANCELLATION = userSetting('cancellationProbability', 'probability', 'Probability that a departure is cancelled (ferry and sea links).', 0, 0.99);

/** Check the `directions` option (default `both`). */
export function directionsOf(measureId: string, value: unknown): LinkDirections {
  if (value === undefined) return 'both';
  if (value !== 'both' && value !== 'named') throw new InvalidMeasureError(measureId, 'directions', value, '"both" or "named"');
  return value;
}

/**
 * Apply `edit` to the document link that directed id `linkId` belongs to. With `both` (or a one-way
 * link) the whole document link is edited; with `named` on a bidirectional link, the link is split
 * into its two directions (ids `x` and `x:reverse`) and only the named one is edited (`edit`
 * returning `null` removes it). Splitting gives the reverse copies of the link's structures the ids
 * `<id>:reverse`; when one of those ids is already taken, `InvalidMeasureError` names `directions`.
 */
export function editLink(
  spec: NetworkSpec,
  measureId: string,
  linkId: string,
  directions: LinkDirections,
  edit: (link: LinkSpec) => LinkSpec | null,
): NetworkSpec {
  const index = indexSpec(spec);
  const ref = requireLink(measureId, 'link', index, linkId);
  return mapLinkAt(spec, ref.index, (link) => {
    if (directions === 'both' || link.bidirectional !== true) return edit(link) ?? [];
    for (const s of link.structures ?? []) {
      if (index.structures.has(`${s.id}${REVERSE_SUFFIX}`)) {
        throw new InvalidMeasureError(measureId, 'directions', directions, `"both" on link ${link.id}: splitting it would copy its structure "${s.id}" as "${s.id}${REVERSE_SUFFIX}", an id the network already uses`);
      }
    }
    const { forward, reverse } = splitDirections(link);
    const named = edit(ref.reversed ? reverse : forward);
    const kept = ref.reversed ? forward : reverse;
    if (named === null) return [kept];
    return ref.reversed ? [kept, named] : [named, kept];
  });
}

/**
 * Change one link. Rail and road: `speedKmh` sets the speed (replacing a `durationHours`),
 * `speedFactor` multiplies the speed or divides the moving-time distribution; `distanceKm` sets the
 * length (which changes the time only of a link given by speed). Ferry and sea: `sailingFactor`
 * scales the sailing time, `headwayFactor` the headway (or divides `departuresPerWeek`),
 * `departuresPerWeek` sets a regular service (replacing `headwayHours`), `cancellationProbability`
 * sets the cancellation rate. `link` is a document id or a directed id (`x:reverse`); `directions`
 * `both` (default) changes both directions of a bidirectional link, `named` only the one named
 * (the link is split into two one-way links `x` and `x:reverse`). A change that does not fit the
 * link's mode throws `InvalidMeasureError` naming the option when the measure is applied.
 * Default id `adjust-link:<link>`.
 */
export function adjustLink(options: AdjustLinkOptions): Measure {
  const id = measureIdOf(options, `adjust-link:${typeof options?.link === 'string' ? options.link : '?'}`);
  checkOptions(id, options, ['link', 'directions', 'speedKmh', 'speedFactor', 'distanceKm', 'sailingFactor', 'headwayFactor', 'departuresPerWeek', 'cancellationProbability']);
  const linkId = requireId(id, 'link', options.link);
  const directions = directionsOf(id, options.directions);
  const speedKmh = resolveParameter(id, SPEED_KMH, options.speedKmh);
  const speedFactor = resolveParameter(id, SPEED_FACTOR, options.speedFactor);
  const distanceKm = resolveParameter(id, DISTANCE_KM, options.distanceKm);
  const sailingFactor = resolveParameter(id, SAILING_FACTOR, options.sailingFactor);
  const headwayFactor = resolveParameter(id, HEADWAY_FACTOR, options.headwayFactor);
  const departuresPerWeek = resolveParameter(id, DEPARTURES_PER_WEEK, options.departuresPerWeek);
  const cancellation = resolveParameter(id, CANCELLATION, options.cancellationProbability);
  if (speedKmh !== undefined && speedFactor !== undefined) throw new InvalidMeasureError(id, 'speedFactor', options.speedFactor, 'nothing when speedKmh is given (use one or the other)');
  if (headwayFactor !== undefined && departuresPerWeek !== undefined) throw new InvalidMeasureError(id, 'headwayFactor', options.headwayFactor, 'nothing when departuresPerWeek is given (use one or the other)');
  const parameters = [speedKmh, speedFactor, distanceKm, sailingFactor, headwayFactor, departuresPerWeek, cancellation];
  const given = parameters.filter((p): p is MeasureParameter => p !== undefined);
  if (given.length === 0) {
    throw new InvalidMeasureError(id, 'options', options, 'at least one of speedKmh, speedFactor, distanceKm, sailingFactor, headwayFactor, departuresPerWeek, cancellationProbability');
  }
  const moving = [speedKmh, speedFactor].filter((p): p is MeasureParameter => p !== undefined);
  const service = [sailingFactor, headwayFactor, departuresPerWeek, cancellation].filter((p): p is MeasureParameter => p !== undefined);

  const edit = (link: LinkSpec): LinkSpec => {
    const roadOrRail = link.mode === 'rail' || link.mode === 'road';
    const misfit = (roadOrRail ? service : moving)[0];
    if (misfit !== undefined) {
      throw new InvalidMeasureError(id, misfit.name, link.id, roadOrRail ? 'a ferry or sea link (this one is rail or road)' : 'a rail or road link (this one is ferry or sea)');
    }
    let out: LinkSpec = link;
    if (distanceKm !== undefined) {
      // A structure's restricted stretch lies on the link: it cannot be longer than the link.
      for (const s of link.structures ?? []) {
        if (s.restrictedKm !== undefined && s.restrictedKm > distanceKm.value) {
          throw new InvalidMeasureError(id, 'distanceKm', distanceKm.value, `at least the restricted length of structure "${s.id}" on link ${link.id} (${s.restrictedKm} km)`);
        }
      }
      out = { ...out, distanceKm: distanceKm.value };
    }
    if (speedKmh !== undefined) {
      const { durationHours: _d, ...rest } = out;
      out = { ...rest, speedKmh: speedKmh.value };
    }
    if (speedFactor !== undefined) {
      if (out.speedKmh !== undefined) out = { ...out, speedKmh: positiveFinite(id, 'speedFactor', speedFactor.value, out.speedKmh * speedFactor.value, `the speed of link ${link.id}`) };
      else if (out.durationHours !== undefined) out = { ...out, durationHours: scaleFinite(id, 'speedFactor', out.durationHours, 1 / speedFactor.value, `the moving time of link ${link.id}`) };
    }
    if (out.speedKmh !== undefined && !hoursInRange(out.distanceKm / out.speedKmh)) {
      const changed = speedFactor ?? speedKmh ?? distanceKm!;
      throw new InvalidMeasureError(id, changed.name, changed.value, `a value that keeps the travel time of link ${link.id} (distanceKm / speedKmh) ${HOURS_RANGE_TEXT}`);
    }
    if (out.service !== undefined && service.length > 0) {
      let s: ServiceSpec = out.service;
      if (sailingFactor !== undefined) s = { ...s, sailingHours: scaleFinite(id, 'sailingFactor', s.sailingHours, sailingFactor.value, `the sailing time of link ${link.id}`) };
      if (headwayFactor !== undefined) {
        if (s.headwayHours !== undefined) s = { ...s, headwayHours: scaleFinite(id, 'headwayFactor', s.headwayHours, headwayFactor.value, `the headway of link ${link.id}`) };
        else if (s.departuresPerWeek !== undefined) {
          s = { ...s, departuresPerWeek: positiveFinite(id, 'headwayFactor', headwayFactor.value, s.departuresPerWeek / headwayFactor.value, `the departures per week of link ${link.id}`) };
        }
      }
      if (departuresPerWeek !== undefined) {
        const { headwayHours: _h, ...rest } = s;
        s = { ...rest, departuresPerWeek: departuresPerWeek.value };
      }
      if (cancellation !== undefined) s = { ...s, cancellationProbability: cancellation.value };
      if (s.departuresPerWeek !== undefined && !hoursInRange(168 / s.departuresPerWeek)) {
        const changed = departuresPerWeek ?? headwayFactor!;
        throw new InvalidMeasureError(id, changed.name, changed.value, `a value that keeps the headway of link ${link.id} (168 / departuresPerWeek) ${HOURS_RANGE_TEXT}`);
      }
      out = { ...out, service: s };
    }
    return out;
  };

  const what = given.map((p) => `${p.name} ${p.unit === 'factor' ? '×' : '= '}${p.value}`).join(', ');
  return defineMeasure({
    id,
    kind: 'adjust-link',
    title: options.title ?? `Adjust link ${linkId}`,
    changes: `Link ${linkId}${directions === 'named' ? ' (this direction only)' : ''}: ${what}. Nothing else changes.`,
    sources: extraSources(id, options.sources),
    parameters,
    scope: { links: [linkId] },
    options: {
      title: options.title,
      sources: options.sources,
      link: linkId,
      directions,
      ...Object.fromEntries(given.map((p) => [p.name, p.value])),
    },
    transform: (spec) => editLink(spec, id, linkId, directions, edit),
  });
}
