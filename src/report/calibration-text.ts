// Text and JSON of a calibration (`calibrate`): the parameters found, and the model against the
// published figures side by side, before and after.
import { checkCalibration } from '../evidence/check-input.js';
import type { Calibration } from '../evidence/calibrate.js';
import { textTable } from './table.js';
import { bandText, modelText, scoreText, statusText, validationJson } from './validation-text.js';

/** The calibration as text: parameters (what each scales, bounds, value), then each target before and after. */
export function calibrationText(c: Calibration): string {
  checkCalibration(c);
  const lines = [
    `Calibration against ${c.against.join(', ')} (${c.runs} runs per simulation, seed ${c.seed}, ${c.evaluations} evaluations, ${c.date}): objective ${c.objective.before.toFixed(3)} → ${c.objective.after.toFixed(3)}.`,
    '',
    textTable(
      [{ header: 'parameter' }, { header: 'factor', align: 'right' }, { header: 'bounds', align: 'right' }, { header: 'figures', align: 'right' }, { header: 'scales' }],
      c.parameters.map((p) => [p.id, String(p.value), `${p.min}–${p.max}`, String(p.figures), p.scales]),
    ),
    '',
    '  Model against published figures, before → after:',
    textTable(
      [{ header: 'target' }, { header: 'published' }, { header: 'band', align: 'right' }, { header: 'before', align: 'right' }, { header: 'after', align: 'right' }, { header: 'verdict' }],
      c.before.rows.map((b, i) => {
        const a = c.after.rows[i]!;
        return [b.target.id, b.target.published.length > 40 ? `${b.target.published.slice(0, 37)}…` : b.target.published, bandText(b.target.band, b.target.unit), modelText(b), modelText(a), `${statusText(b)} → ${statusText(a)}`];
      }),
      '    ',
    ),
    '',
    `  Before: ${scoreText(c.before)}.`,
    `  After:  ${scoreText(c.after)}.`,
  ];
  return lines.join('\n');
}

/** The calibration as JSON: parameters with values, targets fitted, objective, evaluations, and the validation before and after. */
export function calibrationJson(c: Calibration): Record<string, unknown> {
  checkCalibration(c);
  return {
    against: c.against,
    date: c.date,
    runs: c.runs,
    seed: c.seed,
    evaluations: c.evaluations,
    objective: c.objective,
    parameters: c.parameters,
    before: validationJson(c.before),
    after: validationJson(c.after),
  };
}
