// Traffic volume as a factor on a network's reference volume (its document's `traffic`): given as
// the factor itself, or as containers or tonnes a year, which divide by the reference's.
import { InvalidArgumentError } from '../../errors.js';
import { requireNetwork, type Network } from '../../network/network.js';

/** A volume: a factor on the network's reference volume (1 = its reference year), or containers or tonnes a year. */
export type VolumeSpec = number | { readonly teuPerYear: number } | { readonly tonnesPerYear: number };

function positiveFinite(field: string, value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new InvalidArgumentError(field, value, what);
  return value;
}

/**
 * The factor on `network`'s reference volume that `volume` stands for (a number > 0 and ≤ 100).
 * `{ teuPerYear }` and `{ tonnesPerYear }` need the network's `traffic`. `InvalidArgumentError`
 * naming `field` on anything else.
 */
export function volumeFactorOf(network: Network, volume: VolumeSpec, field = 'volume'): number {
  requireNetwork(network);
  let factor: number;
  if (typeof volume === 'number') {
    factor = positiveFinite(field, volume, 'a factor on the network\'s reference volume, a number > 0 and <= 100');
  } else if (typeof volume === 'object' && volume !== null && !Array.isArray(volume)) {
    const keys = Object.keys(volume);
    const traffic = network.spec.traffic;
    if (keys.length !== 1 || (keys[0] !== 'teuPerYear' && keys[0] !== 'tonnesPerYear')) {
      throw new InvalidArgumentError(field, volume, 'a factor, { teuPerYear } or { tonnesPerYear }');
    }
    if (traffic === undefined) throw new InvalidArgumentError(field, volume, `a factor: network ${network.id} declares no traffic to divide by`);
    factor =
      'teuPerYear' in volume
        ? positiveFinite(`${field}.teuPerYear`, volume.teuPerYear, 'containers a year, a number > 0') / traffic.teuPerYear
        : positiveFinite(`${field}.tonnesPerYear`, volume.tonnesPerYear, 'tonnes a year, a number > 0') / traffic.tonnesPerYear;
  } else {
    throw new InvalidArgumentError(field, volume, 'a factor, { teuPerYear } or { tonnesPerYear }');
  }
  if (factor > 100) throw new InvalidArgumentError(field, volume, 'at most 100 times the network\'s reference volume');
  return factor;
}
