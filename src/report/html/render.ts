// The HTML report: one self-contained file (inline CSS and SVG, no scripts, no external resources)
// with, per trip, the corridor map before and after, the transit-time distributions, the
// per-country breakdown by category and the attribution per measure, then the assumptions.
import type { Interval } from '../../simulate/compare.js';
import type { Route } from '../../route/fastest.js';
import { profileId, type ReportInput, type ReportTrip } from '../model.js';
import { LIBRARY_VERSION } from '../version.js';
import { requireReportInput } from '../check-input.js';
import { assumptionsHtml, avoidText } from './assumptions.js';
import { attributionSvg } from './attribution.js';
import { breakdownSvg } from './breakdown.js';
import { distributionSvg } from './distribution.js';
import { corridorChoiceHtml, tripEconomicsHtml } from './economics.js';
import { monthChartSvg, monthTableHtml } from './months.js';
import { escapeHtml } from './escape.js';
import { days, fixed, percent, signed } from './format.js';
import { basemapGroup, fitMap, mapLegendSvg, mapSvg } from './map.js';
import { NODE_KIND_LABELS } from './palette.js';
import { pageHead } from './page-head.js';
import { alternativesHtml, criticalityHtml } from './toolkit-sections.js';
import { uncertaintySection } from './uncertainty.js';
import { validationSection } from './validation.js';

function nameOf(input: ReportInput, id: string): string {
  return input.network.nodeById.get(id)?.name ?? id;
}

function routeLine(input: ReportInput, route: Route): string {
  return route.nodes.map((id) => escapeHtml(nameOf(input, id))).join(' → ');
}

function intervalDays(i: Interval): string {
  const range = i.low === null || i.high === null ? 'n/a: too few runs' : `${signed(i.low / 24, 2)}, ${signed(i.high / 24, 2)}`;
  return `${signed(i.estimate / 24, 2)} <span class="meta">[${range}]</span>`;
}

