// Tornado data: each parameter of each measure swept to the ends of its plausible range (the others
// at their values), and the package's saving recorded, on common random numbers.
import { InvalidArgumentError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import { createMeasure } from '../measures/create.js';
import type { Measure, MeasureDefinition } from '../measures/types.js';
import type { Network } from '../network/network.js';
import type { HoursSaved } from './attribute.js';
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
  const run = (ms: readonly Measure[]): { mean: number; p50: number } => {
    const r = simulate(ms.length === 0 ? network : applyMeasures(network, ms), options);
    if (r === null) throw new InvalidArgumentError('measures', ms.map((m) => m.id), 'measures that leave a route (these leave none)');
    return { mean: r.summary.meanHours, p50: r.summary.p50Hours };
  };
  const baseline = run([]);
  const savedBy = (ms: readonly Measure[]): HoursSaved => {
    const r = run(ms);
    return { meanHours: baseline.mean - r.mean, p50Hours: baseline.p50 - r.p50 };
  };
  const base = savedBy(measures);
  const rows: SensitivityRow[] = [];
  measures.forEach((m, i) => {
    for (const p of m.parameters) {
      if (p.min === p.max) continue;
      const at = (value: number): SensitivityPoint => {
        const def = m.definition as { kind: MeasureDefinition['kind']; options: Record<string, unknown> };
        const changed = createMeasure({ kind: def.kind, options: { ...def.options, [p.name]: value } } as MeasureDefinition);
        return { value, saved: savedBy(measures.map((x, j) => (j === i ? changed : x))) };
      };
      const low = at(p.min);
      const high = at(p.max);
      rows.push({ measureId: m.id, parameter: p.name, unit: p.unit, value: p.value, low, high, swingMeanHours: Math.abs(high.saved.meanHours - low.saved.meanHours) });
    }
  });
  rows.sort((a, b) => b.swingMeanHours - a.swingMeanHours);
  return { base, rows };
}
