// A study as one self-contained HTML page: per trip, the alternatives side by side — a table of their
// transit times and changes against the reference with 95% intervals, a chart of each one's spread
// (p5–p95 line, p50–p90 box, mean), and their routes — then every alternative's measures and how to
// rerun the study. Inline CSS and SVG only, as the scenario report.
import type { Interval } from '../../simulate/compare.js';
import { requireStudyResult } from '../../simulate/study/check-result.js';
import type { StudyResult, StudyTripResult } from '../../simulate/study/merge.js';
import { LIBRARY_VERSION } from '../version.js';
import { ALTERNATIVE_STYLES } from './overlay-map.js';
import { escapeHtml } from './escape.js';
import { days, fixed, percent, px, signed } from './format.js';
import { pageHead } from './page-head.js';

const WIDTH = 1160;
const ROW = 34;
const LEFT = 230;
const RIGHT = 40;

/** Each alternative's spread on one day axis: a line p5–p95, a box p50–p90, a diamond at the mean. */
function spreadSvg(trip: StudyTripResult, chart: string): string {
  const rows = trip.alternatives.filter((a) => a.result !== null);
  if (rows.length === 0) return '';
  const lo = Math.min(...rows.map((a) => a.result!.summary.p5Hours)) / 24;
  const hi = Math.max(...rows.map((a) => a.result!.summary.p95Hours)) / 24;
  const span = hi - lo > 0 ? hi - lo : 1;
  const x0 = Math.floor(lo - span * 0.05);
  const x1 = Math.ceil(hi + span * 0.05);
  const x = (d: number): number => LEFT + ((d - x0) / (x1 - x0)) * (WIDTH - LEFT - RIGHT);
  const height = 40 + ROW * rows.length;
  const out = [
    `<svg class="chart" data-chart="${escapeHtml(chart)}" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="Transit-time spread of each alternative" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="13">`,
    '<title>Transit-time spread of each alternative (days): line p5–p95, box p50–p90, diamond the mean</title>',
  ];
  const step = Math.max(1, Math.ceil((x1 - x0) / 12));
  for (let d = x0; d <= x1; d += step) out.push(`<path d="M${px(x(d))} 8V${height - 24}" stroke="#e3e3e3"/><text x="${px(x(d))}" y="${height - 8}" text-anchor="middle" fill="#555555">${d}</text>`);
  rows.forEach((a, i) => {
    const s = a.result!.summary;
    const y = 20 + ROW * i;
    const { color } = ALTERNATIVE_STYLES[trip.alternatives.indexOf(a) % ALTERNATIVE_STYLES.length]!;
    out.push(`<text x="${LEFT - 10}" y="${y + 5}" text-anchor="end">${escapeHtml(a.id)}</text>`);
    out.push(`<path d="M${px(x(s.p5Hours / 24))} ${y}H${px(x(s.p95Hours / 24))}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<rect x="${px(x(s.p50Hours / 24))}" y="${y - 8}" width="${px(Math.max(1, x(s.p90Hours / 24) - x(s.p50Hours / 24)))}" height="16" fill="${color}" fill-opacity="0.35" stroke="${color}"/>`);
    const m = x(s.meanHours / 24);
    out.push(`<path d="M${px(m)} ${y - 7}L${px(m + 6)} ${y}L${px(m)} ${y + 7}L${px(m - 6)} ${y}Z" fill="#ffffff" stroke="#111111" stroke-width="1.4"><title>${escapeHtml(`${a.id}: mean ${days(s.meanHours, 2)} d, p5 ${days(s.p5Hours, 1)}, p50 ${days(s.p50Hours, 1)}, p90 ${days(s.p90Hours, 1)}, p95 ${days(s.p95Hours, 1)}`)}</title></path>`);
  });
  out.push('</svg>');
  return out.join('');
}

