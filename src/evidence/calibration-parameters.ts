// What calibration may tune: a small, declared set of named, bounded parameters, each scaling a whole
// class of figures of the document (every stage at rail borders, every sailing interval on the
// Caspian, the start rates of every closure, σ of the corridor state), never one figure for one target. A parameter's selector is resolved against a network
// into figure changes (`patchFigures`), so calibrating is patching.
import * as z from 'zod';
import { InvalidArgumentError } from '../errors.js';
import type { FigureChange } from '../measures/types.js';
import type { Network } from '../network/network.js';
import { MODES, NODE_KINDS, STAGE_KINDS, type EpisodeSpec, type Mode, type NodeKind, type StageKind } from '../network/types.js';

/** Which figures a parameter scales. */
export type FigureSelector =
  /** The durations of stages: at nodes of these kinds, applying to these modes, of these kinds, of these countries, at ports on these waters (each filter when given). */
  | {
      readonly figure: 'stage-duration';
      readonly nodeKinds?: readonly NodeKind[];
      readonly modes?: readonly Mode[];
      readonly stageKinds?: readonly StageKind[];
      readonly countries?: readonly string[];
      readonly waters?: readonly string[];
    }
  /** The commercial speed (`speedKmh`) of links of these modes (and countries, when given). */
  | { readonly figure: 'link-speed'; readonly modes: readonly Mode[]; readonly countries?: readonly string[] }
  /** The interval between sailings (`headwayHours`, or `departuresPerWeek` inversely) of ferry and sea services on these waters. */
  | { readonly figure: 'service-headway'; readonly waters?: readonly string[] }
  /** The start rates (`occurrence.startsPerMonth`, the whole monthly profile) of episode processes with these effects (`closure`, `throttle`), at these nodes (each filter when given). */
  | { readonly figure: 'episode-starts'; readonly effects?: readonly ('closure' | 'throttle')[]; readonly nodes?: readonly string[] }
  /** The utilisation ρ (traffic against capacity) of the places episodes act on: each episode's `utilisation`, at these nodes when given. */
  | { readonly figure: 'episode-utilisation'; readonly nodes?: readonly string[] }
  /** σ of the corridor state (the document's `correlation`): how strongly bad months coincide. */
  | { readonly figure: 'correlation-sigma' };

/** A calibration parameter: a factor on a class of figures, with its bounds and default. */
export interface CalibrationParameter {
  readonly id: string;
  /** What it stands for, one sentence. */
  readonly description: string;
  /** Which figures of the document it scales, in words. */
  readonly scales: string;
  readonly select: FigureSelector;
  /** Bounds of the factor (inclusive), 0 < min ≤ default ≤ max. */
  readonly min: number;
  readonly max: number;
  /** The factor the dataset stands for as it is (1: unchanged). */
  readonly default: number;
}

const REASON_DWELL = 'the shipped border and port dwell rests partly on estimates (CPMM gives crossing totals, not stages)';

/** A dwell factor on the stages at border crossings of one mode. */
const borderDwell = (mode: 'rail' | 'road', what: string): CalibrationParameter => ({
  id: `${mode}-border-dwell`,
  description: `Time at ${mode} border crossings: ${REASON_DWELL}.`,
  scales: `the duration of every stage at border nodes that applies to ${mode}${what}`,
  select: { figure: 'stage-duration', nodeKinds: ['border'], modes: [mode] },
  min: 0.5,
  max: 4,
  default: 1,
});

/** A dwell factor on the stages at the ports of one sea. */
const portDwell = (id: string, sea: string): CalibrationParameter => ({
  id: `${id}-port-dwell`,
  description: `Time in ${sea} ports: handling, customs and queues at the ports with ${sea} sailings.`,
  scales: `the duration of every stage at port nodes with a ferry or sea link on the ${sea}`,
  select: { figure: 'stage-duration', nodeKinds: ['port'], waters: [sea] },
  min: 0.5,
  max: 4,
  default: 1,
});

