// Applying measures: each transforms the document in turn, and the result is validated once.
import { InvalidArgumentError } from '../errors.js';
import { parseNetwork, type Network } from '../network/network.js';
import type { Measure } from './types.js';

/**
 * The network after `measures`, applied in order: each measure transforms the document the previous
 * one produced, then the result is validated and indexed once (`parseNetwork`, without the
 * shipped datasets' `requireSources` rule, since a user's added link need not cite a source). An
 * empty list returns `network` itself. Neither `network` nor the measures change. Throws
 * `InvalidMeasureError` when a measure's scope names something the network lacks, and
 * `InvalidNetworkError` if the result does not validate (e.g. an added link whose `source` cites an
 * unknown key).
 */
export function applyMeasures(network: Network, measures: readonly Measure[]): Network {
  if (!Array.isArray(measures)) throw new InvalidArgumentError('measures', measures, 'an array of measures');
  measures.forEach((m: unknown, i) => {
    if (typeof m !== 'object' || m === null || typeof (m as { transform?: unknown }).transform !== 'function') {
      throw new InvalidArgumentError(`measures[${i}]`, m, 'a measure (from streamlineCustoms, installScanners, … or createMeasure)');
    }
  });
  if (measures.length === 0) return network;
  let spec = network.spec;
  for (const m of measures) spec = m.transform(spec);
  return parseNetwork(spec);
}
