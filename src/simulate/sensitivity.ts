// Tornado data: each parameter of each measure swept to the ends of its plausible range (the others
// at their values), and the package's saving recorded, on common random numbers. A scenario passes
// the baseline and full-package summaries its comparison already has (`sensitivityReusing`).
import { InvalidArgumentError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import { createMeasure } from '../measures/create.js';
import type { Measure, MeasureDefinition } from '../measures/types.js';
import type { Network } from '../network/network.js';
import type { Summary } from '../stats/summary.js';
import type { HoursSaved, SimulatedEnds } from './attribute.js';
import { simulate, type SimulateOptions } from './montecarlo.js';

/** The package's saving with one parameter at one value. */
export interface SensitivityPoint {
  readonly value: number;
  readonly saved: HoursSaved;
}

/** One bar of the tornado: a parameter at the low and high ends of its range. */
export interface SensitivityRow {
  readonly measureId: string;
  readonly parameter: string;
  readonly unit: string;
  /** The value the package uses. */
  readonly value: number;
  readonly low: SensitivityPoint;
  readonly high: SensitivityPoint;
  /** |high − low| of the mean saving, the bar's length. */
  readonly swingMeanHours: number;
}

/** The result of `sensitivity`. */
export interface Sensitivity {
  /** The package's saving with every parameter at its value. */
  readonly base: HoursSaved;
  /** Rows sorted by swing, largest first. */
  readonly rows: readonly SensitivityRow[];
}

/**
 * Sweep every numeric parameter of every measure to its range's ends, one at a time, and record the
 * whole package's saving (hours, before − after) against the baseline network; same seed throughout
 * (common random numbers).
 */
export function sensitivity(network: Network, measures: readonly Measure[], options: SimulateOptions): Sensitivity {
  if (!Array.isArray(measures) || measures.length === 0) throw new InvalidArgumentError('measures', measures, 'a non-empty array of measures');
  const baseline = run(network, [], options);
  return sweep(network, measures, options, baseline, run(network, measures, options));
}

/** How many simulations the sweep runs besides the baseline and the full package: two per parameter with a range. */
export function sensitivityPoints(measures: readonly Measure[]): number {
  return 2 * measures.reduce((k, m) => k + m.parameters.filter((p) => p.min !== p.max).length, 0);
}

/**
 * `sensitivity`, reusing the summaries of the baseline and of the full package that the caller
 * simulated with the same `options` (a scenario's comparison). `onPoint` is called before each of
 * the `sensitivityPoints(measures)` simulations, counting from 1.
 */
export function sensitivityReusing(
  network: Network,
  measures: readonly Measure[],
  options: SimulateOptions,
  ends: SimulatedEnds,
  onPoint?: (point: number, points: number, label: string) => void,
): Sensitivity {
  if (!Array.isArray(measures) || measures.length === 0) throw new InvalidArgumentError('measures', measures, 'a non-empty array of measures');
  return sweep(network, measures, options, ends.baseline, ends.full, onPoint);
}

type MeanAndMedian = Pick<Summary, 'meanHours' | 'p50Hours'>;

function run(network: Network, ms: readonly Measure[], options: SimulateOptions): MeanAndMedian {
  const r = simulate(ms.length === 0 ? network : applyMeasures(network, ms), options);
  if (r === null) throw new InvalidArgumentError('measures', ms.map((m) => m.id), 'measures that leave a route (these leave none)');
  return r.summary;
}

function sweep(
  network: Network,
  measures: readonly Measure[],
  options: SimulateOptions,
  baseline: MeanAndMedian,
  full: MeanAndMedian,
  onPoint?: (point: number, points: number, label: string) => void,
): Sensitivity {
  const savedFrom = (r: MeanAndMedian): HoursSaved => ({ meanHours: baseline.meanHours - r.meanHours, p50Hours: baseline.p50Hours - r.p50Hours });
  const points = sensitivityPoints(measures);
  let point = 0;
  const rows: SensitivityRow[] = [];
  measures.forEach((m, i) => {
    for (const p of m.parameters) {
      if (p.min === p.max) continue;
      const at = (value: number): SensitivityPoint => {
        onPoint?.(++point, points, `${m.id}.${p.name} = ${value}`);
        const def = m.definition as { kind: MeasureDefinition['kind']; options: Record<string, unknown> };
        const changed = createMeasure({ kind: def.kind, options: { ...def.options, [p.name]: value } } as MeasureDefinition);
        return { value, saved: savedFrom(run(network, measures.map((x, j) => (j === i ? changed : x)), options)) };
      };
      const low = at(p.min);
      const high = at(p.max);
      rows.push({ measureId: m.id, parameter: p.name, unit: p.unit, value: p.value, low, high, swingMeanHours: Math.abs(high.saved.meanHours - low.saved.meanHours) });
    }
  });
  rows.sort((a, b) => b.swingMeanHours - a.swingMeanHours);
  return { base: savedFrom(full), rows };
}
