// The report's first section of a trip: the effect of the measures under uncertain inputs (the
// two-level simulation) — a headline, the distribution of the effect over the parameter draws as a
// strip of dots with the band holding 90% of them, the Monte Carlo error beside it, and which inputs
// the spread comes from.
import type { Interval } from '../../simulate/compare.js';
import type { EffectDistribution, Uncertainty } from '../../simulate/uncertainty.js';
import { inputRange, shownRows } from '../uncertainty-text.js';
import { escapeHtml } from './escape.js';
import { fixed, px, signed } from './format.js';
import { linearScale } from './scale.js';
import { svgOpen, xAxis } from './svg.js';

const WIDTH = 1160;
const M = { left: 60, right: 60, top: 40, bottom: 62 };
const HEIGHT = 190;
const BAND = '#dbe7f7';
const DOT = '#1a1a1a';
const CENTRAL = '#3b7dd8';

const dd = (hours: number, digits = 2): string => signed(hours / 24, digits);

/** The per-draw mean effects (days) as a strip of dots, the 90% band shaded, the median and the value at the defaults marked. */
export function effectStripSvg(u: Uncertainty, central: Interval, chart = 'effect-strip'): string {
  const values = [...u.meanHours].filter(Number.isFinite).map((h) => h / 24);
  const e = u.effect.meanHours;
  const lo = Math.min(...values, central.estimate / 24, 0);
  const hi = Math.max(...values, central.estimate / 24, 0);
  const x = linearScale([lo, hi], [M.left, WIDTH - M.right]);
  const title = `Change in mean transit time over ${u.evaluated} parameter draws (days, after − before)`;
  const out: string[] = [svgOpen(chart, WIDTH, HEIGHT, title)];
  const axisY = HEIGHT - M.bottom;
  out.push(`<rect x="${px(x(e.low / 24))}" y="${M.top}" width="${px(Math.max(1, x(e.high / 24) - x(e.low / 24)))}" height="${axisY - M.top}" fill="${BAND}"><title>90% of the draws: ${escapeHtml(dd(e.low))} to ${escapeHtml(dd(e.high))} d</title></rect>`);
  out.push(xAxis(x, axisY, M.top, 'Change in mean transit time, days (negative: faster)', (v) => fixed(v, 2), 8));
  out.push(`<line x1="${px(x(0))}" x2="${px(x(0))}" y1="${M.top}" y2="${axisY}" stroke="#555555"/>`);
  // Dots jittered vertically by their draw number (deterministic), so equal values stay visible.
  const mid = (M.top + axisY) / 2;
  [...u.meanHours].forEach((h, i) => {
    if (!Number.isFinite(h)) return;
    const y = mid + (((i * 37) % 17) - 8) * 3;
    out.push(`<circle cx="${px(x(h / 24))}" cy="${px(y)}" r="3.2" fill="${DOT}" fill-opacity="0.75"><title>draw ${i + 1}: ${escapeHtml(dd(h, 3))} d</title></circle>`);
  });
  out.push(`<line x1="${px(x(e.median / 24))}" x2="${px(x(e.median / 24))}" y1="${M.top - 4}" y2="${axisY}" stroke="${DOT}" stroke-width="2.5"/>`);
  out.push(`<text x="${px(x(e.median / 24))}" y="${M.top - 10}" text-anchor="middle" font-weight="600">median ${escapeHtml(dd(e.median))} d</text>`);
  out.push(`<line x1="${px(x(central.estimate / 24))}" x2="${px(x(central.estimate / 24))}" y1="${M.top}" y2="${axisY}" stroke="${CENTRAL}" stroke-width="2" stroke-dasharray="6 3"><title>inputs at their values: ${escapeHtml(dd(central.estimate))} d</title></line>`);
  out.push('</svg>');
  return out.join('');
}

function row(label: string, e: EffectDistribution): string {
  return `<tr><th>${label}</th><td class="num"><strong>${dd(e.median)}</strong></td><td class="num">${dd(e.low)}</td><td class="num">${dd(e.high)}</td></tr>`;
}

/** The section: headline, table, strip, Monte Carlo error, and the first-order ranking. `prefix` names the chart. */
export function uncertaintySection(u: Uncertainty, central: Interval, prefix: string): string {
  const e = u.effect.meanHours;
  const out: string[] = ['<h3>Effect of the measures, with its uncertainty</h3>'];
  out.push(
    `<p class="lead">Mean transit time: <strong>${dd(e.median)} d</strong>; 90% of parameter draws between ${dd(e.low)} and ${dd(e.high)} d ` +
      `(${u.evaluated} draws of ${u.inputs.length} uncertain inputs from their plausible ranges, Latin hypercube; ${u.runs.toLocaleString('en-US')} paired runs each).</p>`,
  );
  out.push(
    `<p class="note">Monte Carlo error beside it: ±${fixed(u.monteCarlo.innerHalfWidthHours / 24, 3)} d on each draw’s mean change (95%, common random numbers), ` +
      `±${fixed(u.monteCarlo.outerMedianHalfWidthHours / 24, 3)} d on the median over the draws. The intervals in the table below the maps are Monte Carlo error alone, at the inputs’ values; ` +
      `the spread here is what the inputs’ plausible ranges allow.${u.failed.length > 0 ? ` ${u.failed.length} draw${u.failed.length === 1 ? '' : 's'} gave no effect (${escapeHtml(u.failed[0]!.reason)}).` : ''}</p>`,
  );
  out.push(
    `<table class="key-figures"><thead><tr><th>Change after − before, days</th><th class="num">median of the draws</th><th class="num">5% of draws below</th><th class="num">95% of draws below</th></tr></thead><tbody>${row('mean', u.effect.meanHours)}${row('p50 (median)', u.effect.p50Hours)}${row('p90', u.effect.p90Hours)}</tbody></table>`,
  );
  out.push(`<figure>${effectStripSvg(u, central, `${prefix}-effect-strip`)}<figcaption>Each dot is one parameter draw; the shaded band holds 90% of them; the dashed line is the effect with every input at its value.</figcaption></figure>`);
  const s = u.sensitivity;
  if (s !== undefined) {
    const rows = shownRows(s.rows, s.threshold).map(
      (r) =>
        `<tr><td class="num">${fixed(r.firstOrder, 2)}</td><td>${r.firstOrder > s.threshold ? '' : '<span class="meta">within noise</span>'}</td><td>${escapeHtml(r.input.label)}</td><td class="nowrap">${escapeHtml(inputRange(r.input))}</td><td class="assumption">${escapeHtml(r.input.reason)}</td></tr>`,
    );
    out.push('<h4>Where the spread comes from</h4>');
    out.push(
      `<p class="note">First-order (Sobol) indices of the mean effect: the share of its variance each input explains alone, estimated from the same draws by grouping them into ${s.bins} bins of each input’s strata. ` +
        `With ${u.inputs.length} inputs and ${u.evaluated} draws, an index must exceed ${fixed(s.threshold, 2)} to stand out from the noise (95%); more draws sharpen the ranking.</p>`,
    );
    out.push(`<table class="wide sobol"><thead><tr><th class="num">index</th><th></th><th>Input</th><th>Range drawn</th><th>Why this range</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  return out.join('\n');
}
