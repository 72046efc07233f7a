// A list of flows checked field by field: what simulateFlow, volumeSweep and the congestion model
// take from a caller (or from a network's traffic).
import { InvalidArgumentError } from '../../errors.js';
import type { FlowSpec } from './types.js';

/** Check flows: unique ids, a profile, a non-negative rate, positive sizes. */
export function checkFlows(flows: unknown): readonly FlowSpec[] {
  if (!Array.isArray(flows) || flows.length === 0) throw new InvalidArgumentError('flows', flows, 'a non-empty array of flows');
  const ids = new Set<string>();
  flows.forEach((f: unknown, i) => {
    const at = `flows[${i}]`;
    if (typeof f !== 'object' || f === null) throw new InvalidArgumentError(at, f, 'a flow { id, name, origin, destination, profile, perWeek, size }');
    const x = f as Record<string, unknown>;
    if (typeof x['id'] !== 'string' || x['id'] === '') throw new InvalidArgumentError(`${at}.id`, x['id'], 'a non-empty string');
    if (ids.has(x['id'])) throw new InvalidArgumentError(`${at}.id`, x['id'], 'an id not used by another flow');
    ids.add(x['id']);
    for (const key of ['name', 'origin', 'destination'] as const) {
      if (typeof x[key] !== 'string' || x[key] === '') throw new InvalidArgumentError(`${at}.${key}`, x[key], 'a non-empty string');
    }
    const perWeek = x['perWeek'];
    if (typeof perWeek !== 'number' || !Number.isFinite(perWeek) || perWeek < 0) throw new InvalidArgumentError(`${at}.perWeek`, perWeek, 'a finite number of consignments per week >= 0');
    const size = x['size'];
    if (typeof size !== 'object' || size === null) throw new InvalidArgumentError(`${at}.size`, size, 'an object { teu?, wagons?, trucks? }');
    for (const [key, v] of Object.entries(size)) {
      if (!['teu', 'wagons', 'trucks'].includes(key)) throw new InvalidArgumentError(`${at}.size.${key}`, v, 'no such unit (teu, wagons, trucks)');
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InvalidArgumentError(`${at}.size.${key}`, v, 'a finite number > 0');
    }
    if (x['scales'] !== undefined && typeof x['scales'] !== 'boolean') throw new InvalidArgumentError(`${at}.scales`, x['scales'], 'true or false');
  });
  return flows as FlowSpec[];
}
