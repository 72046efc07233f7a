// The assumptions behind a report, so it can be reproduced: library version, network, every trip's
// origin, destination, profile, runs, seed and policy with the command that reruns it, and every
// measure's parameters (value, default, range, assumption) and sources.
import type { MeasureCitation, Measure } from '../../measures/types.js';
import { profileId, type ReportInput, type ReportTrip } from '../model.js';
import { LIBRARY_VERSION } from '../version.js';
import { escapeHtml } from './escape.js';
import { calendarAssumptionsHtml, calendarText } from './calendar-assumptions.js';

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** What a trip avoids, in words (`RU, BY; nodes x; links y`), or '' when nothing. */
export function avoidText(trip: ReportTrip): string {
  const a = trip.options.avoid;
  if (a === undefined) return '';
  const parts = [
    ...(a.countries !== undefined && a.countries.length > 0 ? [`countries ${a.countries.join(', ')}`] : []),
    ...(a.nodes !== undefined && a.nodes.length > 0 ? [`nodes ${a.nodes.join(', ')}`] : []),
    ...(a.links !== undefined && a.links.length > 0 ? [`links ${a.links.join(', ')}`] : []),
  ];
  return parts.join('; ');
}

/** `--volume` as the trip gave it. */
function volumeArgs(trip: ReportTrip): string[] {
  const v = trip.options.volume;
  if (v === undefined) return [];
  if (typeof v === 'number') return ['--volume', String(v)];
  return ['--volume', 'teuPerYear' in v ? `${v.teuPerYear}teu` : `${v.tonnesPerYear}t`];
}

/** The waits a trip's runs drew at capacity-limited places, in words. */
export function congestionText(trip: ReportTrip): string {
  const r = trip.comparison?.before;
  if (r === undefined) return '—';
  const c = r.congestion;
  if (c.mode === 'surveyed') return 'surveyed waits (the dataset’s)';
  const teu = c.teuPerYear !== undefined ? `, ${Math.round(c.teuPerYear).toLocaleString('en-US')} TEU a year` : '';
  const unstable = c.unstable.length > 0 ? `; UNSTABLE (utilisation ≥ 1, no stationary wait, left out): ${c.unstable.join(', ')}` : '';
  return `modelled from volume and capacity, ${+c.volume.toFixed(3)}× the ${c.year ?? 'reference'} volume${teu}${unstable}`;
}

/** The `transcaspian report` command that reruns a trip. */
export function reproduceCommand(input: ReportInput, trip: ReportTrip): string {
  const o = trip.options;
  const c = trip.comparison;
  const args = [
    'transcaspian',
    'report',
    '--from',
    c?.before.origin ?? o.origin,
    '--to',
    c?.before.destination ?? o.destination,
    '--profile',
    profileId(trip),
    '--measures',
    input.measuresArg ?? (input.measures.length === 0 ? 'none' : '<measures.json>'),
    '--runs',
    String(o.runs),
    '--seed',
    String(o.seed),
    '--policy',
    o.policy ?? 'planned',
    ...(o.withinDays !== undefined ? ['--within-days', String(o.withinDays)] : []),
    ...(o.avoid?.countries !== undefined && o.avoid.countries.length > 0 ? ['--avoid-countries', o.avoid.countries.join(',')] : []),
    ...volumeArgs(trip),
    ...(o.congestion !== undefined ? ['--congestion', o.congestion] : []),
    ...(o.avoid?.nodes !== undefined && o.avoid.nodes.length > 0 ? ['--avoid-nodes', o.avoid.nodes.join(',')] : []),
    ...(o.avoid?.links !== undefined && o.avoid.links.length > 0 ? ['--avoid-links', o.avoid.links.join(',')] : []),
    ...(o.via !== undefined && o.via.length > 0 ? ['--via', o.via.join(',')] : []),
    ...calendarArgs(trip),
    ...(input.networkFile !== undefined ? ['--network', input.networkFile] : []),
    '--out',
    'report.html',
  ];
  return args.map(shellWord).join(' ');
}

