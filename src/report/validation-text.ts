// Text and JSON of the model against published figures (`validation`): one row per target — its
// band, the model's figure, inside or not (or what it needs), and the source — and the score.
import { checkValidation } from '../evidence/check-input.js';
import type { TargetResult, Validation } from '../evidence/validation.js';
import type { Target, TargetBand } from '../evidence/targets.js';
import { textTable } from './table.js';

const UNIT: Readonly<Record<Target['unit'], string>> = { days: 'd', hours: 'h', ratio: '×', share: '', boolean: '' };

/** A number rounded for the table: two significant decimals for small figures, one for days and hours. */
function num(x: number, unit: Target['unit']): string {
  return unit === 'ratio' || unit === 'share' ? x.toFixed(2) : x.toFixed(1);
}

/** A band in words: `11–16 d`, `≥ 48 h`, `≤ 0.6`, `yes`. */
export function bandText(band: TargetBand | null, unit: Target['unit']): string {
  if (band === null) return 'none (cross-check)';
  if (band.equals !== undefined) return band.equals ? 'yes' : 'no';
  const u = UNIT[unit] === '' ? '' : ` ${UNIT[unit]}`;
  if (band.min !== undefined && band.max !== undefined) return `${band.min}–${band.max}${u}`;
  return band.min !== undefined ? `≥ ${band.min}${u}` : `≤ ${band.max}${u}`;
}

/** The model's figure in words. */
export function modelText(r: TargetResult): string {
  if (r.model === null) return '–';
  if (typeof r.model === 'boolean') return r.model ? 'yes' : 'no';
  const u = UNIT[r.target.unit] === '' ? '' : ` ${UNIT[r.target.unit]}`;
  return `${num(r.model, r.target.unit)}${u}`;
}

/** The verdict in words. */
export function statusText(r: TargetResult): string {
  switch (r.status) {
    case 'inside':
      return 'inside';
    case 'outside':
      return 'OUTSIDE';
    case 'cross-check':
      return 'cross-check';
    case 'not-evaluable':
      return 'not evaluable yet';
  }
}

/** The score in one sentence, as the README states it. */
export function scoreText(v: Validation): string {
  const s = v.score;
  const pending = s.notEvaluable > 0 ? `${s.notEvaluable} not evaluable yet, ` : '';
  return `${s.inside} of ${s.evaluable} evaluable targets inside their bands (${s.evaluable === 0 ? 0 : Math.round((100 * s.inside) / s.evaluable)}%); ${pending}${s.crossChecks} cross-check${s.crossChecks === 1 ? '' : 's'}`;
}

/** The validation table as text: target, band, model, verdict, source; then what the not-evaluable ones need. */
export function validationText(v: Validation): string {
  checkValidation(v);
  const lines = [`Model against published figures (${v.runs} runs per simulation, seed ${v.seed}): ${scoreText(v)}.`, ''];
  lines.push(
    textTable(
      [{ header: 'target' }, { header: 'case' }, { header: 'band', align: 'right' }, { header: 'model', align: 'right' }, { header: 'verdict' }, { header: 'source' }],
      v.rows.map((r) => [r.target.id, r.target.case.length > 60 ? `${r.target.case.slice(0, 57)}…` : r.target.case, bandText(r.target.band, r.target.unit), modelText(r), statusText(r), `${r.target.source.organisation}, ${r.target.source.date}`]),
    ),
  );
  const pending = v.rows.filter((r) => r.status === 'not-evaluable');
  if (pending.length > 0) {
    lines.push('', '  Not evaluable yet:');
    for (const r of pending) lines.push(`    ${r.target.id}: needs ${r.needs}`);
  }
  return lines.join('\n');
}

/** The validation as JSON: `score`, `runs`, `seed`, and per target its id, case, unit, band, model figure, status, needs, detail and source. */
export function validationJson(v: Validation): Record<string, unknown> {
  checkValidation(v);
  return {
    score: v.score,
    runs: v.runs,
    seed: v.seed,
    targets: v.rows.map((r) => ({
      id: r.target.id,
      case: r.target.case,
      published: r.target.published,
      unit: r.target.unit,
      band: r.target.band,
      model: r.model,
      status: r.status,
      ...(r.needs !== undefined ? { needs: r.needs } : {}),
      ...(r.detail !== undefined ? { detail: r.detail } : {}),
      source: r.target.source,
    })),
  };
}
