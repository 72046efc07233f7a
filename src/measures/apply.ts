// Applying measures: each transforms the document in turn, and the result is validated once —
// unless it is valid by construction: a validated network changed only by the library's own
// measures, whose transforms keep a valid document valid (test/measures-valid.property.test.ts checks
// this on random measures and networks). Attribution applies 2^n subsets of a package, so skipping a
// second validation of what is already known valid saves a full zod and cross-reference pass each.
import { InvalidArgumentError } from '../errors.js';
import { indexValidSpec, isIndexedNetwork, parseNetwork, requireNetwork, type Network } from '../network/network.js';
import { deepFreeze } from '../network/validate.js';
import { isLibraryMeasure } from './define.js';
import type { Measure } from './types.js';

/**
 * Whether `applyMeasures(network, measures)` indexes its result without validating it: `network`
 * came from `parseNetwork` (or from such a call) and every measure was built by the library's
 * factories. Otherwise the result is validated in full.
 */
export function validByConstruction(network: Network, measures: readonly Measure[]): boolean {
  return isIndexedNetwork(network) && measures.every(isLibraryMeasure);
}

/**
 * The network after `measures`, applied in order: each measure transforms the document the previous
 * one produced, then the result is indexed. When every measure comes from the library's factories
 * and `network` from `parseNetwork`, the result is valid by construction and is not validated again;
 * otherwise (a hand-written measure) it is validated once (`parseNetwork`, without the shipped
 * datasets' `requireSources` rule, since a user's added link need not cite a source). An empty list
 * returns `network` itself. Neither `network` nor the measures change. Throws `InvalidMeasureError`
 * when a measure does not fit the network (its scope names something the network lacks, an added
 * link cites an unknown source, a factor would overflow a figure), and `InvalidNetworkError` if the
 * result of a hand-written measure does not validate.
 */
export function applyMeasures(network: Network, measures: readonly Measure[]): Network {
  requireNetwork(network);
  if (!Array.isArray(measures)) throw new InvalidArgumentError('measures', measures, 'an array of measures');
  measures.forEach((m: unknown, i) => {
    if (typeof m !== 'object' || m === null || typeof (m as { transform?: unknown }).transform !== 'function') {
      throw new InvalidArgumentError(`measures[${i}]`, m, 'a measure (from streamlineCustoms, installScanners, … or createMeasure)');
    }
  });
  if (measures.length === 0) return network;
  let spec = network.spec;
  for (const m of measures) spec = m.transform(spec);
  // Unchanged parts are shared with the (deeply frozen) input; freezing stops at them.
  return validByConstruction(network, measures) ? indexValidSpec(deepFreeze(spec), network) : parseNetwork(spec);
}