function keyFigures(trip: ReportTrip): string {
  const c = trip.comparison!;
  const b = c.before.summary;
  const a = c.after.summary;
  const d = c.difference;
  const row = (label: string, bh: number, ah: number, diff: Interval | null): string =>
    `<tr><th>${label}</th><td class="num">${days(bh, 1)}</td><td class="num">${days(ah, 1)}</td><td class="num">${diff === null ? signed((ah - bh) / 24, 2) : intervalDays(diff)}</td></tr>`;
  const rows = [
    row('mean', b.meanHours, a.meanHours, d.meanHours),
    row('p50 (median)', b.p50Hours, a.p50Hours, d.p50Hours),
    row('p90', b.p90Hours, a.p90Hours, d.p90Hours),
    row('p95', b.p95Hours, a.p95Hours, d.p95Hours),
    row('p5', b.p5Hours, a.p5Hours, null),
  ];
  if (c.within !== undefined) {
    rows.push(`<tr><th>within ${fixed(c.within.days, 1)} days</th><td class="num">${percent(c.within.before)}</td><td class="num">${percent(c.within.after)}</td><td class="num">${signed(c.within.delta * 100, 1)} pp</td></tr>`);
  }
  if (c.maxHours !== undefined) {
    rows.push(`<tr><th>within the profile’s ${fixed(c.maxHours.hours / 24, 1)}-day limit</th><td class="num">${percent(c.maxHours.before)}</td><td class="num">${percent(c.maxHours.after)}</td><td class="num">${signed(c.maxHours.delta * 100, 1)} pp</td></tr>`);
  }
  return `<table class="key-figures"><thead><tr><th>Transit time, days</th><th class="num">before</th><th class="num">after</th><th class="num">change after − before [95% Monte Carlo interval]</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function stopsTable(input: ReportInput, trip: ReportTrip): string {
  const c = trip.comparison!;
  const hoursAt = (r: Route): Map<string, number> => {
    const m = new Map<string, number>();
    for (const s of r.stops) m.set(s.nodeId, (m.get(s.nodeId) ?? 0) + s.hours);
    return m;
  };
  const before = hoursAt(c.before.route);
  const after = hoursAt(c.after.route);
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  if (ids.length === 0) return '';
  const rows = ids.map((id) => {
    const n = input.network.nodeById.get(id);
    const bh = before.get(id);
    const ah = after.get(id);
    return `<tr><td>${escapeHtml(n?.name ?? id)}</td><td>${escapeHtml(n?.country ?? '')}</td><td>${n ? escapeHtml(NODE_KIND_LABELS[n.kind]) : ''}</td><td class="num">${bh === undefined ? '—' : fixed(bh, 1)}</td><td class="num">${ah === undefined ? '—' : fixed(ah, 1)}</td><td class="num">${bh !== undefined && ah !== undefined ? signed(ah - bh, 1) : '—'}</td></tr>`;
  });
  return `<table class="stops"><thead><tr><th>Node</th><th>Country</th><th>Kind</th><th class="num">before, h</th><th class="num">after, h</th><th class="num">change, h</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function attributionTable(trip: ReportTrip): string {
  const a = trip.attribution!;
  const rows = a.measures.map(
    (m) =>
      `<tr><td class="nowrap"><code>${escapeHtml(m.id)}</code></td><td>${escapeHtml(m.title)}</td><td class="num">${fixed(m.shapley.meanHours, 2)}</td><td class="num">${days(m.shapley.meanHours, 3)}</td><td class="num">${fixed(m.shapley.p50Hours, 2)}</td><td class="num">${fixed(m.alone.meanHours, 2)}</td><td class="num">${fixed(m.removed.meanHours, 2)}</td></tr>`,
  );
  rows.push(`<tr><th colspan="2">All measures</th><td class="num"><strong>${fixed(a.total.meanHours, 2)}</strong></td><td class="num">${days(a.total.meanHours, 3)}</td><td class="num">${fixed(a.total.p50Hours, 2)}</td><td></td><td></td></tr>`);
  return `<table class="wide attribution"><thead><tr><th>Measure</th><th>Title</th><th class="num">Shapley, mean h</th><th class="num">days</th><th class="num">Shapley, p50 h</th><th class="num">alone, mean h</th><th class="num">removed, mean h</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function tripSection(input: ReportInput, trip: ReportTrip, index: number): string {
  const prefix = `t${index + 1}`;
  const c = trip.comparison;
  const origin = c?.before.origin ?? trip.options.origin;
  const destination = c?.before.destination ?? trip.options.destination;
  const heading = `${nameOf(input, origin)} → ${nameOf(input, destination)}`;
  const out: string[] = [`<section class="trip" id="trip-${index + 1}">`, `<h2>${escapeHtml(heading)} <span class="badge">${escapeHtml(profileId(trip))}</span></h2>`];
  if (trip.title !== undefined) out.push(`<p class="lead">${escapeHtml(trip.title)}</p>`);
  if (c === null) {
    out.push(`<p class="warning">No route from ${escapeHtml(heading.replace(' → ', ' to '))} for the profile ${escapeHtml(profileId(trip))}, before or after the measures.</p>`, '</section>');
    return out.join('\n');
  }
  const o = trip.options;
  const avoiding = avoidText(trip);
  out.push(
    `<p class="meta">${c.before.runs.toLocaleString('en-US')} ${c.before.runs === 1 ? 'run' : 'runs'}, seed ${o.seed}, ${escapeHtml(c.before.policy)} routes, common random numbers before and after${avoiding !== '' ? `; avoiding ${escapeHtml(avoiding)}` : ''}.</p>`,
  );
  out.push(`<p class="route"><strong>Route${c.after.route.links.join() === c.before.route.links.join() ? '' : ' before'}:</strong> ${routeLine(input, c.before.route)} (${fixed(c.before.route.distanceKm, 0)} km)</p>`);
  if (c.after.route.links.join() !== c.before.route.links.join()) {
    out.push(`<p class="route"><strong>Route after:</strong> ${routeLine(input, c.after.route)} (${fixed(c.after.route.distanceKm, 0)} km)</p>`);
  }
  if (c.before.routes.length > 1 || c.after.routes.length > 1) {
    out.push(`<p class="note">Adaptive routing: the most frequent route is taken in ${percent(c.before.routes[0]?.share ?? 0)} of runs before and ${percent(c.after.routes[0]?.share ?? 0)} after; the maps show the route on expected times.</p>`);
  }
  if (trip.uncertainty !== undefined) out.push(uncertaintySection(trip.uncertainty, c.difference.meanHours, prefix), '<h3>Transit times at the inputs’ values</h3>');
  for (const w of trip.warnings ?? []) out.push(`<p class="warning">${escapeHtml(w)}</p>`);
  out.push(keyFigures(trip));

  // Maps: before and after on one projection (fitted to the trip's routes, or to the network) and
  // one circle scale; the basemap is drawn once in an invisible SVG's defs and used by both.
  const frame = fitMap(input.network, input.mapExtent === 'network' ? undefined : [...c.before.route.nodes, ...c.after.route.nodes]);
  const basemapId = `${prefix}-basemap`;
  const stopMax = (r: Route): number => {
    const m = new Map<string, number>();
    for (const s of r.stops) m.set(s.nodeId, (m.get(s.nodeId) ?? 0) + s.hours);
    return Math.max(0, ...m.values());
  };
  const dwellScaleHours = Math.max(stopMax(c.before.route), stopMax(c.after.route), 1);
  out.push(
    `<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute" xmlns="http://www.w3.org/2000/svg"><defs>${basemapGroup(frame, basemapId)}</defs></svg>`,
  );
  out.push('<h3>Where the route goes and where it stops</h3>');
  out.push('<p class="note">Circle area: expected hours at each node of the route (border formalities, handling, waiting for a departure); the same scale on both maps. The highlighted line is the route on expected times.</p>');
  out.push(`<figure><figcaption>Before the measures</figcaption>${mapSvg({ network: input.network, frame, basemapId, route: c.before.route, dwellScaleHours, title: `Map of ${heading}, before the measures`, chart: 'map-before' })}</figure>`);
  out.push(`<figure><figcaption>After the measures</figcaption>${mapSvg({ network: input.network, frame, basemapId, route: c.after.route, dwellScaleHours, title: `Map of ${heading}, after the measures`, chart: 'map-after' })}</figure>`);
  out.push(`<figure>${mapLegendSvg(dwellScaleHours, 'map-legend')}</figure>`);
  out.push('<h4>Expected hours at each node of the route</h4>', stopsTable(input, trip));
  if (trip.alternatives !== undefined && trip.alternatives.length > 1) out.push(alternativesHtml(input, trip.alternatives, prefix, heading));

  out.push('<h3>Transit-time distribution</h3>');
  out.push('<p class="note">Each curve gives the share of runs that arrive within a number of days; a curve further left is faster. Dots mark the median (p50) and the 90th percentile (p90). The x axis stops at the 99.5th percentile.</p>');
  out.push(`<figure>${distributionSvg(c, prefix)}</figure>`);
  const monthChart = monthChartSvg(c);
  if (monthChart !== '') {
    const cal = c.before.calendar!;
    out.push('<h3>By month of departure</h3>');
    out.push(
      `<p class="note">Runs departing in each calendar month (${escapeHtml(cal.departure.label)}): the band spans p5 to p95 of their transit times, the line joins the medians. Storms, acceptance restrictions, holidays and the grain season make some months slower than others (see the assumptions).</p>`,
    );
    out.push(`<figure>${monthChart}</figure>`, monthTableHtml(c));
  }

  out.push('<h3>Where the time goes, per country</h3>');
  out.push('<p class="note">Mean hours per run spent in each country (or at sea), by category, before and after: the view of a Time Release Study.</p>');
  out.push(`<figure>${breakdownSvg(c, prefix)}</figure>`);

  out.push('<h3>What each measure saves</h3>');
  if (trip.attribution !== undefined) {
    out.push(`<p class="note">Exact Shapley values over all ${trip.attribution.subsets} subsets of the measures (same seed): each measure’s average marginal saving in mean transit time; they add up to the whole package’s saving. “Alone”: the measure on its own; “removed”: what the package loses without it.</p>`);
    out.push(`<figure>${attributionSvg(trip.attribution, prefix)}</figure>`);
    out.push(attributionTable(trip));
  } else if (trip.attributionError !== undefined) {
    out.push(`<p class="warning">No attribution: ${escapeHtml(trip.attributionError)}</p>`);
  } else if (trip.attributionSkipped !== undefined) {
    out.push(`<p class="warning">No attribution: ${escapeHtml(trip.attributionSkipped)}.</p>`);
  } else {
    out.push('<p>No measures were applied, so there is nothing to attribute.</p>');
  }
  if (trip.economics !== undefined) out.push(tripEconomicsHtml(c, trip.economics, prefix));
  out.push('</section>');
  return out.join('\n');
}

