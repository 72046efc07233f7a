// `--volume`: the traffic volume of the queue model and of the congestion model, as a factor of the
// network's reference volume, containers a year or tonnes a year.
import type { Network } from '../network/network.js';
import { volumeFactorOf, type VolumeSpec } from '../simulate/congestion/volume.js';
import { UsageError } from './errors.js';
import { quote } from './escape.js';

/** `--volume` text: a factor (`1.5`), containers a year (`80000teu`) or tonnes a year (`13.5Mt`, `9000000t`). */
export function parseVolume(text: string): VolumeSpec {
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(mt|t|teu)?\s*$/i.exec(text);
  const value = m === null ? NaN : Number(m[1]);
  if (m === null || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--volume: expected a positive factor of the reference volume (1 = the network's reference year), containers a year such as 80000teu, or tonnes a year such as 13.5Mt; received ${quote(text)}`);
  }
  const unit = m[2]?.toLowerCase();
  if (unit === undefined) return value;
  if (unit === 'teu') return { teuPerYear: value };
  return { tonnesPerYear: unit === 'mt' ? value * 1e6 : value };
}

/** `--volume` on `network`, as a factor of its reference volume. */
export function volumeFactor(text: string, network: Network): number {
  return volumeFactorOf(network, parseVolume(text), '--volume');
}
