// Shared pieces of the report's charts: the SVG element, axes with gridlines, legend swatches.
import { escapeHtml } from './escape.js';
import { px } from './format.js';
import type { LinearScale } from './scale.js';

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Opening tag of a chart's SVG, with its accessible title. */
export function svgOpen(chart: string, width: number, height: number, title: string): string {
  return (
    `<svg class="chart" data-chart="${escapeHtml(chart)}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}" ` +
    `xmlns="http://www.w3.org/2000/svg" font-family="${FONT}" font-size="13" fill="#222222"><title>${escapeHtml(title)}</title>`
  );
}

/** A horizontal axis at `y` with ticks, vertical gridlines up to `gridTop`, and a label below. */
export function xAxis(scale: LinearScale, y: number, gridTop: number, label: string, format: (v: number) => string, tickCount = 10): string {
  const out: string[] = ['<g class="x-axis">'];
  for (const t of scale.ticks(tickCount)) {
    const x = px(scale(t));
    out.push(`<line x1="${x}" x2="${x}" y1="${px(gridTop)}" y2="${px(y)}" stroke="#e3e3e3" stroke-width="1"/>`);
    out.push(`<line x1="${x}" x2="${x}" y1="${px(y)}" y2="${px(y + 5)}" stroke="#555555"/>`);
    out.push(`<text x="${x}" y="${px(y + 19)}" text-anchor="middle" font-size="12">${escapeHtml(format(t))}</text>`);
  }
  const [r0, r1] = scale.range;
  out.push(`<line x1="${px(r0)}" x2="${px(r1)}" y1="${px(y)}" y2="${px(y)}" stroke="#555555"/>`);
  out.push(`<text x="${px((r0 + r1) / 2)}" y="${px(y + 40)}" text-anchor="middle" font-weight="600">${escapeHtml(label)}</text>`);
  out.push('</g>');
  return out.join('');
}

/** A vertical axis at `x` with ticks, horizontal gridlines to `gridRight`, and a rotated label. */
export function yAxis(scale: LinearScale, x: number, gridRight: number, label: string, format: (v: number) => string, tickCount = 6): string {
  const out: string[] = ['<g class="y-axis">'];
  for (const t of scale.ticks(tickCount)) {
    const y = px(scale(t));
    out.push(`<line x1="${px(x)}" x2="${px(gridRight)}" y1="${y}" y2="${y}" stroke="#e3e3e3" stroke-width="1"/>`);
    out.push(`<line x1="${px(x - 5)}" x2="${px(x)}" y1="${y}" y2="${y}" stroke="#555555"/>`);
    out.push(`<text x="${px(x - 8)}" y="${px(scale(t) + 4)}" text-anchor="end" font-size="12">${escapeHtml(format(t))}</text>`);
  }
  const [r0, r1] = scale.range;
  out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${px(r0)}" y2="${px(r1)}" stroke="#555555"/>`);
  const cy = (r0 + r1) / 2;
  out.push(`<text transform="translate(${px(x - 48)} ${px(cy)}) rotate(-90)" text-anchor="middle" font-weight="600">${escapeHtml(label)}</text>`);
  out.push('</g>');
  return out.join('');
}
