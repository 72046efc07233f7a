// Loading a study: the document checked against its schema, then every reference resolved — the
// network file, each alternative's measures (the Japan 2025 package, files of recipes, inline recipes;
// stacked in order and applied once to check they fit the network), each trip's nodes, profile and
// avoided places — with every problem collected, as networks are validated (typed problems with
// paths), and a digest of everything the results depend on, so shards of one study can be told from
// shards of another.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { InvalidArgumentError, InvalidNetworkError, InvalidStudyError, TranscaspianError, UnknownNodeError, UnknownProfileError, type NetworkProblem, type ProblemCode } from '../../errors.js';
import { requireString } from '../../arguments.js';
import { applyMeasures } from '../../measures/apply.js';
import { createMeasure } from '../../measures/create.js';
import { japan2025, type Japan2025Package } from '../../measures/japan2025.js';
import type { Measure, MeasureDefinition } from '../../measures/types.js';
import { loadNetwork, middleCorridor } from '../../network/load.js';
import { DEFAULT_MAX_FILE_BYTES, readTextCapped } from '../../network/read-file.js';
import type { Network } from '../../network/network.js';
import { comparePaths, makeProblem, readJsonProblem, schemaProblems, valueAt } from '../../network/validate.js';
import type { Avoid } from '../../route/expand.js';
import { resolveTrip, type RouteOptions } from '../../route/trip.js';
import { BLOCK_RUNS, type RoutePolicy } from '../montecarlo.js';
import { studySchema, type StudySpec } from './schema.js';

/**
 * Trip options a study may pass through to the simulation in `options` (study-wide or per trip),
 * beyond the fields it has of its own. Options that later issues add to the simulation (departure
 * windows, volume) are added here as they land; any other key is an `unknown_field` problem.
 */
export const STUDY_PASS_THROUGH_OPTIONS: readonly string[] = Object.freeze(['bootstrap']);

/** Default runs per unit of work (16 blocks of `BLOCK_RUNS`). */
export const DEFAULT_BLOCK_RUNS = 16 * BLOCK_RUNS;

/** One trip of a study, resolved: the options its simulations take (runs and seed included). */
export interface StudyTrip {
  readonly id: string;
  readonly title?: string;
  /** Everything `simulate` and `compare` take for this trip, pass-through options included. */
  readonly options: RouteOptions & { readonly runs: number; readonly seed: number; readonly policy: RoutePolicy; readonly withinDays?: number } & Readonly<Record<string, unknown>>;
}

/** One alternative of a study, resolved: its measures in order. */
export interface StudyAlternative {
  readonly id: string;
  readonly title?: string;
  readonly measures: readonly Measure[];
  /** How each measure entry was written (`japan2025`, a file, `kind` of a recipe). */
  readonly labels: readonly string[];
  /** The Japan 2025 package, when the alternative stacks it. */
  readonly package?: Japan2025Package;
}

/** A study ready to run. */
export interface Study {
  readonly title: string;
  /** The document with its defaults filled in. */
  readonly spec: StudySpec;
  readonly network: Network;
  /** The network file as the study names it (absent: the shipped network). */
  readonly networkFile?: string;
  readonly runs: number;
  readonly seed: number;
  readonly policy: RoutePolicy;
  readonly blockRuns: number;
  readonly trips: readonly StudyTrip[];
  /** The first is the reference. */
  readonly alternatives: readonly StudyAlternative[];
  /** SHA-256 of the document, the network's document and every measure's definition: shards of one study share it. */
  readonly digest: string;
}

/** Options of `parseStudy` and `validateStudy`. */
export interface StudyOptions {
  /** Directory that relative paths (network, measure files) start from; default the working directory. */
  readonly baseDir?: string;
}

type Path = readonly (string | number)[];

/** A library error's field (`origin`, `via[1]`, `avoid.countries`) as a path under `at`. */
function fieldPath(at: Path, field: string): Path {
  const parts: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return [...at, ...parts];
}

