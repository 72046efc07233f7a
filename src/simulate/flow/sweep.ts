// `volumeSweep`: the queue model at several multiples of today's volume, with and without a set of
// measures, and the volume at which each server stops keeping up (DESIGN §1 question 4).
import { InvalidArgumentError } from '../../errors.js';
import { applyMeasures } from '../../measures/apply.js';
import type { Network } from '../../network/network.js';
import { referenceVolume } from './demand.js';
import { compilePlan } from './plan.js';
import { checkFlowOptions, FLOW_DEFAULTS, runPlan } from './simulate-flow.js';
import type { FlowResult, SaturationRow, SweepOptions, VolumeSweep } from './types.js';

/** The default volumes: today's, up to the World Bank's threefold 2030 target. */
export const DEFAULT_FACTORS: readonly number[] = Object.freeze([1, 1.5, 2, 2.5, 3]);

function checkFactors(factors: unknown): readonly number[] {
  if (!Array.isArray(factors) || factors.length === 0) throw new InvalidArgumentError('factors', factors, 'a non-empty array of volume factors');
  factors.forEach((f: unknown, i) => {
    if (typeof f !== 'number' || !Number.isFinite(f) || f <= 0 || f > 100) throw new InvalidArgumentError(`factors[${i}]`, f, 'a number > 0 and <= 100');
  });
  return factors as number[];
}

function runAll(network: Network, options: SweepOptions, factors: readonly number[], measureIds: readonly string[]): FlowResult[] {
  const base = checkFlowOptions(network, { ...options, volume: factors[0]!, weeks: options.weeks ?? FLOW_DEFAULTS.weeks });
  const plan = compilePlan(network, base.flows);
  // The same seed at every factor: a higher volume rescales the same arrival draws (common random numbers).
  return factors.map((volume) => runPlan(plan, { ...base, volume }, network, measureIds));
}

/**
 * Run `simulateFlow` at each of `factors` (default 1, 1.5, 2, 2.5, 3 times today's volume, stated
 * in `today`), on the network as it is and, when `measures` are given, with them applied, using
 * the same seed and flows throughout. `saturation` lists every server with the first factor at
 * which it saturates (utilisation ≥ 0.98, offered load ≥ 1 or a growing queue; see
 * `ServerReport.saturated`), those saturating first at the top, and its utilisation and mean wait
 * at each factor. `weeks` defaults to 52.
 */
export function volumeSweep(network: Network, options: SweepOptions): VolumeSweep {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object { seed, factors?, measures?, … }');
  const factors = checkFactors(options.factors ?? DEFAULT_FACTORS);
  const measures = options.measures ?? [];
  const measureIds = measures.map((m) => m.id);
  const baseline = runAll(network, options, factors, []);
  const withMeasures = measures.length > 0 ? runAll(applyMeasures(network, measures), options, factors, measureIds) : null;

  const ids: string[] = [];
  const labels = new Map<string, string>();
  for (const r of [...baseline, ...(withMeasures ?? [])]) {
    for (const s of r.servers) {
      if (!labels.has(s.id)) {
        ids.push(s.id);
        labels.set(s.id, s.label);
      }
    }
  }
  const firstSaturated = (runs: readonly FlowResult[], id: string): number | null => {
    let first: number | null = null;
    runs.forEach((r, i) => {
      if (r.servers.some((s) => s.id === id && s.saturated) && (first === null || factors[i]! < first)) first = factors[i]!;
    });
    return first;
  };
  const series = (runs: readonly FlowResult[], id: string, pick: (s: FlowResult['servers'][number]) => number | null): (number | null)[] =>
    runs.map((r) => {
      const s = r.servers.find((x) => x.id === id);
      return s === undefined ? null : pick(s);
    });
  const rows: SaturationRow[] = ids.map((id) => ({
    id,
    label: labels.get(id)!,
    saturatesAt: { baseline: firstSaturated(baseline, id), withMeasures: withMeasures === null ? null : firstSaturated(withMeasures, id) },
    utilisation: {
      baseline: series(baseline, id, (s) => s.utilisation.estimate),
      withMeasures: withMeasures === null ? null : series(withMeasures, id, (s) => s.utilisation.estimate),
    },
    meanWaitHours: {
      baseline: series(baseline, id, (s) => s.meanWaitHours?.estimate ?? null),
      withMeasures: withMeasures === null ? null : series(withMeasures, id, (s) => s.meanWaitHours?.estimate ?? null),
    },
  }));
  const key = (r: SaturationRow): number => r.saturatesAt.baseline ?? Infinity;
  const peak = (r: SaturationRow): number => Math.max(...r.utilisation.baseline.filter((u): u is number => u !== null), 0);
  rows.sort((a, b) => key(a) - key(b) || peak(b) - peak(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { today: referenceVolume(network), factors, measures: measureIds, baseline, withMeasures, saturation: rows };
}
