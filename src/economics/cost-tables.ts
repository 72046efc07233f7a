// Cost tables as the library reads them: validated, frozen, indexed by node and link, and checked
// against a network before use (every node, link and profile they name must exist there). The shipped
// tables (`data/costs.json`) cite a source or an estimate for every figure.
import shipped from '../../data/costs.json' with { type: 'json' };
import { InvalidArgumentError, InvalidTableError, type NetworkProblem } from '../errors.js';
import { requireNetwork, type Network } from '../network/network.js';
import type { SourceSpec } from '../network/types.js';
import { checkDocument, deepFreeze } from '../network/validate.js';
import { costTablesSchema } from './cost-schema.js';
import type { CostTablesSpec, NodeCharge, ServiceTariff } from './cost-types.js';
import { checkOncePerNetwork, duplicateProblems, groupBy, field, networkReferenceProblems, readTableText, sourceProblems } from './table-checks.js';

/** Options of `parseCostTables` and `validateCostTables`. */
export interface TableOptions {
  /** Require a `source` on every rate, charge, tariff and fit (the rule for shipped tables). Default false. */
  readonly requireSources?: boolean;
}

/** Options of the table loaders: the validation options and the cap on the file's size. */
export interface LoadTableOptions extends TableOptions {
  /** Refuse a file larger than this many bytes (`FileTooLargeError`). Default `DEFAULT_MAX_FILE_BYTES`, 256 MiB. */
  readonly maxFileBytes?: number;
}

/** Validated cost tables, frozen and indexed. Create them with `parseCostTables`. */
export interface CostTables {
  readonly spec: CostTablesSpec;
  readonly id: string;
  readonly title: string;
  readonly priceYear: number;
  /** Charges per node id, in document order. */
  readonly chargesByNode: ReadonlyMap<string, readonly NodeCharge[]>;
  /** Service tariffs per link document id, in document order. */
  readonly tariffsByLink: ReadonlyMap<string, readonly ServiceTariff[]>;
  readonly sourceById: ReadonlyMap<string, SourceSpec>;
}

const SOURCED = ['lineHaul', 'nodeCharges', 'services', 'timeCharges', 'fits'] as const;

function check(input: unknown, options: TableOptions): { problems: NetworkProblem[]; doc: unknown } {
  return checkDocument(input, costTablesSchema, (doc) => [
    ...sourceProblems(doc, SOURCED, options.requireSources === true),
    ...duplicateProblems(doc, 'nodeCharges', (e) => (field(e, 'node') === undefined || field(e, 'id') === undefined ? undefined : `${field(e, 'node')}|${field(e, 'id')}`), 'id', 'a charge id at this node'),
    ...duplicateProblems(doc, 'timeCharges', (e) => field(e, 'id'), 'id', 'a time charge id'),
    ...duplicateProblems(doc, 'fits', (e) => field(e, 'id'), 'id', 'a fit id'),
  ]);
}

/** Every problem in a cost tables document (JSON text or a parsed value); empty when valid. Never throws. */
export function validateCostTables(input: unknown, options: TableOptions = {}): NetworkProblem[] {
  return check(input, options).problems;
}

/** Validate and index cost tables. Throws one `InvalidTableError` (`table: 'costs'`) listing every problem. */
export function parseCostTables(input: unknown, options: TableOptions = {}): CostTables {
  const { problems, doc } = check(input, options);
  if (problems.length > 0) throw new InvalidTableError('costs', problems);
  const spec = deepFreeze(doc as CostTablesSpec);
  return Object.freeze({
    spec,
    id: spec.id,
    title: spec.title,
    priceYear: spec.priceYear,
    chargesByNode: groupBy(spec.nodeCharges ?? [], (c) => c.node),
    tariffsByLink: groupBy(spec.services ?? [], (t) => t.link),
    sourceById: new Map((spec.sources ?? []).map((s) => [s.id, s])),
  });
}

/** Read and parse cost tables from a JSON file (`FileReadError`, `FileTooLargeError`, `InvalidTableError`). */
export function loadCostTables(path: string, options: LoadTableOptions = {}): CostTables {
  return parseCostTables(readTableText(path, options, 'loadCostTables'), options);
}

let defaultTables: CostTables | undefined;

/**
 * The shipped cost tables for the Middle Corridor network (`data/costs.json`): every figure with a
 * source or an estimate and its reasoning; the fitted figures say which published band they were
 * fitted to. Parsed once and cached.
 */
export function middleCorridorCosts(): CostTables {
  defaultTables ??= parseCostTables(shipped, { requireSources: true });
  return defaultTables;
}

/** What in `tables` does not exist in `network`: nodes, links and profiles named. Never throws. */
export function costTablesProblems(network: Network, tables: CostTables): NetworkProblem[] {
  requireNetwork(network);
  requireCostTables(tables, 'tables');
  return networkReferenceProblems(tables.spec, network, { nodes: ['nodeCharges', 'fits'], links: ['services'], profiles: ['lineHaul', 'nodeCharges', 'services', 'timeCharges', 'fits'] });
}

/** `tables` if they are parsed cost tables; otherwise an `InvalidArgumentError` naming `field`. */
export function requireCostTables(tables: unknown, field: string): CostTables {
  if (typeof tables !== 'object' || tables === null || !((tables as CostTables).chargesByNode instanceof Map)) {
    throw new InvalidArgumentError(field, tables, 'cost tables from parseCostTables, loadCostTables or middleCorridorCosts');
  }
  return tables as CostTables;
}

const checked = new WeakMap<Network, WeakSet<CostTables>>();

/** Throw `InvalidTableError` when `tables` name nodes, links or profiles `network` lacks (checked once per pair). */
export function checkCostTables(network: Network, tables: CostTables): void {
  checkOncePerNetwork(checked, network, tables, 'costs', () => costTablesProblems(network, tables));
}
