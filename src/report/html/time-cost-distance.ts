// UNESCAP's Time/Cost–Distance chart: cumulative time (days) and cumulative money (USD per TEU)
// against the km travelled along the route, before and after, each with its p10–p90 band. Moving
// legs slope; stops (borders, transfers, ports) are vertical steps, and the steps at borders and
// ports are marked and named, so the chart shows where a corridor loses time and money.
import type { TimeCostDistance, TimeCostPoint } from '../../economics/time-cost-distance.js';
import { escapeHtml } from './escape.js';
import { fixed, px } from './format.js';
import { SERIES, kindMarker } from './palette.js';
import { linearScale } from './scale.js';
import { svgOpen, xAxis, yAxis } from './svg.js';

const WIDTH = 1160;
const HEIGHT = 380;
const M = { left: 90, right: 28, top: 46, bottom: 60 };

type Measure = 'hours' | 'usd';

function value(p: TimeCostPoint, m: Measure, q: 'expected' | 'p10' | 'p90' | 'p50'): number {
  if (m === 'hours') return (q === 'expected' ? p.expectedHours : q === 'p10' ? p.p10Hours : q === 'p90' ? p.p90Hours : p.p50Hours) / 24;
  return q === 'expected' ? p.expectedUsdPerTeu : q === 'p10' ? p.p10UsdPerTeu : q === 'p90' ? p.p90UsdPerTeu : p.p50UsdPerTeu;
}

/** The steps where the consignment crosses a border or changes mode at a port: the points worth naming. */
function namedSteps(points: readonly TimeCostPoint[]): TimeCostPoint[] {
  return points.filter((p, k) => p.kind === 'depart' && (p.nodeKind === 'border' || p.nodeKind === 'port') && k > 0 && value(p, 'hours', 'expected') > value(points[k - 1]!, 'hours', 'expected'));
}

function panel(t: TimeCostDistance, m: Measure, prefix: string, chart: string): string {
  const all = [...t.before.points, ...t.after.points];
  const maxKm = Math.max(t.before.distanceKm, t.after.distanceKm, 1);
  const maxY = Math.max(...all.map((p) => value(p, m, 'p90')), 1);
  const x = linearScale([0, maxKm], [M.left, WIDTH - M.right]);
  const y = linearScale([0, maxY], [HEIGHT - M.bottom, M.top]);
  const title = m === 'hours' ? 'Time–distance: cumulative days against km, before and after, with p10–p90 bands' : 'Cost–distance: cumulative USD per TEU against km, before and after, with p10–p90 bands';
  const out: string[] = [svgOpen(chart, WIDTH, HEIGHT, title)];
  out.push(`<defs><clipPath id="${prefix}-${m}-plot"><rect x="${M.left}" y="${M.top - 4}" width="${WIDTH - M.left - M.right}" height="${HEIGHT - M.top - M.bottom + 4}"/></clipPath></defs>`);
  out.push(xAxis(x, HEIGHT - M.bottom, M.top, 'Distance travelled from the origin (km)', (v) => fixed(v, 0)));
  out.push(yAxis(y, M.left, WIDTH - M.right, m === 'hours' ? 'Cumulative time (days)' : 'Cumulative cost (USD per TEU)', (v) => fixed(v, 0), 6));
  out.push(`<g clip-path="url(#${prefix}-${m}-plot)">`);
  for (const [key, profile] of [['before', t.before], ['after', t.after]] as const) {
    const style = SERIES[key];
    const pts = profile.points;
    const upper = pts.map((p) => `${px(x(p.distanceKm))},${px(y(value(p, m, 'p90')))}`);
    const lower = pts.map((p) => `${px(x(p.distanceKm))},${px(y(value(p, m, 'p10')))}`).reverse();
    out.push(`<polygon class="band-${key}" points="${[...upper, ...lower].join(' ')}" fill="${style.color}" fill-opacity="${key === 'before' ? 0.13 : 0.18}" stroke="none"><title>${escapeHtml(`${style.label}: p10–p90 band`)}</title></polygon>`);
  }
  for (const [key, profile] of [['before', t.before], ['after', t.after]] as const) {
    const style = SERIES[key];
    const line = profile.points.map((p) => `${px(x(p.distanceKm))},${px(y(value(p, m, 'p50')))}`);
    out.push(`<polyline class="line-${key}" points="${line.join(' ')}" fill="none" stroke="${style.color}" stroke-width="2.4" stroke-linejoin="round"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
  }
  out.push('</g>');
  // Name the border and port steps of the route before (markers by node kind); each label takes the
  // first of four rows where it does not run into the previous label, or is left to the marker's tooltip.
  const rowEnds = [-Infinity, -Infinity, -Infinity, -Infinity];
  for (const p of namedSteps(t.before.points)) {
    const cx = x(p.distanceKm);
    const cy = y(value(p, m, 'p50'));
    out.push(kindMarker(p.nodeKind, cx, cy, 8, 'fill="#ffffff" stroke="#1a1a1a" stroke-width="1.3"', `<title>${escapeHtml(`${p.name}: ${fixed(value(p, m, 'p50'), m === 'hours' ? 1 : 0)} ${m === 'hours' ? 'days' : 'USD per TEU'} (p50) on leaving`)}</title>`));
    const half = (p.name.length * 6.2) / 2;
    const row = rowEnds.findIndex((end) => cx - half > end + 6);
    if (row < 0) continue;
    rowEnds[row] = cx + half;
    const ly = M.top + 10 + row * 13;
    out.push(`<text x="${px(cx)}" y="${px(ly)}" text-anchor="middle" font-size="11" fill="#444444">${escapeHtml(p.name)}</text>`);
    out.push(`<line x1="${px(cx)}" x2="${px(cx)}" y1="${px(ly + 3)}" y2="${px(cy - 6)}" stroke="#bbbbbb" stroke-width="0.8"/>`);
  }
  // Legend.
  let lx = M.left;
  for (const [key, profile] of [['before', t.before], ['after', t.after]] as const) {
    const style = SERIES[key];
    const last = profile.points.at(-1)!;
    out.push(`<rect x="${lx}" y="12" width="40" height="14" fill="${style.color}" fill-opacity="0.18"/>`);
    out.push(`<line x1="${lx}" x2="${lx + 40}" y1="19" y2="19" stroke="${style.color}" stroke-width="2.4"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
    const end = m === 'hours' ? `${fixed(last.p50Hours / 24, 1)} d (p50; p10–p90 ${fixed(last.p10Hours / 24, 1)}–${fixed(last.p90Hours / 24, 1)})` : `$${fixed(last.p50UsdPerTeu, 0)} per TEU (p50; p10–p90 $${fixed(last.p10UsdPerTeu, 0)}–${fixed(last.p90UsdPerTeu, 0)})`;
    out.push(`<text x="${lx + 48}" y="24">${escapeHtml(`${style.label} measures: ${end}, ${fixed(profile.distanceKm, 0)} km`)}</text>`);
    lx += 540;
  }
  out.push('</svg>');
  return out.join('');
}

/** The two panels of the chart (time, then cost), for one trip. `prefix` keeps ids unique in the page. */
export function timeCostDistanceSvg(t: TimeCostDistance, prefix: string): { time: string; cost: string } {
  return { time: panel(t, 'hours', prefix, 'time-distance'), cost: panel(t, 'usd', prefix, 'cost-distance') };
}
