// A user's own change to the stages at one node: scale or replace their durations, set or scale
// their probabilities.
import { InvalidMeasureError } from '../errors.js';
import { distributionSchema } from '../network/schema.js';
import { DISTRIBUTION_TYPES, STAGE_KINDS, type Distribution, type StageKind, type StageSpec } from '../network/types.js';
import { deepFreeze } from '../network/validate.js';
import { defineMeasure } from './define.js';
import { checkOptions, extraSources, measureIdOf, requireId, resolveParameter, userSetting } from './parameters.js';
import { mapStagesAt } from './rewrite.js';
import { finiteDistribution, scaleFinite } from './finite.js';
import { indexSpec, requireNodes } from './spec-index.js';
import type { AdjustStageOptions, Measure } from './types.js';

const DURATION_FACTOR = userSetting('durationFactor', 'factor', 'Multiplies every parameter of the duration distribution.', 0, 10);
const PROBABILITY = userSetting('probability', 'probability', 'Share of consignments that go through the stage.', 0, 1);
const PROBABILITY_FACTOR = userSetting('probabilityFactor', 'factor', 'Multiplies the probability (an omitted probability counts as 1).', 0, 1);

/**
 * Change stages at `node`: the one with id `stage`, or those of `kind`, or (neither given) all of
 * them. `durationFactor` scales every parameter of the duration distribution (so its mean and
 * quantiles), `durationHours` replaces it; `probability` sets the share of consignments that go
 * through, `probabilityFactor` scales it. At least one change is required; the two ways of changing
 * a duration (or a probability) exclude each other. Throws `InvalidMeasureError` naming the option
 * at fault, including at transform time for a node, stage id or kind that the network lacks.
 * Default id `adjust-stage:<node>:<stage, kind or *>`.
 */
export function adjustStage(options: AdjustStageOptions): Measure {
  const provisional = `adjust-stage:${typeof options?.node === 'string' ? options.node : '?'}:${options?.stage ?? options?.kind ?? '*'}`;
  const id = measureIdOf(options, provisional);
  checkOptions(id, options, ['node', 'stage', 'kind', 'durationFactor', 'durationHours', 'probability', 'probabilityFactor']);
  const node = requireId(id, 'node', options.node);
  const stage = options.stage === undefined ? undefined : requireId(id, 'stage', options.stage);
  const kind = options.kind;
  if (kind !== undefined && !STAGE_KINDS.includes(kind)) throw new InvalidMeasureError(id, 'kind', kind, `one of ${STAGE_KINDS.join(', ')}`);
  const durationFactor = resolveParameter(id, DURATION_FACTOR, options.durationFactor);
  const probability = resolveParameter(id, PROBABILITY, options.probability);
  const probabilityFactor = resolveParameter(id, PROBABILITY_FACTOR, options.probabilityFactor);
  let durationHours: Distribution | undefined;
  if (options.durationHours !== undefined) {
    const r = distributionSchema.safeParse(options.durationHours);
    if (!r.success) throw new InvalidMeasureError(id, 'durationHours', options.durationHours, `a valid duration distribution in hours (${DISTRIBUTION_TYPES.slice(0, -1).join(', ')} or ${DISTRIBUTION_TYPES[DISTRIBUTION_TYPES.length - 1]})`);
    if (!finiteDistribution(r.data as Distribution)) throw new InvalidMeasureError(id, 'durationHours', options.durationHours, 'a duration distribution with a finite mean and variance');
    durationHours = deepFreeze(structuredClone(options.durationHours));
  }
  if (durationFactor !== undefined && durationHours !== undefined) {
    throw new InvalidMeasureError(id, 'durationHours', options.durationHours, 'nothing when durationFactor is given (use one or the other)');
  }
  if (probability !== undefined && probabilityFactor !== undefined) {
    throw new InvalidMeasureError(id, 'probabilityFactor', options.probabilityFactor, 'nothing when probability is given (use one or the other)');
  }
  if (durationFactor === undefined && durationHours === undefined && probability === undefined && probabilityFactor === undefined) {
    throw new InvalidMeasureError(id, 'options', options, 'at least one of durationFactor, durationHours, probability, probabilityFactor');
  }
  const which = stage !== undefined ? `stage "${stage}"` : kind !== undefined ? `${kind} stages` : 'every stage';
  const what = [
    durationFactor === undefined ? '' : `durations ×${durationFactor.value}`,
    durationHours === undefined ? '' : `duration replaced by a ${durationHours.type} distribution`,
    probability === undefined ? '' : `probability set to ${probability.value}`,
    probabilityFactor === undefined ? '' : `probability ×${probabilityFactor.value}`,
  ].filter((s) => s !== '').join(', ');
  const matches = (s: StageSpec): boolean => (stage === undefined || s.id === stage) && (kind === undefined || s.kind === kind);
  return defineMeasure({
    id,
    kind: 'adjust-stage',
    title: options.title ?? `Adjust ${which} at ${node}`,
    changes: `At node ${node}, ${which}: ${what}. Nothing else changes.`,
    sources: extraSources(id, options.sources),
    parameters: [durationFactor, probability, probabilityFactor],
    scope: { nodes: [node] },
    options: {
      title: options.title,
      sources: options.sources,
      node,
      stage,
      kind,
      durationFactor: durationFactor?.value,
      durationHours,
      probability: probability?.value,
      probabilityFactor: probabilityFactor?.value,
    },
    transform(spec) {
      const index = indexSpec(spec);
      const [target] = requireNodes(id, 'node', index, [node]);
      const stages = target!.stages ?? [];
      if (stage !== undefined) {
        const s = stages.find((x) => x.id === stage);
        if (s === undefined) throw new InvalidMeasureError(id, 'stage', stage, `the id of a stage at node ${node} (${stages.map((x) => x.id).join(', ') || 'it has none'})`);
        if (kind !== undefined && s.kind !== kind) throw new InvalidMeasureError(id, 'kind', kind, `the kind of stage "${stage}" (${s.kind})`);
      } else if (kind !== undefined && !stages.some((x) => x.kind === kind)) {
        throw new InvalidMeasureError(id, 'kind', kind as StageKind, `the kind of a stage at node ${node} (${[...new Set(stages.map((x) => x.kind))].join(', ') || 'it has none'})`);
      }
      const out = mapStagesAt(spec, index.nodeIndex.get(node)!, (s) => {
        if (!matches(s)) return s;
        let out: StageSpec = s;
        if (durationFactor !== undefined) {
          out = { ...out, durationHours: scaleFinite(id, 'durationFactor', out.durationHours, durationFactor.value, `the duration of stage "${s.id}" at ${node}`) };
        }
        if (durationHours !== undefined) out = { ...out, durationHours };
        if (probability !== undefined) out = { ...out, probability: probability.value };
        if (probabilityFactor !== undefined) out = { ...out, probability: (out.probability ?? 1) * probabilityFactor.value };
        return out;
      });
      // A stage instead of another shares its draw: the two probabilities must still sum to at most 1.
      if (probability !== undefined) {
        const changed = out.nodes[index.nodeIndex.get(node)!]!.stages ?? [];
        for (const s of changed) {
          const other = s.insteadOf === undefined ? undefined : changed.find((x) => x.id === s.insteadOf);
          if (other !== undefined && !((other.probability ?? 1) + (s.probability ?? 1) <= 1)) {
            throw new InvalidMeasureError(id, 'probability', probability.value, `at most 1 minus the probability of the stage sharing its draw ("${s.id}" is instead of "${other.id}" at ${node})`);
          }
        }
      }
      return out;
    },
  });
}
