// Text and JSON of a time survey's fit (`fitSurvey`): per place and stage, the records, the dates,
// the fit and its goodness, against the network's figure before.
import { checkSurveyFit } from '../evidence/check-input.js';
import type { SurveyFit } from '../evidence/fit-survey.js';
import type { Distribution } from '../network/types.js';
import { meanOf } from '../network/distribution.js';
import { textTable } from './table.js';

/** A distribution in a few characters: `median 0.88, p90 2.48 h`, or the mean of a list. */
function brief(d: Distribution): string {
  if (d.type === 'lognormal') return `median ${d.median.toFixed(2)}, p90 ${d.p90.toFixed(2)} h`;
  if (d.type === 'empirical') return `${d.values.length} values, mean ${meanOf(d).toFixed(2)} h`;
  return `${d.type}, mean ${meanOf(d).toFixed(2)} h`;
}

/** The fit as text: one row per place and stage, then the places and stages with too few records. */
export function surveyText(f: SurveyFit): string {
  checkSurveyFit(f);
  const fitted = f.stages.length === 1 ? '1 place and stage fitted; the patch sets its duration' : `${f.stages.length} places and stages fitted; the patch sets their durations`;
  const lines = [`Time survey: ${f.records} records, ${fitted} (measure ${f.measure.id}).`, ''];
  lines.push(
    textTable(
      [{ header: 'node' }, { header: 'stage' }, { header: 'n', align: 'right' }, { header: 'dates' }, { header: 'fit' }, { header: 'AD p', align: 'right' }, { header: 'KS', align: 'right' }, { header: 'before (network)' }],
      f.stages.map((s) => [
        s.node,
        s.stage,
        String(s.n),
        s.from !== undefined ? `${s.from}–${s.to}` : '',
        `${s.chosen === 'lognormal' ? 'lognormal ' : 'observed: '}${brief(s.distribution)}`,
        s.goodness !== undefined ? s.goodness.p.toFixed(3) : '–',
        s.goodness !== undefined ? s.goodness.ks.toFixed(3) : '–',
        s.previous !== undefined ? brief(s.previous) : '',
      ]),
    ),
  );
  if (f.skipped.length > 0) lines.push('', `  Too few records to fit: ${f.skipped.map((s) => `${s.node} ${s.stage} (${s.n})`).join(', ')}.`);
  lines.push('', '  AD p: Anderson–Darling p-value of the lognormal fit (on the logs, parameters estimated); a lognormal is used where p ≥ 0.05, the observed values otherwise. KS: Kolmogorov–Smirnov distance.');
  return lines.join('\n');
}

/** The fit as JSON: `records`, `stages` (each fit in full), `skipped`, and `measure` (its recipe, for `--measures`). */
export function surveyJson(f: SurveyFit): Record<string, unknown> {
  checkSurveyFit(f);
  return { records: f.records, stages: f.stages, skipped: f.skipped, measure: f.measure.definition };
}
