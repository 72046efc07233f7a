// Calibration: the declared parameters (each a factor on a class of figures) fitted to the validation
// targets on common random numbers (one seed for every evaluation, so the objective moves only with
// the parameters), by a bounded coordinate search; the calibrated network carries its provenance.
import { InvalidArgumentError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import { patchFigures } from '../measures/patch-figures.js';
import type { FigureChange, Measure } from '../measures/types.js';
import { parseNetwork, requireNetwork, type Network } from '../network/network.js';
import { requireOptions, requireTargets, checkValidation } from './check-input.js';
import { CALIBRATION_PARAMETERS, selectedFigures, type CalibrationParameter } from './calibration-parameters.js';
import type { TargetsDocument } from './targets.js';
import { validation, type TargetResult, type Validation } from './validation.js';

/** Options of `calibrate`. */
export interface CalibrateOptions {
  /** The parameters to fit (default `CALIBRATION_PARAMETERS`). */
  readonly parameters?: readonly CalibrationParameter[];
  /** Monte Carlo runs per simulation (default 2,000) and the seed shared by every evaluation (default 1). */
  readonly runs?: number;
  readonly seed?: number;
  /** Most objective evaluations (default 120). */
  readonly maxEvaluations?: number;
  /** Date recorded in the provenance (default today, `YYYY-MM-DD`). */
  readonly date?: string;
  /** Called after each evaluation. */
  readonly onEvaluation?: (evaluation: number, objective: number, values: readonly number[]) => void;
}

/** A fitted parameter. */
export interface FittedParameter extends CalibrationParameter {
  /** The factor found. */
  readonly value: number;
  /** How many figures of the network it scales. */
  readonly figures: number;
}

/** The result of `calibrate`. */
export interface Calibration {
  readonly parameters: readonly FittedParameter[];
  /** The targets fitted against: those with a band that evaluate on the network. */
  readonly against: readonly string[];
  /** The validation before and after (on `runs` and `seed`). */
  readonly before: Validation;
  readonly after: Validation;
  /** Σ over the targets of (distance outside the band / the band's scale)², before and after. */
  readonly objective: { readonly before: number; readonly after: number };
  readonly evaluations: number;
  /** The calibration as a measure (`patchFigures`), each changed figure citing the calibration; absent when every parameter stayed at its default. */
  readonly measure?: Measure;
  /** The calibrated network: the patch applied, and `calibration` recorded in the document. */
  readonly network: Network;
  readonly runs: number;
  readonly seed: number;
  readonly date: string;
}

/** The scale a target's miss is measured in: its band's width, or its one bound (at least 1). */
function bandScale(r: TargetResult): number {
  const b = r.target.band!;
  if (b.min !== undefined && b.max !== undefined && b.max > b.min) return b.max - b.min;
  return Math.max(1, Math.abs(b.min ?? b.max ?? 1));
}

/**
 * The objective: Σ over the inside/outside targets of (distance outside the band / scale)², a wrong
 * yes/no counting 1. 0 when every target is inside.
 */
export function calibrationObjective(v: Validation): number {
  let sum = 0;
  checkValidation(v);
  for (const r of v.rows) {
    if (r.status !== 'outside' || r.model === null) continue;
    if (typeof r.model === 'boolean') {
      sum += 1;
      continue;
    }
    const b = r.target.band!;
    const miss = b.min !== undefined && r.model < b.min ? b.min - r.model : b.max !== undefined && r.model > b.max ? r.model - b.max : 0;
    sum += (miss / bandScale(r)) ** 2;
  }
  return sum;
}

/** The changes that scale every parameter's figures by its value (factors on one figure multiplied), with provenance. */
function calibrationChanges(network: Network, parameters: readonly CalibrationParameter[], values: readonly number[], note?: (ids: string[], factor: number) => string): { changes: FigureChange[]; counts: number[] } {
  const byFigure = new Map<string, { change: Omit<FigureChange, 'factor' | 'set' | 'source'>; factor: number; low: number; high: number; ids: string[] }>();
  const counts = parameters.map((p, i) => {
    const figures = selectedFigures(network, p.select);
    if (values[i] === p.default) return figures.length;
    const f = values[i]! / p.default;
    for (const c of figures) {
      const key = JSON.stringify(c);
      const e = byFigure.get(key) ?? { change: c, factor: 1, low: 1, high: 1, ids: [] };
      // A sailing frequency moves against the interval: departures per week are divided by the factor.
      const inverse = c.field === 'departuresPerWeek';
      e.factor *= inverse ? 1 / f : f;
      e.low *= inverse ? values[i]! / p.max : p.min / values[i]!;
      e.high *= inverse ? values[i]! / p.min : p.max / values[i]!;
      e.ids.push(p.id);
      byFigure.set(key, e);
    }
    return figures.length;
  });
  const changes = [...byFigure.values()].map((e) => ({
    ...e.change,
    factor: e.factor,
    ...(note !== undefined
      ? { source: { estimate: note(e.ids, e.factor), range: { field: e.change.field, factor: [Math.min(1, e.low), Math.max(1, e.high)] as [number, number], reason: `the bounds of the calibration parameter${e.ids.length > 1 ? 's' : ''} ${e.ids.join(', ')}` } } }
      : {}),
  }));
  return { changes, counts };
}

function patched(network: Network, changes: readonly FigureChange[], id: string): Network {
  return changes.length === 0 ? network : applyMeasures(network, [patchFigures({ id, title: 'Calibration', changes })]);
}

/**
 * Fit `options.parameters` to `targets` on `network`. The targets fitted are those with a band that
 * evaluate at the start (`validation`: a target that needs a missing mechanism cannot inform the fit);
 * the objective is `calibrationObjective`, every evaluation on the same runs and seed. The search is
 * a bounded coordinate search on each parameter's log scale: from the defaults, each parameter in
 * turn is moved up and down by a step (a quarter of its log range at first) and kept where the
 * objective falls; when a sweep finds nothing better the step halves, until it is a 64th of the range
 * or `maxEvaluations` is spent. Returns the fitted factors, the validation before and after, the patch
 * (each changed figure citing the calibration: parameters, factor, targets, date, seed, with a range
 * from the parameters' bounds) and the calibrated network, whose document records `calibration`.
 */
export function calibrate(network: Network, targets: TargetsDocument, options: CalibrateOptions = {}): Calibration {
  requireNetwork(network);
  requireTargets(targets);
  const { parameters = CALIBRATION_PARAMETERS, runs = 2000, seed = 1, maxEvaluations = 120, onEvaluation } = requireOptions<CalibrateOptions>(options);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new InvalidArgumentError('date', date, 'a date YYYY-MM-DD');
  if (!Array.isArray(parameters) || parameters.length === 0) throw new InvalidArgumentError('parameters', parameters, 'a non-empty array of calibration parameters');
  if (!Number.isInteger(maxEvaluations) || maxEvaluations < 1) throw new InvalidArgumentError('maxEvaluations', maxEvaluations, 'an integer >= 1');

  const before = validation(network, targets, { runs, seed });
  const against = before.rows.filter((r) => r.status === 'inside' || r.status === 'outside').map((r) => r.target.id);
  if (against.length === 0) throw new InvalidArgumentError('targets', targets.targets.length, 'at least one target with a band that evaluates on the network');
  const fitted: TargetsDocument = { ...targets, targets: targets.targets.filter((t) => against.includes(t.id)) };

  // Each parameter on [0, 1]: u = 0 at its min, 1 at its max, on a log scale.
  const toValue = (p: CalibrationParameter, u: number): number => Math.exp(Math.log(p.min) + u * (Math.log(p.max) - Math.log(p.min)));
  const toUnit = (p: CalibrationParameter, v: number): number => (p.max === p.min ? 0 : (Math.log(v) - Math.log(p.min)) / (Math.log(p.max) - Math.log(p.min)));
  let evaluations = 0;
  const cache = new Map<string, number>();
  const objectiveAt = (units: readonly number[]): number => {
    const key = units.map((u) => u.toFixed(6)).join(',');
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const values = parameters.map((p, i) => (units[i] === toUnit(p, p.default) ? p.default : toValue(p, units[i]!)));
    const v = validation(patched(network, calibrationChanges(network, parameters, values).changes, 'calibration-trial'), fitted, { runs, seed });
    const o = calibrationObjective(v);
    evaluations++;
    cache.set(key, o);
    onEvaluation?.(evaluations, o, values);
    return o;
  };

  const units = parameters.map((p) => toUnit(p, p.default));
  let best = objectiveAt(units);
  let step = 0.25;
  while (step >= 1 / 64 && evaluations < maxEvaluations && best > 0) {
    let improved = false;
    for (let i = 0; i < parameters.length && evaluations < maxEvaluations; i++) {
      for (const direction of [1, -1]) {
        if (evaluations >= maxEvaluations) break;
        const u = Math.min(1, Math.max(0, units[i]! + direction * step));
        if (u === units[i]) continue;
        const trial = units.map((x, j) => (j === i ? u : x));
        const o = objectiveAt(trial);
        if (o < best - 1e-12) {
          best = o;
          units[i] = u;
          improved = true;
          break;
        }
      }
    }
    if (!improved) step /= 2;
  }

  const values = parameters.map((p, i) => (units[i] === toUnit(p, p.default) ? p.default : Number(toValue(p, units[i]!).toPrecision(4))));
  const note = (ids: string[], factor: number): string =>
    `calibrated: ×${Number(factor.toPrecision(4))} by ${ids.join(' and ')} against ${against.join(', ')} on ${date} (seed ${seed}, ${runs} runs per simulation)`;
  const { changes, counts } = calibrationChanges(network, parameters, values, note);
  const measure = changes.length > 0 ? patchFigures({ id: 'calibration', title: `Calibration against ${against.join(', ')} (${date})`, changes }) : undefined;
  const applied = measure !== undefined ? applyMeasures(network, [measure]) : network;
  const after = validation(applied, targets, { runs, seed });
  const fittedParameters = parameters.map((p, i) => ({ ...p, value: values[i]!, figures: counts[i]! }));
  const calibrated = parseNetwork({
    ...applied.spec,
    calibration: {
      against: [...against],
      date,
      seed,
      runs,
      parameters: fittedParameters.map((p) => ({ id: p.id, scales: p.scales, min: p.min, max: p.max, value: p.value })),
      objective: { before: calibrationObjective(before), after: calibrationObjective(after) },
    },
  });
  return {
    parameters: fittedParameters,
    against,
    before,
    after,
    objective: { before: calibrationObjective(before), after: calibrationObjective(after) },
    evaluations,
    ...(measure !== undefined ? { measure } : {}),
    network: calibrated,
    runs,
    seed,
    date,
  };
}