function tripSection(r: StudyResult, trip: StudyTripResult, t: number): string {
  const name = (id: string): string => r.study.names[id] ?? id;
  const head = trip.alternatives.map((a) => `<th class="num">${escapeHtml(a.id)}${a.title !== undefined ? `<br><span class="meta">${escapeHtml(a.title)}</span>` : ''}</th>`).join('');
  const row = (label: string, cell: (a: StudyTripResult['alternatives'][number]) => string): string =>
    `<tr><th>${label}</th>${trip.alternatives.map((a) => `<td class="num">${a.result === null ? '—' : cell(a)}</td>`).join('')}</tr>`;
  const change = (pick: (d: NonNullable<StudyTripResult['alternatives'][number]['comparison']>['difference']) => Interval) => (a: StudyTripResult['alternatives'][number]): string => {
    const c = a.comparison;
    if (c === undefined) return a === trip.alternatives[0] ? 'reference' : '—';
    const i = pick(c.difference);
    return `${signed(i.estimate / 24, 2)}<br><span class="meta">[${i.low === null || i.high === null ? 'n/a' : `${signed(i.low / 24, 2)}, ${signed(i.high / 24, 2)}`}]</span>`;
  };
  const rows = [
    row('mean, days', (a) => days(a.result!.summary.meanHours, 1)),
    row('p50, days', (a) => days(a.result!.summary.p50Hours, 1)),
    row('p90, days', (a) => days(a.result!.summary.p90Hours, 1)),
    row('p95, days', (a) => days(a.result!.summary.p95Hours, 1)),
    row('Δ mean [95%]', change((d) => d.meanHours)),
    row('Δ p50 [95%]', change((d) => d.p50Hours)),
    row('Δ p90 [95%]', change((d) => d.p90Hours)),
    ...(trip.withinDays !== undefined ? [row(`within ${fixed(trip.withinDays, 0)} days`, (a) => percent(a.result!.probabilityWithin(trip.withinDays!)))] : []),
    row('route km', (a) => fixed(a.result!.route.distanceKm, 0)),
  ];
  const routes = trip.alternatives
    .map((a) => `<li><strong>${escapeHtml(a.id)}</strong>: ${a.result === null ? 'no route' : a.result.route.nodes.map((n) => escapeHtml(name(n))).join(' → ')}${a.result !== null && a.result.routes.length > 1 ? ` <span class="meta">(most frequent of ${a.result.routes.length} routes: ${percent(a.result.routes[0]!.share)} of runs)</span>` : ''}</li>`)
    .join('');
  return [
    `<section class="trip" id="trip-${t + 1}">`,
    `<h2>${escapeHtml(trip.title ?? trip.id)} <span class="badge">${escapeHtml(trip.profile)}</span></h2>`,
    `<p class="lead">${escapeHtml(name(trip.origin))} → ${escapeHtml(name(trip.destination))}</p>`,
    `<table class="wide study"><thead><tr><th>Transit time</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `<figure><figcaption>Spread of transit times, days: line p5–p95, box p50–p90, diamond the mean</figcaption>${spreadSvg(trip, `t${t + 1}-spread`)}</figure>`,
    '<h3>Routes (on expected times)</h3>',
    `<ul class="routes">${routes}</ul>`,
    '</section>',
  ].join('\n');
}

/** The study's report as one self-contained HTML document: the alternatives side by side, trip by trip. */
export function renderStudyReport(r: StudyResult): string {
  requireStudyResult(r);
  const s = r.study;
  const alternatives = s.alternatives
    .map((a, i) => `<li><strong>${escapeHtml(a.id)}</strong>${a.title !== undefined ? ` — ${escapeHtml(a.title)}` : ''}: ${a.measures.length === 0 ? 'no measures' : a.measures.map((m) => `<code>${escapeHtml(m)}</code>`).join(' + ')}${i === 0 ? ' <em>(reference)</em>' : ''}</li>`)
    .join('');
  return [
    ...pageHead(s.title),
    '<main>',
    '<header>',
    `<h1>${escapeHtml(s.title)}</h1>`,
    `<p class="meta">${s.alternatives.length} alternatives × ${s.trips.length} trips · ${s.runs.toLocaleString('en-US')} runs each · seed ${s.seed} · ${escapeHtml(s.policy)} routes · transcaspian ${escapeHtml(LIBRARY_VERSION)} · study ${escapeHtml(r.digest.slice(0, 12))}</p>`,
    `<p class="note">Door-to-door transit times from Monte Carlo simulation. Every alternative is run with the same seed, so the same stages, links and structures get the same draws (common random numbers), and each is compared with the reference, <strong>${escapeHtml(s.alternatives[0]!.id)}</strong>, run by run: Δ is the change in days (negative: faster) with its 95% interval.</p>`,
    `<h3>Alternatives</h3><ul>${alternatives}</ul>`,
    '</header>',
    ...r.trips.map((t, i) => tripSection(r, t, i)),
    '<section id="reproduce"><h2>Reproduction</h2>',
    `<p>Rerun with <code>transcaspian study &lt;study.json&gt; --out results/</code>, or in N shards with <code>--shard i/N --out part-i.json</code> and <code>transcaspian merge part-*.json --out results/</code>: the same study file, network and measures give these figures bit for bit (the digest above identifies them).</p>`,
    '</section>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