/** The calendar flags that rerun a trip's departure window, seasons and correlation (none for the defaults). */
function calendarArgs(trip: ReportTrip): string[] {
  const o = trip.options;
  const d = o.departure;
  const window =
    d === undefined
      ? []
      : 'date' in d
        ? ['--departure', d.date]
        : 'from' in d
          ? ['--departure', `${d.from}..${d.to}`]
          : 'month' in d
            ? ['--month', String(d.month), ...(d.year !== undefined ? ['--year', String(d.year)] : [])]
            : ['--year', String(d.year)];
  return [...window, ...(o.seasons === false ? ['--no-seasons'] : []), ...(o.independent === true ? ['--independent'] : [])];
}

function citation(c: MeasureCitation): string {
  const parts = [`${c.ref !== undefined ? `[${escapeHtml(c.ref)}] ` : ''}<cite>${escapeHtml(c.title)}</cite>`, escapeHtml(c.organisation), c.year === null ? 'year not stated' : String(c.year)];
  const url = c.url !== undefined ? ` <span class="url">${escapeHtml(c.url)}</span>` : '';
  return `<li>${parts.join(', ')}.${url}</li>`;
}

function num(v: number | null): string {
  if (v === null) return '—';
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function measureSection(m: Measure): string {
  const rows = m.parameters.map(
    (p) =>
      `<tr><td><code>${escapeHtml(p.name)}</code><br><span class="assumption">${escapeHtml(p.description)}</span></td><td>${escapeHtml(p.unit)}</td><td class="num">${num(p.value)}</td><td class="num">${p.default === null ? '— (caller’s own)' : num(p.default)}</td><td class="num">${num(p.min)} – ${num(p.max)}</td><td class="assumption">${escapeHtml(p.assumption)}</td></tr>`,
  );
  return [
    `<h4 id="measure-${escapeHtml(m.id)}"><code>${escapeHtml(m.id)}</code> — ${escapeHtml(m.title)}</h4>`,
    `<p>${escapeHtml(m.changes)}</p>`,
    rows.length > 0
      ? `<table class="wide parameters"><thead><tr><th>Parameter</th><th>Unit</th><th class="num">Value</th><th class="num">Default</th><th class="num">Range</th><th>Assumption</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p class="note">No numeric parameters.</p>',
    m.sources.length > 0 ? `<p><strong>Sources</strong></p><ul class="sources">${m.sources.map(citation).join('')}</ul>` : '<p class="note">No sources cited.</p>',
  ].join('\n');
}

/**
 * The capacity-limited places on the trips' routes as the congestion model saw them (utilisation,
 * mean wait, unstable), and the traffic it was loaded with; nothing when no trip used the model.
 */
function placesHtml(input: ReportInput): string[] {
  const rows = new Map<string, string>();
  for (const t of input.trips) {
    const c = t.comparison?.before.congestion;
    if (c === undefined || c.mode !== 'model') continue;
    for (const p of c.places) {
      if (rows.has(p.id)) continue;
      rows.set(
        p.id,
        `<tr><td>${escapeHtml(p.label)}</td><td>${escapeHtml(p.kind)}</td><td class="num">${p.utilisation.toFixed(2)}</td><td class="num">${p.stable ? (p.meanWaitHours ?? 0).toFixed(1) : 'unstable'}</td></tr>`,
      );
    }
  }
  if (rows.size === 0) return [];
  const traffic = input.network.spec.traffic;
  return [
    '<h3>Congestion: capacity-limited places on the routes</h3>',
    `<p>Waits at servers (border and gauge-change tracks, scanners, port handling) and ferries follow from the traffic and the capacities (before the measures): Erlang C for a server fed by Poisson flows, a recursion over the landings for one after a crossing, the bulk-service chain for a scheduled ferry, the fleet run alone in the queue model for a ferry that sails when full. A place at utilisation 1 or more is unstable: its queue grows without bound, it has no stationary wait, and the runs leave that wait out.${traffic !== undefined ? ` Reference traffic: ${escapeHtml(traffic.description)}` : ''}</p>`,
    `<table class="wide places"><thead><tr><th>Place</th><th>Kind</th><th class="num">Utilisation</th><th class="num">Mean wait, h</th></tr></thead><tbody>${[...rows.values()].join('')}</tbody></table>`,
  ];
}

/** The assumptions section of a report. */
export function assumptionsHtml(input: ReportInput): string {
  const n = input.network;
  const out: string[] = ['<section id="assumptions" class="assumptions">', '<h2>Assumptions and how to reproduce this report</h2>'];
  const runRows = input.trips.map((t) => {
    const o = t.options;
    const c = t.comparison;
    return `<tr><td>${escapeHtml(c?.before.origin ?? o.origin)}</td><td>${escapeHtml(c?.before.destination ?? o.destination)}</td><td class="nowrap">${escapeHtml(profileId(t))}</td><td class="num">${o.runs}</td><td class="num seed">${o.seed}</td><td>${escapeHtml(o.policy ?? 'planned')}</td><td>${escapeHtml(avoidText(t) || '—')}</td><td>${escapeHtml(congestionText(t))}</td><td>${escapeHtml(calendarText(t))}</td><td><code>${escapeHtml(reproduceCommand(input, t))}</code></td></tr>`;
  });
  out.push(
    '<table class="wide reproduce"><tbody>',
    `<tr><th>Library</th><td>transcaspian <span class="version">${escapeHtml(LIBRARY_VERSION)}</span></td></tr>`,
    `<tr><th>Network</th><td><code>${escapeHtml(n.id)}</code> — ${escapeHtml(n.title)} (${n.nodes.length} nodes, ${n.links.length} directed links)${input.networkFile !== undefined ? `, file <code>${escapeHtml(input.networkFile)}</code>` : ''}</td></tr>`,
    `<tr><th>Measures</th><td>${input.measures.length === 0 ? 'none' : input.measures.map((m) => `<code>${escapeHtml(m.id)}</code>`).join(', ')}${input.measuresArg !== undefined ? ` (<code>--measures ${escapeHtml(input.measuresArg)}</code>)` : ''}</td></tr>`,
    '<tr><th>Method</th><td>Monte Carlo with a seeded counter-based generator; before and after share common random numbers (the same draws for the same stages), so the paired differences have low variance. Intervals: 95%, mean ± 1.96 se, and for quantile differences the asymptotic interval from order statistics (sparsities by Siddiqui’s quotient with Hall–Sheather bandwidths, the pairs’ joint exceedance for their correlation). Attribution: exact Shapley values over every subset of the measures, same seed.</td></tr>',
    '</tbody></table>',
    '<h3>Runs</h3>',
    `<table class="wide runs"><thead><tr><th>Origin</th><th>Destination</th><th>Profile</th><th class="num">Runs</th><th class="num">Seed</th><th>Policy</th><th>Avoiding</th><th>Congestion and volume</th><th>Departing; seasons</th><th>Command</th></tr></thead><tbody>${runRows.join('')}</tbody></table>`,
  );
  out.push(...placesHtml(input));
  out.push(calendarAssumptionsHtml(input));
  const pkg = input.package;
  if (pkg !== undefined) {
    out.push(`<h3>Package: ${escapeHtml(pkg.title)}</h3>`);
    if (pkg.announced !== undefined) out.push(`<p>Announced ${escapeHtml(pkg.announced)}.</p>`);
    if (pkg.notes.length > 0) out.push(`<ul class="notes">${pkg.notes.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`);
    if (pkg.sources.length > 0) out.push(`<p><strong>Sources of the announcement</strong></p><ul class="sources">${pkg.sources.map(citation).join('')}</ul>`);
  }
  if (input.measures.length > 0) {
    out.push('<h3>Measures and their parameters</h3>');
    for (const m of input.measures) out.push(measureSection(m));
  } else {
    out.push('<p>No measures: “after” is the same network as “before”.</p>');
  }
  out.push('</section>');
  return out.join('\n');
}
