// The uncertain inputs of a scenario: every parameter of its measures that has a plausible range
// (`min` < `max`, a shipped default), and every figure of its network that has one (a `range` on the
// figure's provenance: of nodes, stages, links, services, structures, episodes and the correlation). What the two-level simulation draws, and how a draw becomes a network and a
// package: figures through one `patchFigures` measure, parameters by rebuilding the measure.
import { requireArray, requireShape } from '../arguments.js';
import { applyMeasures } from '../measures/apply.js';
import { createMeasure } from '../measures/create.js';
import { patchFigures } from '../measures/patch-figures.js';
import type { FigureAddress, FigureChange, Measure, MeasureDefinition } from '../measures/types.js';
import { requireNetwork, type Network } from '../network/network.js';
import { figureAt, provenanceList, rangeFactors, rangesOf } from '../network/ranges.js';
import type { FigureRange, ProvenanceSpec } from '../network/types.js';

/** Fields whose figures do not enter transit times (map coordinates): never drawn. */
const NOT_TIMED: ReadonlySet<string> = new Set(['lat', 'lon']);
/** Fields that must stay whole numbers (counts of servers and vessels): draws are rounded. */
const WHOLE: ReadonlySet<string> = new Set(['servers', 'vessels']);

/** One uncertain input of a scenario. */
export interface UncertainInput {
  /**
   * Stable id: `measure:<measure id>/<parameter>` for a measure parameter, `<node|stage|link|service|
   * structure|episode>:<place>/<field>` for a figure (e.g. `stage:dostyk/kz-customs-block/durationHours`,
   * `episode:kuryk-storms/occurrence.startsPerMonth`), `correlation:corridor-state/sigma` for σ.
   */
  readonly id: string;
  /** Readable, e.g. `customs-streamlining: proceduralCut` or `Dostyk, KZ customs clearance (block trains): durationHours`. */
  readonly label: string;
  readonly kind: 'parameter' | 'figure';
  /**
   * The range drawn: for a parameter and an absolute figure range, `low` … `high` in `unit`, drawn
   * uniformly; for a relative figure range (`unit` `factor`), multipliers of the figure, drawn
   * uniformly on a log scale (×0.5 and ×2 equally likely).
   */
  readonly low: number;
  readonly high: number;
  readonly unit: string;
  /** The value in use (a parameter's value, a figure's number; 1 for a factor). */
  readonly value: number;
  /** Why this range: the parameter's assumption or the figure range's reason. */
  readonly reason: string;
}

/** A figure input with where its figure lives. */
interface FigureInput extends UncertainInput {
  readonly kind: 'figure';
  readonly change: Omit<FigureChange, 'set' | 'factor' | 'source'>;
  readonly relative: boolean;
  readonly whole: boolean;
}
/** A parameter input with its measure. */
interface ParameterInput extends UncertainInput {
  readonly kind: 'parameter';
  readonly measureIndex: number;
  readonly parameter: string;
}
type AnyInput = FigureInput | ParameterInput;

/** The first range of each field of an object's provenance (a later one for the same field is a second opinion, not used). */
function rangesByField(source: ProvenanceSpec | undefined): Map<string, FigureRange> {
  const out = new Map<string, FigureRange>();
  for (const p of provenanceList(source)) for (const r of rangesOf(p)) if (!out.has(r.field)) out.set(r.field, r);
  return out;
}

function figureInputs(network: Network): FigureInput[] {
  const out: FigureInput[] = [];
  const add = (holder: object & { source?: ProvenanceSpec }, prefix: string, where: string, change: FigureAddress): void => {
    for (const [field, range] of rangesByField(holder.source)) {
      if (NOT_TIMED.has(field)) continue;
      const figure = figureAt(holder, field);
      if (figure === undefined) continue;
      const relative = range.factor !== undefined || typeof figure !== 'number';
      const [lo, hi] = relative ? rangeFactors(range, figure) : [range.min!, range.max!];
      if (!(hi > lo)) continue;
      out.push({
        id: `${prefix}/${field}`,
        label: `${where}: ${field}`,
        kind: 'figure',
        low: lo,
        high: hi,
        unit: relative ? 'factor' : field,
        value: relative ? 1 : (figure as number),
        reason: range.reason,
        change: { ...change, field },
        relative,
        whole: WHOLE.has(field.slice(field.lastIndexOf('.') + 1)),
      });
    }
  };
  for (const n of network.spec.nodes) {
    add(n, `node:${n.id}`, n.name, { node: n.id });
    for (const s of n.stages ?? []) add(s, `stage:${n.id}/${s.id}`, `${n.name}, ${s.name}`, { node: n.id, stage: s.id });
  }
  for (const l of network.spec.links) {
    const name = l.name ?? l.id;
    add(l, `link:${l.id}`, `link ${name}`, { link: l.id });
    if (l.service !== undefined) add(l.service, `service:${l.id}`, `service ${name}`, { link: l.id, service: true });
    for (const s of l.structures ?? []) add(s, `structure:${l.id}/${s.id}`, `${s.name} (${name})`, { link: l.id, structure: s.id });
  }
  // The calendar's mechanisms: each episode's start rates, durations and utilisation, and σ of the corridor state.
  for (const e of network.spec.episodes ?? []) add(e, `episode:${e.id}`, `episode ${e.name}`, { episode: e.id });
  const correlation = network.spec.correlation;
  if (correlation !== undefined) add(correlation, 'correlation:corridor-state', 'corridor state', { correlation: true });
  return out;
}

