// The report's "model against published figures" section: each validation target's band, the
// model's figure, inside or not (or what it still needs), and its source, with the score.
import type { Validation } from '../../evidence/validation.js';
import { bandText, modelText, scoreText, statusText } from '../validation-text.js';
import { escapeHtml } from './escape.js';

/** The section, with an anchor for the navigation. */
export function validationSection(v: Validation): string {
  const rows = v.rows.map((r) => {
    const s = r.target.source;
    const verdict = r.status === 'outside' ? `<strong>${escapeHtml(statusText(r))}</strong>` : escapeHtml(statusText(r));
    const why = r.status === 'not-evaluable' ? `<br><span class="assumption">needs ${escapeHtml(r.needs ?? '')}</span>` : '';
    return (
      `<tr class="${r.status}"><td class="nowrap">${escapeHtml(r.target.id)}</td><td>${escapeHtml(r.target.case)}<br><span class="meta">published: ${escapeHtml(r.target.published)}</span></td>` +
      `<td class="num nowrap">${escapeHtml(bandText(r.target.band, r.target.unit))}</td><td class="num nowrap">${escapeHtml(modelText(r))}</td><td>${verdict}${why}</td>` +
      `<td>${escapeHtml(s.organisation)}, ${escapeHtml(s.date)}: <a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a></td></tr>`
    );
  });
  return [
    '<section id="validation">',
    '<h2>Model against published figures</h2>',
    `<p class="lead">${escapeHtml(scoreText(v))} (${v.runs.toLocaleString('en-US')} runs per simulation, seed ${v.seed}).</p>`,
    '<p class="note">Each target is a figure published by an operator, a government or a lender, mapped onto the model: a trip’s median or a fast percentile (schedules sit near the fast end), the route the model chooses, the hours at a border pair. A target that needs a mechanism this version does not have is reported as not evaluable yet, never as passing.</p>',
    `<table class="wide validation"><thead><tr><th>Target</th><th>Case</th><th class="num">Band</th><th class="num">Model</th><th>Verdict</th><th>Source</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}
