// Checking a distribution given to a public function (`meanOf`, `expectedDepartureWaitHours`,
// `scaleDistribution`) against the same schema that validates network documents, so that a wrong
// value is an `InvalidArgumentError` naming it, never a TypeError or a meaningless number.
import { InvalidArgumentError } from '../errors.js';
import { expectedDepartureWaitHours, meanOf } from './distribution.js';
import { distributionSchema } from './schema.js';
import type { Distribution } from './types.js';

/** `d` if it is a valid duration distribution (the schema of network documents); else `InvalidArgumentError` naming `field`. */
export function requireDistribution(d: unknown, field: string): Distribution {
  const r = distributionSchema.safeParse(d);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` (${issue.path.join('.')}: ${issue.message})`;
    throw new InvalidArgumentError(field, d, `a duration distribution in hours: fixed, uniform, triangular, lognormal or empirical, with valid parameters${where}`);
  }
  return d as Distribution;
}

/** `meanOf` for a distribution given from outside: checked first. */
export function checkedMeanOf(distribution: Distribution): number {
  return meanOf(requireDistribution(distribution, 'distribution'));
}

/**
 * `expectedDepartureWaitHours` for arguments given from outside: the headway a valid distribution
 * with a mean above 0, the cancellation probability a number in [0, 1).
 */
export function checkedExpectedDepartureWaitHours(headway: Distribution, cancellationProbability: number): number {
  requireDistribution(headway, 'headway');
  if (typeof cancellationProbability !== 'number' || !(cancellationProbability >= 0 && cancellationProbability < 1)) {
    throw new InvalidArgumentError('cancellationProbability', cancellationProbability, 'a probability in [0, 1): every departure cancelled would never leave');
  }
  return expectedDepartureWaitHours(headway, cancellationProbability);
}
