// Waterfall of the hours each measure saves (exact Shapley values of the mean transit time, common
// random numbers): each measure's bar starts where the previous one ended; the last bar is the
// whole package, which the Shapley values add up to.
import type { Attribution } from '../../simulate/attribute.js';
import { escapeHtml } from './escape.js';
import { fixed, px, signed } from './format.js';
import { linearScale } from './scale.js';
import { svgOpen, xAxis } from './svg.js';

const WIDTH = 1160;
const M = { left: 230, right: 200, top: 50, bottom: 62 };
const ROW = 36;
const BAR = 22;

const SAVES = '#2e7d32';
const COSTS = '#e07b67';
const TOTAL = '#1a1a1a';

/** The attribution waterfall. `prefix` keeps the SVG's ids unique in the page. */
export function attributionSvg(a: Attribution, prefix: string, chart = 'attribution'): string {
  let running = 0;
  const steps = a.measures.map((m) => {
    const from = running;
    running += m.shapley.meanHours;
    return { id: m.id, title: m.title, from, to: running, hours: m.shapley.meanHours, total: false };
  });
  steps.push({ id: 'package', title: 'All measures together', from: 0, to: a.total.meanHours, hours: a.total.meanHours, total: true });
  const ends = steps.flatMap((s) => [s.from, s.to]);
  const x = linearScale([Math.min(0, ...ends), Math.max(0, ...ends, 0.1)], [M.left, WIDTH - M.right]);
  const height = M.top + steps.length * ROW + M.bottom;
  const title = 'Hours saved per measure (Shapley values of the mean transit time) and by the whole package';
  const out: string[] = [svgOpen(chart, WIDTH, height, title)];
  out.push(
    `<defs><pattern id="${prefix}-costs" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" fill="${COSTS}"/><path d="M0 6L6 0M-1 1L1 -1M5 7L7 5" stroke="#ffffff" stroke-width="1.4"/></pattern></defs>`,
  );
  // Legend.
  out.push(`<rect x="${M.left}" y="12" width="26" height="16" fill="${SAVES}"/><text x="${M.left + 32}" y="25">saves time</text>`);
  out.push(`<rect x="${M.left + 140}" y="12" width="26" height="16" fill="url(#${prefix}-costs)" stroke="#333333" stroke-width="0.6"/><text x="${M.left + 172}" y="25">adds time</text>`);
  out.push(`<rect x="${M.left + 280}" y="12" width="26" height="16" fill="${TOTAL}"/><text x="${M.left + 312}" y="25">whole package (sum of the bars)</text>`);
  out.push(xAxis(x, height - M.bottom, M.top - 6, 'Hours saved, mean transit time (1 day = 24 h)', (v) => fixed(v, Math.abs(v) < 10 && !Number.isInteger(v) ? 1 : 0)));
  out.push(`<line x1="${px(x(0))}" x2="${px(x(0))}" y1="${M.top - 6}" y2="${height - M.bottom}" stroke="#555555"/>`);
  steps.forEach((s, i) => {
    const y = M.top + i * ROW + (ROW - BAR) / 2;
    const x0 = x(Math.min(s.from, s.to));
    const x1 = x(Math.max(s.from, s.to));
    const fill = s.total ? TOTAL : s.hours >= 0 ? SAVES : `url(#${prefix}-costs)`;
    out.push(`<text x="${M.left - 10}" y="${px(y + BAR / 2 + 4.5)}" text-anchor="end"${s.total ? ' font-weight="700"' : ''}>${escapeHtml(s.id)}<title>${escapeHtml(s.title)}</title></text>`);
    out.push(
      `<rect x="${px(x0)}" y="${px(y)}" width="${px(Math.max(1, x1 - x0))}" height="${BAR}" fill="${fill}"${s.hours < 0 && !s.total ? ' stroke="#333333" stroke-width="0.6"' : ''}><title>${escapeHtml(`${s.title}: ${signed(s.hours, 2)} h saved`)}</title></rect>`,
    );
    if (i > 0 && !s.total) {
      const prev = steps[i - 1]!;
      out.push(`<line x1="${px(x(prev.to))}" x2="${px(x(prev.to))}" y1="${px(y - (ROW - BAR))}" y2="${px(y)}" stroke="#777777" stroke-dasharray="2 2"/>`);
    }
    const label = `${signed(s.hours, 1)} h (${signed(s.hours / 24, 2)} d)`;
    out.push(`<text x="${px(Math.max(x0, x1) + 8)}" y="${px(y + BAR / 2 + 4.5)}" font-size="12.5"${s.total ? ' font-weight="700"' : ''}>${escapeHtml(label)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
