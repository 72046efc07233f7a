// Emission tables as the library reads them: validated, frozen, indexed, and checked against a network
// before use. The shipped tables (`data/emissions.json`) cite a source or an estimate for every figure.
import shipped from '../../data/emissions.json' with { type: 'json' };
import { InvalidArgumentError, InvalidTableError, type NetworkProblem } from '../errors.js';
import { requireNetwork, type Network } from '../network/network.js';
import type { SourceSpec } from '../network/types.js';
import { checkDocument, deepFreeze } from '../network/validate.js';
import type { LoadTableOptions, TableOptions } from './cost-tables.js';
import { emissionTablesSchema } from './emission-schema.js';
import type { EmissionTablesSpec, Figure, Traction, VesselIntensity } from './emission-types.js';
import { checkOncePerNetwork, duplicateProblems, groupBy, field, networkReferenceProblems, ProblemList, readTableText, sourceProblems } from './table-checks.js';

/** Validated emission tables, frozen and indexed. Create them with `parseEmissionTables`. */
export interface EmissionTables {
  readonly spec: EmissionTablesSpec;
  readonly id: string;
  readonly title: string;
  /** Grid intensity per country (`''`: the default), g CO2e per kWh. */
  readonly gridByCountry: ReadonlyMap<string, Figure>;
  /** Electric share of rail per country (`''`: the default). */
  readonly electricShareByCountry: ReadonlyMap<string, number>;
  /** Traction per rail link document id. */
  readonly tractionByLink: ReadonlyMap<string, Traction>;
  /** Vessel rows per link document id. */
  readonly vesselsByLink: ReadonlyMap<string, readonly VesselIntensity[]>;
  /** Hub intensity per node (`''`: the default), kg CO2e per TEU handled. */
  readonly hubByNode: ReadonlyMap<string, Figure>;
  readonly sourceById: ReadonlyMap<string, SourceSpec>;
}

const SOURCED = ['railEnergy', 'electricity', 'rail', 'railLinks', 'road', 'vessels', 'waterDefaults', 'hubs'] as const;

function requiredDefaults(doc: unknown): NetworkProblem[] {
  const out = new ProblemList(doc);
  for (const [key, what] of [
    ['electricity', 'a default grid (a row without "country") for electric rail in countries without a row'],
    ['rail', 'a default electric share (a row without "country")'],
    ['hubs', 'a default hub intensity (a row without "node")'],
  ] as const) {
    const rows = (doc as Record<string, unknown>)[key];
    if (!Array.isArray(rows)) continue;
    const keyField = key === 'hubs' ? 'node' : 'country';
    if (!rows.some((r) => typeof r === 'object' && r !== null && !Object.prototype.hasOwnProperty.call(r, keyField))) out.add('missing_field', [key], what);
  }
  return out.problems;
}

function check(input: unknown, options: TableOptions): { problems: NetworkProblem[]; doc: unknown } {
  return checkDocument(input, emissionTablesSchema, (doc) => [
    ...sourceProblems(doc, SOURCED, options.requireSources === true),
    ...requiredDefaults(doc),
    ...duplicateProblems(doc, 'electricity', (e) => field(e, 'country') ?? '', 'country', 'a country'),
    ...duplicateProblems(doc, 'rail', (e) => field(e, 'country') ?? '', 'country', 'a country'),
    ...duplicateProblems(doc, 'railLinks', (e) => field(e, 'link'), 'link', 'a link'),
    ...duplicateProblems(doc, 'hubs', (e) => field(e, 'node') ?? '', 'node', 'a node'),
  ]);
}

/** Every problem in an emission tables document (JSON text or a parsed value); empty when valid. Never throws. */
export function validateEmissionTables(input: unknown, options: TableOptions = {}): NetworkProblem[] {
  return check(input, options).problems;
}

/** Validate and index emission tables. Throws one `InvalidTableError` (`table: 'emissions'`) listing every problem. */
export function parseEmissionTables(input: unknown, options: TableOptions = {}): EmissionTables {
  const { problems, doc } = check(input, options);
  if (problems.length > 0) throw new InvalidTableError('emissions', problems);
  const spec = deepFreeze(doc as EmissionTablesSpec);
  return Object.freeze({
    spec,
    id: spec.id,
    title: spec.title,
    gridByCountry: new Map(spec.electricity.map((e) => [e.country ?? '', e.gCo2ePerKwh])),
    electricShareByCountry: new Map(spec.rail.map((r) => [r.country ?? '', r.electricShare])),
    tractionByLink: new Map((spec.railLinks ?? []).map((r) => [r.link, r.traction])),
    vesselsByLink: groupBy(spec.vessels ?? [], (v) => v.link),
    hubByNode: new Map(spec.hubs.map((h) => [h.node ?? '', h.kgCo2ePerTeu])),
    sourceById: new Map((spec.sources ?? []).map((s) => [s.id, s])),
  });
}

/** Read and parse emission tables from a JSON file (`FileReadError`, `FileTooLargeError`, `InvalidTableError`). */
export function loadEmissionTables(path: string, options: LoadTableOptions = {}): EmissionTables {
  return parseEmissionTables(readTableText(path, options, 'loadEmissionTables'), options);
}

let defaultTables: EmissionTables | undefined;

/** The shipped emission tables (`data/emissions.json`), parsed once and cached. */
export function middleCorridorEmissions(): EmissionTables {
  defaultTables ??= parseEmissionTables(shipped, { requireSources: true });
  return defaultTables;
}

/** What in `tables` does not exist in `network`: links, nodes and profiles named. Never throws. */
export function emissionTablesProblems(network: Network, tables: EmissionTables): NetworkProblem[] {
  requireNetwork(network);
  requireEmissionTables(tables, 'tables');
  return networkReferenceProblems(tables.spec, network, { nodes: ['hubs'], links: ['railLinks', 'vessels'], profiles: ['road', 'vessels'] });
}

/** `tables` if they are parsed emission tables; otherwise an `InvalidArgumentError` naming `field`. */
export function requireEmissionTables(tables: unknown, field: string): EmissionTables {
  if (typeof tables !== 'object' || tables === null || !((tables as EmissionTables).gridByCountry instanceof Map)) {
    throw new InvalidArgumentError(field, tables, 'emission tables from parseEmissionTables, loadEmissionTables or middleCorridorEmissions');
  }
  return tables as EmissionTables;
}

const checked = new WeakMap<Network, WeakSet<EmissionTables>>();

/** Throw `InvalidTableError` when `tables` name links, nodes or profiles `network` lacks (checked once per pair). */
export function checkEmissionTables(network: Network, tables: EmissionTables): void {
  checkOncePerNetwork(checked, network, tables, 'emissions', () => emissionTablesProblems(network, tables));
}