/** A factor on the interval between sailings on one sea. */
const sailingInterval = (id: string, sea: string, evidence: string): CalibrationParameter => ({
  id: `${id}-sailing-interval`,
  description: `How often ${sea} ferries and feeders sail: ${evidence}.`,
  scales: `the interval between sailings of every ferry and sea service on the ${sea}`,
  select: { figure: 'service-headway', waters: [sea] },
  min: 0.5,
  max: 3,
  default: 1,
});

/**
 * The parameters calibration tunes by default, each a class of figures the published end-to-end
 * figures are sensitive to and the segment evidence leaves uncertain: dwell, sailing intervals and
 * speed, and the calendar's mechanisms (how often closures and restrictions start, how strongly bad
 * months coincide, how loaded the places they hit are).
 */
export const CALIBRATION_PARAMETERS: readonly CalibrationParameter[] = Object.freeze([
  borderDwell('rail', ' (customs, inspections, gauge change, queues, traction)'),
  borderDwell('road', ''),
  portDwell('caspian', 'Caspian Sea'),
  portDwell('black-sea', 'Black Sea'),
  sailingInterval('caspian', 'Caspian Sea', 'no timetable is published'),
  sailingInterval('black-sea', 'Black Sea', 'about three container sailings a month were reported in 2022'),
  {
    id: 'rail-speed',
    description: 'Commercial speed of trains between stops: CPMM speed without delay, by country where measured.',
    scales: 'the commercial speed (speedKmh) of every rail link',
    select: { figure: 'link-speed', modes: ['rail'] },
    min: 0.7,
    max: 1.3,
    default: 1,
  },
  {
    id: 'closure-intensity',
    description: 'How often storms close places (the Caspian ports): no monthly counts of closures are published, only shares of the season closed and single events.',
    scales: 'the start rates (every month) of every closure episode process',
    select: { figure: 'episode-starts', effects: ['closure'] },
    min: 0.5,
    max: 2,
    default: 1,
  },
  {
    id: 'restriction-intensity',
    description: 'How often acceptance restrictions, snowstorms and other throttles start: one to two restrictions a year are reported at the China–Kazakhstan border.',
    scales: 'the start rates (every month) of every throttle episode process',
    select: { figure: 'episode-starts', effects: ['throttle'] },
    min: 0.5,
    max: 2,
    default: 1,
  },
  {
    id: 'correlation-strength',
    description: 'How strongly bad months coincide along the corridor (σ of the corridor state): one such month (December 2024) is reported, no frequency.',
    scales: 'σ of the corridor state',
    select: { figure: 'correlation-sigma' },
    min: 0.5,
    max: 1.5,
    default: 1,
  },
  {
    id: 'traffic-load',
    description: 'Traffic against capacity at the places episodes hit (their utilisation ρ): the backlog a closure leaves grows at ρ and clears at 1 − ρ.',
    scales: 'the utilisation of every episode',
    select: { figure: 'episode-utilisation' },
    min: 0.75,
    max: 1.25,
    default: 1,
  },
]);

const text = z.string().min(1);
const selectorSchema = z.discriminatedUnion('figure', [
  z.strictObject({
    figure: z.literal('stage-duration'),
    nodeKinds: z.array(z.enum(NODE_KINDS)).min(1).optional(),
    modes: z.array(z.enum(MODES)).min(1).optional(),
    stageKinds: z.array(z.enum(STAGE_KINDS)).min(1).optional(),
    countries: z.array(text).min(1).optional(),
    waters: z.array(text).min(1).optional(),
  }),
  z.strictObject({ figure: z.literal('link-speed'), modes: z.array(z.enum(MODES)).min(1), countries: z.array(text).min(1).optional() }),
  z.strictObject({ figure: z.literal('service-headway'), waters: z.array(text).min(1).optional() }),
  z.strictObject({ figure: z.literal('episode-starts'), effects: z.array(z.enum(['closure', 'throttle'])).min(1).optional(), nodes: z.array(text).min(1).optional() }),
  z.strictObject({ figure: z.literal('episode-utilisation'), nodes: z.array(text).min(1).optional() }),
  z.strictObject({ figure: z.literal('correlation-sigma') }),
]);
const parameterSchema = z
  .strictObject({ id: text, description: text, scales: text, select: selectorSchema, min: z.number().positive(), max: z.number().positive(), default: z.number().positive() })
  .refine((p) => p.min <= p.default && p.default <= p.max, 'min <= default <= max');