/**
 * Render a report as one self-contained HTML document: inline CSS and SVG only, no scripts, fonts,
 * stylesheets or images loaded from anywhere, readable without JavaScript. Every string taken from
 * data (node names, measure titles, sources) is escaped.
 */
export function renderReport(input: ReportInput): string {
  requireReportInput(input);
  const title = input.title ?? (input.package !== undefined ? `Transit times before and after: ${input.package.title}` : `Transit times on ${input.network.title}`);
  const sections = input.trips.map((t, i) => tripSection(input, t, i));
  const nav =
    input.trips.length > 1
      ? `<nav><strong>Trips</strong><ol>${input.trips
          .map((t, i) => {
            const c = t.comparison;
            const label = `${nameOf(input, c?.before.origin ?? t.options.origin)} → ${nameOf(input, c?.before.destination ?? t.options.destination)} (${profileId(t)})`;
            return `<li><a href="#trip-${i + 1}">${escapeHtml(label)}</a></li>`;
          })
          .join('')}${input.corridorChoice !== undefined ? '<li><a href="#corridor-choice">What the package does to the corridor’s share</a></li>' : ''}${input.criticality !== undefined ? '<li><a href="#criticality">Which links matter most</a></li>' : ''}${input.validation !== undefined ? '<li><a href="#validation">Model against published figures</a></li>' : ''}<li><a href="#assumptions">Assumptions and reproduction</a></li></ol></nav>`
      : '';
  return [
    ...pageHead(title),
    '<main>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">Network: ${escapeHtml(input.network.title)} · ${input.measures.length} measure${input.measures.length === 1 ? '' : 's'} · transcaspian ${escapeHtml(LIBRARY_VERSION)}${input.generatedAt !== undefined ? ` · ${escapeHtml(input.generatedAt)}` : ''}</p>`,
    '<p class="note">Times are door-to-door transit times from Monte Carlo simulation, in days unless marked h (hours). “Before” is the network as it is; “after” has the measures applied. Map: Natural Earth country boundaries (public domain).</p>',
    '</header>',
    nav,
    ...sections,
    ...(input.corridorChoice !== undefined ? [corridorChoiceHtml(input.corridorChoice)] : []),
    ...(input.criticality !== undefined ? [criticalityHtml(input, input.criticality)] : []),
    ...(input.validation !== undefined ? [validationSection(input.validation)] : []),
    ...(input.notes ?? []).map((n) => `<p class="note report-note">${escapeHtml(n)}</p>`),
    assumptionsHtml(input),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
