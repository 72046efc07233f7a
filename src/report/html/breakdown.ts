// Per-country stacked bars by category before and after (the Time Release Study view): mean hours
// per run spent in each country (or body of water), split into moving, border, customs, handling
// and waiting.
import { CATEGORIES, type Category } from '../../network/types.js';
import type { Comparison } from '../../simulate/compare.js';
import { zeroCategories, type CategoryHours } from '../../route/breakdown.js';
import { escapeHtml } from './escape.js';
import { fixed, px } from './format.js';
import { placeName } from './names.js';
import { CATEGORY_STYLES, categoryFill, categoryPatterns } from './palette.js';
import { linearScale } from './scale.js';
import { svgOpen, xAxis } from './svg.js';

const WIDTH = 1160;
const M = { left: 250, right: 96, top: 58, bottom: 62 };
const BAR = 17;
const ROW = 2 * BAR + 4 + 16;

/** The breakdown chart of a comparison. `prefix` keeps the SVG's pattern ids unique in the page. */
export function breakdownSvg(c: Comparison, prefix: string, chart = 'breakdown'): string {
  const rows = c.byCountry.map((d) => ({
    country: d.country,
    before: c.before.byCountry.find((x) => x.country === d.country)?.byCategory ?? zeroCategories(),
    after: c.after.byCountry.find((x) => x.country === d.country)?.byCategory ?? zeroCategories(),
    beforeHours: d.beforeHours,
    afterHours: d.afterHours,
  }));
  const height = M.top + Math.max(1, rows.length) * ROW + M.bottom;
  const maxHours = Math.max(1, ...rows.map((r) => Math.max(r.beforeHours, r.afterHours)));
  const x = linearScale([0, maxHours], [M.left, WIDTH - M.right]);
  const title = 'Mean hours per country and category, before and after the measures';
  const out: string[] = [svgOpen(chart, WIDTH, height, title), `<defs>${categoryPatterns(prefix)}</defs>`];

  // Legend.
  let lx = M.left;
  for (const cat of CATEGORIES) {
    out.push(`<rect x="${lx}" y="12" width="26" height="16" fill="${categoryFill(prefix, cat)}" stroke="#333333" stroke-width="0.8"/>`);
    out.push(`<text x="${lx + 32}" y="25">${escapeHtml(CATEGORY_STYLES[cat].label)}</text>`);
    lx += 42 + CATEGORY_STYLES[cat].label.length * 8 + 18;
  }
  out.push(xAxis(x, height - M.bottom, M.top - 6, 'Mean hours per run (Time Release Study view)', (v) => fixed(v, 0)));

  rows.forEach((r, i) => {
    const top = M.top + i * ROW + 6;
    out.push(`<text x="8" y="${px(top + BAR + 6)}" font-weight="600">${escapeHtml(placeName(r.country))}</text>`);
    const bars: [string, CategoryHours, number, number][] = [
      ['before', r.before, r.beforeHours, top],
      ['after', r.after, r.afterHours, top + BAR + 4],
    ];
    for (const [label, cats, total, y] of bars) {
      out.push(`<text x="${M.left - 8}" y="${px(y + BAR - 4)}" text-anchor="end" font-size="12" fill="#555555">${label}</text>`);
      let x0 = x(0);
      for (const cat of CATEGORIES) {
        const h = cats[cat as Category];
        if (!(h > 0)) continue;
        const w = x(h) - x(0);
        out.push(
          `<rect x="${px(x0)}" y="${px(y)}" width="${px(Math.max(w, 0.5))}" height="${BAR}" fill="${categoryFill(prefix, cat)}" stroke="#333333" stroke-width="0.6"><title>${escapeHtml(`${placeName(r.country)}, ${label}: ${cat} ${fixed(h, 1)} h`)}</title></rect>`,
        );
        x0 += w;
      }
      out.push(`<text x="${px(x0 + 6)}" y="${px(y + BAR - 4)}" font-size="12">${fixed(total, 1)} h</text>`);
    }
  });
  out.push('</svg>');
  return out.join('');
}