/**
 * Calibration parameters from JSON text or a value: an array of `{ id, description, scales, select,
 * min, max, default }` (ids unique). Throws `InvalidArgumentError` naming the path.
 */
export function parseCalibrationParameters(input: unknown): readonly CalibrationParameter[] {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (e) {
      throw new InvalidArgumentError('parameters', `${input.slice(0, 40)}…`, `valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const r = z.array(parameterSchema).min(1).safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InvalidArgumentError(`parameters${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`, issue.input, issue.message);
  }
  const ids = new Set<string>();
  r.data.forEach((p, i) => {
    if (ids.has(p.id)) throw new InvalidArgumentError(`parameters[${i}].id`, p.id, 'an id not used by another parameter');
    ids.add(p.id);
  });
  return Object.freeze(structuredClone(r.data)) as readonly CalibrationParameter[];
}

/** Whether an episode's place is one of `nodes` (any place when not given). */
function atNodes(at: EpisodeSpec['at'], nodes: readonly string[] | undefined): boolean {
  return nodes === undefined || ('node' in at && nodes.includes(at.node));
}

/** The figures a selector picks in a network, as changes without their factor. */
export function selectedFigures(network: Network, select: FigureSelector): Omit<FigureChange, 'factor' | 'set' | 'source'>[] {
  const spec = network.spec;
  switch (select.figure) {
    case 'stage-duration': {
      let ports: Set<string> | undefined;
      if (select.waters !== undefined) {
        ports = new Set();
        for (const l of spec.links) if ((l.mode === 'ferry' || l.mode === 'sea') && l.waters !== undefined && select.waters.includes(l.waters)) ports.add(l.from).add(l.to);
      }
      return spec.nodes
        .filter((n) => (select.nodeKinds === undefined || select.nodeKinds.includes(n.kind)) && (ports === undefined || ports.has(n.id)))
        .flatMap((n) =>
          (n.stages ?? [])
            .filter(
              (s) =>
                (select.modes === undefined || s.modes.some((m) => select.modes!.includes(m))) &&
                (select.stageKinds === undefined || select.stageKinds.includes(s.kind)) &&
                (select.countries === undefined || select.countries.includes(s.country)),
            )
            .map((s) => ({ node: n.id, stage: s.id, field: 'durationHours' })),
        );
    }
    case 'link-speed':
      return spec.links
        .filter((l) => select.modes.includes(l.mode) && l.speedKmh !== undefined)
        .filter((l) => select.countries === undefined || select.countries.includes(l.country ?? network.nodeById.get(l.from)?.country ?? ''))
        .map((l) => ({ link: l.id, field: 'speedKmh' }));
    case 'service-headway':
      return spec.links
        .filter((l) => l.service !== undefined && (select.waters === undefined || (l.waters !== undefined && select.waters.includes(l.waters))))
        .map((l) => ({ link: l.id, service: true as const, field: l.service!.headwayHours !== undefined ? 'headwayHours' : 'departuresPerWeek' }));
    case 'episode-starts':
      return (spec.episodes ?? [])
        .filter((e) => e.occurrence.type === 'process' && (select.effects === undefined || select.effects.includes(e.effect.type)) && atNodes(e.at, select.nodes))
        .map((e) => ({ episode: e.id, field: 'occurrence.startsPerMonth' }));
    case 'episode-utilisation':
      return (spec.episodes ?? []).filter((e) => e.utilisation !== undefined && atNodes(e.at, select.nodes)).map((e) => ({ episode: e.id, field: 'utilisation' }));
    case 'correlation-sigma':
      return spec.correlation === undefined ? [] : [{ correlation: true as const, field: 'sigma' }];
  }
}
