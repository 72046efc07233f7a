// The report's sections for a planner's questions beyond one before/after: the alternative routes of
// a trip on one map, and which links matter most to the trips (each closed in turn) on a map coloured
// by the days a closure adds.
import type { AlternativeRoute } from '../../route/alternatives.js';
import type { Criticality } from '../../route/criticality.js';
import type { ReportInput } from '../model.js';
import { escapeHtml } from './escape.js';
import { days, fixed, percent } from './format.js';
import { basemapGroup, fitMap } from './map.js';
import { alternativesMapSvg, criticalityMapSvg } from './overlay-map.js';

function defs(frameSvg: string): string {
  return `<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute" xmlns="http://www.w3.org/2000/svg"><defs>${frameSvg}</defs></svg>`;
}

/** A trip's alternative routes: one map (each route in its own colour and dash) and a table. */
export function alternativesHtml(input: ReportInput, alternatives: readonly AlternativeRoute[], prefix: string, heading: string): string {
  const name = (id: string): string => input.network.nodeById.get(id)?.name ?? id;
  const frame = fitMap(input.network, input.mapExtent === 'network' ? undefined : alternatives.flatMap((a) => a.route.nodes));
  const basemapId = `${prefix}-alt-basemap`;
  const rows = alternatives.map(
    (a) =>
      `<tr><td class="num">${a.rank}</td><td class="num">${days(a.route.totalHours, 1)}</td><td class="num">${a.rank === 1 ? '—' : `+${days(a.extraHours, 1)}`}</td><td class="num">${fixed(a.route.distanceKm, 0)}</td><td class="num">${a.rank === 1 ? '—' : percent(a.difference)}</td><td>${a.route.nodes.map((n) => escapeHtml(name(n))).join(' → ')}</td></tr>`,
  );
  return [
    '<h3>Alternative routes</h3>',
    '<p class="note">The fastest routes on expected times (before the measures) that differ meaningfully: each next route has at least the stated share of its distance on links that no faster route in the list uses.</p>',
    defs(basemapGroup(frame, basemapId)),
    `<figure>${alternativesMapSvg({ network: input.network, frame, basemapId, routes: alternatives.map((a) => a.route), title: `Alternative routes of ${heading}`, chart: `${prefix}-alternatives` })}</figure>`,
    `<table class="alternatives"><thead><tr><th class="num">#</th><th class="num">days</th><th class="num">more than the fastest</th><th class="num">km</th><th class="num">distance on new links</th><th>Route</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  ].join('\n');
}

/** Which links matter most: each closed in turn, the trips re-routed; map coloured by added days, and the top of the ranking. */
export function criticalityHtml(input: ReportInput, criticality: Criticality, top = 15): string {
  const name = (id: string): string => input.network.nodeById.get(id)?.name ?? id;
  const tripLabel = (t: number): string => {
    const o = criticality.trips[t]!.options;
    return `${name(o.origin)} → ${name(o.destination)}`;
  };
  const links = criticality.elements.filter((e) => e.kind === 'link');
  const frame = fitMap(input.network);
  const basemapId = 'criticality-basemap';
  const ranked = criticality.elements.slice(0, top);
  const rows = ranked.map((e) => {
    const cells = criticality.trips.map((_, t) => {
      const impact = e.impacts.find((i) => i.trip === t);
      if (impact === undefined || impact.endpoint === true) return '<td class="num">—</td>';
      return `<td class="num">${impact.addedHours === null ? '<strong>no route</strong>' : `+${days(impact.addedHours, 1)}`}</td>`;
    });
    return `<tr><td class="num">${e.rank}</td><td>${escapeHtml(e.name)} <span class="meta">(${escapeHtml(e.kind)} ${escapeHtml(e.id)})</span></td><td class="num">${e.noRouteTrips}</td><td class="num">+${days(e.addedHours, 1)}</td>${cells.join('')}</tr>`;
  });
  return [
    '<section class="criticality" id="criticality">',
    '<h2>Which links matter most</h2>',
    `<p class="note">Each ${links.length > 0 ? 'link' : 'node'} closed in turn (both directions), the trips re-routed on expected times: the days the closure adds to each trip, or “no route” where the trip cannot be made without it. Ranked by trips left without a route, then by days added in all. Trips: ${criticality.trips.map((_, t) => escapeHtml(tripLabel(t))).join('; ')}.</p>`,
    ...(links.length > 0
      ? [
          defs(basemapGroup(frame, basemapId)),
          `<figure>${criticalityMapSvg({ network: input.network, frame, basemapId, impacts: links.map((e) => ({ id: e.id, addedDays: e.addedDays, noRouteTrips: e.noRouteTrips })), title: 'Links coloured by the days their closure adds', chart: 'criticality-map' })}</figure>`,
        ]
      : []),
    `<table class="wide criticality"><thead><tr><th class="num">#</th><th>Closed</th><th class="num">trips without a route</th><th class="num">days added in all</th>${criticality.trips.map((_, t) => `<th class="num">${escapeHtml(tripLabel(t))}, days</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}