function parameterInputs(measures: readonly Measure[]): ParameterInput[] {
  return measures.flatMap((m, measureIndex) =>
    m.parameters
      // A generic measure's setting (no shipped default) is the caller's own figure, not an uncertain input.
      .filter((p) => p.default !== null && p.max > p.min)
      .map((p) => ({
        id: `measure:${m.id}/${p.name}`,
        label: `${m.id}: ${p.name}`,
        kind: 'parameter' as const,
        low: p.min,
        high: p.max,
        unit: p.unit,
        value: p.value,
        reason: p.assumption,
        measureIndex,
        parameter: p.name,
      })),
  );
}

/**
 * The uncertain inputs of `network` under `measures`, measure parameters first (in package order),
 * then the network's figures (nodes with their stages, then links with their services and
 * structures, then episodes — start rates, durations, utilisation — and σ of the corridor state, in
 * document order). Coordinates are left out: transit times do not depend on them.
 */
export function uncertainInputs(network: Network, measures: readonly Measure[]): readonly UncertainInput[] {
  requireNetwork(network);
  requireArray(measures, 'measures', 'an array of measures', (m, f) => requireShape(m, f, 'a measure', { id: 'string', parameters: 'array' }));
  return allInputs(network, measures).map(publicInput);
}

/** An input as the public `UncertainInput` (without what a draw needs). */
export function publicInput({ id, label, kind, low, high, unit, value, reason }: UncertainInput): UncertainInput {
  return { id, label, kind, low, high, unit, value, reason };
}

/** The inputs with what a draw needs. */
export function allInputs(network: Network, measures: readonly Measure[]): AnyInput[] {
  return [...parameterInputs(measures), ...figureInputs(network)];
}

/** The value of an input at the unit-cube point `u` in (0, 1): uniform, or log-uniform for a factor. */
export function inputValue(input: AnyInput, u: number): number {
  if (input.kind === 'figure' && input.relative) return Math.exp(Math.log(input.low) + u * (Math.log(input.high) - Math.log(input.low)));
  const v = input.low + u * (input.high - input.low);
  return input.kind === 'figure' && input.whole ? Math.round(v) : v;
}

/**
 * The network and the measures of one draw: every figure input set (or scaled) to its drawn value
 * by one `patchFigures` measure applied to `network`, every parameter input set in its measure.
 */
export function drawScenario(network: Network, measures: readonly Measure[], inputs: readonly AnyInput[], values: ArrayLike<number>): { network: Network; measures: Measure[] } {
  const changes: FigureChange[] = [];
  const params = new Map<number, Record<string, number>>();
  inputs.forEach((input, k) => {
    const v = values[k]!;
    if (input.kind === 'figure') {
      changes.push(input.relative ? { ...input.change, factor: v } : { ...input.change, set: v });
    } else {
      const o = params.get(input.measureIndex) ?? {};
      o[input.parameter] = v;
      params.set(input.measureIndex, o);
    }
  });
  const drawn = measures.map((m, i) => {
    const o = params.get(i);
    if (o === undefined) return m;
    const def = m.definition as { kind: MeasureDefinition['kind']; options: Record<string, unknown> };
    return createMeasure({ kind: def.kind, options: { ...def.options, ...o } } as MeasureDefinition);
  });
  return { network: changes.length === 0 ? network : patchedNetwork(network, changes), measures: drawn };
}

function patchedNetwork(network: Network, changes: readonly FigureChange[]): Network {
  return applyMeasures(network, [patchFigures({ id: 'uncertainty-draw', title: 'Figures drawn from their plausible ranges', changes })]);
}
