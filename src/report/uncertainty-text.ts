// Text and JSON of the two-level simulation: the effect of the measures as a distribution over the
// uncertain inputs (the headline), the Monte Carlo error beside it, and which inputs the spread
// comes from. Scenario outputs print this first.
import type { Uncertainty, EffectDistribution } from '../simulate/uncertainty.js';
import type { UncertainInput } from '../simulate/uncertain-inputs.js';
import { textTable } from './table.js';

/** Days with two decimals and a sign, from hours. */
function d(hours: number, digits = 2): string {
  if (!Number.isFinite(hours)) return '–';
  const v = hours / 24;
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** `−0.13 d; 90% of parameter draws between −0.23 and −0.08 d`. */
function band(e: EffectDistribution): string {
  return `${d(e.median)} d; 90% of parameter draws between ${d(e.low)} and ${d(e.high)} d`;
}

/** An input's range in words: `×0.25–2` for a factor, `0.2–0.5 share` otherwise. */
export function inputRange(x: UncertainInput): string {
  const n = (v: number): string => String(Number(v.toPrecision(3)));
  if (x.unit === 'factor') return `×${n(x.low)}–${n(x.high)}`;
  return x.kind === 'figure' ? `${n(x.low)}–${n(x.high)}` : `${n(x.low)}–${n(x.high)} ${x.unit}`;
}

/** The most rows of the ranking the text shows, and the fewest (inputs within noise fill up to it). */
const MOST = 8;
const FEWEST = 3;

/** The rows of the ranking to show: those above the threshold (at most MOST), then within-noise ones up to FEWEST. */
export function shownRows<R extends { readonly firstOrder: number }>(rows: readonly R[], threshold: number): readonly R[] {
  const above = rows.filter((r) => r.firstOrder > threshold).length;
  return rows.slice(0, Math.min(MOST, Math.max(above, FEWEST)));
}

/**
 * The readable summary of a two-level simulation: the effect on the mean (median over the parameter
 * draws and the band holding 90% of them), on p50 and p90, the Monte Carlo error beside it, and the
 * inputs with the largest first-order indices (those above the noise threshold marked).
 */
export function uncertaintyText(u: Uncertainty): string {
  const lines: string[] = [];
  const e = u.effect;
  lines.push(`  Effect of the measures, after − before, with the uncertainty of ${u.inputs.length} input${u.inputs.length === 1 ? '' : 's'} (${u.evaluated} of ${u.draws} parameter draws, Latin hypercube; ${u.runs} paired runs each):`);
  lines.push(`    mean transit time ${band(e.meanHours)}`);
  lines.push(`    p50 ${band(e.p50Hours)}`);
  lines.push(`    p90 ${band(e.p90Hours)}`);
  lines.push(
    `    Monte Carlo error: ±${d(u.monteCarlo.innerHalfWidthHours, 3)} d on each draw's mean change (95%, paired runs); ±${d(u.monteCarlo.outerMedianHalfWidthHours, 3)} d on the median over ${u.evaluated} draws`,
  );
  if (u.failed.length > 0) lines.push(`    ${u.failed.length} draw${u.failed.length === 1 ? '' : 's'} without an effect (first: ${u.failed[0]!.reason})`);
  const s = u.sensitivity;
  if (s !== undefined) {
    const above = s.rows.filter((r) => r.firstOrder > s.threshold).length;
    lines.push('');
    lines.push(
      `    Where the spread of the mean effect comes from (first-order Sobol indices from the same draws; ${above} input${above === 1 ? '' : 's'} above the noise threshold ${s.threshold.toFixed(2)} for ${u.inputs.length} inputs and ${u.evaluated} draws; more draws sharpen the ranking):`,
    );
    lines.push(
      textTable(
        [{ header: 'index', align: 'right' }, { header: '' }, { header: 'input' }, { header: 'range' }],
        shownRows(s.rows, s.threshold).map((r) => [r.firstOrder.toFixed(2), r.firstOrder > s.threshold ? '' : '(within noise)', r.input.label, inputRange(r.input)]),
        '      ',
      ),
    );
  }
  return lines.join('\n');
}

/**
 * The JSON of a two-level simulation: `draws`, `evaluated`, `runs`, `seed`, `effect` (for
 * `meanHours`, `p50Hours`, `p90Hours`: `median`, `low` (p5), `high` (p95), `mean`, in hours),
 * `monteCarlo`, `failed`, `inputs` (every input drawn) and `sensitivity` (`noise`, `threshold`,
 * `bins`, and `rows`: every input's id, label and first-order index, largest first).
 */
export function uncertaintyJson(u: Uncertainty): Record<string, unknown> {
  return {
    effect: u.effect,
    draws: u.draws,
    evaluated: u.evaluated,
    runs: u.runs,
    seed: u.seed,
    monteCarlo: u.monteCarlo,
    ...(u.failed.length > 0 ? { failed: u.failed } : {}),
    ...(u.sensitivity !== undefined
      ? {
          sensitivity: {
            noise: u.sensitivity.noise,
            threshold: u.sensitivity.threshold,
            bins: u.sensitivity.bins,
            rows: u.sensitivity.rows.map((r) => ({ id: r.input.id, label: r.input.label, firstOrder: r.firstOrder })),
          },
        }
      : {}),
    inputs: u.inputs,
  };
}
