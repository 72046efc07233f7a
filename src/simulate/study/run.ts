// Running a study, whole or in shards. The work is a list of units — (alternative × trip × block of
// runs), in that order — and shard i of N runs the units whose index is i modulo N. A unit's output
// is what a simulation's blocks produce (its runs' total hours, per-block sums per country and
// category, per-block route counts) with the routes described by their links and nodes, so a part
// file carries everything the merge needs and nothing that depends on the machine. Draws depend only
// on (seed, element, run), so merging the parts, in unit order, gives the result of the whole study
// run in one process, bit for bit; `runStudy` without a shard is that one process (one part).
import { requireShape } from '../../arguments.js';
import { InvalidArgumentError, TranscaspianError } from '../../errors.js';
import { applyMeasures } from '../../measures/apply.js';
import type { Network } from '../../network/network.js';
import { routeFromArcs } from '../../route/fastest.js';
import { BLOCK_RUNS, headerOf, prepareSimulation, type BlockResult, type Prepared, type ResultHeader } from '../montecarlo.js';
import { requireStudy, requireStudyCounts } from './check-study.js';
import type { Study } from './load.js';

/** One unit of work: runs [fromRun, toRun) of one trip under one alternative. */
export interface StudyUnit {
  readonly index: number;
  readonly alternative: number;
  readonly trip: number;
  readonly fromRun: number;
  readonly toRun: number;
}

/** Which shard to run: `index` from 0 to `count` − 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** A route as a shard describes it: its links and nodes. */
export interface RouteDescription {
  readonly links: readonly string[];
  readonly nodes: readonly string[];
}

/** What one unit produced. */
export interface UnitOutput {
  readonly unit: StudyUnit;
  /** The trip's header under the alternative; `null` when the trip has no route there. */
  readonly header: ResultHeader | null;
  /** Total hours of runs fromRun … toRun − 1 (empty without a route). */
  readonly samples: Float64Array;
  /** Per block of `BLOCK_RUNS`: sums per country and category, and route counts keyed by `routeKey`. */
  readonly blocks: readonly BlockResult[];
  /** The routes of `blocks`, by key. */
  readonly routes: Readonly<Record<string, RouteDescription>>;
}

/** What a part file holds about its study (enough to merge and to report, without the study file). */
export interface StudySynopsis {
  readonly title: string;
  readonly runs: number;
  readonly seed: number;
  readonly policy: string;
  readonly blockRuns: number;
  readonly trips: readonly { readonly id: string; readonly title?: string; readonly origin: string; readonly destination: string; readonly profile: string; readonly withinDays?: number; readonly bootstrap?: number }[];
  readonly alternatives: readonly { readonly id: string; readonly title?: string; readonly measures: readonly string[] }[];
  /** Names of the nodes the results mention, by id. */
  readonly names: Readonly<Record<string, string>>;
}

/** The output of a shard (or of the whole study): a part, to be merged. */
export interface StudyPart {
  readonly format: 'transcaspian/study-part@1';
  /** The study's digest: parts of different studies (or inputs) are never merged. */
  readonly digest: string;
  readonly shard: Shard;
  /** Units in the whole study. */
  readonly unitCount: number;
  readonly study: StudySynopsis;
  readonly units: readonly UnitOutput[];
}

/** The key of a route in part files: its links as JSON (the same on every machine). */
export function routeKey(links: readonly string[]): string {
  return JSON.stringify(links);
}

/** Every unit of a study, in order: alternative-major, then trip, then block of runs. */
export function studyUnits(study: Pick<Study, 'alternatives' | 'trips' | 'runs' | 'blockRuns'>): StudyUnit[] {
  requireStudyCounts(study);
  const units: StudyUnit[] = [];
  for (let a = 0; a < study.alternatives.length; a++) {
    for (let t = 0; t < study.trips.length; t++) {
      for (let from = 0; from < study.runs; from += study.blockRuns) {
        units.push({ index: units.length, alternative: a, trip: t, fromRun: from, toRun: Math.min(study.runs, from + study.blockRuns) });
      }
    }
  }
  return units;
}

/** Check a shard against a study's units. */
export function checkShard(shard: Shard): Shard {
  if (typeof shard !== 'object' || shard === null || !Number.isInteger(shard.count) || shard.count < 1 || shard.count > 1_000_000) {
    throw new InvalidArgumentError('shard.count', shard?.count, 'an integer from 1 to 1,000,000');
  }
  if (!Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new InvalidArgumentError('shard.index', shard.index, `an integer from 0 to ${shard.count - 1}`);
  }
  return shard;
}

