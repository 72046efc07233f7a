// Cumulative distribution of transit times before and after (x in days), with p50 and p90 marked:
// the share of runs arriving within each number of days.
import { quantileOfSorted } from '../../stats/summary.js';
import type { Comparison } from '../../simulate/compare.js';
import { escapeHtml } from './escape.js';
import { fixed, px } from './format.js';
import { SERIES } from './palette.js';
import { linearScale } from './scale.js';
import { svgOpen, xAxis, yAxis } from './svg.js';

const WIDTH = 1160;
const HEIGHT = 420;
const M = { left: 76, right: 28, top: 52, bottom: 60 };
/** Points per curve: quantiles at evenly spaced probabilities. */
const POINTS = 400;

/** The distribution chart of a comparison. `prefix` keeps the SVG's ids unique in the page. */
export function distributionSvg(c: Comparison, prefix: string, chart = 'distribution'): string {
  const b = c.before.sorted;
  const a = c.after.sorted;
  const lowDays = Math.min(b[0] ?? 0, a[0] ?? 0) / 24;
  const highDays = Math.max(quantileOfSorted(b, 0.995), quantileOfSorted(a, 0.995)) / 24;
  const x = linearScale([Math.max(0, lowDays - 0.02 * (highDays - lowDays)), highDays], [M.left, WIDTH - M.right]);
  const y = linearScale([0, 1], [HEIGHT - M.bottom, M.top], false);
  const title = 'Transit-time distribution before and after: share of runs arriving within x days';
  const out: string[] = [svgOpen(chart, WIDTH, HEIGHT, title)];
  out.push(`<defs><clipPath id="${prefix}-plot"><rect x="${M.left}" y="${M.top - 4}" width="${WIDTH - M.left - M.right}" height="${HEIGHT - M.top - M.bottom + 4}"/></clipPath></defs>`);
  out.push(xAxis(x, HEIGHT - M.bottom, M.top, 'Door-to-door transit time (days)', (v) => fixed(v, Number.isInteger(v) ? 0 : 1)));
  out.push(yAxis(y, M.left, WIDTH - M.right, 'Runs arriving within (cumulative %)', (v) => `${Math.round(v * 100)}%`, 5));
  for (const p of [0.5, 0.9]) {
    out.push(`<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${px(y(p))}" y2="${px(y(p))}" stroke="#9a9a9a" stroke-dasharray="2 3"/>`);
  }
  const limit = c.maxHours ?? (c.within !== undefined ? { hours: c.within.days * 24 } : undefined);
  if (limit !== undefined && limit.hours / 24 <= x.domain[1] && limit.hours / 24 >= x.domain[0]) {
    const lx = px(x(limit.hours / 24));
    out.push(`<line x1="${lx}" x2="${lx}" y1="${M.top}" y2="${HEIGHT - M.bottom}" stroke="#b00020" stroke-width="1.5" stroke-dasharray="6 2 1 2"/>`);
    out.push(`<text x="${lx}" y="${M.top - 6}" text-anchor="middle" font-size="12" fill="#b00020">limit ${fixed(limit.hours / 24, 1)} d</text>`);
  }
  const series = [
    { key: 'before' as const, sorted: b, side: 1 },
    { key: 'after' as const, sorted: a, side: -1 },
  ];
  out.push(`<g clip-path="url(#${prefix}-plot)" fill="none">`);
  for (const s of series) {
    const n = Math.min(POINTS, Math.max(1, s.sorted.length));
    const pts: string[] = [];
    for (let i = 0; i <= n; i++) {
      const p = i / n;
      const v = quantileOfSorted(s.sorted, p) / 24;
      if (!Number.isFinite(v)) continue;
      pts.push(`${px(x(v))},${px(y(p))}`);
    }
    const style = SERIES[s.key];
    out.push(`<polyline class="curve-${s.key}" points="${pts.join(' ')}" stroke="${style.color}" stroke-width="2.6" stroke-linejoin="round"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
  }
  out.push('</g>');
  // p50 and p90 of each series: a dot on the curve, a drop line to the axis, a label (before to the
  // right, after to the left: after is usually the faster, left-hand curve).
  out.push('<g class="quantiles" font-size="12.5">');
  for (const s of series) {
    const style = SERIES[s.key];
    for (const p of [0.5, 0.9]) {
      const v = quantileOfSorted(s.sorted, p) / 24;
      if (!Number.isFinite(v)) continue;
      const cx = x(v);
      const cy = y(p);
      out.push(`<line x1="${px(cx)}" x2="${px(cx)}" y1="${px(cy)}" y2="${HEIGHT - M.bottom}" stroke="${style.color}" stroke-width="1" stroke-dasharray="3 3"/>`);
      out.push(`<circle cx="${px(cx)}" cy="${px(cy)}" r="4.5" fill="${style.color}" stroke="#ffffff" stroke-width="1.5"/>`);
      const label = `${style.label} p${Math.round(p * 100)}: ${fixed(v, 1)} d`;
      out.push(
        `<text x="${px(cx + 8 * s.side)}" y="${px(cy - 8)}" text-anchor="${s.side > 0 ? 'start' : 'end'}" fill="${style.color}" font-weight="600" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeHtml(label)}</text>`,
      );
    }
  }
  out.push('</g>');
  // Legend.
  let lx = M.left;
  for (const s of series) {
    const style = SERIES[s.key];
    const r = s.key === 'before' ? c.before : c.after;
    out.push(`<line x1="${lx}" x2="${lx + 40}" y1="22" y2="22" stroke="${style.color}" stroke-width="2.6"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
    const text = `${style.label} measures: mean ${fixed(r.summary.meanHours / 24, 1)} d, p50 ${fixed(r.summary.p50Hours / 24, 1)} d, p90 ${fixed(r.summary.p90Hours / 24, 1)} d`;
    out.push(`<text x="${lx + 48}" y="26">${escapeHtml(text)}</text>`);
    lx += 520;
  }
  out.push('</svg>');
  return out.join('');
}
