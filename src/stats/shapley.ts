// Exact Shapley values of n players from the value of every coalition: each player's marginal
// contribution averaged over every order of adding players, weighted |S|! (n − |S| − 1)! / n!.
import { InvalidArgumentError } from '../errors.js';

/**
 * Shapley values of `n` players (n ≤ 20) given `value(mask)` for every coalition (bit i = player i;
 * mask 0 is the empty coalition). They sum to `value(full) − value(0)` (efficiency).
 */
export function shapleyValues(n: number, value: (mask: number) => number): number[] {
  if (!Number.isInteger(n) || n < 0 || n > 20) throw new InvalidArgumentError('n', n, 'an integer from 0 to 20');
  if (typeof value !== 'function') throw new InvalidArgumentError('value', value, 'a function of a coalition mask');
  const full = (1 << n) - 1;
  const v = new Float64Array(full + 1);
  for (let mask = 0; mask <= full; mask++) {
    const x = value(mask);
    if (typeof x !== 'number' || Number.isNaN(x)) throw new InvalidArgumentError(`value(${mask})`, x, 'a number');
    v[mask] = x;
  }
  const factorial = [1];
  for (let k = 1; k <= n; k++) factorial.push(factorial[k - 1]! * k);
  const weights = Array.from({ length: Math.max(n, 1) }, (_, s) => (n === 0 ? 0 : (factorial[s]! * factorial[n - s - 1]!) / factorial[n]!));
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let phi = 0;
    for (let mask = 0; mask <= full; mask++) {
      if ((mask >> i) & 1) continue;
      let size = 0;
      for (let b = mask; b; b &= b - 1) size++;
      phi += weights[size]! * (v[mask | (1 << i)]! - v[mask]!);
    }
    out.push(phi);
  }
  return out;
}