/** Settings of `runStudy`. */
export interface RunStudySettings {
  /** Run only this shard (default: the whole study, as shard 0 of 1). */
  readonly shard?: Shard;
  /** Called before each unit: `done` units of `total` in this shard are finished. */
  readonly onProgress?: (done: number, total: number, unit: StudyUnit) => void;
}

/** The synopsis of a study: titles, trips, alternatives and the names of the nodes it mentions. */
function synopsisOf(study: Study): StudySynopsis {
  const names: Record<string, string> = {};
  for (const n of study.network.nodes) names[n.id] = n.name;
  return {
    title: study.title,
    runs: study.runs,
    seed: study.seed,
    policy: study.policy,
    blockRuns: study.blockRuns,
    trips: study.trips.map((t) => {
      const o = t.options;
      const profile = typeof o.profile === 'string' ? o.profile : o.profile.id;
      const bootstrap = o['bootstrap'] as number | undefined;
      return { id: t.id, ...(t.title !== undefined ? { title: t.title } : {}), origin: o.origin, destination: o.destination, profile, ...(o.withinDays !== undefined ? { withinDays: o.withinDays } : {}), ...(bootstrap !== undefined ? { bootstrap } : {}) };
    }),
    alternatives: study.alternatives.map((a) => ({ id: a.id, ...(a.title !== undefined ? { title: a.title } : {}), measures: a.labels })),
    names,
  };
}

/**
 * Run a study — or, with `settings.shard`, the units of one shard — and return its part. Units run in
 * order; each alternative's network is made once, each trip's simulation prepared once per
 * alternative. The merge of every shard's part (`mergeStudyParts`) equals the merge of the whole
 * study's one part, bit for bit.
 */
export function runStudy(study: Study, settings: RunStudySettings = {}): StudyPart {
  requireStudy(study);
  requireShape(settings, 'settings', 'RunStudySettings { shard?, onProgress? }');
  if (settings.onProgress !== undefined && typeof settings.onProgress !== 'function') throw new InvalidArgumentError('settings.onProgress', settings.onProgress, 'a function (done, total, unit)');
  const shard = checkShard(settings.shard ?? { index: 0, count: 1 });
  if (study.blockRuns % BLOCK_RUNS !== 0) throw new InvalidArgumentError('blockRuns', study.blockRuns, `a multiple of ${BLOCK_RUNS}`);
  const all = studyUnits(study);
  const mine = all.filter((u) => u.index % shard.count === shard.index);
  const networks = new Map<number, Network>();
  const prepared = new Map<string, Prepared | null>();
  const outputs: UnitOutput[] = [];
  mine.forEach((unit, k) => {
    settings.onProgress?.(k, mine.length, unit);
    let network = networks.get(unit.alternative);
    if (network === undefined) networks.set(unit.alternative, (network = applyMeasures(study.network, study.alternatives[unit.alternative]!.measures)));
    const key = `${unit.alternative}|${unit.trip}`;
    let prep = prepared.get(key);
    if (prep === undefined) prepared.set(key, (prep = prepareSimulation(network, study.trips[unit.trip]!.options)));
    if (prep === null) {
      outputs.push({ unit, header: null, samples: new Float64Array(0), blocks: [], routes: {} });
      return;
    }
    const samples = new Float64Array(unit.toRun - unit.fromRun);
    const raw = prep.runBlocks(unit.fromRun, unit.toRun, samples, 0);
    const routes: Record<string, RouteDescription> = {};
    const byArcs = new Map<string, string>();
    const blocks = raw.map((b) => ({
      cells: b.cells,
      routes: b.routes.map(([arcs, n]): [string, number] => {
        let k2 = byArcs.get(arcs);
        if (k2 === undefined) {
          const r = routeFromArcs(prep!.trip, arcs === '' ? [] : arcs.split(',').map(Number));
          k2 = routeKey(r.links);
          byArcs.set(arcs, k2);
          routes[k2] = { links: r.links, nodes: r.nodes };
        }
        return [k2, n];
      }),
    }));
    outputs.push({ unit, header: headerOf(prep), samples, blocks, routes });
  });
  settings.onProgress?.(mine.length, mine.length, mine[mine.length - 1] ?? { index: 0, alternative: 0, trip: 0, fromRun: 0, toRun: 0 });
  return { format: 'transcaspian/study-part@1', digest: study.digest, shard, unitCount: all.length, study: synopsisOf(study), units: outputs };
}

/** A typed error about part files (merging parts that do not belong together, or a damaged part). */
export function partError(message: string): TranscaspianError {
  return new TranscaspianError('invalid_argument', `study parts: ${message}`);
}
