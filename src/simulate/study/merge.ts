// Merging a study's parts into its result: every unit exactly once, in unit order; per alternative and
// trip the runs' totals concatenated and the blocks' sums and route counts combined in block order
// (`assembleFrom`, as `simulate` does), then every alternative compared with the first, trip by trip,
// on common random numbers (`compareResults`, as `compare` does).
import { requireArray } from '../../arguments.js';
import { compareResults, type Comparison } from '../compare.js';
import { requireStudyPart } from './check-part.js';
import { assembleFrom, type BlockResult, type ResultHeader, type SimulationResult } from '../montecarlo.js';
import { partError, type RouteDescription, type StudyPart, type StudySynopsis } from './run.js';

/** One alternative's result for one trip. */
export interface StudyAlternativeResult {
  readonly id: string;
  readonly title?: string;
  /** How its measures were given (`japan2025`, a file, a recipe's kind), in order. */
  readonly measures: readonly string[];
  /** The simulation; `null` when the trip has no route under this alternative. */
  readonly result: SimulationResult | null;
  /** The comparison with the reference (the first alternative): absent for the reference itself, or when either has no route. */
  readonly comparison?: Comparison;
}

/** One trip's results across the alternatives. */
export interface StudyTripResult {
  readonly id: string;
  readonly title?: string;
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  readonly withinDays?: number;
  /** In the study's order; the first is the reference. */
  readonly alternatives: readonly StudyAlternativeResult[];
}

/** The result of a study. */
export interface StudyResult {
  readonly study: StudySynopsis;
  readonly digest: string;
  readonly trips: readonly StudyTripResult[];
}

/**
 * Merge the parts of a study (every shard's, or the one part of a whole run) into its result.
 * Throws a typed error when the parts are of different studies, when a shard is missing or given
 * twice, or when a unit is missing.
 */
export function mergeStudyParts(parts: readonly StudyPart[]): StudyResult {
  requireArray(parts, 'parts', 'an array of StudyParts (from runStudy or parseStudyPart)', (p, f) => requireStudyPart(p, f));
  if (parts.length === 0) throw partError('no parts to merge');
  const first = parts[0]!;
  for (const p of parts) {
    if (p.digest !== first.digest) throw partError(`parts of different studies (or inputs): digests ${first.digest.slice(0, 12)}… and ${p.digest.slice(0, 12)}…`);
    if (p.shard.count !== first.shard.count || p.unitCount !== first.unitCount) throw partError(`parts of different shardings: ${first.shard.count} and ${p.shard.count} shards`);
  }
  const seen = new Set<number>();
  for (const p of parts) {
    if (seen.has(p.shard.index)) throw partError(`shard ${p.shard.index}/${p.shard.count} given twice`);
    seen.add(p.shard.index);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw partError(`missing shard${missing.length === 1 ? '' : 's'} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} of ${first.shard.count}`);
  const units = parts.flatMap((p) => p.units).sort((a, b) => a.unit.index - b.unit.index);
  units.forEach((u, i) => {
    if (u.unit.index !== i) throw partError(`unit ${i} of ${first.unitCount} is missing or given twice`);
  });
  if (units.length !== first.unitCount) throw partError(`${units.length} units where the study has ${first.unitCount}`);

  const synopsis = first.study;
  const { seed } = synopsis;
  const results: (SimulationResult | null)[][] = synopsis.alternatives.map(() => synopsis.trips.map(() => null));
  for (let a = 0; a < synopsis.alternatives.length; a++) {
    for (let t = 0; t < synopsis.trips.length; t++) {
      const mine = units.filter((u) => u.unit.alternative === a && u.unit.trip === t);
      const header = mine[0]?.header ?? null;
      for (const u of mine) {
        if ((u.header === null) !== (header === null) || JSON.stringify(u.header) !== JSON.stringify(header)) throw partError(`alternative ${a}, trip ${t}: the parts disagree on the trip's route`);
      }
      if (header === null) continue;
      const runs = mine.reduce((n, u) => n + u.samples.length, 0);
      const samples = new Float64Array(runs);
      const blocks: BlockResult[] = [];
      const routes = new Map<string, RouteDescription>();
      let at = 0;
      for (const u of mine) {
        samples.set(u.samples, at);
        at += u.samples.length;
        blocks.push(...u.blocks);
        for (const [k, r] of Object.entries(u.routes)) routes.set(k, r);
      }
      results[a]![t] = assembleFrom(header as ResultHeader, runs, samples, blocks, (k) => {
        const r = routes.get(k);
        if (r === undefined) throw partError(`a route counted but not described (${k})`);
        return r;
      });
    }
  }
  const trips = synopsis.trips.map((trip, t): StudyTripResult => {
    const reference = results[0]![t]!;
    return {
      ...trip,
      alternatives: synopsis.alternatives.map((alt, a) => {
        const result = results[a]![t]!;
        const comparison =
          a > 0 && result !== null && reference !== null
            ? compareResults(reference, result, { seed, ...(trip.withinDays !== undefined ? { withinDays: trip.withinDays } : {}), ...(trip.bootstrap !== undefined ? { bootstrap: trip.bootstrap } : {}) })
            : undefined;
        return { id: alt.id, ...(alt.title !== undefined ? { title: alt.title } : {}), measures: alt.measures, result, ...(comparison !== undefined ? { comparison } : {}) };
      }),
    };
  });
  return { study: synopsis, digest: first.digest, trips };
}
