// Corridor alternatives as the library reads them: validated, frozen, checked against a network
// before use. The shipped document (`data/corridors.json`) sources every observed volume.
import shipped from '../../data/corridors.json' with { type: 'json' };
import { requireShape } from '../arguments.js';
import { InvalidTableError, type NetworkProblem } from '../errors.js';
import type { Network } from '../network/network.js';
import { checkDocument, deepFreeze } from '../network/validate.js';
import type { LoadTableOptions, TableOptions } from './cost-tables.js';
import { corridorAlternativesSchema } from './corridor-schema.js';
import type { CorridorAlternativesSpec } from './corridor-types.js';
import { ProblemList, checkOncePerNetwork, duplicateProblems, entries, field, networkReferenceProblems, readTableText, sourceProblems } from './table-checks.js';

function referenceProblem(doc: unknown): NetworkProblem[] {
  const out = new ProblemList(doc);
  const reference = field(doc, 'reference');
  if (reference !== undefined && !entries(doc, 'alternatives').some((a) => field(a, 'id') === reference)) {
    out.add('invalid_value', ['reference'], 'the id of one of the alternatives');
  }
  return out.problems;
}

function check(input: unknown, options: TableOptions): { problems: NetworkProblem[]; doc: unknown } {
  return checkDocument(input, corridorAlternativesSchema, (doc) => [
    ...sourceProblems(doc, ['alternatives'], options.requireSources === true),
    ...duplicateProblems(doc, 'alternatives', (e) => field(e, 'id'), 'id', 'an alternative id'),
    ...referenceProblem(doc),
  ]);
}

/** Every problem in a corridor alternatives document; empty when valid. Never throws. */
export function validateCorridorAlternatives(input: unknown, options: TableOptions = {}): NetworkProblem[] {
  return check(input, options).problems;
}

/** Validate corridor alternatives (JSON text or a parsed value). Throws one `InvalidTableError` (`table: 'corridors'`). */
export function parseCorridorAlternatives(input: unknown, options: TableOptions = {}): CorridorAlternativesSpec {
  const { problems, doc } = check(input, options);
  if (problems.length > 0) throw new InvalidTableError('corridors', problems);
  return deepFreeze(doc as CorridorAlternativesSpec);
}

/** Read and parse corridor alternatives from a JSON file (`FileReadError`, `FileTooLargeError`, `InvalidTableError`). */
export function loadCorridorAlternatives(path: string, options: LoadTableOptions = {}): CorridorAlternativesSpec {
  return parseCorridorAlternatives(readTableText(path, options, 'loadCorridorAlternatives'), options);
}

let defaultAlternatives: CorridorAlternativesSpec | undefined;

/** The shipped China–Europe alternatives (`data/corridors.json`): Middle, Northern, Southern and sea, with 2024 volumes. */
export function chinaEuropeCorridors(): CorridorAlternativesSpec {
  defaultAlternatives ??= parseCorridorAlternatives(shipped, { requireSources: true });
  return defaultAlternatives;
}

const checked = new WeakMap<Network, WeakSet<CorridorAlternativesSpec>>();

/** Throw `InvalidTableError` when the alternatives name nodes or profiles `network` lacks (checked once per pair). */
export function checkCorridorAlternatives(network: Network, spec: CorridorAlternativesSpec): void {
  requireShape(spec, 'alternatives', 'corridor alternatives from parseCorridorAlternatives, loadCorridorAlternatives or chinaEuropeCorridors', { alternatives: 'array' });
  checkOncePerNetwork(checked, network, spec, 'corridors', () => networkReferenceProblems(spec, network, { nodes: ['alternatives'], profiles: ['alternatives'] }));
}
