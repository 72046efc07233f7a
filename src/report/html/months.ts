// Transit times by departure month, before and after: for each calendar month a band from p5 to p95
// and a line through the medians (before solid and grey-banded, after dashed and blue-banded), and
// the table behind it. Shippers plan by month; the year's figure averages good and bad months away.
import { MONTH_NAMES } from '../../simulate/by-month.js';
import { monthsWithRuns } from '../scenario-text.js';
import type { Comparison, MonthDifference } from '../../simulate/compare.js';
import { escapeHtml } from './escape.js';
import { days, fixed, px, signed } from './format.js';
import { SERIES } from './palette.js';
import { linearScale } from './scale.js';
import { svgOpen, yAxis } from './svg.js';

const WIDTH = 1160;
const HEIGHT = 400;
const M = { left: 76, right: 28, top: 52, bottom: 56 };

/** The month chart of a comparison ('' unless its runs depart in at least two months). */
export function monthChartSvg(c: Comparison, chart = 'months'): string {
  const months = monthsWithRuns(c);
  if (months.length === 0) return '';
  let high = 0;
  for (const m of months) high = Math.max(high, m.before.p95Hours, m.after.p95Hours);
  const low = Math.min(...months.map((m) => Math.min(m.before.p5Hours, m.after.p5Hours)));
  const y = linearScale([Math.max(0, low / 24 - 1), high / 24], [HEIGHT - M.bottom, M.top]);
  const slot = (WIDTH - M.left - M.right) / 12;
  const xOf = (month: number, side: number): number => M.left + (month - 0.5) * slot + side * slot * 0.17;
  const title = 'Transit time by departure month, before and after: band from p5 to p95, line through the medians (p50)';
  const out: string[] = [svgOpen(chart, WIDTH, HEIGHT, title)];
  out.push(yAxis(y, M.left, WIDTH - M.right, 'Door-to-door transit time (days)', (v) => fixed(v, 0)));
  out.push('<g class="x-axis">');
  for (let month = 1; month <= 12; month++) {
    const x = px(M.left + (month - 0.5) * slot);
    out.push(`<text x="${x}" y="${px(HEIGHT - M.bottom + 19)}" text-anchor="middle" font-size="12">${MONTH_NAMES[month - 1]!.slice(0, 3)}</text>`);
  }
  out.push(`<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${HEIGHT - M.bottom}" y2="${HEIGHT - M.bottom}" stroke="#555555"/>`);
  out.push(`<text x="${px((M.left + WIDTH - M.right) / 2)}" y="${px(HEIGHT - M.bottom + 40)}" text-anchor="middle" font-weight="600">Month of departure</text>`);
  out.push('</g>');
  const series = [
    { key: 'before' as const, side: -1, fill: '#bdbdbd', summary: (m: MonthDifference) => m.before },
    { key: 'after' as const, side: 1, fill: '#a9c7ef', summary: (m: MonthDifference) => m.after },
  ];
  for (const s of series) {
    const style = SERIES[s.key];
    out.push(`<g class="band-${s.key}">`);
    for (const m of months) {
      const sum = s.summary(m);
      const x = xOf(m.month, s.side);
      const top = y(sum.p95Hours / 24);
      const bottom = y(sum.p5Hours / 24);
      out.push(
        `<rect x="${px(x - slot * 0.14)}" y="${px(top)}" width="${px(slot * 0.28)}" height="${px(Math.max(1, bottom - top))}" fill="${s.fill}" stroke="${style.color}" stroke-width="0.8"${style.dash ? ` stroke-dasharray="3 2"` : ''}><title>${escapeHtml(`${style.label}, departing in ${MONTH_NAMES[m.month - 1]}: p5 ${days(sum.p5Hours)} d, p50 ${days(sum.p50Hours)} d, p90 ${days(sum.p90Hours)} d, p95 ${days(sum.p95Hours)} d (${m.runs} runs)`)}</title></rect>`,
      );
    }
    out.push('</g>');
    const pts = months.map((m) => `${px(xOf(m.month, s.side))},${px(y(s.summary(m).p50Hours / 24))}`);
    out.push(`<polyline class="median-${s.key}" points="${pts.join(' ')}" fill="none" stroke="${style.color}" stroke-width="2.4"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
    for (const m of months) {
      out.push(`<circle cx="${px(xOf(m.month, s.side))}" cy="${px(y(s.summary(m).p50Hours / 24))}" r="3.5" fill="${style.color}" stroke="#ffffff" stroke-width="1.2"/>`);
    }
  }
  // Legend.
  let lx = M.left;
  for (const s of series) {
    const style = SERIES[s.key];
    out.push(`<rect x="${lx}" y="14" width="22" height="14" fill="${s.fill}" stroke="${style.color}" stroke-width="0.8"/>`);
    out.push(`<line x1="${lx + 28}" x2="${lx + 58}" y1="21" y2="21" stroke="${style.color}" stroke-width="2.4"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`);
    out.push(`<text x="${lx + 66}" y="25">${escapeHtml(`${style.label} measures: p5–p95 band, p50 line`)}</text>`);
    lx += 420;
  }
  out.push('</svg>');
  return out.join('');
}

/** The table by departure month: runs, p5/p50/p90/p95 before and after, the paired mean change. */
export function monthTableHtml(c: Comparison): string {
  const months = monthsWithRuns(c);
  if (months.length === 0) return '';
  const rows = months.map(
    (m) =>
      `<tr><th>${MONTH_NAMES[m.month - 1]}</th><td class="num">${m.runs}</td>${[m.before, m.after]
        .map((s) => `<td class="num">${days(s.p5Hours)}</td><td class="num">${days(s.p50Hours)}</td><td class="num">${days(s.p90Hours)}</td><td class="num">${days(s.p95Hours)}</td>`)
        .join('')}<td class="num">${signed(m.meanHours.estimate / 24, 2)} <span class="meta">[${m.meanHours.low === null || m.meanHours.high === null ? 'n/a' : `${signed(m.meanHours.low / 24, 2)}, ${signed(m.meanHours.high / 24, 2)}`}]</span></td></tr>`,
  );
  const head = ['p5', 'p50', 'p90', 'p95'];
  return `<table class="wide months"><thead><tr><th rowspan="2">Departing</th><th rowspan="2" class="num">runs</th><th colspan="4" class="num">before, days</th><th colspan="4" class="num">after, days</th><th rowspan="2" class="num">mean change, days [95%]</th></tr><tr>${[...head, ...head].map((h) => `<th class="num">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