function codeOf(e: unknown): ProblemCode {
  if (e instanceof UnknownNodeError) return 'unknown_node';
  if (e instanceof UnknownProfileError) return 'unknown_profile';
  return 'invalid_value';
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface Resolved {
  readonly problems: NetworkProblem[];
  readonly study?: Study;
}

function resolveStudy(input: unknown, options: StudyOptions): Resolved {
  let doc = input;
  if (typeof input === 'string') {
    const r = readJsonProblem(input);
    if ('problem' in r) return { problems: [r.problem] };
    doc = r.value;
  }
  const parsed = studySchema.safeParse(doc);
  const problems: NetworkProblem[] = schemaProblems(studySchema, doc);
  if (!parsed.success || problems.length > 0) return { problems };
  const spec = parsed.data;
  const add = (code: ProblemCode, path: Path, expected: string, received: unknown = valueAt(doc, path)): void => {
    problems.push(makeProblem(code, path, received, expected));
  };
  const baseDir = options.baseDir ?? process.cwd();
  const pathOf = (file: string): string => (isAbsolute(file) ? file : resolve(baseDir, file));

  const ids = (list: readonly { id: string }[], at: string): void => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add('duplicate_id', [at, i, 'id'], `an id not used before in ${at}`, x.id);
      seen.add(x.id);
    });
  };
  ids(spec.trips, 'trips');
  ids(spec.alternatives, 'alternatives');
  const checkOptions = (o: Record<string, unknown> | undefined, at: Path): void => {
    for (const key of Object.keys(o ?? {})) {
      if (!STUDY_PASS_THROUGH_OPTIONS.includes(key)) {
        add('unknown_field', [...at, 'options', key], `an option the simulation takes (${STUDY_PASS_THROUGH_OPTIONS.join(', ')}); runs, seed, policy and withinDays are fields of their own`, o![key]);
      }
    }
  };
  checkOptions(spec.options, []);
  spec.trips.forEach((t, i) => checkOptions(t.options, ['trips', i]));
  const blockRuns = spec.blockRuns ?? DEFAULT_BLOCK_RUNS;
  if (blockRuns % BLOCK_RUNS !== 0) add('invalid_value', ['blockRuns'], `a multiple of ${BLOCK_RUNS}`, blockRuns);

  let network: Network;
  try {
    network = spec.network === undefined ? middleCorridor() : loadNetwork(pathOf(spec.network));
  } catch (e) {
    const first = e instanceof InvalidNetworkError ? `${e.problems.length} problem(s), the first: ${e.problems[0]!.message}` : messageOf(e);
    add('invalid_value', ['network'], `a readable, valid network document (${first})`, spec.network);
    return { problems: problems.sort((a, b) => comparePaths(a.path, b.path)) };
  }

  // Alternatives: measures stacked in order, applied once to check they fit the network.
  const alternatives: StudyAlternative[] = spec.alternatives.map((alt, a) => {
    const measures: Measure[] = [];
    const labels: string[] = [];
    let pkg: Japan2025Package | undefined;
    alt.measures.forEach((entry, k) => {
      const at: Path = ['alternatives', a, 'measures', k];
      try {
        if (entry === 'japan2025') {
          pkg ??= japan2025();
          measures.push(...pkg.measures);
          labels.push('japan2025');
        } else if (typeof entry === 'string') {
          let list: unknown;
          try {
            list = JSON.parse(readFileSync(pathOf(entry), 'utf8'));
          } catch (e) {
            throw new TranscaspianError('io_error', `cannot read ${entry} as JSON: ${messageOf(e)}`);
          }
          const recipes = Array.isArray(list) ? list : typeof list === 'object' && list !== null && Array.isArray((list as { measures?: unknown }).measures) ? (list as { measures: unknown[] }).measures : null;
          if (recipes === null) throw new TranscaspianError('invalid_measure', `${entry}: expected an array of { "kind", "options" } recipes (or { "measures": [...] })`);
          measures.push(...recipes.map((r) => createMeasure(r as MeasureDefinition)));
          labels.push(entry);
        } else {
          measures.push(createMeasure(entry as MeasureDefinition));
          labels.push(entry.kind);
        }
      } catch (e) {
        if (!(e instanceof TranscaspianError)) throw e;
        add('invalid_value', at, `"japan2025", a readable file of measure recipes, or a valid recipe (${messageOf(e)})`, entry);
      }
    });
    return { id: alt.id, ...(alt.title !== undefined ? { title: alt.title } : {}), measures, labels, ...(pkg !== undefined ? { package: pkg } : {}) };
  });
  if (problems.length === 0) {
    alternatives.forEach((alt, a) => {
      try {
        applyMeasures(network, alt.measures);
      } catch (e) {
        if (!(e instanceof TranscaspianError)) throw e;
        add('invalid_value', ['alternatives', a, 'measures'], `measures that fit the network (${messageOf(e)})`);
      }
    });
  }

  // Trips: nodes, profile and places checked against the network.
  const trips: StudyTrip[] = spec.trips.map((t, i) => {
    const withinDays = t.withinDays ?? spec.withinDays;
    const opts = {
      ...spec.options,
      ...t.options,
      origin: t.origin,
      destination: t.destination,
      profile: t.profile,
      // zod types absent optional fields as `T | undefined`; the schema never produces undefined values.
      ...(t.avoid !== undefined ? { avoid: t.avoid as Avoid } : {}),
      ...(t.via !== undefined ? { via: t.via } : {}),
      runs: spec.runs,
      seed: spec.seed,
      policy: spec.policy,
      ...(withinDays !== undefined ? { withinDays } : {}),
    };
    try {
      resolveTrip(network, opts);
    } catch (e) {
      if (!(e instanceof TranscaspianError)) throw e;
      const field = e instanceof InvalidArgumentError || e instanceof UnknownNodeError ? e.field : e instanceof UnknownProfileError ? 'profile' : '';
      add(codeOf(e), fieldPath(['trips', i], field), `a valid ${field || 'trip'} (${messageOf(e)})`);
    }
    return { id: t.id, ...(t.title !== undefined ? { title: t.title } : {}), options: opts };
  });
  if (problems.length > 0) return { problems: problems.sort((a, b) => comparePaths(a.path, b.path)) };

  const digest = createHash('sha256')
    .update(JSON.stringify(spec))
    .update('\u0000')
    .update(JSON.stringify(network.spec))
    .update('\u0000')
    .update(JSON.stringify(alternatives.map((a) => a.measures.map((m) => m.definition))))
    .digest('hex');
  return {
    problems,
    study: {
      title: spec.title,
      spec,
      network,
      ...(spec.network !== undefined ? { networkFile: spec.network } : {}),
      runs: spec.runs,
      seed: spec.seed,
      policy: spec.policy ?? 'planned',
      blockRuns,
      trips,
      alternatives,
      digest,
    },
  };
}

/**
 * Every problem in a study document — its shape, and every reference it makes (network file,
 * measures, trips' nodes, profiles and places) — in document order; an empty array when it is valid.
 * `input` is JSON text or a parsed value; relative paths start from `options.baseDir`.
 */
export function validateStudy(input: unknown, options: StudyOptions = {}): NetworkProblem[] {
  return resolveStudy(input, options).problems;
}

/** Validate a study document and resolve it, ready to run. Throws one `InvalidStudyError` listing every problem. */
export function parseStudy(input: unknown, options: StudyOptions = {}): Study {
  const { problems, study } = resolveStudy(input, options);
  if (study === undefined || problems.length > 0) throw new InvalidStudyError(problems);
  return study;
}

/** Read a study file and resolve it (paths relative to the file's directory). Throws `FileReadError` or `InvalidStudyError`. */
export function loadStudy(path: string): Study {
  requireString(path, 'path', 'the path of a study file');
  const text = readTextCapped(path, DEFAULT_MAX_FILE_BYTES, 'a study file is small: check the path');
  return parseStudy(text, { baseDir: dirname(resolve(path)) });
}
